// The LabBridge over a WebSocket to the headless host: invokes by id, pushes events, reconnects by itself.
// Every invoke settles with a Result (never a rejected promise), even when the host is gone.
import type { CommandInput, CommandName, CommandOutput, EventName, EventPayload } from '../../../src-shared/contract/commands';
import { isEventName } from '../../../src-shared/contract/commands';
import { fail, type Result } from '../../../src-shared/contract/result';
import { TOKEN_PARAM, WS_PATH, type InvokeFrame } from '../../../src-shared/contract/ws-protocol';
import type { HostLink, HostLinkInfo, HostLinkState, LinkedBridge } from './host-link';

/** The part of the browser WebSocket this bridge uses, so tests can hand in a fake. */
export interface SocketLike {
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type SocketConstructor = new (url: string) => SocketLike;

export interface WsBridgeOptions {
  url: string;
  hasToken?: boolean;
  WebSocketCtor?: SocketConstructor;
  /** Waits between reconnect attempts; the last one repeats. */
  reconnectDelaysMs?: readonly number[];
  /** How long an invoke made while the host is away waits for it before failing. */
  queueTimeoutMs?: number;
  /** How long a sent invoke waits for its answer. */
  invokeTimeoutMs?: number;
}

export interface WsBridge extends LinkedBridge {
  dispose(): void;
}

interface Request {
  id: number;
  name: string;
  input: unknown;
  resolve: (result: Result<unknown>) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const DEFAULT_RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 4000];

export function bridgeUrl(location: Pick<Location, 'protocol' | 'host'>, token: string | null): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const query = token ? `?${TOKEN_PARAM}=${encodeURIComponent(token)}` : '';
  return `${scheme}://${location.host}${WS_PATH}${query}`;
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { ok?: unknown; error?: { message?: unknown } };
  if (candidate.ok === true) return true;
  return candidate.ok === false && typeof candidate.error?.message === 'string';
}

class WebSocketBridge implements WsBridge {
  private socket: SocketLike | null = null;
  private isOpen = false;
  private disposed = false;
  private nextId = 1;
  private failedAttempts = 0;
  private state: HostLinkState = 'connecting';
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly sent = new Map<number, Request>();
  private readonly waiting: Request[] = [];
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  private readonly linkListeners = new Set<(info: HostLinkInfo) => void>();
  private readonly options: Required<WsBridgeOptions>;

  readonly link: HostLink = {
    getInfo: () => this.linkInfo(),
    onChange: (listener) => {
      this.linkListeners.add(listener);
      return () => this.linkListeners.delete(listener);
    },
  };

  constructor(options: WsBridgeOptions) {
    this.options = {
      hasToken: true,
      WebSocketCtor: globalThis.WebSocket as unknown as SocketConstructor,
      reconnectDelaysMs: DEFAULT_RECONNECT_DELAYS_MS,
      queueTimeoutMs: 5000,
      invokeTimeoutMs: 60_000,
      ...options,
    };
    this.connect();
  }

  invoke<K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>> {
    return new Promise((resolve) => {
      const request: Request = {
        id: this.nextId++,
        name,
        input,
        resolve: resolve as (result: Result<unknown>) => void,
        timer: undefined,
      };
      if (this.disposed) request.resolve(this.goneError(name));
      else if (this.isOpen) this.send(request);
      else this.wait(request);
    });
  }

  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    const set = this.listeners.get(name) ?? new Set();
    const untyped = listener as (payload: unknown) => void;
    set.add(untyped);
    this.listeners.set(name, set);
    return () => set.delete(untyped);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.reconnectTimer);
    this.socket?.close(1000, 'closing');
    this.dropSocket();
    for (const request of this.waiting.splice(0)) this.settle(request, this.goneError(request.name));
    this.listeners.clear();
    this.linkListeners.clear();
  }

  private linkInfo(): HostLinkInfo {
    return { state: this.state, hasToken: this.options.hasToken, failedAttempts: this.failedAttempts };
  }

  private setState(state: HostLinkState): void {
    this.state = state;
    const info = this.linkInfo();
    for (const listener of [...this.linkListeners]) listener(info);
  }

  private connect(): void {
    let socket: SocketLike;
    try {
      socket = new this.options.WebSocketCtor(this.options.url);
    } catch {
      this.handleClose();
      return;
    }
    this.socket = socket;
    socket.onopen = () => this.handleOpen();
    socket.onclose = () => {
      if (this.socket === socket) this.handleClose();
    };
    socket.onerror = () => {};
    socket.onmessage = (event) => this.handleMessage(event.data);
  }

  private handleOpen(): void {
    this.isOpen = true;
    this.failedAttempts = 0;
    this.setState('open');
    for (const request of this.waiting.splice(0)) {
      clearTimeout(request.timer);
      this.send(request);
    }
  }

  private handleClose(): void {
    this.dropSocket();
    if (this.disposed) return;
    this.failedAttempts += 1;
    this.setState('lost');
    const delays = this.options.reconnectDelaysMs;
    const delayMs = delays[Math.min(this.failedAttempts, delays.length) - 1] ?? 1000;
    this.reconnectTimer = setTimeout(() => this.connect(), delayMs);
  }

  /** Forget the socket and fail what it was carrying: those answers can never arrive. */
  private dropSocket(): void {
    if (this.socket) {
      this.socket.onopen = this.socket.onclose = this.socket.onerror = this.socket.onmessage = null;
    }
    this.socket = null;
    this.isOpen = false;
    for (const request of [...this.sent.values()]) {
      this.settle(
        request,
        fail('UNAVAILABLE', `Lost contact with the lab host before "${request.name}" was answered. Try again when the connection is back.`),
      );
    }
  }

  private send(request: Request): void {
    const frame: InvokeFrame = { type: 'invoke', id: request.id, name: request.name, input: request.input };
    try {
      this.socket?.send(JSON.stringify(frame));
    } catch {
      this.settle(request, this.goneError(request.name));
      return;
    }
    this.sent.set(request.id, request);
    request.timer = setTimeout(() => {
      this.settle(request, fail('TIMEOUT', `The lab host did not answer "${request.name}" within ${Math.round(this.options.invokeTimeoutMs / 1000)} seconds.`));
    }, this.options.invokeTimeoutMs);
  }

  private wait(request: Request): void {
    this.waiting.push(request);
    request.timer = setTimeout(() => {
      const index = this.waiting.indexOf(request);
      if (index >= 0) this.waiting.splice(index, 1);
      request.resolve(this.goneError(request.name));
    }, this.options.queueTimeoutMs);
  }

  private settle(request: Request, result: Result<unknown>): void {
    clearTimeout(request.timer);
    this.sent.delete(request.id);
    request.resolve(result);
  }

  private goneError(name: string): Result<never> {
    return fail('UNAVAILABLE', `Lost contact with the lab host, so "${name}" was not sent. It works again once the host is back.`);
  }

  private handleMessage(data: unknown): void {
    let frame: { type?: unknown; id?: unknown; result?: unknown; name?: unknown; payload?: unknown };
    try {
      frame = JSON.parse(String(data)) as typeof frame;
    } catch {
      return;
    }
    if (frame?.type === 'result' && typeof frame.id === 'number') {
      const request = this.sent.get(frame.id);
      if (!request) return;
      const result = isResult(frame.result)
        ? frame.result
        : fail('INTERNAL', `The lab host sent an answer to "${request.name}" that MQTT Lab cannot read.`);
      this.settle(request, result);
    } else if (frame?.type === 'event' && isEventName(frame.name)) {
      this.deliver(frame.name, frame.payload);
    }
  }

  private deliver(name: string, payload: unknown): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        // One broken listener must not stop the others or the socket's message loop.
        console.error(`A listener for "${name}" failed`, error);
      }
    }
  }
}

export function createWsBridge(options: WsBridgeOptions): WsBridge {
  return new WebSocketBridge(options);
}
