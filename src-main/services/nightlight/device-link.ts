// The virtual device's one MQTT connection: goes through a NetworkCable (so the network can be cut), keeps trying
// while it is wanted (also when the broker is not even running yet), and can vanish without a goodbye (power off).
import type mqtt from 'mqtt';
import { LabError } from '../../../src-shared/contract/result';
import { englishErrorMessage, errorText, type ErrorText } from '../../../src-shared/i18n/error-text';
import { NIGHTLIGHT_DEVICE_CLIENT_NAME } from '../../../src-shared/contract/nightlight';
import type { ClientStatus, Qos, ReceivedMessage } from '../../../src-shared/contract/schemas';
import { Emitter, type Disposable } from '../../lib/emitter';
import type { Logger } from '../../lib/logger';
import { publishMessage, subscribeFilter } from '../mqtt/broker-requests';
import { ManagedClient } from '../mqtt/managed-client';
import type { ResolvedConnection } from '../mqtt/resolve-connection';
import { NetworkCable } from './network-cable';

export const LINK_RETRY_MS = 2000;

export interface LinkTarget {
  profileId: string;
  clientId: string;
  /** false = persistent session: the broker keeps subscriptions and QoS 1/2 commands while the device is away. */
  clean: boolean;
}

export interface DeviceLinkDeps {
  connect: typeof mqtt.connect;
  resolve: (profileId: string, clientIdOverride?: string) => Promise<ResolvedConnection>;
  logger: Logger;
  batchIntervalMs?: number;
}

type LinkEvents = { status: ClientStatus | null; messages: ReceivedMessage[] };

export class DeviceLink {
  readonly cable = new NetworkCable();
  private managed: ManagedClient | undefined;
  private target: LinkTarget | undefined;
  private generation = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private current: ClientStatus | null = null;
  private readonly emitter: Emitter<LinkEvents>;

  constructor(private readonly deps: DeviceLinkDeps) {
    this.emitter = new Emitter<LinkEvents>((error) => deps.logger.error('A listener of the nightlight device link failed', error));
  }

  get status(): ClientStatus | null {
    return this.current;
  }

  get connected(): boolean {
    return this.current?.state === 'connected';
  }

  onStatus(listener: (status: ClientStatus | null) => void): Disposable {
    return this.emitter.on('status', listener);
  }

  onMessages(listener: (messages: ReceivedMessage[]) => void): Disposable {
    return this.emitter.on('messages', listener);
  }

  isOpenFor(target: LinkTarget): boolean {
    return this.target !== undefined && JSON.stringify(this.target) === JSON.stringify(target);
  }

  /** Starts connecting (replacing any earlier connection) and keeps trying until close(). */
  async open(target: LinkTarget): Promise<void> {
    const generation = ++this.generation;
    await this.closeCurrent('graceful');
    // A close() or another open() while the old connection was closing wins over this one.
    if (generation !== this.generation) return;
    this.target = target;
    await this.attempt(generation);
  }

  /** graceful sends DISCONNECT; force just drops the connection, as when the power goes. */
  async close(mode: 'graceful' | 'force'): Promise<void> {
    this.generation += 1;
    await this.closeCurrent(mode);
  }

  private async closeCurrent(mode: 'graceful' | 'force'): Promise<void> {
    this.target = undefined;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const managed = this.managed;
    this.managed = undefined;
    // "Not connected" from now on, not after the goodbye: a newer open() may already be connected by the time this
    // old connection has finished closing, and a late null would hide that for good (the device then queues forever).
    this.setStatus(null);
    await managed?.close(mode);
  }

  async publish(topic: string, payload: string, qos: Qos, retain: boolean): Promise<void> {
    await publishMessage(this.requireConnected(errorText('errors.mqtt.action.publish', { topic })), topic, Buffer.from(payload, 'utf8'), qos, retain);
  }

  async subscribe(filter: string, qos: Qos): Promise<void> {
    await subscribeFilter(this.requireConnected(errorText('errors.mqtt.action.subscribe', { filter })), filter, qos);
  }

  async dispose(): Promise<void> {
    await this.close('force');
    this.emitter.clear();
  }

  private async attempt(generation: number): Promise<void> {
    const target = this.target;
    if (!target) return;
    let resolved: ResolvedConnection;
    try {
      resolved = await this.deps.resolve(target.profileId, target.clientId);
    } catch (error) {
      if (generation !== this.generation) return;
      this.preparationFailed(target, error, generation);
      return;
    }
    if (generation !== this.generation) return;
    const options = { ...resolved.options, clientId: target.clientId, clean: target.clean, resubscribe: false };
    const managed: ManagedClient = new ManagedClient({
      clientName: NIGHTLIGHT_DEVICE_CLIENT_NAME,
      resolved: { ...resolved, options },
      clientId: target.clientId,
      connect: this.cable.wrap(this.deps.connect),
      logger: this.deps.logger,
      batchIntervalMs: this.deps.batchIntervalMs ?? 50,
      onStatus: (status) => managed === this.managed && this.setStatus(status),
      onMessages: (messages) => managed === this.managed && this.emitter.emit('messages', messages),
    });
    this.managed = managed;
    managed.start();
    await managed.firstOutcome.catch(() => undefined);
  }

  /** No client exists to retry by itself (no such profile, built-in broker down): try again in a moment. */
  private preparationFailed(target: LinkTarget, error: unknown, generation: number): void {
    const isLabError = error instanceof LabError;
    // The reason keeps its key when it has one (no such profile, built-in broker down), so the page translates it too.
    const reason = isLabError ? (error.text ?? error.message) : errorText('errors.nightlight.devicePrepareFailed');
    const said = errorText('errors.nightlight.deviceRetrying', { reason, seconds: LINK_RETRY_MS / 1000 });
    this.setStatus({
      clientName: NIGHTLIGHT_DEVICE_CLIENT_NAME,
      profileId: target.profileId,
      brokerUrl: '',
      clientId: target.clientId,
      state: 'error',
      message: englishErrorMessage(said),
      messageText: said,
      errorCode: isLabError ? error.code : 'INTERNAL',
      sinceMs: Date.now(),
    });
    if (!isLabError) this.deps.logger.error('The nightlight device could not prepare its connection', error);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (generation === this.generation) void this.attempt(generation);
    }, LINK_RETRY_MS);
  }

  private requireConnected(action: ErrorText): mqtt.MqttClient {
    if (!this.managed) throw new LabError('NOT_CONNECTED', errorText('errors.nightlight.deviceOffline', { action }));
    return this.managed.requireConnected(action);
  }

  private setStatus(status: ClientStatus | null): void {
    this.current = status;
    this.emitter.emit('status', status);
  }
}
