// One named MQTT client: follows mqtt.js events into a ClientStatus, batches received messages,
// and does publish/subscribe with clear errors. It does not choose profiles or know other clients.
import type mqtt from 'mqtt';
import type { IPublishPacket, MqttClient } from 'mqtt';
import { LabError } from '../../../src-shared/contract/result';
import { englishErrorMessage, errorText, type ErrorText } from '../../../src-shared/i18n/error-text';
import type { ClientState, ClientStatus, ReceivedMessage } from '../../../src-shared/contract/schemas';
import type { Logger } from '../../lib/logger';
import { connackRefusal, explained, explainMqttError, type ExplainedError } from './explain-mqtt-error';
import { toReceivedMessage } from './payload-codec';
import type { ResolvedConnection } from './resolve-connection';
import { askBroker } from './broker-requests';

/** Beyond this many messages waiting for one batch, new ones are dropped (and counted) rather than eating memory. */
export const MAX_MESSAGES_PER_BATCH = 10_000;
const GRACEFUL_END_TIMEOUT_MS = 2000;

export interface ManagedClientOptions {
  clientName: string;
  resolved: ResolvedConnection;
  clientId: string;
  connect: typeof mqtt.connect;
  logger: Logger;
  batchIntervalMs: number;
  onStatus: (status: ClientStatus) => void;
  onMessages: (messages: ReceivedMessage[]) => void;
  /** Takes a message as it arrives (raw bytes, no batch, no drop cap) when it returns true; then it is not batched. */
  takeMessage?: (topic: string, payload: Buffer, qos: 0 | 1 | 2, retain: boolean) => boolean;
}

export class ManagedClient {
  private client: MqttClient | undefined;
  private current: ClientStatus;
  private lastError: ExplainedError | undefined;
  private pending: ReceivedMessage[] = [];
  private dropped = 0;
  private batchTimer: NodeJS.Timeout | undefined;
  private retired = false;
  private settleFirst: { resolve: (status: ClientStatus) => void; reject: (error: LabError) => void } | undefined;
  /** Resolves on the first CONNACK, rejects on the first failure; later events only change the status. */
  readonly firstOutcome: Promise<ClientStatus>;

  constructor(private readonly options: ManagedClientOptions) {
    const { resolved } = options;
    const connecting = errorText('errors.mqtt.connecting', { url: resolved.displayUrl });
    this.current = {
      clientName: options.clientName,
      profileId: resolved.profile.id,
      brokerUrl: resolved.displayUrl,
      clientId: options.clientId,
      state: 'connecting',
      message: englishErrorMessage(connecting),
      messageText: connecting,
      sinceMs: Date.now(),
    };
    this.firstOutcome = new Promise((resolve, reject) => {
      this.settleFirst = { resolve, reject };
    });
    // The caller may never await firstOutcome (a replaced client); an unobserved rejection must not crash.
    this.firstOutcome.catch(() => undefined);
  }

  get status(): ClientStatus {
    return this.current;
  }

  get clientId(): string {
    return this.options.clientId;
  }

  get brokerUrl(): string {
    return this.options.resolved.displayUrl;
  }

  start(): void {
    const { resolved, clientId } = this.options;
    this.options.onStatus(this.current);
    try {
      this.client = this.options.connect(resolved.url, { ...resolved.options, clientId });
    } catch (error) {
      this.fail(explained('INVALID_INPUT', errorText('errors.mqtt.badSettings', { detail: (error as Error).message })));
      return;
    }
    this.attach(this.client);
  }

  private attach(client: MqttClient): void {
    client.on('connect', () => this.live() && this.onConnect());
    client.on('reconnect', () => this.live() && this.onReconnect());
    client.on('offline', () => this.live() && this.onOffline());
    client.on('error', (error) => this.live() && this.onError(error));
    client.on('close', () => this.live() && this.onClose());
    client.on('message', (topic, payload, packet) => this.live() && this.onMessage(topic, payload, packet));
  }

  private live(): boolean {
    return !this.retired;
  }

  private onConnect(): void {
    this.lastError = undefined;
    this.setState('connected', errorText('errors.mqtt.connected', { url: this.brokerUrl, clientId: this.clientId }));
    this.settleFirst?.resolve(this.current);
    this.settleFirst = undefined;
  }

  private onReconnect(): void {
    // Keep the last problem visible while retrying, so the student still sees why it is not connected.
    const text = this.lastError?.text ?? errorText('errors.mqtt.connectingAgain', { url: this.brokerUrl });
    this.setState('reconnecting', text, this.lastError?.code);
  }

  private onOffline(): void {
    if (this.lastError) return;
    this.setState('offline', errorText('errors.mqtt.lost', { url: this.brokerUrl, seconds: this.retrySeconds(), clientId: this.clientId }));
  }

  private onError(error: Error): void {
    const result = explainMqttError(error, { host: this.hostOf(), port: this.portOf() });
    const refused = connackRefusal(error) !== undefined;
    // Retries repeat the same error every few seconds; log it once per change, not on every attempt.
    const { logger } = this.options;
    const log = this.lastError?.code === result.code ? logger.debug : logger.warn;
    log.call(logger, `MQTT client "${this.options.clientName}" error`, { code: result.code, error: error.message });
    if (refused) {
      // mqtt.js does not retry a refused CONNACK (retrying a wrong password helps no one), so release the client.
      this.fail(result);
      this.client?.end(true);
      return;
    }
    this.fail(explained(result.code, errorText('errors.mqtt.keepsTrying', { reason: result.text, seconds: this.retrySeconds() })));
  }

  private onClose(): void {
    if (!this.settleFirst) return;
    const at = `${this.hostOf()}:${this.portOf()}`;
    this.fail(explained('BROKER_UNREACHABLE', errorText('errors.mqtt.closedBeforeAccept', { at, seconds: this.retrySeconds() })));
  }

  private fail(problem: ExplainedError): void {
    this.lastError = problem;
    this.setState('error', problem.text, problem.code);
    this.settleFirst?.reject(new LabError(problem.code, problem.text));
    this.settleFirst = undefined;
  }

  private onMessage(topic: string, payload: Buffer, packet: IPublishPacket): void {
    if (this.options.takeMessage?.(topic, payload, packet.qos, packet.retain === true)) return;
    if (this.pending.length >= MAX_MESSAGES_PER_BATCH) {
      this.dropped += 1;
      return;
    }
    this.pending.push(toReceivedMessage(topic, payload, packet.qos, packet.retain, Date.now()));
    this.batchTimer ??= setTimeout(() => this.flush(), this.options.batchIntervalMs);
  }

  private flush(): void {
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = undefined;
    if (this.dropped > 0) {
      this.options.logger.warn(`MQTT client "${this.options.clientName}" dropped ${this.dropped} messages: more than ${MAX_MESSAGES_PER_BATCH} arrived in one batch`);
      this.dropped = 0;
    }
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.options.onMessages(batch);
  }

  private setState(state: ClientState, text?: ErrorText, errorCode?: string): void {
    const previous = this.current;
    const message = text && englishErrorMessage(text);
    if (previous.state === state && previous.message === message && previous.errorCode === errorCode) return;
    const { message: _oldMessage, messageText: _oldText, errorCode: _oldCode, ...rest } = previous;
    this.current = {
      ...rest,
      state,
      ...(text !== undefined ? { message: englishErrorMessage(text), messageText: text } : {}),
      ...(errorCode !== undefined ? { errorCode } : {}),
      sinceMs: Date.now(),
    };
    this.options.onStatus(this.current);
  }

  private hostOf(): string {
    return String(this.options.resolved.options.hostname ?? this.options.resolved.options.host ?? '');
  }

  private portOf(): number {
    return Number(this.options.resolved.options.port ?? 0);
  }

  private retrySeconds(): number {
    return Math.round((this.options.resolved.options.reconnectPeriod ?? 0) / 1000);
  }

  /** The mqtt.js client, only when a broker session is open right now. */
  requireConnected(action: string | ErrorText): MqttClient {
    if (this.client && this.current.state === 'connected' && this.client.connected) return this.client;
    const { clientName } = this.options;
    throw new LabError('NOT_CONNECTED', errorText('errors.mqtt.notConnectedClient', { action, clientName, state: this.current.state }));
  }

  /**
   * Forgets a subscription while there is no connection: mqtt.js drops it from its resubscribe list now
   * and sends the UNSUBSCRIBE when the connection is back, so old messages do not come back by surprise.
   */
  unsubscribeWhileOffline(filter: string): void {
    this.client?.unsubscribe(filter, () => undefined);
  }

  /** Ends the client. graceful sends DISCONNECT and delivers waiting messages; force just closes the socket. */
  async close(mode: 'graceful' | 'force'): Promise<void> {
    if (this.retired) return;
    if (mode === 'graceful') this.flush();
    this.retired = true;
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = undefined;
    this.pending = [];
    this.settleFirst?.reject(new LabError('NOT_CONNECTED', errorText('errors.mqtt.closedWhileConnecting', { clientName: this.options.clientName })));
    this.settleFirst = undefined;
    const client = this.client;
    if (!client) return;
    // mqtt.js's graceful end() during a connection attempt can leave the socket open for good; with no session
    // yet there is nobody to say goodbye to, so a client that is not connected is always closed at once.
    const force = mode === 'force' || !client.connected;
    await askBroker(
      new Promise<void>((resolve) => client.end(force, {}, () => resolve())),
      GRACEFUL_END_TIMEOUT_MS,
      () => new LabError('TIMEOUT', errorText('errors.mqtt.disconnectTimeout')),
    ).catch(() => client.end(true));
  }
}
