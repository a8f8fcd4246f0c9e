// The lesson's server logic on the lab's named client "nightlight-server": subscribe to telemetry (on EVERY connect,
// unlike the lesson's code), parse defensively, answer {"led_on": light < threshold}. Per message it does constant work.
import type { LightPoint, ServerSettings, ServerState } from '../../../src-shared/contract/nightlight';
import { NIGHTLIGHT_SERVER_CLIENT_NAME } from '../../../src-shared/contract/nightlight';
import type { ClientStatus, ReceivedMessage } from '../../../src-shared/contract/schemas';
import type { Disposable } from '../../lib/emitter';
import type { MqttClientService } from '../mqtt/mqtt-client-service';
import { note, reasonOf } from './lab-notes';
import { parseTelemetry } from './payloads';
import { pythonJsonDumps, pythonRepr } from './python-repr';
import type { Print } from './virtual-device';

export const SERVER_RETRY_MS = 2000;
const MAX_DEVICES = 50;

type ServerDevice = ServerState['devices'][number];

export interface NightlightServerDeps {
  clients: MqttClientService;
  print: Print;
  changed: () => void;
  sample: (point: LightPoint) => void;
  /** Saves running/settings so the panel comes back the same after a restart. */
  persist: () => void;
}

/** The lesson's rule plus optional hysteresis: once on, the LED goes off only at threshold + hysteresis. */
export function decideLed(light: number, threshold: number, hysteresis: number, wasOn: boolean | undefined): boolean {
  return wasOn && hysteresis > 0 ? light < threshold + hysteresis : light < threshold;
}

export class NightlightServer {
  running: boolean;
  private subscribedFilter: string | null = null;
  private readonly devices = new Map<string, ServerDevice>();
  private counts = { received: 0, answered: 0, rejected: 0 };
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly subscriptions: Disposable[];

  constructor(
    private readonly deps: NightlightServerDeps,
    private current: ServerSettings,
    running: boolean,
  ) {
    this.running = running;
    this.subscriptions = [
      deps.clients.onStatusChanged((status) => status.clientName === NIGHTLIGHT_SERVER_CLIENT_NAME && this.onStatus(status)),
      deps.clients.onMessages((batch) => batch.clientName === NIGHTLIGHT_SERVER_CLIENT_NAME && this.onMessages(batch.messages)),
    ];
  }

  get settings(): ServerSettings {
    return this.current;
  }

  /** `<ID>/telemetry`, or `+/telemetry` in multi-device mode. */
  filter(): string {
    return this.current.multiDevice ? '+/telemetry' : `${this.current.studentId}/telemetry`;
  }

  async start(): Promise<void> {
    this.running = true;
    this.deps.persist();
    this.deps.print(note('serverStarted', { filter: this.filter() }), 'lab-note');
    await this.connect();
    this.deps.changed();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.clearRetry();
    this.subscribedFilter = null;
    this.deps.persist();
    await this.deps.clients.disconnect(NIGHTLIGHT_SERVER_CLIENT_NAME);
    this.deps.print(note('serverStopped'), 'lab-note');
    this.deps.changed();
  }

  async applySettings(next: ServerSettings): Promise<void> {
    const previous = this.current;
    const oldFilter = this.filter();
    this.current = next;
    this.deps.persist();
    if (this.running && (previous.profileId !== next.profileId || previous.clientId !== next.clientId)) {
      await this.connect();
    } else if (this.running && (oldFilter !== this.filter() || previous.qos !== next.qos) && this.subscribedFilter !== null) {
      await this.deps.clients.unsubscribe(NIGHTLIGHT_SERVER_CLIENT_NAME, oldFilter).catch(() => undefined);
      await this.subscribe();
    }
    this.deps.changed();
  }

  clearDevices(): void {
    this.devices.clear();
    this.deps.changed();
  }

  state(): ServerState {
    const connection = this.deps.clients.list().find((status) => status.clientName === NIGHTLIGHT_SERVER_CLIENT_NAME) ?? null;
    return {
      settings: { ...this.current },
      running: this.running,
      connection,
      subscribedFilter: this.subscribedFilter,
      devices: [...this.devices.values()].reverse(),
      counts: { ...this.counts },
    };
  }

  dispose(): void {
    this.clearRetry();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private async connect(): Promise<void> {
    this.clearRetry();
    if (!this.running) return;
    try {
      await this.deps.clients.connect(NIGHTLIGHT_SERVER_CLIENT_NAME, this.current.profileId, this.current.clientId);
    } catch (error) {
      const status = this.deps.clients.list().find((item) => item.clientName === NIGHTLIGHT_SERVER_CLIENT_NAME);
      this.deps.print(note('serverCouldNotConnect', { reason: reasonOf(error) }), 'lab-note');
      // A client that failed while preparing (built-in broker down, no such profile) does not retry by itself.
      if (this.running && (!status || status.brokerUrl === '')) {
        this.retryTimer = setTimeout(() => void this.connect(), SERVER_RETRY_MS);
      }
    }
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private onStatus(status: ClientStatus): void {
    if (status.state === 'connected' && this.running) void this.subscribe();
    if (status.state !== 'connected') this.subscribedFilter = null;
    this.deps.changed();
  }

  /** On every connect: the lesson's code subscribes once and goes deaf after an automatic reconnect. */
  private async subscribe(): Promise<void> {
    const filter = this.filter();
    try {
      await this.deps.clients.subscribe(NIGHTLIGHT_SERVER_CLIENT_NAME, filter, this.current.qos);
      this.subscribedFilter = filter;
      this.deps.print(note('serverSubscribed', { filter }), 'lab-note');
    } catch (error) {
      this.deps.print(note('couldNotSubscribe', { filter, reason: reasonOf(error) }), 'error');
    }
    this.deps.changed();
  }

  private deviceOf(topic: string): string | undefined {
    if (!this.current.multiDevice) return topic === `${this.current.studentId}/telemetry` ? this.current.studentId : undefined;
    const levels = topic.split('/');
    return levels.length === 2 && levels[1] === 'telemetry' ? levels[0] : undefined;
  }

  private onMessages(messages: ReceivedMessage[]): void {
    if (!this.running) return;
    for (const message of messages) this.handle(message);
    this.deps.changed();
  }

  private handle(message: ReceivedMessage): void {
    const deviceId = this.deviceOf(message.topic);
    if (deviceId === undefined) return;
    this.counts.received += 1;
    const parsed = parseTelemetry(message);
    if (!parsed.ok) {
      this.counts.rejected += 1;
      this.deps.print(note('serverWouldCrash', { problem: parsed.problem }), 'error');
      return;
    }
    const light = parsed.value;
    const { threshold, hysteresis, qos } = this.current;
    const ledOn = decideLed(light, threshold, hysteresis, this.devices.get(deviceId)?.ledOn);
    this.deps.print(`Message received: ${pythonRepr(parsed.payload)}`, 'output');
    const command = { led_on: ledOn };
    this.deps.print(`Sending message: ${pythonRepr(command)}`, 'output');
    const atMs = message.receivedAtMs;
    this.remember({ deviceId, light, ledOn, atMs });
    this.deps.sample({ atMs, deviceId, light, ledOn });
    const topic = `${deviceId}/commands`;
    this.deps.clients
      .publish({ clientName: NIGHTLIGHT_SERVER_CLIENT_NAME, topic, payload: pythonJsonDumps(command), payloadEncoding: 'utf8', qos, retain: false })
      .then(() => {
        this.counts.answered += 1;
        this.deps.changed();
      })
      .catch((error: unknown) => this.deps.print(note('couldNotSendCommand', { topic, reason: reasonOf(error) }), 'error'));
  }

  /** Most recent last; the oldest device is forgotten beyond MAX_DEVICES, so memory stays bounded. */
  private remember(device: ServerDevice): void {
    this.devices.delete(device.deviceId);
    this.devices.set(device.deviceId, device);
    if (this.devices.size > MAX_DEVICES) {
      const oldest = this.devices.keys().next().value;
      if (oldest !== undefined) this.devices.delete(oldest);
    }
  }
}
