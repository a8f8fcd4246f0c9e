// One broker worker process seen from the supervisor: ask it to listen, hear its reports, stop or kill it.
// It never decides about restarts; BrokerService does.
import { LabError } from '../../../src-shared/contract/result';
import { errorText, type ErrorText } from '../../../src-shared/i18n/error-text';
import { parseBrokerReport, type BrokerReport, type BrokerRequest, type BrokerStoreConfig, type LanClientInfo, type LanListenerConfig, type LanStudentLogin } from './broker-protocol';

export interface BrokerWorkerHandle {
  send(message: BrokerRequest): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  /** Ends the process at once (SIGKILL or the platform's equivalent). */
  kill(): void;
  readonly pid: number | undefined;
}

export type ForkBrokerWorker = () => BrokerWorkerHandle;

export interface ListeningPorts {
  tcpPort: number;
  wsPort: number;
}

/** The worker's answer to 'start': its ports, and a sentence when its on-disk store could not be used as it was. */
export interface Listening extends ListeningPorts {
  storeNote?: ErrorText;
}

/** The worker's reason as an error: with its key when the worker sent one, so the status can be shown translated. */
function workerError(message: string, text: ErrorText | undefined): Error {
  return text ? new LabError('UNAVAILABLE', text) : new Error(message);
}

function brokerError(text: ErrorText): LabError {
  return new LabError('UNAVAILABLE', text);
}

export interface WorkerSessionEvents {
  onClients(count: number): void;
  onExit(code: number | null): void;
  /** Clients logged in through the LAN listener. */
  onLanClients?(clients: LanClientInfo[]): void;
}

type LanAnswer = Extract<BrokerReport, { type: 'lan-listening' | 'lan-failed' | 'lan-closed' | 'lan-updated' }>;

/** After a SIGKILL the exit event still has to arrive; we never wait for it forever. */
const KILL_GRACE_MS = 2000;

/** Waits for the promise or ms, whichever comes first, and leaves no timer behind. */
async function withinMs<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export class WorkerSession {
  readonly exited: Promise<number | null>;
  private hasExited = false;
  private listeningListener: ((listening: Listening) => void) | undefined;
  private failedListener: ((message: string, text?: ErrorText) => void) | undefined;
  /** The worker answers LAN requests one by one, in order. */
  private readonly lanWaiters: Array<(answer: LanAnswer) => void> = [];

  constructor(
    private readonly handle: BrokerWorkerHandle,
    events: WorkerSessionEvents,
  ) {
    this.exited = new Promise((resolve) => {
      handle.onExit((code) => {
        this.hasExited = true;
        resolve(code);
        events.onExit(code);
      });
    });
    handle.onMessage((raw) => {
      const report = parseBrokerReport(raw);
      if (report?.type === 'listening') {
        const { type: _type, ...listening } = report;
        this.listeningListener?.(listening);
      }
      if (report?.type === 'failed') this.failedListener?.(report.message, report.text);
      if (report?.type === 'clients') events.onClients(report.count);
      if (report?.type === 'lan-clients') events.onLanClients?.(report.clients);
      if (report?.type === 'lan-listening' || report?.type === 'lan-failed' || report?.type === 'lan-closed' || report?.type === 'lan-updated') {
        this.lanWaiters.shift()?.(report);
      }
    });
  }

  get pid(): number | undefined {
    return this.handle.pid;
  }

  /** Resolves with the ports the worker really uses; rejects with a sentence for the student. */
  async listen(host: string, ports: ListeningPorts, timeoutMs: number, store?: BrokerStoreConfig): Promise<Listening> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await new Promise<Listening>((resolve, reject) => {
        this.listeningListener = resolve;
        this.failedListener = (message, text) => reject(workerError(message, text));
        void this.exited.then((code) =>
          reject(brokerError(errorText('errors.broker.stoppedWhileStarting', { code: code ?? errorText('errors.broker.noExitCode') }))),
        );
        timer = setTimeout(() => {
          reject(brokerError(errorText('errors.broker.startTimeout', { seconds: Math.round(timeoutMs / 1000) })));
        }, timeoutMs);
        this.send({ type: 'start', host, tcpPort: ports.tcpPort, wsPort: ports.wsPort, ...(store ? { store } : {}) });
      });
    } finally {
      clearTimeout(timer);
      this.listeningListener = undefined;
      this.failedListener = undefined;
    }
  }

  /** Opens the LAN listener; resolves with the port it uses, rejects with the worker's reason. */
  async openLan(config: LanListenerConfig, timeoutMs: number): Promise<number> {
    const answer = await this.lanRequest({ type: 'lan-open', ...config }, timeoutMs);
    if (answer.type === 'lan-listening') return answer.port;
    throw answer.type === 'lan-failed' ? workerError(answer.message, answer.text) : brokerError(errorText('errors.broker.lanNotOpened'));
  }

  /** Closes the LAN listener (and its clients). */
  async closeLan(timeoutMs: number): Promise<void> {
    const answer = await this.lanRequest({ type: 'lan-close' }, timeoutMs);
    if (answer.type === 'lan-failed') throw workerError(answer.message, answer.text);
  }

  /** Gives the LAN listener a new class list; resolves with how many clients that disconnected. */
  async setLanStudents(students: LanStudentLogin[], timeoutMs: number): Promise<number> {
    return this.updated(await this.lanRequest({ type: 'lan-students', students }, timeoutMs));
  }

  /** Disconnects a LAN client by client id; resolves with how many were disconnected. */
  async kickLan(clientId: string, timeoutMs: number): Promise<number> {
    return this.updated(await this.lanRequest({ type: 'lan-kick', clientId }, timeoutMs));
  }

  private updated(answer: LanAnswer): number {
    if (answer.type === 'lan-updated') return answer.kicked;
    throw answer.type === 'lan-failed' ? workerError(answer.message, answer.text) : brokerError(errorText('errors.broker.unexpectedAnswer'));
  }

  private async lanRequest(request: BrokerRequest, timeoutMs: number): Promise<LanAnswer> {
    if (this.hasExited) throw brokerError(errorText('errors.broker.notRunning'));
    let waiter: ((answer: LanAnswer) => void) | undefined;
    const answered = new Promise<LanAnswer>((resolve) => {
      waiter = resolve;
      this.lanWaiters.push(resolve);
    });
    this.send(request);
    const outcome = await withinMs(Promise.race([answered, this.exited.then(() => 'exited' as const)]), timeoutMs);
    if (outcome === 'timeout' || outcome === 'exited') {
      const index = this.lanWaiters.indexOf(waiter!);
      if (index !== -1) this.lanWaiters.splice(index, 1);
      throw brokerError(errorText(outcome === 'exited' ? 'errors.broker.stopped' : 'errors.broker.noAnswer'));
    }
    return outcome;
  }

  /** Asks the worker to close its servers and exit; kills it when it does not within timeoutMs. */
  async stop(timeoutMs: number): Promise<void> {
    if (this.hasExited) return;
    this.send({ type: 'stop' });
    if ((await withinMs(this.exited, timeoutMs)) === 'timeout') await this.kill();
  }

  async kill(): Promise<void> {
    if (this.hasExited) return;
    this.handle.kill();
    await withinMs(this.exited, KILL_GRACE_MS);
  }

  private send(message: BrokerRequest): void {
    if (this.hasExited) return;
    try {
      this.handle.send(message);
    } catch {
      // The process is already going away; its exit event tells the supervisor what happened.
    }
  }
}
