// One playground client: its settings, its own fault proxy, an mqtt.js client per connect, the session that outlives
// it, and a status a student can read. It does not choose brokers (the service resolves them) and owns no other client.
import type mqtt from 'mqtt';
import type { IClientOptions, IConnackPacket, IPublishPacket, MqttClient, Packet } from 'mqtt';
import type { Fault, PlaygroundClient as ClientView, PlaygroundClientState, PlaygroundTarget } from '../../../src-shared/contract/playground';
import { LabError } from '../../../src-shared/contract/result';
import type { Qos } from '../../../src-shared/contract/schemas';
import { Emitter, type Disposable } from '../../lib/emitter';
import type { Logger } from '../../lib/logger';
import { subscribeFilter, unsubscribeFilter } from '../mqtt/broker-requests';
import type { ResolvedConnection } from '../mqtt/resolve-connection';
import { explainClose, explainConnectFailure, unfinishedSentence } from './close-reasons';
import { FaultProxy, type ProxyConnectionReport } from './fault-proxy';
import { applyFault } from './apply-fault';
import { PacketCapture } from './packet-capture';
import type { PacketLog } from './packet-log';
import { checkPublish, type PublishRequest } from './publish-checks';
import { SessionStore } from './session-store';

export type ClientSettings = Pick<ClientView, 'name' | 'clientId' | 'cleanSession' | 'keepaliveSeconds' | 'protocolVersion' | 'will'>;

export interface ReceivedPublish {
  topic: string;
  payload: Buffer;
  qos: Qos;
  retain: boolean;
  dup: boolean;
  atMs: number;
}

/** A packet as mqtt.js sent or received it (before any fault in the proxy). */
export interface SeenPacket {
  direction: 'toBroker' | 'toClient';
  packet: Packet;
}

export interface PlaygroundClientDeps {
  connect: typeof mqtt.connect;
  log: PacketLog;
  logger: Logger;
  onChange: () => void;
  connectTimeoutMs?: number;
}

/** MQTT 5 ends a session when the connection closes unless the client asks for longer; one hour is plenty for a lesson. */
const SESSION_EXPIRY_SECONDS = 3600;
const GRACEFUL_END_TIMEOUT_MS = 2000;
const RECENT_PUBLISH_MS = 1000;

type Settle = { resolve: () => void; reject: (error: LabError) => void };

export class PlaygroundClient {
  private state: PlaygroundClientState = 'idle';
  private message: string | undefined = 'Not connected yet.';
  private errorCode: string | undefined;
  private sinceMs = Date.now();
  private target: PlaygroundTarget | null = null;
  private brokerUrl = '';
  private brokerAt = { host: '', port: 0 };
  private sessionPresent: boolean | null = null;
  private readonly subscriptions = new Map<string, ClientView['subscriptions'][number]>();
  private readonly proxy: FaultProxy;
  private readonly capture: PacketCapture;
  private stores = this.newStores();
  private client: MqttClient | undefined;
  private attempt = 0;
  /** Who ended the current TCP connection first, as the proxy saw it (it learns this before mqtt.js does). */
  private closedFirstBy: 'client' | 'broker' | 'cut' | 'malformed' | undefined;
  private upstreamError: Error | undefined;
  private brokerDisconnectCode: number | undefined;
  private keepaliveTimedOut = false;
  private lastPublish: { bytes: number; qos: number; atMs: number } | undefined;
  private connack: IConnackPacket | undefined;
  private readonly received = new Emitter<{ message: ReceivedPublish; packet: SeenPacket }>();

  constructor(
    readonly key: string,
    private settings: ClientSettings,
    readonly role: ClientView['role'],
    private readonly deps: PlaygroundClientDeps,
  ) {
    this.proxy = new FaultProxy((error) => deps.logger.error('A playground proxy listener failed', error));
    this.capture = new PacketCapture(deps.log, () => this.source());
    this.proxy.onPacket((report) => this.capture.onProxyPacket(report));
    this.proxy.onConnection((report) => this.onProxyConnection(report));
  }

  get name(): string {
    return this.settings.name;
  }

  get isConnected(): boolean {
    return this.state === 'connected' && this.client?.connected === true;
  }

  /** The QoS 1/2 exchanges this client has not finished; they survive a cut when clean session is off. */
  get unfinished(): number {
    return this.stores.outgoing.size;
  }

  view(): ClientView {
    return {
      key: this.key,
      ...this.settings,
      role: this.role,
      state: this.state,
      ...(this.message !== undefined ? { message: this.message } : {}),
      ...(this.errorCode !== undefined ? { errorCode: this.errorCode } : {}),
      target: this.target,
      brokerUrl: this.brokerUrl,
      proxyPort: this.client ? this.proxy.port : null,
      sessionPresent: this.sessionPresent,
      subscriptions: [...this.subscriptions.values()],
      inFlight: this.stores.outgoing.size,
      faults: this.proxy.faults,
      sinceMs: this.sinceMs,
    };
  }

  onMessage(listener: (message: ReceivedPublish) => void): Disposable {
    return this.received.on('message', listener);
  }

  onPacket(listener: (seen: SeenPacket) => void): Disposable {
    return this.received.on('packet', listener);
  }

  /** New settings apply at the next connect; another client id means another session, so the old one is dropped. */
  updateSettings(patch: Partial<ClientSettings>): void {
    if (patch.clientId !== undefined && patch.clientId !== this.settings.clientId) this.stores = this.newStores();
    this.settings = { ...this.settings, ...patch };
    this.deps.onChange();
  }

  async connect(resolved: ResolvedConnection, target: PlaygroundTarget): Promise<void> {
    if (resolved.profile.transport !== 'mqtt') {
      throw new LabError(
        'INVALID_INPUT',
        `The playground can only break plain mqtt:// connections on purpose, but the broker "${resolved.profile.name}" uses ${resolved.profile.transport}://. Use the built-in broker, or a profile with transport mqtt (like test.mosquitto.org on port 1883).`,
        'target',
      );
    }
    await this.closeClient();
    this.brokerAt = { host: String(resolved.options.hostname ?? resolved.options.host), port: Number(resolved.options.port) };
    const proxyPort = await this.proxy.listen();
    this.proxy.setTarget(this.brokerAt);
    if (this.settings.cleanSession) this.forgetSession();
    this.target = target;
    this.brokerUrl = resolved.displayUrl;
    this.resetConnectionFacts();
    const attempt = ++this.attempt;
    this.capture.startAttempt(attempt);
    this.setState('connecting', `Connecting to ${this.brokerUrl} through the playground's network…`);
    // manualConnect: listeners must be in place before mqtt.js writes CONNECT, or the log would miss it.
    const client = this.deps.connect(`mqtt://127.0.0.1:${proxyPort}`, { ...this.clientOptions(resolved), manualConnect: true });
    this.client = client;
    const connected = new Promise<void>((resolve, reject) => this.attach(client, attempt, { resolve, reject }));
    client.connect();
    return connected;
  }

  async disconnect(): Promise<void> {
    const client = this.client;
    const unfinished = this.stores.outgoing.describe();
    this.client = undefined;
    if (client) await this.endGracefully(client, unfinished.length > 0);
    const note = unfinishedSentence({ unfinished, cleanSession: this.settings.cleanSession, clientName: this.name });
    if (note) this.deps.log.note(this.source(), 'problem', `Disconnected in the middle of a QoS exchange.${note}`);
    this.setState('idle', `${this.brokerUrl ? `Disconnected from ${this.brokerUrl}.` : 'Not connected.'}${note}`);
  }

  async publish(request: PublishRequest): Promise<{ sizeBytes: number; packetId: number | null }> {
    const client = this.requireConnected(`publish to "${request.topic}"`);
    const { payload, options } = checkPublish(request, this.settings.protocolVersion, this.connack);
    let packetId: number | null = null;
    const spy = (packet: Packet) => {
      if (packet.cmd === 'publish' && packet.topic === request.topic) packetId = packet.messageId ?? null;
    };
    client.on('packetsend', spy);
    client.publish(request.topic, payload, options, (error) => {
      if (error) this.deps.logger.debug(`Playground client "${this.key}" publish ended with: ${error.message}`);
    });
    client.off('packetsend', spy);
    this.lastPublish = { bytes: payload.length, qos: request.qos, atMs: Date.now() };
    return { sizeBytes: payload.length, packetId: request.qos > 0 ? packetId : null };
  }

  async subscribe(filter: string, qos: Qos): Promise<{ filter: string; requestedQos: Qos; grantedQos: number; downgraded: boolean }> {
    const client = this.requireConnected(`subscribe to "${filter}"`);
    const { grantedQos } = await subscribeFilter(client, filter, qos);
    this.subscriptions.set(filter, { filter, requestedQos: qos, grantedQos });
    this.deps.onChange();
    return { filter, requestedQos: qos, grantedQos, downgraded: grantedQos < qos };
  }

  async unsubscribe(filter: string): Promise<void> {
    const client = this.requireConnected(`unsubscribe from "${filter}"`);
    await unsubscribeFilter(client, filter);
    this.subscriptions.delete(filter);
    this.deps.onChange();
  }

  injectFault(fault: Fault): void {
    const text = applyFault(this.proxy, fault, this.name);
    this.deps.log.note(this.source(), text.event, text.text);
    this.deps.onChange();
  }

  /** Closes the mqtt.js client at once (no DISCONNECT), the proxy and every listener. */
  async dispose(): Promise<void> {
    await this.closeClient();
    await this.proxy.close();
    this.received.clear();
  }

  private clientOptions(resolved: ResolvedConnection): IClientOptions {
    const { will, protocolVersion, cleanSession } = this.settings;
    return {
      clientId: this.settings.clientId,
      clean: cleanSession,
      keepalive: this.settings.keepaliveSeconds,
      protocolVersion,
      // The student reconnects on purpose, so every reconnect shows up as a choice, not a surprise.
      reconnectPeriod: 0,
      connectTimeout: this.deps.connectTimeoutMs ?? 5000,
      resubscribe: false,
      queueQoSZero: false,
      incomingStore: this.stores.incoming,
      outgoingStore: this.stores.outgoing,
      ...(protocolVersion === 5 && !cleanSession ? { properties: { sessionExpiryInterval: SESSION_EXPIRY_SECONDS } } : {}),
      ...(will ? { will: { topic: will.topic, payload: Buffer.from(will.payload, 'utf8'), qos: will.qos, retain: will.retain } } : {}),
      ...(resolved.options.username ? { username: resolved.options.username } : {}),
      ...(resolved.options.password !== undefined ? { password: resolved.options.password } : {}),
    };
  }

  private attach(client: MqttClient, attempt: number, settle: Settle): void {
    let pending: Settle | undefined = settle;
    const current = () => this.client === client;
    const fail = (error?: Error) => {
      const explained = explainConnectFailure({
        error,
        upstreamError: this.upstreamError,
        target: this.brokerAt,
        protocolVersion: this.settings.protocolVersion,
        blackHole: this.proxy.faults.blackHole,
        cut: this.closedFirstBy === 'cut',
      });
      this.setState('error', explained.message, explained.code);
      pending?.reject(new LabError(explained.code, explained.message));
      pending = undefined;
      if (current()) this.client = undefined;
      client.end(true);
    };
    client.on('packetsend', (packet) => {
      this.capture.onClientSent(attempt, packet);
      this.received.emit('packet', { direction: 'toBroker', packet });
    });
    client.on('packetreceive', (packet) => {
      this.capture.onClientReceived(attempt, packet);
      this.received.emit('packet', { direction: 'toClient', packet });
      if (packet.cmd === 'disconnect' && current()) this.brokerDisconnectCode = packet.reasonCode ?? 0;
    });
    client.on('message', (topic, payload, packet) => current() && this.onPublishReceived(topic, payload, packet));
    client.on('connect', (connack) => {
      if (!current()) return;
      this.onConnack(connack);
      pending?.resolve();
      pending = undefined;
    });
    client.on('error', (error) => {
      if (!current()) return;
      if (pending) fail(error);
      else if (error.message === 'Keepalive timeout') this.keepaliveTimedOut = true;
    });
    client.on('close', () => {
      if (!current()) return;
      if (pending) return fail();
      this.client = undefined;
      this.onClosed();
    });
  }

  private onConnack(connack: IConnackPacket): void {
    this.connack = connack;
    this.sessionPresent = connack.sessionPresent;
    // Without a session the broker has forgotten this client's subscriptions, so the list starts empty too.
    if (!connack.sessionPresent) this.subscriptions.clear();
    const resumed = connack.sessionPresent ? ' The broker still had its session (session present = 1).' : '';
    this.setState('connected', `Connected to ${this.brokerUrl} as "${this.settings.clientId}".${resumed}`);
  }

  private onPublishReceived(topic: string, payload: Buffer, packet: IPublishPacket): void {
    this.received.emit('message', { topic, payload, qos: packet.qos, retain: packet.retain, dup: packet.dup, atMs: Date.now() });
  }

  private onClosed(): void {
    const recent = this.lastPublish && Date.now() - this.lastPublish.atMs < RECENT_PUBLISH_MS ? this.lastPublish : undefined;
    const text = explainClose({
      clientName: this.name,
      clientId: this.settings.clientId,
      brokerAt: `${this.brokerAt.host}:${this.brokerAt.port}`,
      ...(this.closedFirstBy ? { proxyClosedBy: this.closedFirstBy } : {}),
      ...(this.brokerDisconnectCode !== undefined ? { brokerDisconnectCode: this.brokerDisconnectCode } : {}),
      ...(recent ? { recentPublish: { bytes: recent.bytes, qos: recent.qos } } : {}),
      keepaliveTimedOut: this.keepaliveTimedOut,
      blackHole: this.proxy.faults.blackHole,
      keepaliveSeconds: this.settings.keepaliveSeconds,
      unfinished: this.stores.outgoing.describe(),
      cleanSession: this.settings.cleanSession,
    });
    this.deps.log.note(this.source(), 'connectionClosed', text);
    this.setState('offline', text);
  }

  private onProxyConnection(report: ProxyConnectionReport): void {
    if (report.kind === 'closed' && report.by === 'cut' && report.lostPackets > 0) {
      this.deps.log.note(this.source(), 'cut', `${report.lostPackets} delayed packet(s) were still on their way and are lost.`);
    }
    // Proxy connection n carries connect attempt n; news about an older connection says nothing about this one.
    if (report.connectionId !== this.attempt) return;
    if (report.kind === 'upstreamFailed') this.upstreamError = report.error;
    if (report.kind === 'sideClosed' || report.kind === 'closed') this.closedFirstBy ??= report.by;
  }

  /** DISCONNECT now, even in the middle of a QoS exchange (mqtt.js would wait for it to finish, maybe forever). */
  private async endGracefully(client: MqttClient, midExchange: boolean): Promise<void> {
    if (!client.connected) {
      client.end(true);
      return;
    }
    const ended = new Promise<void>((resolve) => client.once('close', () => resolve()));
    if (midExchange) {
      this.capture.onClientSent(this.attempt, { cmd: 'disconnect' } as Packet);
      client.stream.end(Buffer.from([0xe0, 0x00]));
    } else {
      client.end(false);
    }
    const timer = new Promise<void>((resolve) => setTimeout(resolve, GRACEFUL_END_TIMEOUT_MS).unref());
    await Promise.race([ended, timer]);
    client.end(true);
  }

  private async closeClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    await new Promise<void>((resolve) => client.end(true, {}, () => resolve()));
  }

  private requireConnected(action: string): MqttClient {
    if (this.client && this.isConnected) return this.client;
    throw new LabError(
      'NOT_CONNECTED',
      `Cannot ${action}: "${this.name}" is not connected right now (it is ${this.state}). Press Connect first, then try again.`,
    );
  }

  private forgetSession(): void {
    this.stores = this.newStores();
    this.subscriptions.clear();
  }

  private newStores(): { incoming: SessionStore; outgoing: SessionStore } {
    // Called later, when the store changes; by then the constructor has set deps.
    const onChange = () => this.deps.onChange();
    return { incoming: new SessionStore(), outgoing: new SessionStore(onChange) };
  }

  private resetConnectionFacts(): void {
    this.upstreamError = undefined;
    this.closedFirstBy = undefined;
    this.brokerDisconnectCode = undefined;
    this.keepaliveTimedOut = false;
    this.connack = undefined;
    this.sessionPresent = null;
  }

  private setState(state: PlaygroundClientState, message?: string, errorCode?: string): void {
    this.state = state;
    this.message = message;
    this.errorCode = errorCode;
    this.sinceMs = Date.now();
    this.deps.onChange();
  }

  private source() {
    return { clientKey: this.key, clientName: this.settings.name };
  }
}
