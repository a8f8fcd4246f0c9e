// What every experiment script needs: its own temporary clients, inboxes that collect what they receive, waits with
// student-readable timeouts, and progress. It cleans up every client it made, and leaves no session on the broker.
import { randomBytes } from 'node:crypto';
import type { Packet } from 'mqtt';
import type { ExperimentId, ExperimentProgress, PlaygroundTarget } from '../../../../src-shared/contract/playground';
import { LabError } from '../../../../src-shared/contract/result';
import { errorText } from '../../../../src-shared/i18n/error-text';
import { englishOf, type LabSentence } from '../../../../src-shared/i18n/lab-text';
import type { Disposable } from '../../../lib/emitter';
import type { ClientSettings, ReceivedPublish } from '../playground-client';
import type { PlaygroundService } from '../playground-service';

export interface ExperimentTiming {
  /** How long to wait for something that should happen. */
  waitMs: number;
  /** How long "nothing arrived" must last before we believe it. */
  quietMs: number;
}

/** Loopback answers in milliseconds; a broker on the internet may take a second. */
export function timingFor(target: PlaygroundTarget): ExperimentTiming {
  return target === 'builtin' ? { waitMs: 4000, quietMs: 500 } : { waitMs: 10_000, quietMs: 1500 };
}

export class Inbox {
  readonly messages: ReceivedPublish[] = [];
  constructor(readonly subscription: Disposable) {}

  texts(): string[] {
    return this.messages.map((message) => message.payload.toString('utf8'));
  }
}

export class ExperimentKit {
  readonly runId = randomBytes(3).toString('hex');
  readonly topicBase: string;
  readonly timing: ExperimentTiming;
  private step = 0;
  private readonly keys = new Set<string>();
  /** Clients whose broker session must be wiped at the end (clean session off). */
  private readonly persistent = new Set<string>();
  private readonly subscriptions: Disposable[] = [];

  constructor(
    readonly experimentId: ExperimentId,
    readonly target: PlaygroundTarget,
    readonly service: PlaygroundService,
    private readonly totalSteps: number,
    private readonly report: (progress: ExperimentProgress) => void,
  ) {
    this.topicBase = `playground/experiments/${this.runId}`;
    this.timing = timingFor(target);
  }

  progress(message: LabSentence): void {
    this.step = Math.min(this.step + 1, this.totalSteps);
    const text = englishOf(message);
    this.report({ runId: this.runId, experimentId: this.experimentId, state: 'running', step: this.step, totalSteps: this.totalSteps, text, message });
  }

  finish(state: 'finished' | 'failed', text: string): void {
    this.report({ runId: this.runId, experimentId: this.experimentId, state, step: this.totalSteps, totalSteps: this.totalSteps, text });
  }

  /** A temporary client "exp-<role>" with its own client id and a translatable name; an old one left by a crash is replaced. */
  async client(role: string, name: LabSentence, settings: Partial<ClientSettings> = {}): Promise<string> {
    const key = `exp-${role}`;
    if (this.service.listClients().some((client) => client.key === key)) await this.service.removeClient(key);
    // At most 23 characters: the client id length every MQTT 3.1.1 broker must accept.
    const clientId = `exp-${this.runId}-${role.replace(/-/g, '').slice(0, 12)}`;
    this.service.addClient({ name: englishOf(name), clientId, ...settings }, 'experiment', key, name);
    this.keys.add(key);
    if (settings.cleanSession === false) this.persistent.add(key);
    return key;
  }

  async connect(key: string): Promise<void> {
    await this.service.connect(key, this.target);
  }

  inbox(key: string): Inbox {
    const inbox: Inbox = new Inbox(this.service.observe(key, (message) => inbox.messages.push(message)));
    this.subscriptions.push(inbox.subscription);
    return inbox;
  }

  /** Every PUBLISH the client's mqtt.js sent, as it left the client (dup flag included). */
  sentPublishes(key: string): Packet[] {
    const sent: Packet[] = [];
    this.subscriptions.push(
      this.service.observePackets(key, ({ direction, packet }) => {
        if (direction === 'toBroker' && packet.cmd === 'publish') sent.push(packet);
      }),
    );
    return sent;
  }

  async waitUntil(condition: () => boolean, what: LabSentence, timeoutMs = this.timing.waitMs): Promise<number> {
    const startedAt = Date.now();
    while (!condition()) {
      if (Date.now() - startedAt > timeoutMs) {
        throw new LabError('TIMEOUT', errorText('errors.playground.waitTimedOut', { seconds: Math.round(timeoutMs / 1000), what }));
      }
      await sleep(20);
    }
    return Date.now() - startedAt;
  }

  /** Waits the quiet time, so "nothing more arrived" means something. */
  async quiet(): Promise<void> {
    await sleep(this.timing.quietMs);
  }

  async waitForDrop(key: string, direction: 'toBroker' | 'toClient', what: LabSentence): Promise<void> {
    await this.waitUntil(() => {
      const faults = this.service.listClients().find((client) => client.key === key)?.faults;
      return (direction === 'toBroker' ? faults?.dropToBroker.remaining : faults?.dropToClient.remaining) === 0;
    }, what);
  }

  async waitAllAcknowledged(key: string, what: LabSentence): Promise<void> {
    await this.waitUntil(() => this.service.unfinishedOf(key) === 0, what);
  }

  private hasFaults(key: string): boolean {
    const faults = this.service.listClients().find((client) => client.key === key)?.faults;
    return !!faults && (faults.blackHole || faults.delayMs > 0 || faults.dropToBroker.remaining > 0 || faults.dropToClient.remaining > 0);
  }

  /** Removes every client this run made; a persistent one first connects with clean session on to wipe its session. */
  async cleanUp(): Promise<void> {
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    for (const key of this.keys) {
      try {
        if (this.persistent.has(key)) {
          if (this.hasFaults(key)) this.service.injectFault(key, { kind: 'clear' });
          this.service.updateClient(key, { cleanSession: true });
          await this.service.connect(key, this.target);
          await this.service.disconnect(key);
        }
      } catch {
        // Tidying is best effort: the broker forgets the session on its own later.
      }
      await this.service.removeClient(key).catch(() => undefined);
    }
    this.keys.clear();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
