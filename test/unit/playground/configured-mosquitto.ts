// Starts Debian mosquitto with extra config lines (max_qos, max_packet_size, ...) on an ephemeral loopback port,
// for playground tests of brokers that refuse or downgrade. stop() kills it and removes its temp folder.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort, MOSQUITTO_BINARY, type RunningMosquitto } from '../../support/mosquitto';

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

export async function startConfiguredMosquitto(extraConfig: string[]): Promise<RunningMosquitto> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mqtt-lab-playground-mosquitto-'));
  const port = await freePort();
  const configPath = path.join(dir, 'mosquitto.conf');
  writeFileSync(configPath, [`listener ${port} 127.0.0.1`, 'allow_anonymous true', 'persistence false', 'log_dest stdout', ...extraConfig, ''].join('\n'));
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
  const deadline = Date.now() + 5000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`mosquitto did not start on 127.0.0.1:${port}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { port, output: () => output, stop };
}
