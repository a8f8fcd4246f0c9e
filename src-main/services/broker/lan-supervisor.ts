// The supervisor's half of LAN mode: remembers whether the student wants the broker on the local network, asks
// each worker (also after a restart) to open or close its LAN listener, and keeps a status. Never binds anything itself.
import { LabError } from '../../../src-shared/contract/result';
import { englishErrorMessage, errorText, type ErrorText } from '../../../src-shared/i18n/error-text';
import { Emitter, type Disposable } from '../../lib/emitter';
import type { Logger } from '../../lib/logger';
import type { LanClientInfo, LanStudentLogin } from './broker-protocol';
import type { WorkerSession } from './worker-session';

export type { LanClientInfo, LanStudentLogin } from './broker-protocol';

export interface LanSettings {
  /** The port asked for (the lesson's 1883); when taken, the next free one is used. */
  port: number;
  username: string;
  password: string;
  /** Students' own logins (hashes only); each may use only `<id>/...`. None when absent. */
  students?: LanStudentLogin[];
}

export type LanState = 'off' | 'starting' | 'on' | 'failed';

export interface LanListenerStatus {
  state: LanState;
  /** The port really used while on. */
  port: number | null;
  /** Clients logged in through the LAN listener. */
  lanClients: number;
  /** Who they are, oldest connection first. */
  clients: LanClientInfo[];
  message?: string;
  /** The message as a key, when it has one. */
  messageText?: ErrorText;
}

function said(text: ErrorText): { message: string; messageText: ErrorText } {
  return { message: englishErrorMessage(text), messageText: text };
}

/** Why the listener did not open: with its key when the error has one (a port that cannot be opened, the broker gone). */
function failedBecause(error: unknown): Pick<LanListenerStatus, 'message' | 'messageText'> {
  if (error instanceof LabError && error.text) return said(error.text);
  return { message: error instanceof Error ? error.message : String(error) };
}

const LAN_TIMEOUT_MS = 5000;

export class LanSupervisor {
  private wanted: LanSettings | null = null;
  /** Where the listener last was, so after a broker restart the boards find it on the same port. */
  private lastPort: number | null = null;
  private status: LanListenerStatus = { state: 'off', port: null, lanClients: 0, clients: [] };
  private queue: Promise<unknown> = Promise.resolve();
  private readonly events: Emitter<{ changed: LanListenerStatus }>;

  constructor(
    /** Every interface ('0.0.0.0') in the app; tests pass '127.0.0.1' and never touch the real network. */
    private readonly host: string,
    private readonly runningSession: () => WorkerSession | null,
    private readonly logger: Logger,
  ) {
    this.events = new Emitter((error) => logger.error('A LAN status listener failed', error));
  }

  getStatus(): LanListenerStatus {
    return { ...this.status, clients: this.status.clients.map((client) => ({ ...client })) };
  }

  onChanged(listener: (status: LanListenerStatus) => void): Disposable {
    return this.events.on('changed', listener);
  }

  /** null switches LAN mode off (closing the listener and its clients). */
  set(settings: LanSettings | null): Promise<LanListenerStatus> {
    if (settings?.port !== this.wanted?.port) this.lastPort = null;
    this.wanted = settings;
    return this.enqueue();
  }

  /** A worker now runs (first start or restart): give it the LAN listener if the student wants one. */
  workerRunning(): void {
    if (this.wanted) void this.enqueue();
  }

  /** The worker is gone: its LAN clients are too. */
  workerGone(): void {
    if (this.wanted) this.update({ state: 'starting', port: null, lanClients: 0, clients: [], ...said(errorText('errors.board.lanWaitingAgain')) });
  }

  lanClientsChanged(clients: LanClientInfo[]): void {
    if (this.status.state === 'on') this.update({ lanClients: clients.length, clients });
  }

  /** A new class list: kept for later opens, and given to a running listener without dropping anyone else. */
  setStudents(students: LanStudentLogin[]): Promise<number> {
    if (this.wanted) this.wanted = { ...this.wanted, students };
    return this.whenOn((session) => session.setLanStudents(students, LAN_TIMEOUT_MS));
  }

  /** Disconnects one LAN client; resolves with how many were disconnected (0 when LAN mode is off). */
  kick(clientId: string): Promise<number> {
    return this.whenOn((session) => session.kickLan(clientId, LAN_TIMEOUT_MS));
  }

  private whenOn(work: (session: WorkerSession) => Promise<number>): Promise<number> {
    const run = this.queue.then(() => {
      const session = this.runningSession();
      return session && this.status.state === 'on' ? work(session) : 0;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  dispose(): void {
    this.wanted = null;
    this.update({ state: 'off', port: null, lanClients: 0, clients: [], message: undefined });
    this.events.clear();
  }

  private enqueue(): Promise<LanListenerStatus> {
    const run = this.queue.then(() => this.apply());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async apply(): Promise<LanListenerStatus> {
    const wanted = this.wanted;
    const session = this.runningSession();
    if (!wanted) {
      if (session) await session.closeLan(LAN_TIMEOUT_MS).catch((error: Error) => this.logger.warn('Closing the LAN listener failed', { message: error.message }));
      this.update({ state: 'off', port: null, lanClients: 0, clients: [], message: undefined });
      return this.getStatus();
    }
    if (!session) {
      this.update({ state: 'starting', port: null, lanClients: 0, clients: [], ...said(errorText('errors.board.lanWaiting')) });
      return this.getStatus();
    }
    const requested = this.lastPort ?? wanted.port;
    this.update({ state: 'starting', message: undefined });
    try {
      const config = { host: this.host, port: requested, username: wanted.username, password: wanted.password, students: wanted.students ?? [] };
      const port = await session.openLan(config, LAN_TIMEOUT_MS);
      if (this.wanted?.port !== wanted.port || this.wanted.password !== wanted.password) return this.getStatus();
      // Students changed while the listener opened: it got the old list, so give it the new one.
      if (this.wanted.students !== wanted.students) await session.setLanStudents(this.wanted.students ?? [], LAN_TIMEOUT_MS);
      this.lastPort = port;
      const moved = port !== wanted.port ? said(errorText('errors.board.lanPortMoved', { requested: wanted.port, port })) : { message: undefined };
      this.update({ state: 'on', port, lanClients: 0, clients: [], ...moved });
    } catch (error) {
      if (this.wanted?.port === wanted.port && this.wanted.password === wanted.password) this.update({ state: 'failed', port: null, lanClients: 0, clients: [], ...failedBecause(error) });
    }
    return this.getStatus();
  }

  private update(change: Partial<LanListenerStatus>): void {
    const next = { ...this.status, ...change };
    if ('message' in change && !('messageText' in change)) delete next.messageText;
    if (JSON.stringify(next) === JSON.stringify(this.status)) return;
    this.status = next;
    this.events.emit('changed', this.getStatus());
  }
}
