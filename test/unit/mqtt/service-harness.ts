// Test helpers for MqttClientService: profiles that point at a test broker, a service with recorded events,
// and small waiting helpers. Not a test file itself.
import mqtt from 'mqtt';
import type { BrokerProfile, BrokerStatus, ClientStatus, ReceivedMessage } from '../../../src-shared/contract/schemas';
import { silentLogger } from '../../../src-main/lib/logger';
import { MqttClientService, type MessageBatch } from '../../../src-main/services/mqtt/mqtt-client-service';
import { resolveConnection } from '../../../src-main/services/mqtt/resolve-connection';

export const STOPPED_BROKER: BrokerStatus = {
  state: 'stopped',
  host: '127.0.0.1',
  tcpPort: null,
  wsPort: null,
  requestedTcpPort: 1883,
  requestedWsPort: 9001,
  restarts: 0,
  connectedClients: 0,
};

export function profileFor(overrides: Partial<BrokerProfile> & Pick<BrokerProfile, 'port'>): BrokerProfile {
  return {
    id: 'test',
    name: 'Test broker',
    kind: 'custom',
    host: '127.0.0.1',
    transport: 'mqtt',
    path: '/mqtt',
    clientId: 'mqttlab-test01',
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

export interface Harness {
  service: MqttClientService;
  statuses: ClientStatus[];
  batches: MessageBatch[];
  messagesOf(clientName: string): ReceivedMessage[];
}

/** A service whose profiles come from the given table (id -> profile, password). */
export function createHarness(
  profiles: Record<string, { profile: BrokerProfile; password?: string }>,
  options: { batchIntervalMs?: number; brokerStatus?: BrokerStatus; connect?: typeof mqtt.connect } = {},
): Harness {
  const statuses: ClientStatus[] = [];
  const batches: MessageBatch[] = [];
  const service = new MqttClientService({
    connect: options.connect ?? mqtt.connect,
    logger: silentLogger,
    batchIntervalMs: options.batchIntervalMs,
    resolve: async (profileId, clientIdOverride) => {
      const entry = profiles[profileId];
      if (!entry) throw new Error(`no test profile ${profileId}`);
      return resolveConnection(entry.profile, entry.password, options.brokerStatus ?? STOPPED_BROKER, clientIdOverride);
    },
  });
  service.onStatusChanged((status) => statuses.push(status));
  service.onMessages((batch) => batches.push(batch));
  return {
    service,
    statuses,
    batches,
    messagesOf: (clientName) => batches.filter((batch) => batch.clientName === clientName).flatMap((batch) => batch.messages),
  };
}

export async function waitFor<T>(check: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
