// Test helpers for the nightlight: a NightlightService on a fresh data folder whose "builtin" profile points at an
// in-process aedes broker, with every published event recorded. Not a test file itself.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import type { EventName } from '../../../src-shared/contract/commands';
import type { ConsoleLine } from '../../../src-shared/contract/nightlight';
import type { BrokerProfile } from '../../../src-shared/contract/schemas';
import { silentLogger } from '../../../src-main/lib/logger';
import { MqttClientService } from '../../../src-main/services/mqtt/mqtt-client-service';
import { resolveConnection } from '../../../src-main/services/mqtt/resolve-connection';
import { NightlightService } from '../../../src-main/services/nightlight/nightlight-service';
import { profileFor, STOPPED_BROKER, waitFor } from '../mqtt/service-harness';

export const STUDENT_ID = 'lab-test01';

export interface NightlightHarness {
  service: NightlightService;
  clients: MqttClientService;
  events: Array<{ name: EventName; payload: unknown }>;
  dataDir: string;
  lines(target: 'device' | 'server'): ConsoleLine[];
  texts(target: 'device' | 'server'): string[];
  dispose(): Promise<void>;
}

/** brokerPort: where the "builtin" profile points (a test broker). dataDir: reuse one to test a restart. */
export async function createNightlight(brokerPort: number, options: { dataDir?: string; counterfitPort?: number } = {}): Promise<NightlightHarness> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'nightlight-'));
  const profiles: Record<string, BrokerProfile> = {
    builtin: profileFor({ id: 'builtin', name: 'Test broker', port: brokerPort }),
    other: profileFor({ id: 'other', name: 'Other', port: brokerPort, host: 'broker.example.org' }),
  };
  const resolve = async (profileId: string, clientIdOverride?: string) => {
    const profile = profiles[profileId];
    if (!profile) throw new Error(`no test profile ${profileId}`);
    return resolveConnection(profile, undefined, STOPPED_BROKER, clientIdOverride);
  };
  const clients = new MqttClientService({ connect: mqtt.connect, resolve, logger: silentLogger, batchIntervalMs: 20 });
  const events: NightlightHarness['events'] = [];
  const service = await NightlightService.create({
    dataDir,
    clients,
    connect: mqtt.connect,
    resolve,
    getProfile: async (profileId) => profiles[profileId],
    brokerStatus: () => ({ ...STOPPED_BROKER, state: 'running', tcpPort: brokerPort }),
    studentId: async () => STUDENT_ID,
    publish: (name, payload) => events.push({ name, payload }),
    logger: silentLogger,
    counterfitPort: options.counterfitPort ?? 0,
    eventIntervalMs: 20,
  });
  const lines = (target: 'device' | 'server') => (target === 'device' ? service.snapshot().deviceConsole : service.snapshot().serverConsole);
  return {
    service,
    clients,
    events,
    dataDir,
    lines,
    texts: (target) => lines(target).map((line) => line.text),
    async dispose() {
      await service.dispose();
      await clients.dispose();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A plain mqtt.js client for playing the other side; the caller ends it. */
export async function rawClient(port: number, clientId?: string): Promise<MqttClient> {
  const client = mqtt.connect(`mqtt://127.0.0.1:${port}`, { reconnectPeriod: 0, ...(clientId ? { clientId } : {}) });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('error', reject);
  });
  return client;
}

/** Collects every message on a filter; resolves once the broker confirmed the subscription. */
export async function collect(client: MqttClient, filter: string): Promise<Array<{ topic: string; text: string }>> {
  const received: Array<{ topic: string; text: string }> = [];
  client.on('message', (topic, payload) => received.push({ topic, text: payload.toString() }));
  await client.subscribeAsync(filter);
  return received;
}

export async function waitForLine(harness: NightlightHarness, target: 'device' | 'server', text: string, timeoutMs = 10_000): Promise<void> {
  await waitFor(() => harness.texts(target).includes(text), `the ${target} console line ${JSON.stringify(text)}`, timeoutMs);
}

export { waitFor };
