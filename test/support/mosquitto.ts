// Runs the real Debian mosquitto broker for interop tests: temp config, loopback only, an ephemeral port.
// stop() kills the process and removes its temp folder; nothing here touches port 1883.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const MOSQUITTO_BINARY = '/usr/sbin/mosquitto';

export interface RunningMosquitto {
  port: number;
  output(): string;
  stop(): Promise<void>;
}

/** Asks the OS for a free port by binding 0, then frees it for mosquitto (a small race we accept in tests). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** extraConfig: more mosquitto.conf lines (max_qos 1, max_packet_size 2000, ...) for brokers that refuse or downgrade. */
export async function startMosquitto(options: { timeoutMs?: number; extraConfig?: string[] } = {}): Promise<RunningMosquitto> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mqtt-lab-mosquitto-'));
  const port = await freePort();
  const configPath = path.join(dir, 'mosquitto.conf');
  writeFileSync(configPath, [`listener ${port} 127.0.0.1`, 'allow_anonymous true', 'persistence false', 'log_dest stdout', ...(options.extraConfig ?? []), ''].join('\n'));
  const child = spawn(MOSQUITTO_BINARY, ['-c', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.timeoutMs ?? 5000);
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`mosquitto did not start on 127.0.0.1:${port}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { port, output: () => output, stop };
}
