// A pseudo-terminal pair from socat plus a simulated board (board-sim.py) on one end: the other end is a "serial
// port" the lab opens by path. unplug() kills socat (the links vanish), replug() starts both again on the same paths.
// The board starts printing only on powerOn(): opening a port discards what was waiting in it, so a test opens the
// port first, like the real Wio Terminal that waits for the monitor (DTR) before it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SIMULATOR = fileURLToPath(new URL('./board-sim.py', import.meta.url));

export interface SimulatedBoard {
  /** The path the lab opens. */
  portPath: string;
  /** Starts the board program (it prints its first lines at once). */
  powerOn(): void;
  unplug(): Promise<void>;
  replug(): Promise<void>;
  stop(): Promise<void>;
}

function stopProcess(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function startSimulatedBoard(mode: 'wio' | 'bridge', intervalMs = 200): Promise<SimulatedBoard> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'board-pty-'));
  const boardEnd = path.join(dir, 'board');
  const portPath = path.join(dir, 'port');
  let socat: ChildProcess | null = null;
  let simulator: ChildProcess | null = null;

  async function plug(): Promise<void> {
    socat = spawn('socat', [`pty,raw,echo=0,link=${boardEnd}`, `pty,raw,echo=0,link=${portPath}`], { stdio: 'ignore' });
    await until(() => existsSync(boardEnd) && existsSync(portPath), 'socat to make the pseudo-terminals');
  }

  function powerOn(): void {
    simulator = spawn('python3', [SIMULATOR, boardEnd, mode, String(intervalMs)], { stdio: 'ignore' });
  }

  async function unplug(): Promise<void> {
    await stopProcess(socat);
    await stopProcess(simulator);
    socat = null;
    simulator = null;
    await until(() => !existsSync(portPath), 'the port path to vanish');
  }

  await plug();
  return {
    portPath,
    powerOn,
    unplug,
    /** Plugged back in: the board boots and prints again while the lab is still noticing the port. */
    async replug() {
      await plug();
      powerOn();
    },
    async stop() {
      await unplug();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
