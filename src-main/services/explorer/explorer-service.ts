// The Explorer: its own MQTT client "explorer" following the lab's broker profile, its subscriptions (saved across
// restarts) and the notices that say what happened. Messages go to explorer-topics.ts, which owns the tree; the tree
// is kept across reconnects. The public API (what the explorer.* handlers call) is this class.
import type { ExplorerState, ExplorerStats, ExplorerStatus } from '../../../src-shared/contract/explorer';
import { LabError } from '../../../src-shared/contract/result';
import { errorText } from '../../../src-shared/i18n/error-text';
import type { ClientStatus, Qos } from '../../../src-shared/contract/schemas';
import { Emitter, type Disposable } from '../../lib/emitter';
import type { Logger } from '../../lib/logger';
import type { MessageSink, PublishRequest } from '../mqtt/mqtt-client-service';
import type { ExplorerSavedFile } from './explorer-saved';
import type { ChildSort, SearchRequest } from './explorer-queries';
import { ExplorerSubscriptions } from './explorer-subscriptions';
import { ExplorerTopics, type HistoryLimits } from './explorer-topics';
import type { ExportFormat } from './history-export';
import { defaultFilterFor, refusalFor, type ProfileKind } from './subscription-policy';
import type { TreeUpdate } from './tree-update-batcher';
import { connectionNotice, noticeFields } from './connection-notices';
import { labText, type LabSentence } from '../../../src-shared/i18n/lab-text';

export const EXPLORER_CLIENT_NAME = 'explorer';

export interface ExplorerClients {
  connect(clientName: string, profileId: string): Promise<ClientStatus>;
  disconnect(clientName: string): Promise<ClientStatus>;
  subscribe(clientName: string, filter: string, qos: Qos): Promise<{ filter: string; grantedQos: number }>;
  unsubscribe(clientName: string, filter: string): Promise<void>;
  publish(input: PublishRequest): Promise<{ sizeBytes: number }>;
  onStatusChanged(listener: (status: ClientStatus) => void): Disposable;
  setMessageSink(clientName: string, sink: MessageSink): Disposable;
}

export interface ExplorerServiceDeps {
  clients: ExplorerClients;
  getProfile: (profileId: string) => Promise<{ id: string; kind: ProfileKind } | undefined>;
  getSettings: () => Promise<{ studentId: string; activeProfileId: string }>;
  logger: Logger;
  /** Where the subscription lists and history limits are kept across restarts; without it they live for this run only. */
  saved?: ExplorerSavedFile;
  now?: () => number;
  /** How often tree events go out at most; 50 ms is about 20 a second. */
  batchIntervalMs?: number;
}

type ServiceEvents = { tree: TreeUpdate; status: ExplorerStatus };

export class ExplorerService {
  private readonly now: () => number;
  private readonly topics: ExplorerTopics;
  private readonly subscriptions: ExplorerSubscriptions;
  private readonly emitter: Emitter<ServiceEvents>;
  private readonly listeners: Disposable[];
  private status: ExplorerStatus = { client: null, profileId: '', profileKind: 'builtin', studentId: '', defaultFilter: '#', subscriptions: [], notice: null };
  private studentId = '';
  private restoring: Promise<void> | undefined;
  /** True from a new client's start until its first CONNACK: then every filter is subscribed by us, not mqtt.js. */
  private freshClient = true;
  private lostAtMs: number | null = null;
  private disposed = false;

  constructor(private readonly deps: ExplorerServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.emitter = new Emitter<ServiceEvents>((error) => deps.logger.error('A listener of ExplorerService failed', error));
    this.topics = new ExplorerTopics({
      now: this.now,
      batchIntervalMs: deps.batchIntervalMs ?? 50,
      emit: (update) => this.emitter.emit('tree', update),
      publish: (request) => deps.clients.publish({ clientName: EXPLORER_CLIENT_NAME, ...request }),
    });
    this.subscriptions = new ExplorerSubscriptions(deps.clients, EXPLORER_CLIENT_NAME);
    this.listeners = [
      deps.clients.setMessageSink(EXPLORER_CLIENT_NAME, (topic, payload, qos, retain) => this.topics.ingest(topic, payload, qos, retain)),
      deps.clients.onStatusChanged((status) => {
        if (status.clientName !== EXPLORER_CLIENT_NAME) return;
        this.onClientStatus(status).catch((error: unknown) => deps.logger.error('The explorer could not follow its connection', error));
      }),
    ];
  }

  onTreeUpdated(listener: (update: TreeUpdate) => void): Disposable {
    return this.emitter.on('tree', listener);
  }

  onStatusChanged(listener: (status: ExplorerStatus) => void): Disposable {
    return this.emitter.on('status', listener);
  }

  /** Connects the explorer to the lab's active profile. A failure is a status, never a crash. */
  async start(): Promise<void> {
    await this.restored();
    const { activeProfileId } = await this.deps.getSettings();
    const active = (await this.deps.getProfile(activeProfileId)) ? activeProfileId : 'builtin';
    await this.followProfile(active);
  }

  /** The lab switched broker profile: reconnect there. The tree is kept for the same broker and cleared for another. */
  async followProfile(profileId: string): Promise<void> {
    if (this.disposed) return;
    try {
      const [profile, settings] = await Promise.all([this.deps.getProfile(profileId), this.deps.getSettings()]);
      if (!profile) throw new LabError('NOT_FOUND', errorText('errors.explorer.noProfile', { id: profileId }), 'profileId');
      await this.restored();
      await this.adoptStudentId(settings.studentId, false);
      const switching = this.status.profileId !== '' && this.status.profileId !== profileId;
      const defaultFilter = defaultFilterFor(profile.kind, this.studentId);
      this.subscriptions.useProfile(profileId, defaultFilter);
      this.dropRefused(profile.kind);
      this.status = { ...this.status, profileId, profileKind: profile.kind, defaultFilter };
      if (switching && !this.topics.isEmpty) {
        // Closed first, so no message of the old broker can land in the new, empty tree.
        await this.deps.clients.disconnect(EXPLORER_CLIENT_NAME);
        this.topics.clear();
        this.setNotice([labText('explorer.notices.brokerChanged')]);
      }
      this.freshClient = true;
      this.lostAtMs = null;
      this.publishStatus();
      await this.deps.clients.connect(EXPLORER_CLIENT_NAME, profileId);
    } catch (error) {
      this.deps.logger.warn('The explorer could not connect', error);
      // The reason keeps its key, so the page says it in the student's language.
      if (error instanceof LabError) this.setNotice([labText('explorer.notices.notConnected', { reason: error.text ?? error.message })]);
    }
  }

  getState(): ExplorerState {
    return { status: this.currentStatus(), stats: this.topics.stats() };
  }

  async addSubscription(filter: string, qos: Qos): Promise<ExplorerStatus> {
    const refusal = refusalFor(filter, this.status.profileKind, this.studentId);
    if (refusal) throw new LabError('INVALID_INPUT', refusal, 'filter');
    try {
      await this.subscriptions.add(filter, qos, this.status.client?.state === 'connected');
    } finally {
      this.publishStatus();
    }
    await this.persist();
    return this.currentStatus();
  }

  async removeSubscription(filter: string): Promise<ExplorerStatus> {
    await this.subscriptions.remove(filter);
    this.setNotice([labText('explorer.notices.unsubscribed', { filter })]);
    await this.persist();
    return this.currentStatus();
  }

  /** The lab's student ID changed (a Lesson profile picked or made): "<old ID>/#" becomes "<new ID>/#", saved. */
  async followStudentId(studentId: string): Promise<void> {
    await this.restored();
    if (this.disposed || studentId === this.studentId) return;
    await this.adoptStudentId(studentId, this.status.client?.state === 'connected');
    this.publishStatus();
    await this.persist();
  }

  setView(expanded: string[], selected: string | null): void {
    this.topics.setView(expanded, selected);
  }

  getChildren(request: { parent: string | null; sort: ChildSort; offset: number; limit: number }) {
    return this.topics.getChildren(request);
  }

  search(request: SearchRequest) {
    return this.topics.search(request);
  }

  getTopic(request: { topic: string; afterId?: number | undefined; maxBytesPerMessage: number }) {
    return this.topics.getTopic(request);
  }

  getMessage(request: { topic: string; id: number; maxBytes: number }) {
    return this.topics.getMessage(request);
  }

  async setHistoryLimits(limits: HistoryLimits): Promise<ExplorerStats> {
    this.topics.applyLimits(limits);
    await this.persist();
    return this.topics.stats();
  }

  /** Publishes the empty retained message that makes the broker forget the topic's retained message. */
  clearRetained(topic: string): Promise<{ topic: string; undoToken: string | null; undoSeconds: number }> {
    return this.topics.clearRetained(topic);
  }

  restoreRetained(undoToken: string): Promise<{ topic: string; sizeBytes: number }> {
    return this.topics.restoreRetained(undoToken);
  }

  exportHistory(topic: string, format: ExportFormat) {
    return this.topics.exportHistory(topic, format);
  }

  clearTree(): ExplorerStats {
    this.topics.clear();
    this.setNotice([labText('explorer.notices.cleared')]);
    return this.topics.stats();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const listener of this.listeners) listener.dispose();
    this.topics.dispose();
    this.emitter.clear();
  }

  /** Once, before the first profile is followed: the lists and limits an earlier run saved. */
  private restored(): Promise<void> {
    this.restoring ??= this.restore().catch((error: unknown) => this.deps.logger.warn('The explorer could not restore its saved settings', error));
    return this.restoring;
  }

  private async restore(): Promise<void> {
    if (!this.deps.saved) return;
    const saved = await this.deps.saved.load();
    this.subscriptions.restore(saved.subscriptions);
    this.topics.applyLimits(saved.historyLimits);
    // Saved under another ID (the settings file was replaced): "<that ID>/#" follows the lab's ID at the next follow.
    if (saved.studentId) this.studentId = saved.studentId;
  }

  /** Takes a new ID; "<old>/#" becomes "<new>/#" in every list (re-subscribed on the client when connected). */
  private async adoptStudentId(studentId: string, connected: boolean): Promise<void> {
    const previous = this.studentId;
    if (studentId === previous) return;
    this.studentId = studentId;
    this.status = { ...this.status, studentId, defaultFilter: defaultFilterFor(this.status.profileKind, studentId) };
    if (previous === '') return;
    const [from, to] = [`${previous}/#`, `${studentId}/#`];
    if (await this.subscriptions.rename(from, to, connected)) {
      this.setNotice([labText('explorer.notices.idChanged', { id: studentId, filter: to, previous: from })]);
    }
  }

  /** Saved filters this broker does not allow (a first-level wildcard on a public broker) are left out, with a log line. */
  private dropRefused(kind: ProfileKind): void {
    const dropped = this.subscriptions.drop((filter) => refusalFor(filter, kind, this.studentId) !== null);
    if (dropped.length > 0) this.deps.logger.warn(`The explorer left out saved filters not allowed on this broker: ${dropped.join(', ')}`);
  }

  /** Saves the lists and limits; a failed write is logged and the explorer carries on (it works, it just forgets). */
  private async persist(): Promise<void> {
    if (!this.deps.saved || this.disposed) return;
    await this.restored();
    const saved = { studentId: this.studentId || null, subscriptions: this.subscriptions.saved(), historyLimits: this.topics.chosenLimits };
    await this.deps.saved.save(saved).catch((error: unknown) => this.deps.logger.warn('The explorer could not save its subscriptions and history limits', error));
  }

  private async onClientStatus(client: ClientStatus): Promise<void> {
    const previous = this.status.client;
    this.status = { ...this.status, client };
    if (client.state === 'connecting') {
      this.freshClient = true;
      this.subscriptions.newClient();
    } else if (client.state === 'connected' && previous?.state !== 'connected') {
      await this.onConnected(client);
      return;
    } else if (previous?.state === 'connected' && client.state !== 'connected') {
      this.lostAtMs = this.now();
      this.subscriptions.connectionLost();
      this.status = { ...this.status, ...noticeFields(connectionNotice.lost(client, this.topics.stats())) };
    }
    this.publishStatus();
  }

  private async onConnected(client: ClientStatus): Promise<void> {
    const wasFresh = this.freshClient;
    this.freshClient = false;
    this.publishStatus();
    const filters = await this.subscriptions.afterConnect();
    const stats = this.topics.stats();
    const awayMs = this.lostAtMs === null ? null : this.now() - this.lostAtMs;
    this.lostAtMs = null;
    this.setNotice(wasFresh ? connectionNotice.connected(client, filters) : connectionNotice.reconnected(client, filters, stats, awayMs));
  }

  /** Sentences with keys (the UI translates them), or an error's English message as it is. */
  private setNotice(notice: LabSentence[] | string): void {
    const fields = typeof notice === 'string' ? { notice, noticeText: null } : noticeFields(notice);
    this.status = { ...this.status, ...fields };
    this.publishStatus();
  }

  private currentStatus(): ExplorerStatus {
    return { ...this.status, subscriptions: this.subscriptions.list() };
  }

  private publishStatus(): void {
    if (!this.disposed) this.emitter.emit('status', this.currentStatus());
  }
}
