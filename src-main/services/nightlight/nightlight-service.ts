// The Nightlight page's service: composes the virtual device, the lab's server logic, the CounterFit endpoint and
// "show me the code", keeps the consoles and the plot history bounded, and batches events (~20/s). No UI, no Electron.
import path from 'node:path';
import type mqtt from 'mqtt';
import type {
  CodeLanguage,
  CodeProgram,
  ConsoleLine,
  CounterfitStatus,
  DeviceSettings,
  DeviceState,
  GeneratedCode,
  HttpCall,
  LightPoint,
  NightlightSnapshot,
  RandomLight,
  ServerSettings,
  ServerState,
} from '../../../src-shared/contract/nightlight';
import { NIGHTLIGHT_QUEUE_CAPACITY } from '../../../src-shared/contract/nightlight';
import { LabError } from '../../../src-shared/contract/result';
import { errorText } from '../../../src-shared/i18n/error-text';
import type { BrokerProfile, BrokerStatus } from '../../../src-shared/contract/schemas';
import type { EventName, EventPayload } from '../../../src-shared/contract/commands';
import { englishOf } from '../../../src-shared/i18n/lab-text';
import type { Logger } from '../../lib/logger';
import type { MqttClientService } from '../mqtt/mqtt-client-service';
import type { ResolvedConnection } from '../mqtt/resolve-connection';
import { brokerAddressFor } from './code/broker-address';
import { generateCode } from './code/generate-code';
import { CounterfitEndpoint } from './counterfit-endpoint';
import { DeviceLink } from './device-link';
import { EventOutbox, type OutboxFlush } from './event-outbox';
import { note } from './lab-notes';
import { LightSensor } from './light-sensor';
import { NightlightServer } from './nightlight-server';
import {
  defaultDeviceSettings,
  defaultServerSettings,
  loadNightlight,
  mergeDeviceSettings,
  mergeServerSettings,
  saveNightlight,
} from './nightlight-settings';
import { RingBuffer } from './ring-buffer';
import { TelemetryQueue } from './telemetry-queue';
import { VirtualDevice, type Print } from './virtual-device';

const CONSOLE_LINES = 500;
const HISTORY_POINTS = 2000;
const HTTP_CALLS = 200;

export interface NightlightDeps {
  dataDir: string;
  /** The lab's shared client service: the server panel is its named client "nightlight-server". */
  clients: MqttClientService;
  connect: typeof mqtt.connect;
  resolve: (profileId: string, clientIdOverride?: string) => Promise<ResolvedConnection>;
  getProfile: (profileId: string) => Promise<BrokerProfile | undefined>;
  brokerStatus: () => BrokerStatus;
  studentId: () => Promise<string>;
  publish: <E extends EventName>(name: E, payload: EventPayload<E>) => void;
  logger: Logger;
  /** 5000 like CounterFit; 0 = any free port. */
  counterfitPort: number;
  eventIntervalMs?: number;
}

type Target = 'device' | 'server';

export class NightlightService {
  private readonly consoles: Record<Target, RingBuffer<ConsoleLine>> = { device: new RingBuffer(CONSOLE_LINES), server: new RingBuffer(CONSOLE_LINES) };
  private readonly history = new RingBuffer<LightPoint>(HISTORY_POINTS);
  private readonly calls = new RingBuffer<HttpCall>(HTTP_CALLS);
  private lineSeq = 0;
  private callSeq = 0;
  private readonly outbox: EventOutbox;
  private readonly sensor: LightSensor;
  private readonly link: DeviceLink;
  private readonly device: VirtualDevice;
  private readonly server: NightlightServer;
  private readonly counterfit: CounterfitEndpoint;
  private saving: Promise<void> = Promise.resolve();

  private constructor(
    private readonly deps: NightlightDeps,
    private readonly queue: TelemetryQueue,
    saved: Awaited<ReturnType<typeof loadNightlight>>,
  ) {
    this.outbox = new EventOutbox(deps.eventIntervalMs ?? 50, (flush) => this.deliver(flush));
    this.sensor = new LightSensor(() => this.outbox.mark('device'));
    this.link = new DeviceLink({ connect: deps.connect, resolve: deps.resolve, logger: deps.logger });
    this.device = new VirtualDevice(
      { link: this.link, queue, sensor: this.sensor, print: this.printer('device'), changed: () => this.outbox.mark('device') },
      saved.device,
    );
    this.server = new NightlightServer(
      {
        clients: deps.clients,
        print: this.printer('server'),
        changed: () => this.outbox.mark('server'),
        sample: (point) => this.sample(point),
        persist: () => this.persist(),
      },
      saved.server,
      saved.serverRunning,
    );
    this.counterfit = new CounterfitEndpoint(
      {
        readLight: () => this.sensor.light,
        setLed: (on, detail) => this.device.setLedFromHttp(on, detail),
        onCall: (call) => this.recordCall(call),
        onStatus: () => this.outbox.mark('counterfit'),
        logger: deps.logger,
      },
      deps.counterfitPort,
    );
  }

  /** Reads the saved settings and the store-and-forward queue; nothing runs until start(). */
  static async create(deps: NightlightDeps): Promise<NightlightService> {
    const folder = path.join(deps.dataDir, 'nightlight');
    const saved = await loadNightlight(path.join(folder, 'settings.json'), await deps.studentId(), deps.logger);
    const queue = await TelemetryQueue.open(path.join(folder, 'queue.json'), NIGHTLIGHT_QUEUE_CAPACITY, deps.logger);
    return new NightlightService(deps, queue, saved);
  }

  /** Opens the CounterFit address, powers the device on and starts the server if it was running last time. */
  async start(): Promise<void> {
    const status = await this.counterfit.start();
    if (status.state === 'failed') this.deps.logger.warn(`The CounterFit endpoint could not start: ${status.message ?? ''}`);
    await this.device.boot();
    if (this.server.running) await this.server.start();
  }

  snapshot(): NightlightSnapshot {
    return {
      device: this.device.state(),
      server: this.server.state(),
      counterfit: this.counterfit.status,
      deviceConsole: this.consoles.device.toArray(),
      serverConsole: this.consoles.server.toArray(),
      history: this.history.toArray(),
      httpCalls: this.calls.toArray(),
    };
  }

  async updateDevice(patch: Partial<DeviceSettings>): Promise<DeviceState> {
    if (patch.profileId !== undefined) await this.requireProfile(patch.profileId);
    await this.device.applySettings(mergeDeviceSettings(this.device.settings, patch));
    this.persist();
    return this.device.state();
  }

  async resetDevice(): Promise<DeviceState> {
    await this.device.applySettings(defaultDeviceSettings(await this.deps.studentId()));
    this.persist();
    return this.device.state();
  }

  setLight(light: number): DeviceState {
    this.sensor.set(light);
    return this.device.state();
  }

  setRandom(patch: Partial<RandomLight> & { enabled: boolean }): DeviceState {
    this.sensor.setRandom(patch);
    return this.device.state();
  }

  setNetwork(up: boolean): DeviceState {
    this.device.setNetwork(up);
    return this.device.state();
  }

  async setPower(on: boolean): Promise<DeviceState> {
    await this.device.setPower(on);
    return this.device.state();
  }

  clearQueue(): DeviceState {
    const count = this.queue.length;
    this.queue.clear();
    this.printer('device')(note('threwAwayStored', { count }), 'lab-note');
    this.outbox.mark('device');
    return this.device.state();
  }

  clearConsole(target: Target): void {
    this.consoles[target].clear();
    this.outbox.clearLines(target);
  }

  async startServer(): Promise<ServerState> {
    await this.server.start();
    return this.server.state();
  }

  async stopServer(): Promise<ServerState> {
    await this.server.stop();
    return this.server.state();
  }

  async updateServer(patch: Partial<ServerSettings>): Promise<ServerState> {
    if (patch.profileId !== undefined) await this.requireProfile(patch.profileId);
    await this.server.applySettings(mergeServerSettings(this.server.settings, patch));
    return this.server.state();
  }

  async resetServer(): Promise<ServerState> {
    await this.server.applySettings(defaultServerSettings(await this.deps.studentId()));
    return this.server.state();
  }

  clearHistory(): void {
    this.history.clear();
    this.server.clearDevices();
    this.outbox.clearHistory();
  }

  async getCode(language: CodeLanguage, program: CodeProgram): Promise<GeneratedCode> {
    const device = this.device.settings;
    const server = this.server.settings;
    const context = {
      device,
      server,
      deviceBroker: brokerAddressFor(await this.requireProfile(device.profileId), this.deps.brokerStatus()),
      serverBroker: brokerAddressFor(await this.requireProfile(server.profileId), this.deps.brokerStatus()),
      counterfitPort: this.counterfit.status.port ?? this.counterfit.status.requestedPort,
    };
    return generateCode(language, program, context);
  }

  getCounterfit(): CounterfitStatus {
    return this.counterfit.status;
  }

  async dispose(): Promise<void> {
    this.sensor.dispose();
    this.device.dispose();
    this.server.dispose();
    await this.link.dispose();
    await this.counterfit.stop();
    this.outbox.dispose();
    await this.queue.flush();
    await this.saving;
  }

  private printer(target: Target): Print {
    return (text, kind) => {
      const base = { seq: ++this.lineSeq, atMs: Date.now(), kind };
      const line: ConsoleLine = typeof text === 'string' ? { ...base, text } : { ...base, text: englishOf(text), note: text };
      this.consoles[target].push(line);
      this.outbox.addLine(target, line);
    };
  }

  private sample(point: LightPoint): void {
    this.history.push(point);
    this.outbox.addPoint(point);
  }

  private recordCall(call: Omit<HttpCall, 'seq'>): void {
    const full: HttpCall = { ...call, seq: ++this.callSeq };
    this.calls.push(full);
    this.outbox.addCall(full);
  }

  private deliver(flush: OutboxFlush): void {
    const { publish } = this.deps;
    if (flush.device) publish('nightlight.deviceChanged', this.device.state());
    if (flush.server) publish('nightlight.serverChanged', this.server.state());
    if (flush.counterfit) publish('nightlight.counterfitChanged', this.counterfit.status);
    if (flush.deviceLines.length > 0 || flush.deviceCleared) publish('nightlight.consoleAppended', { target: 'device', lines: flush.deviceLines, cleared: flush.deviceCleared });
    if (flush.serverLines.length > 0 || flush.serverCleared) publish('nightlight.consoleAppended', { target: 'server', lines: flush.serverLines, cleared: flush.serverCleared });
    if (flush.points.length > 0 || flush.historyCleared) publish('nightlight.lightSampled', { points: flush.points, cleared: flush.historyCleared });
    if (flush.calls.length > 0) publish('nightlight.httpCallsReceived', { calls: flush.calls });
  }

  /** Saves device and server settings; saves run one after another so the last one always wins. */
  private persist(): void {
    const filePath = path.join(this.deps.dataDir, 'nightlight', 'settings.json');
    const saved = { device: this.device.settings, server: this.server.settings, serverRunning: this.server.running };
    this.saving = this.saving.then(() => saveNightlight(filePath, saved)).catch((error: unknown) => this.deps.logger.error('The nightlight settings could not be saved', error));
  }

  private async requireProfile(profileId: string): Promise<BrokerProfile> {
    const profile = await this.deps.getProfile(profileId);
    if (!profile) throw new LabError('NOT_FOUND', errorText('errors.nightlight.noProfile', { id: profileId }), 'profileId');
    return profile;
  }
}
