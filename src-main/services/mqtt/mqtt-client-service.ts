// Owns the lab's named MQTT clients ("lab", "explorer", ...): connect, publish, subscribe, status and message events.
// It does not read profiles or files itself: deps.resolve turns a profile id into connect arguments.
import type mqtt from 'mqtt';
import { LabError } from '../../../src-shared/contract/result';
import type { ClientStatus, Qos, ReceivedMessage } from '../../../src-shared/contract/schemas';
import { englishErrorMessage, errorText } from '../../../src-shared/i18n/error-text';
import { Emitter, type Disposable } from '../../lib/emitter';
import type { Logger } from '../../lib/logger';
import { defaultClientId } from '../profiles/default-profiles';
import { publishMessage, subscribeFilter, unsubscribeFilter } from './broker-requests';
import { ManagedClient } from './managed-client';
import { encodePublishPayload } from './payload-codec';
import type { ResolvedConnection } from './resolve-connection';

export interface MqttClientServiceDeps {
  connect: typeof mqtt.connect;
  resolve: (profileId: string, clientIdOverride?: string) => Promise<ResolvedConnection>;
  logger: Logger;
  /** How often received messages are handed on, per client; 50 ms keeps the UI at about 20 updates a second. */
  batchIntervalMs?: number;
}

export interface MessageBatch {
  clientName: string;
  messages: ReceivedMessage[];
}

export interface PublishRequest {
  clientName: string;
  topic: string;
  payload: string;
  payloadEncoding: 'utf8' | 'base64';
  qos: Qos;
  retain: boolean;
}

type ServiceEvents = { status: ClientStatus; messages: MessageBatch };

/** Receives every message of one client as it arrives: raw bytes (not copied, not cut), no batching, no drop cap. */
export type MessageSink = (topic: string, payload: Buffer, qos: Qos, retain: boolean) => void;

export class MqttClientService {
  private readonly clients = new Map<string, ManagedClient>();
  /** The last status of every client name ever used, including idle and failed ones, for list(). */
  private readonly statuses = new Map<string, ClientStatus>();
  /** Bumped on every connect/disconnect of a name, so a slow older request cannot install a stale client. */
  private readonly generations = new Map<string, number>();
  private readonly emitter: Emitter<ServiceEvents>;
  private readonly sinks = new Map<string, MessageSink>();
  private disposed = false;

  constructor(private readonly deps: MqttClientServiceDeps) {
    this.emitter = new Emitter<ServiceEvents>((error) => deps.logger.error('A listener of MqttClientService failed', error));
  }

  onStatusChanged(listener: (status: ClientStatus) => void): Disposable {
    return this.emitter.on('status', listener);
  }

  onMessages(listener: (batch: MessageBatch) => void): Disposable {
    return this.emitter.on('messages', listener);
  }

  /**
   * Hands every message of one client name to sink instead of the batched onMessages events (used by the explorer,
   * which counts every message of a 20 000 msg/s flood and keeps 10 MB payloads whole). The sink must be fast.
   */
  setMessageSink(clientName: string, sink: MessageSink): Disposable {
    this.sinks.set(clientName, sink);
    return { dispose: () => this.sinks.get(clientName) === sink && this.sinks.delete(clientName) };
  }

  list(): ClientStatus[] {
    return [...this.statuses.values()];
  }

  /** Connects (or reconnects) a named client. Resolves once connected; throws an explained LabError on the first failure. */
  async connect(clientName: string, profileId: string, clientId?: string): Promise<ClientStatus> {
    this.assertOpen();
    const generation = this.nextGeneration(clientName);
    let resolved: ResolvedConnection;
    try {
      resolved = await this.deps.resolve(profileId, clientId);
    } catch (error) {
      if (this.isCurrent(clientName, generation)) await this.recordPreparationFailure(clientName, profileId, clientId, error);
      throw error;
    }
    if (!this.isCurrent(clientName, generation)) throw superseded(clientName);
    const previous = this.clients.get(clientName);
    this.clients.delete(clientName);
    await previous?.close('force');
    if (!this.isCurrent(clientName, generation) || this.disposed) throw superseded(clientName);
    const managed = this.createClient(clientName, resolved, clientId);
    managed.start();
    return managed.firstOutcome;
  }

  async disconnect(clientName: string): Promise<ClientStatus> {
    this.assertOpen();
    const generation = this.nextGeneration(clientName);
    const managed = this.clients.get(clientName);
    // Closed while still registered, so the messages it was holding are still handed on.
    await managed?.close('graceful');
    if (managed && this.clients.get(clientName) === managed) this.clients.delete(clientName);
    const last = managed?.status ?? this.statuses.get(clientName);
    // A connect() made while the goodbye was on its way owns the name now: its status stands, not a late "idle".
    if (!this.isCurrent(clientName, generation) && last) return this.statuses.get(clientName) ?? last;
    const text = last?.brokerUrl ? errorText('errors.mqtt.disconnected', { url: last.brokerUrl }) : errorText('errors.mqtt.notConnected');
    const status: ClientStatus = {
      clientName,
      profileId: last?.profileId ?? '',
      brokerUrl: last?.brokerUrl ?? '',
      clientId: last?.clientId ?? '',
      state: 'idle',
      message: englishErrorMessage(text),
      messageText: text,
      sinceMs: Date.now(),
    };
    this.publishStatus(status);
    return status;
  }

  async subscribe(clientName: string, filter: string, qos: Qos): Promise<{ filter: string; grantedQos: number }> {
    const client = this.requireClient(clientName).requireConnected(errorText('errors.mqtt.action.subscribe', { filter }));
    return subscribeFilter(client, filter, qos);
  }

  async unsubscribe(clientName: string, filter: string): Promise<void> {
    const managed = this.requireClient(clientName);
    if (managed.status.state !== 'connected') {
      managed.unsubscribeWhileOffline(filter);
      return;
    }
    await unsubscribeFilter(managed.requireConnected(errorText('errors.mqtt.action.unsubscribe', { filter })), filter);
  }

  async publish(input: PublishRequest): Promise<{ sizeBytes: number }> {
    const client = this.requireClient(input.clientName).requireConnected(errorText('errors.mqtt.action.publish', { topic: input.topic }));
    const payload = encodePublishPayload(input.payload, input.payloadEncoding);
    await publishMessage(client, input.topic, payload, input.qos, input.retain);
    return { sizeBytes: payload.length };
  }

  /** Closes every client at once (no goodbye to the brokers), every timer and every listener. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    const closing = [...this.clients.values()].map((managed) => managed.close('force'));
    this.clients.clear();
    await Promise.all(closing);
    this.emitter.clear();
  }

  private createClient(clientName: string, resolved: ResolvedConnection, explicitClientId: string | undefined): ManagedClient {
    const managed: ManagedClient = new ManagedClient({
      clientName,
      resolved,
      clientId: this.uniqueClientId(clientName, resolved, explicitClientId),
      connect: this.deps.connect,
      logger: this.deps.logger,
      batchIntervalMs: this.deps.batchIntervalMs ?? 50,
      onStatus: (status) => {
        if (this.clients.get(clientName) === managed) this.publishStatus(status);
      },
      onMessages: (messages) => {
        if (this.clients.get(clientName) === managed) this.emitter.emit('messages', { clientName, messages });
      },
      takeMessage: (topic, payload, qos, retain) => {
        const sink = this.sinks.get(clientName);
        if (!sink || this.clients.get(clientName) !== managed) return false;
        try {
          sink(topic, payload, qos, retain);
        } catch (error) {
          this.deps.logger.error(`The message sink of "${clientName}" failed`, error);
        }
        return true;
      },
    });
    this.clients.set(clientName, managed);
    return managed;
  }

  /**
   * Two lab clients with the same client id on one broker would knock each other off forever,
   * so a second client gets "-2", "-3"... appended unless the student typed the id on purpose.
   * A short suffix keeps ids within the 23 characters every MQTT 3.1.1 broker must accept.
   */
  private uniqueClientId(clientName: string, resolved: ResolvedConnection, explicitClientId: string | undefined): string {
    const wanted = resolved.options.clientId || defaultClientId();
    if (explicitClientId !== undefined) return wanted;
    // Compared across all brokers: one broker can be reached by two addresses (mqtt:// and ws://).
    const taken = new Set([...this.clients.entries()].filter(([name]) => name !== clientName).map(([, other]) => other.clientId));
    let candidate = wanted;
    for (let counter = 2; taken.has(candidate); counter += 1) candidate = `${wanted}-${counter}`;
    return candidate;
  }

  private async recordPreparationFailure(clientName: string, profileId: string, clientId: string | undefined, error: unknown): Promise<void> {
    const previous = this.clients.get(clientName);
    this.clients.delete(clientName);
    await previous?.close('force');
    const text = error instanceof LabError ? error.text : errorText('errors.mqtt.preparingFailed');
    const isLabError = error instanceof LabError;
    this.publishStatus({
      clientName,
      profileId,
      brokerUrl: '',
      clientId: clientId ?? '',
      state: 'error',
      message: isLabError ? error.message : englishErrorMessage(errorText('errors.mqtt.preparingFailed')),
      ...(text ? { messageText: text } : {}),
      errorCode: isLabError ? error.code : 'INTERNAL',
      sinceMs: Date.now(),
    });
  }

  private publishStatus(status: ClientStatus): void {
    this.statuses.set(status.clientName, status);
    this.emitter.emit('status', status);
  }

  private requireClient(clientName: string): ManagedClient {
    const managed = this.clients.get(clientName);
    if (managed) return managed;
    throw new LabError('NOT_CONNECTED', errorText('errors.mqtt.noSuchClient', { clientName }), 'clientName');
  }

  private nextGeneration(clientName: string): number {
    const generation = (this.generations.get(clientName) ?? 0) + 1;
    this.generations.set(clientName, generation);
    return generation;
  }

  private isCurrent(clientName: string, generation: number): boolean {
    return this.generations.get(clientName) === generation;
  }

  private assertOpen(): void {
    if (this.disposed) throw new LabError('UNAVAILABLE', errorText('errors.mqtt.shuttingDown'));
  }
}

function superseded(clientName: string): LabError {
  return new LabError('UNAVAILABLE', errorText('errors.mqtt.superseded', { clientName }));
}
