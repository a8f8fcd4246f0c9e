// The Playground: named clients (Publisher, Subscriber, Late subscriber, ...) each behind its own fault proxy, the
// packet log, and the experiments. Resolving a target to a broker address is the caller's job (deps.resolveTarget).
import type mqtt from 'mqtt';
import type {
  ExperimentId,
  ExperimentInfo,
  ExperimentProgress,
  ExperimentResult,
  Fault,
  LogEntry,
  PlaygroundClient as ClientView,
  PlaygroundTarget,
} from '../../../src-shared/contract/playground';
import { STARTING_PLAYGROUND_CLIENTS } from '../../../src-shared/contract/playground';
import { LabError } from '../../../src-shared/contract/result';
import { errorText } from '../../../src-shared/i18n/error-text';
import type { LabSentence } from '../../../src-shared/i18n/lab-text';
import type { Qos } from '../../../src-shared/contract/schemas';
import { Emitter, type Disposable } from '../../lib/emitter';
import type { Logger } from '../../lib/logger';
import { randomClientIdSuffix } from '../profiles/default-profiles';
import type { ResolvedConnection } from '../mqtt/resolve-connection';
import { EXPERIMENTS } from './experiments/experiment-catalog';
import { runExperiment } from './experiments/run-experiment';
import { exportLog } from './export-text';
import { PacketLog, type NoteText } from './packet-log';
import { PlaygroundClient, type ClientSettings, type ReceivedPublish, type SeenPacket } from './playground-client';
import type { PublishRequest } from './publish-checks';

export interface PlaygroundServiceDeps {
  connect: typeof mqtt.connect;
  resolveTarget: (target: PlaygroundTarget) => Promise<ResolvedConnection>;
  logger: Logger;
  /** How often packets and client lists are handed on; 50 ms keeps the UI at about 20 updates a second. */
  batchIntervalMs?: number;
  connectTimeoutMs?: number;
}

type ServiceEvents = { clients: ClientView[]; packets: LogEntry[]; progress: ExperimentProgress };

const STARTING_CLIENTS = STARTING_PLAYGROUND_CLIENTS;

export class PlaygroundService {
  private readonly clients = new Map<string, PlaygroundClient>();
  private readonly emitter: Emitter<ServiceEvents>;
  private readonly log: PacketLog;
  private clientsTimer: NodeJS.Timeout | undefined;
  private nextNumber = STARTING_CLIENTS.length + 1;
  private running: Promise<ExperimentResult> | undefined;
  private disposed = false;

  constructor(private readonly deps: PlaygroundServiceDeps) {
    this.emitter = new Emitter<ServiceEvents>((error) => deps.logger.error('A listener of PlaygroundService failed', error));
    this.log = new PacketLog({ emit: (entries) => this.emitter.emit('packets', entries), batchIntervalMs: deps.batchIntervalMs ?? 50 });
    for (const start of STARTING_CLIENTS) {
      this.create(start.key, { ...defaultSettings(start.name, start.idPrefix) }, 'student');
    }
  }

  onClientsChanged(listener: (clients: ClientView[]) => void): Disposable {
    return this.emitter.on('clients', listener);
  }

  onPacketsCaptured(listener: (entries: LogEntry[]) => void): Disposable {
    return this.emitter.on('packets', listener);
  }

  onExperimentProgressed(listener: (progress: ExperimentProgress) => void): Disposable {
    return this.emitter.on('progress', listener);
  }

  listClients(): ClientView[] {
    return [...this.clients.values()].map((client) => client.view());
  }

  /** nameText: the name as a key, for a client the lab names itself (settings.name is then its English). */
  addClient(settings: Partial<ClientSettings> = {}, role: ClientView['role'] = 'student', key?: string, nameText?: LabSentence): ClientView {
    this.assertOpen();
    const number = this.nextNumber++;
    const chosenKey = key ?? this.freeKey(`client-${number}`);
    if (this.clients.has(chosenKey)) throw new LabError('INVALID_INPUT', errorText('errors.playground.duplicateKey', { key: chosenKey }), 'clientKey');
    const client = this.create(chosenKey, { ...defaultSettings(`Client ${number}`, `client${number}`), ...settings }, role, nameText);
    return client.view();
  }

  async removeClient(key: string): Promise<void> {
    const client = this.require(key);
    this.clients.delete(key);
    await client.dispose();
    this.scheduleClientsChanged();
  }

  updateClient(key: string, patch: Partial<ClientSettings>): ClientView {
    const client = this.require(key);
    client.updateSettings(patch);
    return client.view();
  }

  async connect(key: string, target: PlaygroundTarget): Promise<ClientView> {
    const client = this.require(key);
    const resolved = await this.deps.resolveTarget(target);
    await client.connect(resolved, target);
    return client.view();
  }

  async disconnect(key: string): Promise<ClientView> {
    const client = this.require(key);
    await client.disconnect();
    return client.view();
  }

  async publish(key: string, request: PublishRequest) {
    return this.require(key).publish(request);
  }

  async subscribe(key: string, filter: string, qos: Qos) {
    return this.require(key).subscribe(filter, qos);
  }

  async unsubscribe(key: string, filter: string): Promise<void> {
    await this.require(key).unsubscribe(filter);
  }

  injectFault(key: string, fault: Fault): ClientView {
    const client = this.require(key);
    client.injectFault(fault);
    return client.view();
  }

  /** Every PUBLISH a client receives, for experiments; not part of the contract. */
  observe(key: string, listener: (message: ReceivedPublish) => void): Disposable {
    return this.require(key).onMessage(listener);
  }

  /** Every packet a client's mqtt.js sends or receives, for experiments; not part of the contract. */
  observePackets(key: string, listener: (seen: SeenPacket) => void): Disposable {
    return this.require(key).onPacket(listener);
  }

  unfinishedOf(key: string): number {
    return this.require(key).unfinished;
  }

  listPackets(): { entries: LogEntry[]; paused: boolean } {
    return { entries: this.log.list(), paused: this.log.paused };
  }

  clearPackets(): void {
    this.log.clear();
  }

  pauseCapture(paused: boolean): { paused: boolean } {
    this.log.setPaused(paused);
    return { paused };
  }

  exportPackets(): { fileName: string; text: string } {
    return exportLog(this.log.list(), Date.now());
  }

  note(event: 'experimentStarted' | 'experimentFinished' | 'problem', ...texts: [NoteText, ...NoteText[]]): void {
    this.log.note({ clientKey: '', clientName: '' }, event, ...texts);
  }

  listExperiments(): ExperimentInfo[] {
    return EXPERIMENTS.map((experiment) => ({ ...experiment }));
  }

  /** One experiment at a time: a second one would mix its packets and clients with the first. */
  async runExperiment(id: ExperimentId, target: PlaygroundTarget): Promise<ExperimentResult> {
    this.assertOpen();
    if (this.running) {
      throw new LabError('UNAVAILABLE', errorText('errors.playground.experimentRunning'));
    }
    this.running = runExperiment(id, target, {
      service: this,
      resolveTarget: this.deps.resolveTarget,
      progress: (progress) => this.emitter.emit('progress', progress),
      logger: this.deps.logger,
    });
    try {
      return await this.running;
    } finally {
      this.running = undefined;
    }
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.clientsTimer);
    const closing = [...this.clients.values()].map((client) => client.dispose());
    this.clients.clear();
    await Promise.all(closing);
    this.log.dispose();
    this.emitter.clear();
  }

  private create(key: string, settings: ClientSettings, role: ClientView['role'], nameText?: LabSentence): PlaygroundClient {
    const client = new PlaygroundClient(key, settings, role, {
      ...(nameText ? { nameText } : {}),
      connect: this.deps.connect,
      log: this.log,
      logger: this.deps.logger,
      onChange: () => this.scheduleClientsChanged(),
      ...(this.deps.connectTimeoutMs !== undefined ? { connectTimeoutMs: this.deps.connectTimeoutMs } : {}),
    });
    this.clients.set(key, client);
    this.scheduleClientsChanged();
    return client;
  }

  /** Client lists change in bursts (state, in-flight count, faults); one event per batch interval is enough. */
  private scheduleClientsChanged(): void {
    if (this.disposed) return;
    this.clientsTimer ??= setTimeout(() => {
      this.clientsTimer = undefined;
      this.emitter.emit('clients', this.listClients());
    }, this.deps.batchIntervalMs ?? 50);
  }

  private freeKey(wanted: string): string {
    let key = wanted;
    while (this.clients.has(key)) key = `client-${this.nextNumber++}`;
    return key;
  }

  private require(key: string): PlaygroundClient {
    this.assertOpen();
    const client = this.clients.get(key);
    if (!client) {
      const keys = [...this.clients.keys()].join(', ') || errorText('errors.playground.noClients');
      throw new LabError('NOT_FOUND', errorText('errors.playground.noClient', { key, keys }), 'clientKey');
    }
    return client;
  }

  private assertOpen(): void {
    if (this.disposed) throw new LabError('UNAVAILABLE', errorText('errors.playground.closing'));
  }
}

export function defaultSettings(name: string, idPrefix: string): ClientSettings {
  return { name, clientId: `${idPrefix}-${randomClientIdSuffix()}`, cleanSession: true, keepaliveSeconds: 60, protocolVersion: 4, will: null };
}
