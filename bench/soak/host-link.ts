// The soak's link to the real headless host: its WebSocket bridge (invoke by id, events by name) and the memory
// (VmRSS) of the host process and of its broker worker child, found through /proc/<host>/task/*/children.
import { readdirSync, readFileSync } from 'node:fs';
import WebSocket from 'ws';
import type { CommandInput, CommandName, CommandOutput, EventName, EventPayload } from '../../src-shared/contract/commands';
import type { Result } from '../../src-shared/contract/result';
import { TOKEN_PARAM, WS_PATH, type ServerFrame } from '../../src-shared/contract/ws-protocol';

export interface HostLink {
  /** The command's value; throws with the host's message when it answered with an error. */
  call<K extends CommandName>(name: K, input?: CommandInput<K>): Promise<CommandOutput<K>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): void;
  close(): void;
}

export async function connectHost(uiPort: number, token: string): Promise<HostLink> {
  const socket = new WebSocket(`ws://127.0.0.1:${uiPort}${WS_PATH}?${TOKEN_PARAM}=${token}`);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const waiting = new Map<number, (result: Result<unknown> | undefined) => void>();
  const listeners = new Map<string, Array<(payload: never) => void>>();
  let nextId = 1;
  socket.on('message', (data: Buffer) => {
    const frame = JSON.parse(data.toString()) as ServerFrame;
    if (frame.type === 'result') {
      waiting.get(frame.id)?.(frame.result);
      waiting.delete(frame.id);
    } else for (const listener of listeners.get(frame.name) ?? []) listener(frame.payload as never);
  });
  const settleAll = () => {
    for (const resolve of waiting.values()) resolve(undefined);
    waiting.clear();
  };
  socket.on('close', settleAll);
  return {
    async call(name, input = {} as never) {
      if (socket.readyState !== WebSocket.OPEN) throw new Error(`${name}: the bridge to the host is closed`);
      const id = nextId++;
      const result = await new Promise<Result<unknown> | undefined>((resolve) => {
        waiting.set(id, resolve);
        socket.send(JSON.stringify({ type: 'invoke', id, name, input }));
      });
      if (!result) throw new Error(`${name}: the host went away before it answered`);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
      return result.value as never;
    },
    on(name, listener) {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
    },
    close() {
      settleAll();
      socket.terminate();
    },
  };
}

/** Resident memory in MB, or null when the process is gone. */
export function rssMB(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((text) => text.startsWith('VmRSS:'));
    return line ? Math.round(Number(line.replace(/\D+/g, '')) / 102.4) / 10 : null;
  } catch {
    return null;
  }
}

/** The host's child process running broker-worker.js. */
export function brokerWorkerPid(hostPid: number): number | undefined {
  try {
    for (const task of readdirSync(`/proc/${hostPid}/task`)) {
      const children = readFileSync(`/proc/${hostPid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
      for (const child of children.map(Number)) {
        const cmdline = readFileSync(`/proc/${child}/cmdline`, 'utf8');
        if (cmdline.includes('broker-worker')) return child;
      }
    }
  } catch {
    // The host or a child went away while we looked.
  }
  return undefined;
}
