// Starts the real headless host (`node scripts/serve.mjs`) on ephemeral ports with a fresh data folder,
// parses its ready line, and stops it (and its broker worker) afterwards. Used by e2e and integration tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunningLab {
  url: string;
  token: string;
  uiPort: number;
  brokerPort: number;
  wsPort: number;
  /** The nightlight's CounterFit-compatible HTTP port, when the ready line names one. */
  counterfitPort: number | undefined;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

const READY =
  /^MQTT Lab ready: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\w+)) broker=mqtt:\/\/127\.0\.0\.1:(\d+) ws=ws:\/\/127\.0\.0\.1:(\d+)(?: counterfit=http:\/\/127\.0\.0\.1:(\d+))?/m;
const root = path.resolve(import.meta.dirname, '../..');

export async function serveLab(options: { dataDir?: string; extraArgs?: string[]; timeoutMs?: number } = {}): Promise<RunningLab> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'mqtt-lab-'));
  const args = ['scripts/serve.mjs', '--ui-port', '0', '--broker-port', '0', '--ws-port', '0', '--counterfit-port', '0', '--data-dir', dataDir];
  const child = spawn(process.execPath, [...args, ...(options.extraArgs ?? [])], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The lab did not print its ready line in time:\n${log}`)), options.timeoutMs ?? 120_000);
    const check = () => {
      const found = READY.exec(log);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The lab exited (${code}) before it was ready:\n${log}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return {
    url: match[1]!,
    uiPort: Number(match[2]),
    token: match[3]!,
    brokerPort: Number(match[4]),
    wsPort: Number(match[5]),
    counterfitPort: match[6] === undefined ? undefined : Number(match[6]),
    dataDir,
    process: child,
    output: () => log,
    stop,
  };
}
