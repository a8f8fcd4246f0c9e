// The checker's eyes: its own named MQTT client "lesson" on the lab's active broker, subscribed to `<ID>/#`, and on the
// built-in broker to aedes' $SYS announcements of new clients and subscriptions. It reports; it never judges.
import { isUtf8 } from 'node:buffer';
import type { LessonWatch } from '../../../src-shared/contract/lesson';
import type { ClientStatus } from '../../../src-shared/contract/schemas';
import type { Disposable } from '../../lib/emitter';
import type { Logger } from '../../lib/logger';
import type { MqttClientService } from '../mqtt/mqtt-client-service';

export const LESSON_CLIENT_NAME = 'lesson';
/** The lab's own named clients: what they connect and subscribe is not the student's work. */
const LAB_CLIENT_NAMES = new Set(['lab', 'explorer', LESSON_CLIENT_NAME]);
/** aedes publishes `$SYS/<broker id>/new/clients` (payload: client id) and `.../new/subscribes` (JSON clientId + subs). */
const SYS_NEW_CLIENTS = '$SYS/+/new/clients';
const SYS_NEW_SUBSCRIBES = '$SYS/+/new/subscribes';
const MAX_READ_BYTES = 16 * 1024;

export interface WatchSink {
  clientConnected(clientId: string): void;
  clientSubscribed(clientId: string, filters: string[]): void;
  message(topic: string, text: string | null, atMs: number): void;
  statusChanged(): void;
}

export interface LessonWatcherDeps {
  clients: Pick<MqttClientService, 'connect' | 'disconnect' | 'subscribe' | 'setMessageSink' | 'onStatusChanged' | 'list'>;
  logger: Logger;
  now: () => number;
}

export interface WatchTarget {
  profileId: string;
  profileKind: LessonWatch['profileKind'];
  studentId: string;
}

export class LessonWatcher {
  private target: WatchTarget | null = null;
  private sink: WatchSink | null = null;
  private status: ClientStatus | null = null;
  private readonly disposables: Disposable[];
  private disposed = false;

  constructor(private readonly deps: LessonWatcherDeps) {
    this.disposables = [
      deps.clients.setMessageSink(LESSON_CLIENT_NAME, (topic, payload) => this.take(topic, payload)),
      deps.clients.onStatusChanged((status) => this.statusOf(status)),
    ];
  }

  /** Watches `<ID>/#` on the profile's broker from now on, reporting to sink; reconnects the "lesson" client. */
  async watch(target: WatchTarget, sink: WatchSink): Promise<void> {
    this.target = target;
    this.sink = sink;
    this.status = null;
    sink.statusChanged();
    try {
      await this.deps.clients.connect(LESSON_CLIENT_NAME, target.profileId);
      // Subscribed before watch() resolves, so whatever the lab starts next is seen from its first packet.
      await this.subscribe();
    } catch (error) {
      // The client keeps trying by itself; its status says why, and subscriptions follow once it connects.
      this.deps.logger.warn('The lesson checker could not connect yet', error);
    }
  }

  isLabClient(clientId: string): boolean {
    return this.deps.clients.list().some((status) => LAB_CLIENT_NAMES.has(status.clientName) && status.clientId === clientId);
  }

  state(): LessonWatch {
    const target = this.target;
    const status = this.status;
    const connected = status?.state === 'connected';
    return {
      connected,
      profileId: target?.profileId ?? '',
      profileKind: target?.profileKind ?? 'builtin',
      brokerUrl: status?.brokerUrl ?? '',
      filter: target ? `${target.studentId}/#` : '',
      seesClients: target?.profileKind === 'builtin',
      message: connected ? null : (status?.message ?? null),
      ...(!connected && status?.messageText ? { messageText: status.messageText } : {}),
    };
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    for (const disposable of this.disposables) disposable.dispose();
    this.sink = null;
    try {
      await this.deps.clients.disconnect(LESSON_CLIENT_NAME);
    } catch (error) {
      // Already closed with every other client (the lab is shutting down): nothing left to do.
      this.deps.logger.debug('The lesson client was already closed', error);
    }
  }

  private statusOf(status: ClientStatus): void {
    if (status.clientName !== LESSON_CLIENT_NAME || this.disposed) return;
    const wasConnected = this.status?.state === 'connected';
    this.status = status;
    if (status.state === 'connected' && !wasConnected) void this.subscribe();
    this.sink?.statusChanged();
  }

  private async subscribe(): Promise<void> {
    const target = this.target;
    if (!target) return;
    const filters = [`${target.studentId}/#`, ...(target.profileKind === 'builtin' ? [SYS_NEW_CLIENTS, SYS_NEW_SUBSCRIBES] : [])];
    for (const filter of filters) {
      try {
        await this.deps.clients.subscribe(LESSON_CLIENT_NAME, filter, 0);
      } catch (error) {
        this.deps.logger.warn(`The lesson checker could not subscribe to ${filter}`, error);
      }
    }
  }

  private take(topic: string, payload: Buffer): void {
    const sink = this.sink;
    if (!sink) return;
    // Lesson payloads are tiny; only the start of a huge one is read, so a 10 MB message costs no more than 16 KB.
    const head = payload.length > MAX_READ_BYTES ? payload.subarray(0, MAX_READ_BYTES) : payload;
    const text = isUtf8(head) ? head.toString('utf8') : null;
    if (!topic.startsWith('$SYS/')) {
      sink.message(topic, text, this.deps.now());
      return;
    }
    if (text === null) return;
    if (topic.endsWith('/new/clients')) sink.clientConnected(text);
    else if (topic.endsWith('/new/subscribes')) this.takeSubscribes(text, sink);
  }

  private takeSubscribes(text: string, sink: WatchSink): void {
    try {
      const announced = JSON.parse(text) as { clientId?: unknown; subs?: Array<{ topic?: unknown }> };
      if (typeof announced.clientId !== 'string' || !Array.isArray(announced.subs)) return;
      const filters = announced.subs.flatMap((sub) => (typeof sub?.topic === 'string' ? [sub.topic] : []));
      sink.clientSubscribed(announced.clientId, filters);
    } catch {
      // Not aedes' format (another broker's $SYS): nothing to learn from it.
    }
  }
}
