// The soak's simulated board: a socat pseudo-terminal pair whose "board" end this process writes {"light": N}
// lines to (with a seq), while the lab holds the "port" end. unplug() kills socat; plug() makes the pair again at
// the same paths, as a board that is pulled out and put back.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, constants, existsSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class BoardPty {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'soak-board-'));
  readonly boardEnd = path.join(this.dir, 'board');
  readonly portPath = path.join(this.dir, 'port');
  private socat: ChildProcess | null = null;
  private fd: number | null = null;

  async plug(): Promise<void> {
    this.socat = spawn('socat', [`pty,raw,echo=0,link=${this.boardEnd}`, `pty,raw,echo=0,link=${this.portPath}`], { stdio: 'ignore' });
    await until(() => existsSync(this.boardEnd) && existsSync(this.portPath), 'socat to make the pseudo-terminals');
  }

  /** Starts the board's side (after the lab opened the port: opening discards what was waiting). */
  powerOn(): void {
    this.fd = openSync(this.boardEnd, constants.O_RDWR | constants.O_NOCTTY | constants.O_NONBLOCK);
  }

  /** False when the line could not be written (unplugged, or the pty buffer is full). */
  writeLine(line: string): boolean {
    if (this.fd === null) return false;
    try {
      writeSync(this.fd, `${line}\r\n`);
      return true;
    } catch {
      return false;
    }
  }

  async unplug(): Promise<void> {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    const socat = this.socat;
    this.socat = null;
    if (socat && socat.exitCode === null) {
      const exited = new Promise((resolve) => socat.once('exit', resolve));
      socat.kill('SIGTERM');
      await exited;
    }
    await until(() => !existsSync(this.portPath), 'the port path to vanish');
  }

  async dispose(): Promise<void> {
    await this.unplug().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
