// An in-memory LabBridge for renderer tests: records every invoke, answers with handlers or defaults,
// pushes events on demand and can pretend to lose the host. No sockets, no timers.
import type {
  CommandInput,
  CommandName,
  CommandOutput,
  EventName,
  EventPayload,
} from '../../../src-shared/contract/commands';
import { fail, ok, type Result } from '../../../src-shared/contract/result';
import type { BrokerProfile, BrokerStatus, ClientStatus } from '../../../src-shared/contract/schemas';
import {
  nightlightNames,
  type DeviceState,
  type NightlightSnapshot,
  type ServerState,
} from '../../../src-shared/contract/nightlight';
import type { NoteEntry, PacketEntry, PlaygroundClient } from '../../../src-shared/contract/playground';
import type {
  BoardSnapshot,
  BridgeStatus,
  LanBrokerStatus,
  SerialStatus,
} from '../../../src-shared/contract/board';
import {
  CONCEPT_STEP_IDS,
  EXERCISE_STEP_IDS,
  type LessonState,
  type LessonStep,
  type LessonStepId,
} from '../../../src-shared/contract/lesson';
import type { HostLink, HostLinkInfo, LinkedBridge } from '../../../src-renderer/src/bridge/host-link';

type Handler<K extends CommandName> = (input: CommandInput<K>) => Result<CommandOutput<K>> | Promise<Result<CommandOutput<K>>>;

export interface RecordedInvoke {
  name: CommandName;
  input: unknown;
}

export function makeProfile(overrides: Partial<BrokerProfile> = {}): BrokerProfile {
  return {
    id: 'builtin',
    name: 'Built-in broker',
    kind: 'builtin',
    host: '127.0.0.1',
    port: 1883,
    transport: 'mqtt',
    path: '/mqtt',
    clientId: 'mqtt-lab-0001',
    username: '',
    keepaliveSeconds: 60,
    cleanSession: true,
    protocolVersion: 4,
    caFile: '',
    verifyCertificate: true,
    hasPassword: false,
    ...overrides,
  };
}

export function makeClientStatus(overrides: Partial<ClientStatus> = {}): ClientStatus {
  return {
    clientName: 'lab',
    profileId: 'builtin',
    brokerUrl: 'mqtt://127.0.0.1:1883',
    clientId: 'mqtt-lab-0001',
    state: 'idle',
    sinceMs: 0,
    ...overrides,
  };
}

export function makeBrokerStatus(overrides: Partial<BrokerStatus> = {}): BrokerStatus {
  return {
    state: 'running',
    host: '127.0.0.1',
    tcpPort: 1883,
    wsPort: 8083,
    requestedTcpPort: 1883,
    requestedWsPort: 8083,
    restarts: 0,
    connectedClients: 1,
    ...overrides,
  };
}

/** The virtual nightlight as the lab starts it for "lab-test01": lesson defaults, powered, connected, LED off. */
export function makeDeviceState(overrides: Partial<DeviceState> = {}): DeviceState {
  const names = nightlightNames('lab-test01');
  return {
    settings: {
      studentId: 'lab-test01',
      profileId: 'builtin',
      clientId: names.deviceClientId,
      telemetryTopic: names.telemetryTopic,
      commandTopic: names.commandTopic,
      telemetryIntervalMs: 5000,
      consoleStyle: 'python',
      firmwareStage: 'telemetry+commands',
      mode: 'virtual',
      resubscribeOnReconnect: false,
      qos: 0,
      retain: false,
      storeAndForward: false,
      offlineCommandPolicy: 'latest-wins',
    },
    powered: true,
    networkUp: true,
    connection: makeClientStatus({ clientName: 'nightlight-device', clientId: names.deviceClientId, state: 'connected' }),
    listeningForCommands: true,
    light: 0,
    random: { enabled: false, min: 0, max: 1023, periodMs: 2000 },
    led: { on: false, changedAtMs: null, source: null },
    ledLog: [],
    queue: { length: 0, capacity: 500, droppedCount: 0, replaying: false, items: [] },
    lastTelemetry: null,
    ...overrides,
  };
}

export function makeServerState(overrides: Partial<ServerState> = {}): ServerState {
  return {
    settings: {
      studentId: 'lab-test01',
      profileId: 'builtin',
      clientId: nightlightNames('lab-test01').serverClientId,
      threshold: 300,
      hysteresis: 0,
      multiDevice: false,
      qos: 0,
    },
    running: false,
    connection: null,
    subscribedFilter: null,
    devices: [],
    counts: { received: 0, answered: 0, rejected: 0 },
    ...overrides,
  };
}

export function makeNightlightSnapshot(overrides: Partial<NightlightSnapshot> = {}): NightlightSnapshot {
  return {
    device: makeDeviceState(),
    server: makeServerState(),
    counterfit: { state: 'running', host: '127.0.0.1', port: 5000, requestedPort: 5000, url: 'http://127.0.0.1:5000' },
    deviceConsole: [],
    serverConsole: [],
    history: [],
    httpCalls: [],
    ...overrides,
  };
}

/** A student's playground client, idle on the built-in broker, with a perfect network. */
export function makePlaygroundClient(overrides: Partial<PlaygroundClient> = {}): PlaygroundClient {
  const key = overrides.key ?? 'publisher';
  return {
    key,
    name: 'Publisher',
    clientId: `playground-${key}`,
    cleanSession: true,
    keepaliveSeconds: 60,
    protocolVersion: 4,
    will: null,
    role: 'student',
    state: 'idle',
    target: null,
    brokerUrl: '',
    proxyPort: null,
    sessionPresent: null,
    subscriptions: [],
    inFlight: 0,
    faults: {
      blackHole: false,
      dropToBroker: { remaining: 0, onlyType: null },
      dropToClient: { remaining: 0, onlyType: null },
      delayMs: 0,
    },
    sinceMs: 0,
    ...overrides,
  };
}

/** One captured packet for the playground diagram: a PUBACK-less QoS 0 PUBLISH from "publisher" unless told otherwise. */
export function makePacketEntry(overrides: Partial<PacketEntry> = {}): PacketEntry {
  return {
    kind: 'packet',
    seq: 1,
    timeMs: 1_000,
    clientKey: 'publisher',
    clientName: 'Publisher',
    direction: 'toBroker',
    type: 'PUBLISH',
    packetId: null,
    qos: 0,
    retain: false,
    dup: false,
    sessionPresent: null,
    reasonCode: null,
    grantedQos: null,
    topic: 'playground/temperature',
    filters: null,
    payloadPreview: '21.5',
    payloadBytes: 4,
    fields: {},
    proxyAction: 'passed',
    delayMs: null,
    ...overrides,
  };
}

export function makeNoteEntry(overrides: Partial<NoteEntry> = {}): NoteEntry {
  return {
    kind: 'note',
    seq: 1,
    timeMs: 1_000,
    clientKey: 'publisher',
    clientName: 'Publisher',
    event: 'cut',
    texts: [{ key: 'playground.notes.cut', params: { name: 'Publisher' } }],
    ...overrides,
  };
}

/** The Board page with nothing plugged in: serial closed, bridge and LAN switch off, for "lab-test01". */
export function makeSerialStatus(overrides: Partial<SerialStatus> = {}): SerialStatus {
  return {
    state: 'closed',
    path: null,
    baudRate: 9600,
    dtr: true,
    boardName: null,
    problem: null,
    suggestedBaudRate: null,
    bytesIn: 0,
    bytesOut: 0,
    sinceMs: 0,
    ...overrides,
  };
}

export function makeBridgeStatus(overrides: Partial<BridgeStatus> = {}): BridgeStatus {
  return {
    enabled: false,
    state: 'off',
    clientName: 'board-bridge',
    telemetryTopic: 'lab-test01/telemetry',
    commandTopic: 'lab-test01/commands',
    toMqttCount: 0,
    toBoardCount: 0,
    errorCount: 0,
    errors: [],
    ...overrides,
  };
}

export function makeLanStatus(overrides: Partial<LanBrokerStatus> = {}): LanBrokerStatus {
  return { enabled: false, state: 'off', port: null, username: 'mqttlab', password: 'pw-1234', addresses: [], lanClients: 0, clients: [], students: [], ...overrides };
}

export function makeBoardSnapshot(overrides: Partial<BoardSnapshot> = {}): BoardSnapshot {
  return {
    ports: { ports: [], rememberedPaths: [] },
    serial: makeSerialStatus(),
    understanding: { phase: 'unknown', rc: null, message: '', sinceMs: 0, lastTelemetry: null, lastCommand: null },
    bridge: makeBridgeStatus(),
    lan: makeLanStatus(),
    ...overrides,
  };
}

/** One lesson step, not started: exercises go to the Nightlight, concepts to the Playground, three hints each. */
export function makeLessonStep(id: LessonStepId, overrides: Partial<LessonStep> = {}): LessonStep {
  const exercise = (EXERCISE_STEP_IDS as readonly string[]).includes(id);
  const number = [...EXERCISE_STEP_IDS, ...CONCEPT_STEP_IDS].indexOf(id) + 1;
  return {
    id,
    kind: exercise ? 'exercise' : 'concept',
    number,
    state: 'not-started',
    passedAtMs: null,
    check: exercise
      ? { code: 'e1-waiting', params: { id: 'lab-test01', clientId: 'lab-test01nightlight_client' }, saw: 'No client yet.', expected: 'A client.' }
      : { code: 'concept-todo', params: { done: 0, total: 1 }, saw: '0 of 1 activities done.', expected: 'Finish every activity.' },
    activities: exercise ? [] : [{ kind: 'playground-experiment', id: 'retained', done: false }],
    target: exercise ? { route: '/nightlight', prefill: { section: 'device' } } : { route: '/playground', prefill: { experiment: 'retained' } },
    hintCount: 2,
    ...overrides,
  };
}

/** The lesson for one student "Asha" (lab-test01) with nothing done, watching lab-test01/# on the built-in broker. */
export function makeLessonState(overrides: Partial<LessonState> = {}): LessonState {
  const steps = [...EXERCISE_STEP_IDS, ...CONCEPT_STEP_IDS].map((id) => makeLessonStep(id));
  return {
    profiles: [{ id: 'p-asha', name: 'Asha', studentId: 'lab-test01', createdAtMs: 0, updatedAtMs: 0, passedCount: 0, stepCount: steps.length }],
    activeProfileId: 'p-asha',
    studentId: 'lab-test01',
    steps,
    answers: [],
    reflections: {},
    assignment: '',
    watch: {
      connected: true,
      profileId: 'builtin',
      profileKind: 'builtin',
      brokerUrl: 'mqtt://127.0.0.1:1883',
      filter: 'lab-test01/#',
      seesClients: true,
      message: null,
    },
    ...overrides,
  };
}

const DEFAULT_PROFILES = [
  makeProfile(),
  makeProfile({ id: 'mosquitto-plain', name: 'test.mosquitto.org', kind: 'public', host: 'test.mosquitto.org' }),
];

export class FakeBridge implements LinkedBridge {
  readonly invokes: RecordedInvoke[] = [];
  private readonly handlers = new Map<CommandName, (input: unknown) => unknown>();
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  private linkInfo: HostLinkInfo = { state: 'open', hasToken: true, failedAttempts: 0 };
  private readonly linkListeners = new Set<(info: HostLinkInfo) => void>();

  readonly link: HostLink = {
    getInfo: () => this.linkInfo,
    onChange: (listener) => {
      this.linkListeners.add(listener);
      return () => this.linkListeners.delete(listener);
    },
  };

  constructor() {
    this.handle('app.getInfo', () => ok({ version: '0.1.0', shell: 'browser', labClientName: 'lab' }));
    this.handle('settings.get', () => ok({ locale: 'en', activeProfileId: 'builtin', studentId: 'lab-test01' }));
    this.handle('broker.getStatus', () => ok(makeBrokerStatus()));
    this.handle('profiles.list', () => ok({ profiles: DEFAULT_PROFILES, activeProfileId: 'builtin' }));
    this.handle('profiles.getSecretStorage', () => ok({ kind: 'os-keychain', secure: true }));
    this.handle('mqtt.listClients', () => ok([makeClientStatus()]));
    this.handle('playground.listClients', () => ok([]));
    this.handle('playground.listPackets', () => ok({ entries: [], paused: false }));
    this.handle('playground.listExperiments', () => ok([]));
    this.handle('nightlight.getState', () => ok(makeNightlightSnapshot()));
    this.handle('board.getState', () => ok(makeBoardSnapshot()));
    this.handle('board.getLog', () => ok({ lines: [] }));
    this.handle('board.getPlot', () => ok({ series: [] }));
    this.handle('lesson.getState', () => ok(makeLessonState()));
  }

  handle<K extends CommandName>(name: K, handler: Handler<K>): this {
    this.handlers.set(name, handler as (input: unknown) => unknown);
    return this;
  }

  async invoke<K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>> {
    this.invokes.push({ name, input });
    const handler = this.handlers.get(name);
    if (!handler) return fail('UNKNOWN_COMMAND', `The fake bridge has no handler for "${name}".`);
    return (await handler(input)) as Result<CommandOutput<K>>;
  }

  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    const set = this.listeners.get(name) ?? new Set();
    set.add(listener as (payload: unknown) => void);
    this.listeners.set(name, set);
    return () => set.delete(listener as (payload: unknown) => void);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(name) ?? []) listener(payload);
  }

  setLink(info: Partial<HostLinkInfo>): void {
    this.linkInfo = { ...this.linkInfo, ...info };
    for (const listener of this.linkListeners) listener(this.linkInfo);
  }

  invokesOf(name: CommandName): unknown[] {
    return this.invokes.filter((entry) => entry.name === name).map((entry) => entry.input);
  }
}
