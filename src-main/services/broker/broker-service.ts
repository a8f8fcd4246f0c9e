// Supervises the built-in broker's worker process: starts it, restarts it on the same ports when it dies,
// gives up after a crash loop, and reports a status a student can read. It never runs aedes in this process.
import { LabError } from '../../../src-shared/contract/result';
import { englishErrorMessage, errorText, type ErrorText } from '../../../src-shared/i18n/error-text';
import type { BrokerStatus } from '../../../src-shared/contract/schemas';
import { Emitter, type Disposable } from '../../lib/emitter';
import { reasonOf } from '../../lib/reason-of';
import type { Logger } from '../../lib/logger';
import { LanSupervisor, type LanListenerStatus, type LanSettings, type LanStudentLogin } from './lan-supervisor';
import { WorkerSession, type ForkBrokerWorker, type Listening, type ListeningPorts } from './worker-session';

export type { BrokerWorkerHandle, ForkBrokerWorker } from './worker-session';
export type { LanClientInfo, LanListenerStatus, LanSettings, LanStudentLogin } from './lan-supervisor';

export interface BrokerServiceOptions {
  fork: ForkBrokerWorker;
  host: string;
  /** 0 = any free port; a taken port moves to the next free one. */
  tcpPort: number;
  wsPort: number;
  /** Where LAN mode listens: every interface ('0.0.0.0') by default; tests pass '127.0.0.1'. */
  lanHost?: string;
  logger: Logger;
  /**
   * Where the broker keeps sessions, queued QoS 1/2 messages, subscriptions and retained messages on disk, so they
   * outlive a crashed worker and "Restart broker"; emptied at the first start of each run (docs/architecture.md).
   * None: in memory only, gone with every restart.
   */
  storeDir?: string;
  /** How long a worker may take to report that it listens. */
  startTimeoutMs?: number;
  /** How long a graceful stop may take before the worker is killed. */
  stopTimeoutMs?: number;
}

/** More crashes than this within CRASH_WINDOW_MS means restarting will not help. */
export const MAX_CRASHES_IN_WINDOW = 5;
export const CRASH_WINDOW_MS = 30_000;
/** Backoff cap: leaves time for the new process to boot, so the broker is back within about 2 s. */
export const MAX_RESTART_DELAY_MS = 1000;

/** The broker's status sentences as keys (`errors.broker.*`); the status carries them as messageTexts. */
export const BROKER_TEXTS = {
  restarting: errorText('errors.broker.restarting'),
  restarted: errorText('errors.broker.restarted'),
  crashLoop: errorText('errors.broker.crashLoop', { times: MAX_CRASHES_IN_WINDOW, seconds: CRASH_WINDOW_MS / 1000 }),
  closing: errorText('errors.broker.closing'),
};

/** Their English (logs, tests, the status's message). */
export const MESSAGES = {
  restarting: englishErrorMessage(BROKER_TEXTS.restarting),
  restarted: englishErrorMessage(BROKER_TEXTS.restarted),
  crashLoop: englishErrorMessage(BROKER_TEXTS.crashLoop),
  closing: englishErrorMessage(BROKER_TEXTS.closing),
} as const;

/** A status's message from its sentences; messageTexts only when every sentence has a key. */
function spoken(notes: (ErrorText | string)[]): Pick<BrokerStatus, 'message' | 'messageTexts'> {
  if (notes.length === 0) return { message: undefined, messageTexts: undefined };
  const message = notes.map((note) => (typeof note === 'string' ? note : englishErrorMessage(note))).join(' ');
  return { message, messageTexts: notes.every((note) => typeof note !== 'string') ? (notes as ErrorText[]) : undefined };
}

/** First crash: restart at once; then 250, 500, 1000 ms. */
export function restartDelayMs(crashesInWindow: number): number {
  return crashesInWindow <= 1 ? 0 : Math.min(MAX_RESTART_DELAY_MS, 250 * 2 ** (crashesInWindow - 2));
}

function portNote(kind: string, requested: number, actual: number | null): ErrorText | undefined {
  if (requested === 0 || actual === null || actual === requested) return undefined;
  return errorText('errors.broker.portMoved', { kind, requested, actual });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Why a start failed, as the status says it: the error's key when it has one (translated), else its English. */
function failureNote(error: unknown): ErrorText | string {
  return error instanceof LabError && error.text ? error.text : errorMessage(error);
}

export class BrokerService {
  private status: BrokerStatus;
  private session: WorkerSession | null = null;
  private starting: Promise<BrokerStatus> | null = null;
  private restarting: Promise<BrokerStatus> | null = null;
  /** Where the broker last listened: restarts go back there so clients find it at the same address. */
  private lastPorts: ListeningPorts | null = null;
  private restartTimer: NodeJS.Timeout | undefined;
  private crashTimesMs: number[] = [];
  /** Until a worker has listened once, the store still holds the previous run's data, which a new run starts without. */
  private freshStore = true;
  private disposed = false;
  private readonly events: Emitter<{ statusChanged: BrokerStatus }>;
  private readonly lan: LanSupervisor;
  private readonly startTimeoutMs: number;
  private readonly stopTimeoutMs: number;

  constructor(private readonly options: BrokerServiceOptions) {
    this.startTimeoutMs = options.startTimeoutMs ?? 10_000;
    this.stopTimeoutMs = options.stopTimeoutMs ?? 3_000;
    this.events = new Emitter((error) => options.logger.error('A broker status listener failed', error));
    this.lan = new LanSupervisor(options.lanHost ?? '0.0.0.0', () => (this.status.state === 'running' ? this.session : null), options.logger);
    this.status = {
      state: 'stopped',
      host: options.host,
      tcpPort: null,
      wsPort: null,
      requestedTcpPort: options.tcpPort,
      requestedWsPort: options.wsPort,
      restarts: 0,
      connectedClients: 0,
    };
  }

  getStatus(): BrokerStatus {
    return { ...this.status };
  }

  onStatusChanged(listener: (status: BrokerStatus) => void): Disposable {
    return this.events.on('statusChanged', listener);
  }

  getLanStatus(): LanListenerStatus {
    return this.lan.getStatus();
  }

  onLanChanged(listener: (status: LanListenerStatus) => void): Disposable {
    return this.lan.onChanged(listener);
  }

  /**
   * LAN mode: also listen on the local network (its own port) where only settings.username/password may log in;
   * loopback stays as it is. null closes that listener and disconnects its clients. Kept across broker restarts.
   */
  async setLan(settings: LanSettings | null): Promise<LanListenerStatus> {
    this.assertOpen();
    return this.lan.set(settings);
  }

  /** A new class list for LAN mode, applied without reopening; clients of removed or blocked students are dropped. */
  async setLanStudents(students: LanStudentLogin[]): Promise<number> {
    this.assertOpen();
    return this.lan.setStudents(students);
  }

  /** Disconnects one LAN client (by client id); loopback clients are never touched. Resolves with how many. */
  async kickLanClient(clientId: string): Promise<number> {
    this.assertOpen();
    return this.lan.kick(clientId);
  }

  /** The worker's process id while one runs (for diagnostics and tests). */
  get workerPid(): number | undefined {
    return this.session?.pid;
  }

  /** Starts the worker; resolves once it listens. Calling it while running or starting is harmless. */
  async start(): Promise<BrokerStatus> {
    this.assertOpen();
    const inFlight = this.restarting ?? this.starting;
    if (inFlight) return inFlight;
    if (this.session && this.status.state === 'running') return this.getStatus();
    clearTimeout(this.restartTimer);
    return this.launch('starting', this.lastPorts ?? this.requestedPorts());
  }

  /** Graceful stop, then start again on the same ports. Also the way out of the 'failed' state. */
  async restart(): Promise<BrokerStatus> {
    this.assertOpen();
    if (!this.restarting) {
      this.restarting = this.stopThenLaunch().finally(() => (this.restarting = null));
    }
    return this.restarting;
  }

  /** Stops the worker (killing it if it does not stop in time) and drops every listener. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.restartTimer);
    const session = this.session;
    this.session = null;
    await session?.stop(this.stopTimeoutMs);
    // A restart in flight may still be stopping the previous worker; dispose returns only once it is gone.
    await Promise.all([this.starting?.catch(() => undefined), this.restarting?.catch(() => undefined)]);
    this.status = { ...this.status, state: 'stopped', tcpPort: null, wsPort: null, connectedClients: 0, message: MESSAGES.closing, messageTexts: [BROKER_TEXTS.closing] };
    this.events.emit('statusChanged', this.getStatus());
    this.events.clear();
    this.lan.dispose();
  }

  private async stopThenLaunch(): Promise<BrokerStatus> {
    clearTimeout(this.restartTimer);
    await this.starting?.catch(() => undefined);
    this.update({ state: 'restarting', connectedClients: 0, message: undefined });
    this.lan.workerGone();
    const previous = this.session;
    this.session = null;
    await previous?.stop(this.stopTimeoutMs);
    this.assertOpen();
    this.crashTimesMs = [];
    return this.launch('restarting', this.lastPorts ?? this.requestedPorts());
  }

  private launch(state: 'starting' | 'restarting', ports: ListeningPorts): Promise<BrokerStatus> {
    this.update({ state, connectedClients: 0, message: undefined });
    const attempt = this.spawn(ports).then(
      (actual) => this.markRunning(actual, undefined),
      (error: unknown) => {
        if (this.disposed) throw new LabError('UNAVAILABLE', BROKER_TEXTS.closing);
        const note = failureNote(error);
        this.options.logger.error('The built-in broker could not start', { message: errorMessage(error) });
        this.update({ state: 'failed', tcpPort: null, wsPort: null, ...spoken([note]) });
        throw new LabError('UNAVAILABLE', note);
      },
    );
    const tracked: Promise<BrokerStatus> = attempt.finally(() => {
      if (this.starting === tracked) this.starting = null;
    });
    this.starting = tracked;
    return tracked;
  }

  /** Forks a worker and waits until it listens; on failure the worker is gone before this rejects. */
  private async spawn(ports: ListeningPorts): Promise<Listening> {
    let session: WorkerSession;
    try {
      session = new WorkerSession(this.options.fork(), {
        onClients: (count) => {
          if (this.session === session && this.status.state === 'running') this.update({ connectedClients: count });
        },
        onExit: (code) => this.handleExit(session, code),
        onLanClients: (clients) => this.session === session && this.lan.lanClientsChanged(clients),
      });
    } catch (error) {
      throw new LabError('UNAVAILABLE', errorText('errors.broker.couldNotStart', { reason: reasonOf(error) }));
    }
    this.session = session;
    try {
      const store = this.options.storeDir ? { dir: this.options.storeDir, fresh: this.freshStore } : undefined;
      const actual = await session.listen(this.options.host, ports, this.startTimeoutMs, store);
      if (this.session !== session) throw new Error(MESSAGES.closing);
      this.freshStore = false;
      return actual;
    } catch (error) {
      if (this.session === session) this.session = null;
      await session.kill();
      throw error;
    }
  }

  private markRunning(listening: Listening, message: ErrorText | undefined): BrokerStatus {
    const { storeNote, ...actual } = listening;
    if (storeNote) this.options.logger.warn('The built-in broker could not use its store as it was', { storeNote: englishErrorMessage(storeNote) });
    const notes = [
      message,
      storeNote,
      portNote('MQTT', this.status.requestedTcpPort, actual.tcpPort),
      portNote('WebSocket', this.status.requestedWsPort, actual.wsPort),
    ].filter((note): note is ErrorText => Boolean(note));
    this.lastPorts = actual;
    this.update({ state: 'running', ...actual, ...spoken(notes) });
    this.lan.workerRunning();
    return this.getStatus();
  }

  private handleExit(session: WorkerSession, code: number | null): void {
    if (this.session !== session) return;
    this.session = null;
    this.lan.workerGone();
    // While starting, listen() rejects on exit and launch() reports it; only a running broker "crashes".
    if (this.status.state !== 'running' || this.disposed) return;
    this.options.logger.warn('The built-in broker worker stopped unexpectedly', { code, pid: session.pid });
    this.recordCrash();
  }

  private recordCrash(): void {
    const nowMs = Date.now();
    this.crashTimesMs = [...this.crashTimesMs.filter((timeMs) => nowMs - timeMs < CRASH_WINDOW_MS), nowMs];
    if (this.crashTimesMs.length >= MAX_CRASHES_IN_WINDOW) {
      this.options.logger.error('The built-in broker keeps crashing; not restarting it again');
      this.update({ state: 'failed', tcpPort: null, wsPort: null, connectedClients: 0, ...spoken([BROKER_TEXTS.crashLoop]) });
      return;
    }
    this.update({ state: 'restarting', connectedClients: 0, restarts: this.status.restarts + 1, ...spoken([BROKER_TEXTS.restarting]) });
    const ports = this.lastPorts ?? this.requestedPorts();
    this.restartTimer = setTimeout(() => void this.autoRestart(ports), restartDelayMs(this.crashTimesMs.length));
  }

  private async autoRestart(ports: ListeningPorts): Promise<void> {
    const attempt = this.spawn(ports).then((actual) => this.markRunning(actual, BROKER_TEXTS.restarted));
    this.starting = attempt;
    try {
      await attempt;
    } catch (error) {
      this.options.logger.warn('Restarting the built-in broker failed', { message: errorMessage(error) });
      if (!this.disposed) this.recordCrash();
    } finally {
      if (this.starting === attempt) this.starting = null;
    }
  }

  private requestedPorts(): ListeningPorts {
    return { tcpPort: this.status.requestedTcpPort, wsPort: this.status.requestedWsPort };
  }

  private update(change: Partial<BrokerStatus>): void {
    if (this.disposed) return;
    const next = { ...this.status, ...change };
    // A new message without its keys is plain English: drop the old message's keys with it.
    if ('message' in change && !('messageTexts' in change)) next.messageTexts = undefined;
    const keys = new Set([...Object.keys(this.status), ...Object.keys(next)]) as Set<keyof BrokerStatus>;
    if ([...keys].every((key) => next[key] === this.status[key])) return;
    this.status = next;
    this.events.emit('statusChanged', this.getStatus());
  }

  private assertOpen(): void {
    if (this.disposed) throw new LabError('UNAVAILABLE', BROKER_TEXTS.closing);
  }
}
