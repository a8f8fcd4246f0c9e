// The built-in broker's on-disk store, as students meet it: real worker process (SIGKILLed), real mqtt.js clients.
// Persistent sessions, queued QoS 1 messages and retained messages survive a crash and "Restart broker"; a new lab
// run starts empty; an unreadable or locked store is reported in words and the broker still runs.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ClassicLevel } from 'classic-level';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrokerStatus } from '../../../src-shared/contract/schemas';
import type { BrokerService } from '../../../src-main/services/broker/broker-service';
import { closeAll, connectClient, createTestBroker, isProcessAlive, nextMessage, tcpUrl, waitFor } from './support/broker-test-kit';

const TIMEOUT_MS = 90_000;
const MESSAGES_SENT = 100;

let dataDir: string;
let storeDir: string;
const ownClients: MqttClient[] = [];

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'mqtt-lab-store-'));
  storeDir = path.join(dataDir, 'broker', 'store');
});

afterEach(async () => {
  await Promise.all(ownClients.splice(0).map((client) => client.endAsync(true)));
  await closeAll();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A persistent-session client (clean=false) that records every message from the moment it connects. */
async function persistentClient(status: BrokerStatus, clientId: string, options: IClientOptions = {}) {
  const received: string[] = [];
  const client = mqtt.connect(tcpUrl(status), { clientId, clean: false, reconnectPeriod: 0, connectTimeout: 10_000, ...options });
  ownClients.push(client);
  client.on('message', (_topic, payload) => received.push(payload.toString()));
  const connack = await new Promise<{ sessionPresent: boolean }>((resolve, reject) => {
    client.once('connect', resolve);
    client.once('error', reject);
  });
  return { client, received, sessionPresent: connack.sessionPresent };
}

async function publishNumbered(status: BrokerStatus, from: number, to: number): Promise<void> {
  const publisher = await connectClient(tcpUrl(status));
  // QoS 1: each PUBACK comes only after the broker has queued the message for the offline subscriber.
  await Promise.all(Array.from({ length: to - from }, (_, index) => publisher.publishAsync('lab/seq', String(from + index), { qos: 1 })));
  await publisher.endAsync();
}

async function killWorker(broker: BrokerService): Promise<BrokerStatus> {
  const pid = broker.workerPid as number;
  process.kill(pid, 'SIGKILL');
  await waitFor(() => broker.workerPid !== pid && broker.getStatus().state === 'running', 30_000, 'the broker to restart after SIGKILL');
  expect(isProcessAlive(pid)).toBe(false);
  return broker.getStatus();
}

const numbers = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => String(from + index));

describe('built-in broker store: crash restarts', () => {
  it(
    'delivers every QoS 1 message queued for an offline persistent session after the worker is SIGKILLed, once each, in order',
    async () => {
      const broker = createTestBroker({ storeDir });
      const status = await broker.start();
      const first = await persistentClient(status, 'student-sub');
      await first.client.subscribeAsync('lab/seq', { qos: 1 });
      await first.client.endAsync();

      await publishNumbered(status, 0, MESSAGES_SENT);
      const restarted = await killWorker(broker);
      expect(restarted.tcpPort).toBe(status.tcpPort);
      expect(restarted.message).toMatch(/restarted by itself/);

      const back = await persistentClient(restarted, 'student-sub');
      expect(back.sessionPresent).toBe(true);
      await waitFor(() => back.received.length >= MESSAGES_SENT, 30_000, `${MESSAGES_SENT} queued messages`);
      // Nothing was in flight when the worker died, so MQTT's allowed QoS 1 duplicates cannot happen here: exactly once.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(back.received).toEqual(numbers(0, MESSAGES_SENT));
    },
    TIMEOUT_MS,
  );

  it(
    'keeps messages queued before and after a crash in the order they were published',
    async () => {
      const broker = createTestBroker({ storeDir });
      const status = await broker.start();
      const first = await persistentClient(status, 'student-sub');
      await first.client.subscribeAsync('lab/seq', { qos: 1 });
      await first.client.endAsync();

      await publishNumbered(status, 0, 50);
      const restarted = await killWorker(broker);
      await publishNumbered(restarted, 50, 100);

      const back = await persistentClient(restarted, 'student-sub');
      await waitFor(() => back.received.length >= 100, 30_000, '100 queued messages');
      // Live messages after the queue are still delivered (aedes' de-duplication is per broker run).
      const publisher = await connectClient(tcpUrl(restarted));
      await publisher.publishAsync('lab/seq', 'live', { qos: 1 });
      await waitFor(() => back.received.length >= 101, 10_000, 'a live message after the queue');
      expect(back.received).toEqual([...numbers(0, 100), 'live']);
    },
    TIMEOUT_MS,
  );

  it(
    'loses no QoS 1 message to a connected persistent session when the worker is SIGKILLed mid-stream',
    async () => {
      const broker = createTestBroker({ storeDir });
      const status = await broker.start();
      const subscriber = await persistentClient(status, 'student-live', { reconnectPeriod: 200 });
      await subscriber.client.subscribeAsync('lab/seq', { qos: 1 });
      const publisher = mqtt.connect(tcpUrl(status), { reconnectPeriod: 200 });
      ownClients.push(publisher);
      await new Promise((resolve) => publisher.once('connect', resolve));
      // mqtt.js keeps unacknowledged QoS 1 messages and sends them again after reconnecting, as MQTT requires.
      const acked = Array.from({ length: MESSAGES_SENT }, (_, index) => {
        if (index === MESSAGES_SENT / 2) process.kill(broker.workerPid as number, 'SIGKILL');
        return publisher.publishAsync('lab/seq', String(index), { qos: 1 });
      });
      await Promise.all(acked);
      await waitFor(() => new Set(subscriber.received).size >= MESSAGES_SENT, 30_000, `all ${MESSAGES_SENT} messages`);
      // QoS 1 is "at least once": a message in flight when the worker died may come twice (MQTT allows it), none is lost.
      expect([...new Set(subscriber.received)].sort((a, b) => Number(a) - Number(b))).toEqual(numbers(0, MESSAGES_SENT));
      expect(broker.getStatus().restarts).toBe(1);
    },
    TIMEOUT_MS,
  );

  it(
    'keeps a retained message through a SIGKILL of the worker and through "Restart broker"',
    async () => {
      const broker = createTestBroker({ storeDir });
      const status = await broker.start();
      const publisher = await connectClient(tcpUrl(status));
      await publisher.publishAsync('lab/room/light', 'on', { qos: 1, retain: true });
      await publisher.endAsync();

      const afterCrash = await killWorker(broker);
      const late = await connectClient(tcpUrl(afterCrash));
      const received = nextMessage(late, 'lab/room/light', 10_000);
      await late.subscribeAsync('lab/room/light');
      expect(await received).toMatchObject({ payload: 'on', retain: true });
      await late.endAsync(true);

      const afterRestart = await broker.restart();
      const later = await connectClient(tcpUrl(afterRestart));
      const again = nextMessage(later, 'lab/room/light', 10_000);
      await later.subscribeAsync('lab/room/light');
      expect(await again).toMatchObject({ payload: 'on', retain: true });
    },
    TIMEOUT_MS,
  );

  it(
    'starts empty in a new lab run: last run\'s retained messages are gone',
    async () => {
      const firstRun = createTestBroker({ storeDir });
      const status = await firstRun.start();
      const publisher = await connectClient(tcpUrl(status));
      await publisher.publishAsync('lab/old', 'from yesterday', { qos: 1, retain: true });
      await publisher.endAsync();
      await firstRun.dispose();

      const secondRun = createTestBroker({ storeDir });
      const next = await secondRun.start();
      const subscriber = await connectClient(tcpUrl(next));
      const received = nextMessage(subscriber, 'lab/old', 1500);
      await subscriber.subscribeAsync('lab/old');
      await expect(received).rejects.toThrow(/no message/);
      expect(next.message).toBeUndefined();
    },
    TIMEOUT_MS,
  );
});

describe('built-in broker store: a store it cannot use', () => {
  it(
    'sets an unreadable store aside after a crash, says so, and runs with an empty one',
    async () => {
      const broker = createTestBroker({ storeDir });
      const status = await broker.start();
      const publisher = await connectClient(tcpUrl(status));
      await publisher.publishAsync('lab/kept', 'value', { qos: 1, retain: true });
      await publisher.endAsync();
      // What a disk error or a half-copied folder leaves: LevelDB's CURRENT file no longer names a manifest.
      writeFileSync(path.join(storeDir, 'CURRENT'), 'not a manifest name');

      const restarted = await killWorker(broker);
      expect(restarted.message).toMatch(/could not be read/);
      expect(restarted.message).toContain(`${storeDir}-unreadable`);
      expect(readdirSync(`${storeDir}-unreadable`)).toContain('CURRENT');

      const subscriber = await connectClient(tcpUrl(restarted));
      const received = nextMessage(subscriber, 'lab/new', 10_000);
      await subscriber.subscribeAsync('lab/new', { qos: 1 });
      const another = await connectClient(tcpUrl(restarted));
      await another.publishAsync('lab/new', 'still works', { qos: 1, retain: true });
      expect(await received).toMatchObject({ payload: 'still works' });

      // The new store works as a store: the retained message survives the next crash.
      const again = await killWorker(broker);
      const late = await connectClient(tcpUrl(again));
      const retained = nextMessage(late, 'lab/new', 10_000);
      await late.subscribeAsync('lab/new');
      expect(await retained).toMatchObject({ payload: 'still works', retain: true });
    },
    TIMEOUT_MS,
  );

  it(
    'starts a new run over an unreadable store without a word: there was nothing to keep',
    async () => {
      writeFileSync(path.join(dataDir, 'broker'), 'a file where the broker folder should be');
      storeDir = path.join(dataDir, 'broker');
      const broker = createTestBroker({ storeDir });
      const status = await broker.start();
      expect(status.state).toBe('running');
      expect(status.message).toBeUndefined();
      expect(existsSync(`${storeDir}-unreadable`)).toBe(true);
    },
    TIMEOUT_MS,
  );

  it(
    'runs in memory and says why when another program holds the store',
    async () => {
      mkdirSync(path.dirname(storeDir), { recursive: true });
      const holder = new ClassicLevel(storeDir);
      await holder.open();
      try {
        const broker = createTestBroker({ storeDir });
        const status = await broker.start();
        expect(status.state).toBe('running');
        expect(status.message).toMatch(/in use by another program/);
        expect(status.message).toMatch(/in memory only/);
        const subscriber = await connectClient(tcpUrl(status));
        const received = nextMessage(subscriber, 'lab/mem', 10_000);
        await subscriber.subscribeAsync('lab/mem', { qos: 1 });
        const publisher = await connectClient(tcpUrl(status));
        await publisher.publishAsync('lab/mem', 'in memory', { qos: 1 });
        expect(await received).toMatchObject({ payload: 'in memory' });
      } finally {
        await holder.close();
      }
    },
    TIMEOUT_MS,
  );
});
