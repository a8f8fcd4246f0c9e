// Starts the built headless host (`<out>/main/host.js`, the same file `npm run serve` runs, without its stale-build
// check) on a given data folder and ephemeral ports, kills its whole process group with SIGKILL, and talks to it
// over the WebSocket bridge. For the crash-safety test, which restarts the host many times on the same data.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import WebSocket from 'ws';
import type { Result } from '../../../src-shared/contract/result';
import { TOKEN_PARAM, WS_PATH, type ServerFrame } from '../../../src-shared/contract/ws-protocol';

const root = path.resolve(import.meta.dirname, '../../..');
const outName = process.env.MQTT_LAB_OUT_DIR;
const hostFile = path.join(outName ? path.join(root, '.out', path.basename(outName)) : path.join(root, 'out'), 'main/host.js');
const READY = /^MQTT Lab ready: http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\w+) /m;

export interface Host {
  uiPort: number;
  token: string;
  process: ChildProcess;
  exited: Promise<void>;
  output(): string;
  /** SIGKILL to the host and everything it started (its broker worker is in its process group). */
  kill(): void;
  /** A normal stop (SIGTERM), as when the student closes the lab. */
  stop(): Promise<void>;
}

export async function startHost(dataDir: string, timeoutMs = 30_000): Promise<Host> {
  const args = ['--ui-port', '0', '--broker-port', '0', '--ws-port', '0', '--counterfit-port', '0', '--data-dir', dataDir];
  const child = spawn(process.execPath, [hostFile, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  const kill = () => {
    if (child.pid && alive()) process.kill(-child.pid, 'SIGKILL');
  };
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The host did not print its ready line in time:\n${log}`)), timeoutMs);
    child.stdout.on('data', () => {
      const found = READY.exec(log);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The host exited (${code ?? signal}) before it was ready:\n${log}`));
    });
  }).catch((error: unknown) => {
    kill();
    throw error;
  });
  return {
    uiPort: Number(match[1]),
    token: match[2]!,
    process: child,
    exited,
    output: () => log,
    kill,
    async stop() {
      if (!alive()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(kill, 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface Bridge {
  /** The command's Result, or undefined when the host went away before it answered. */
  invoke(name: string, input: unknown): Promise<Result<unknown> | undefined>;
  close(): void;
}

export async function connectBridge(host: Host): Promise<Bridge> {
  const socket = new WebSocket(`ws://127.0.0.1:${host.uiPort}${WS_PATH}?${TOKEN_PARAM}=${host.token}`);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const waiting = new Map<number, (result: Result<unknown> | undefined) => void>();
  let nextId = 1;
  socket.on('message', (data: Buffer) => {
    const frame = JSON.parse(data.toString()) as ServerFrame;
    if (frame.type !== 'result') return;
    waiting.get(frame.id)?.(frame.result);
    waiting.delete(frame.id);
  });
  const settleAll = () => {
    for (const resolve of waiting.values()) resolve(undefined);
    waiting.clear();
  };
  socket.on('close', settleAll);
  socket.on('error', settleAll);
  return {
    invoke(name, input) {
      if (socket.readyState !== WebSocket.OPEN) return Promise.resolve(undefined);
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        socket.send(JSON.stringify({ type: 'invoke', id, name, input }));
      });
    },
    close() {
      settleAll();
      socket.terminate();
    },
  };
}
