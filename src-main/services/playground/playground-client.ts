// One playground client: its settings, its own fault proxy, an mqtt.js client per connect, the session that outlives
// it, and a status a student can read. It does not choose brokers (the service resolves them) and owns no other client.
import type mqtt from 'mqtt';
import type { IConnackPacket, IPublishPacket, MqttClient, Packet } from 'mqtt';
import type { Fault, PlaygroundClient as ClientView, PlaygroundClientState, PlaygroundTarget } from '../../../src-shared/contract/playground';
import { LabError } from '../../../src-shared/contract/result';
import { errorText, type ErrorText } from '../../../src-shared/i18n/error-text';
import type { LabText } from '../../../src-shared/i18n/format-lab-text';
import { englishOf, labText, type LabSentence } from '../../../src-shared/i18n/lab-text';
import type { Qos } from '../../../src-shared/contract/schemas';
import { Emitter, type Disposable } from '../../lib/emitter';
import type { Logger } from '../../lib/logger';
import { subscribeFilter, unsubscribeFilter } from '../mqtt/broker-requests';
import type { ResolvedConnection } from '../mqtt/resolve-connection';
import { assertPlainMqtt, buildClientOptions, endAtOnce, endGracefully } from './client-connection';
import { ConnectionFacts } from './connection-facts';
import { explainClose, explainConnectFailure, withUnfinished } from './close-reasons';
import { FaultProxy, type ProxyConnectionReport } from './fault-proxy';
import { applyFault } from './apply-fault';
import { PacketCapture } from './packet-capture';
import type { LogSource, PacketLog } from './packet-log';
import { checkPublish, type PublishRequest } from './publish-checks';
import { SessionStore } from './session-store';
import type { ClientSettings, ReceivedPublish, SeenPacket } from './playground-types';

export type { ClientSettings, ReceivedPublish, SeenPacket } from './playground-types';

export interface PlaygroundClientDeps {
  connect: typeof mqtt.connect;
  log: PacketLog;
  logger: Logger;
  onChange: () => void;
  connectTimeoutMs?: number;
  /** The name as a key, for a client the lab names itself; it goes when the name is changed. */
  nameText?: LabSentence;
}

type Settle = { resolve: () => void; reject: (error: LabError) => void };

export class PlaygroundClient {
  private state: PlaygroundClientState = 'idle';
  /** The status sentence as a key (an error text or a `playground.*` lab text); its English is the view's message. */
  private message: LabText | undefined = labText('playground.clientStatus.notConnectedYet');
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
  private readonly facts = new ConnectionFacts();
  /** Rejects the connect() still waiting for its CONNACK, when that attempt is replaced or called off. */
  private abandonConnect: ((reason: ErrorText) => void) | undefined;
  private connack: IConnackPacket | undefined;
  private readonly received = new Emitter<{ message: ReceivedPublish; packet: SeenPacket }>();
  private nameText: LabSentence | undefined;

  constructor(
    readonly key: string,
    private settings: ClientSettings,
    readonly role: ClientView['role'],
    private readonly deps: PlaygroundClientDeps,
  ) {
    this.nameText = deps.nameText;
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
      ...(this.nameText ? { nameText: this.nameText } : {}),
      state: this.state,
      ...(this.message !== undefined ? { message: englishOf(this.message), messageText: this.message } : {}),
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
    if (patch.name !== undefined && patch.name !== this.settings.name) this.nameText = undefined;
    this.settings = { ...this.settings, ...patch };
    this.deps.onChange();
  }

  async connect(resolved: ResolvedConnection, target: PlaygroundTarget): Promise<void> {
    assertPlainMqtt(resolved);
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
    this.setState('connecting', labText('playground.clientStatus.connecting', { url: this.brokerUrl }));
    // manualConnect: listeners must be in place before mqtt.js writes CONNECT, or the log would miss it.
    const options = buildClientOptions(this.settings, this.stores, resolved, this.deps.connectTimeoutMs ?? 5000);
    const client = this.deps.connect(`mqtt://127.0.0.1:${proxyPort}`, { ...options, manualConnect: true });
    this.client = client;
    const connected = new Promise<void>((resolve, reject) => this.attach(client, attempt, { resolve, reject }));
    client.connect();
    return connected;
  }

  async disconnect(): Promise<void> {
    const client = this.client;
    const unfinished = this.stores.outgoing.describe();
    this.client = undefined;
    const attempt = this.attempt;
    this.abandonConnect?.(errorText('errors.playground.disconnectedBeforeAccept', { name: this.name }));
    if (client) await endGracefully(client, unfinished.length > 0, () => this.capture.onClientSent(attempt, { cmd: 'disconnect' } as Packet));
    const facts = { unfinished, cleanSession: this.settings.cleanSession, clientName: this.name };
    if (unfinished.length > 0) this.deps.log.note(this.source(), 'problem', withUnfinished(labText('playground.clientStatus.disconnectedMidway'), facts));
    const status = this.brokerUrl ? labText('playground.clientStatus.disconnected', { url: this.brokerUrl }) : labText('playground.clientStatus.notConnected');
    this.setState('idle', withUnfinished(status, facts));
  }

  async publish(request: PublishRequest): Promise<{ sizeBytes: number; packetId: number | null }> {
    const client = this.requireConnected(errorText('errors.mqtt.action.publish', { topic: request.topic }));
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
    this.facts.notePublish(payload.length, request.qos);
    return { sizeBytes: payload.length, packetId: request.qos > 0 ? packetId : null };
  }

  async subscribe(filter: string, qos: Qos): Promise<{ filter: string; requestedQos: Qos; grantedQos: number; downgraded: boolean }> {
    const client = this.requireConnected(errorText('errors.mqtt.action.subscribe', { filter }));
    const { grantedQos } = await subscribeFilter(client, filter, qos);
    this.subscriptions.set(filter, { filter, requestedQos: qos, grantedQos });
    this.deps.onChange();
    return { filter, requestedQos: qos, grantedQos, downgraded: grantedQos < qos };
  }

  async unsubscribe(filter: string): Promise<void> {
    const client = this.requireConnected(errorText('errors.mqtt.action.unsubscribe', { filter }));
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

  private attach(client: MqttClient, attempt: number, settle: Settle): void {
    let pending: Settle | undefined = settle;
    const current = () => this.client === client;
    this.abandonConnect = (reason) => {
      pending?.reject(new LabError('NOT_CONNECTED', reason));
      pending = undefined;
    };
    const fail = (error?: Error) => {
      const explained = explainConnectFailure({
        error,
        upstreamError: this.facts.upstreamError,
        target: this.brokerAt,
        protocolVersion: this.settings.protocolVersion,
        blackHole: this.proxy.faults.blackHole,
        cut: this.facts.closedFirstBy === 'cut',
      });
      this.setState('error', explained.text, explained.code);
      pending?.reject(new LabError(explained.code, explained.text));
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
      if (packet.cmd === 'disconnect' && current()) this.facts.brokerDisconnectCode = packet.reasonCode ?? 0;
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
      else if (error.message === 'Keepalive timeout') this.facts.keepaliveTimedOut = true;
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
    const values = { url: this.brokerUrl, clientId: this.settings.clientId };
    this.setState('connected', labText(connack.sessionPresent ? 'playground.clientStatus.connectedResumed' : 'playground.clientStatus.connected', values));
  }

  private onPublishReceived(topic: string, payload: Buffer, packet: IPublishPacket): void {
    this.received.emit('message', { topic, payload, qos: packet.qos, retain: packet.retain, dup: packet.dup, atMs: Date.now() });
  }

  private onClosed(): void {
    const { closedFirstBy, brokerDisconnectCode } = this.facts;
    const recent = this.facts.recentPublish();
    const text = explainClose({
      clientName: this.name,
      clientId: this.settings.clientId,
      brokerAt: `${this.brokerAt.host}:${this.brokerAt.port}`,
      ...(closedFirstBy ? { proxyClosedBy: closedFirstBy } : {}),
      ...(brokerDisconnectCode !== undefined ? { brokerDisconnectCode } : {}),
      ...(recent ? { recentPublish: recent } : {}),
      keepaliveTimedOut: this.facts.keepaliveTimedOut,
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
      this.deps.log.note(this.source(), 'cut', labText('playground.notes.lostInCut', { count: report.lostPackets }));
    }
    // Proxy connection n carries connect attempt n (one mqtt.js client, one TCP connection per connect).
    this.facts.noteProxy(report, this.attempt);
  }

  private async closeClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.abandonConnect?.(errorText('errors.playground.replacedAttempt', { name: this.name }));
    if (client) await endAtOnce(client);
  }

  private requireConnected(action: ErrorText): MqttClient {
    if (this.client && this.isConnected) return this.client;
    throw new LabError('NOT_CONNECTED', errorText('errors.playground.notConnected', { action, name: this.name, state: this.state }));
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
    this.facts.reset();
    this.connack = undefined;
    this.sessionPresent = null;
  }

  private setState(state: PlaygroundClientState, message?: LabText, errorCode?: string): void {
    this.state = state;
    this.message = message;
    this.errorCode = errorCode;
    this.sinceMs = Date.now();
    this.deps.onChange();
  }

  private source(): LogSource {
    return { clientKey: this.key, clientName: this.settings.name, ...(this.nameText ? { clientNameText: this.nameText } : {}) };
  }
}
