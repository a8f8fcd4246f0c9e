// Shared pieces for the broker tests: a BrokerService over the real worker (.ts source via tsx), mqtt.js
// clients that are always ended, and small waits. Everything created here is closed by closeAll().
import { fileURLToPath } from 'node:url';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { BrokerStatus } from '../../../../src-shared/contract/schemas';
import { silentLogger } from '../../../../src-main/lib/logger';
import { BrokerService, type BrokerServiceOptions } from '../../../../src-main/services/broker/broker-service';
import { createNodeBrokerFork } from '../../../../src-main/services/broker/node-fork';

export const WORKER_SOURCE = fileURLToPath(new URL('../../../../src-main/services/broker/broker-worker.ts', import.meta.url));

const brokers: BrokerService[] = [];
const clients: MqttClient[] = [];

export function createTestBroker(options: Partial<BrokerServiceOptions> = {}): BrokerService {
  const broker = new BrokerService({
    fork: createNodeBrokerFork(WORKER_SOURCE, ['--import', 'tsx']),
    host: '127.0.0.1',
    tcpPort: 0,
    wsPort: 0,
    logger: silentLogger,
    ...options,
  });
  brokers.push(broker);
  return broker;
}

export async function connectClient(url: string, options: IClientOptions = {}): Promise<MqttClient> {
  const client = mqtt.connect(url, { reconnectPeriod: 0, connectTimeout: 5000, ...options });
  clients.push(client);
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('error', reject);
  });
  return client;
}

export function tcpUrl(status: BrokerStatus): string {
  return `mqtt://127.0.0.1:${status.tcpPort}`;
}

export function wsUrl(status: BrokerStatus): string {
  return `ws://127.0.0.1:${status.wsPort}/mqtt`;
}

/** Resolves with the next message on topic that the client receives. */
export function nextMessage(client: MqttClient, topic: string, timeoutMs = 5000) {
  return new Promise<{ payload: string; qos: number; retain: boolean }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no message on ${topic} within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (received: string, payload: Buffer, packet: { qos: number; retain: boolean }) => {
      if (received !== topic) return;
      clearTimeout(timer);
      client.off('message', onMessage);
      resolve({ payload: payload.toString(), qos: packet.qos, retain: packet.retain });
    };
    client.on('message', onMessage);
  });
}

export async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function closeAll(): Promise<void> {
  await Promise.all(clients.splice(0).map((client) => client.endAsync(true)));
  await Promise.all(brokers.splice(0).map((broker) => broker.dispose()));
}
