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
    this.handle('mqtt.listClients', () => ok([makeClientStatus()]));
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
