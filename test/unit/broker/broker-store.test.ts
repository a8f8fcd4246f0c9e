// The built-in broker's on-disk store, as students meet it: real worker process (SIGKILLed), real mqtt.js clients.
// Persistent sessions, queued QoS 1 messages and retained messages survive a crash and "Restart broker"; a new lab
// run starts empty; an unreadable or locked store is reported in words and the broker still runs.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ClassicLevel } from 'classic-level';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrokerStatus, Qos } from '../../../src-shared/contract/schemas';
import { englishOf } from '../../../src-shared/i18n/lab-text';
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

/** A broker over this test's store folder, started. */
async function startStoreBroker(): Promise<{ broker: BrokerService; status: BrokerStatus }> {
  const broker = createTestBroker({ storeDir });
  return { broker, status: await broker.start() };
}

/** Subscribes a persistent session to lab/seq (QoS 1) and leaves: from now on its messages are queued. */
async function leaveOfflineSession(status: BrokerStatus, clientId: string): Promise<void> {
  const { client } = await persistentClient(status, clientId);
  await client.subscribeAsync('lab/seq', { qos: 1 });
  await client.endAsync();
}

/** One QoS 1 message from a client of its own, which leaves once the broker has acknowledged it. */
async function publishOnce(status: BrokerStatus, topic: string, payload: string, retain = false): Promise<void> {
  const publisher = await connectClient(tcpUrl(status));
  await publisher.publishAsync(topic, payload, { qos: 1, retain });
  await publisher.endAsync();
}

/** A new subscriber to topic; `next` is the first message it gets there (a retained one comes at once). */
async function listen(status: BrokerStatus, topic: string, qos: Qos = 0, timeoutMs = 10_000) {
  const client = await connectClient(tcpUrl(status));
  const next = nextMessage(client, topic, timeoutMs);
  await client.subscribeAsync(topic, { qos });
  return { client, next };
}

/** The retained message a new subscriber to topic is sent (rejects when none comes within timeoutMs). */
async function retainedOn(status: BrokerStatus, topic: string, timeoutMs = 10_000) {
  const { client, next } = await listen(status, topic, 0, timeoutMs);
  try {
    return await next;
  } finally {
    await client.endAsync(true);
  }
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
      const { broker, status } = await startStoreBroker();
      await leaveOfflineSession(status, 'student-sub');

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
      const { broker, status } = await startStoreBroker();
      await leaveOfflineSession(status, 'student-sub');

      await publishNumbered(status, 0, 50);
      const restarted = await killWorker(broker);
      await publishNumbered(restarted, 50, 100);

      const back = await persistentClient(restarted, 'student-sub');
      await waitFor(() => back.received.length >= 100, 30_000, '100 queued messages');
      // Live messages after the queue are still delivered (aedes' de-duplication is per broker run).
      await publishOnce(restarted, 'lab/seq', 'live');
      await waitFor(() => back.received.length >= 101, 10_000, 'a live message after the queue');
      expect(back.received).toEqual([...numbers(0, 100), 'live']);
    },
    TIMEOUT_MS,
  );

  it(
    'loses no QoS 1 message to a connected persistent session when the worker is SIGKILLed mid-stream',
    async () => {
      const { broker, status } = await startStoreBroker();
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
      const { broker, status } = await startStoreBroker();
      await publishOnce(status, 'lab/room/light', 'on', true);

      const afterCrash = await killWorker(broker);
      expect(await retainedOn(afterCrash, 'lab/room/light')).toMatchObject({ payload: 'on', retain: true });

      const afterRestart = await broker.restart();
      expect(await retainedOn(afterRestart, 'lab/room/light')).toMatchObject({ payload: 'on', retain: true });
    },
    TIMEOUT_MS,
  );

  it(
    'starts empty in a new lab run: last run\'s retained messages are gone',
    async () => {
      const firstRun = await startStoreBroker();
      await publishOnce(firstRun.status, 'lab/old', 'from yesterday', true);
      await firstRun.broker.dispose();

      const { status: next } = await startStoreBroker();
      await expect(retainedOn(next, 'lab/old', 1500)).rejects.toThrow(/no message/);
      expect(next.message).toBeUndefined();
    },
    TIMEOUT_MS,
  );
});

describe('built-in broker store: a store it cannot use', () => {
  it(
    'sets an unreadable store aside after a crash, says so, and runs with an empty one',
    async () => {
      const { broker, status } = await startStoreBroker();
      await publishOnce(status, 'lab/kept', 'value', true);
      // What a disk error or a half-copied folder leaves: LevelDB's CURRENT file no longer names a manifest.
      writeFileSync(path.join(storeDir, 'CURRENT'), 'not a manifest name');

      const restarted = await killWorker(broker);
      expect(restarted.message).toMatch(/could not be read/);
      expect(restarted.message).toContain(`${storeDir}-unreadable`);
      // Each sentence also travels as a key, so the badge says it in Telugu too; folders and causes stay values.
      expect(restarted.messageTexts?.map((text) => text.key)).toEqual(['errors.broker.restarted', 'errors.broker.storeUnreadable']);
      expect(restarted.messageTexts?.[1]?.params).toMatchObject({ aside: `${storeDir}-unreadable` });
      expect(restarted.message).toBe(restarted.messageTexts!.map((text) => englishOf(text)).join(' '));
      expect(readdirSync(`${storeDir}-unreadable`)).toContain('CURRENT');

      const { next } = await listen(restarted, 'lab/new', 1);
      await publishOnce(restarted, 'lab/new', 'still works', true);
      expect(await next).toMatchObject({ payload: 'still works' });

      // The new store works as a store: the retained message survives the next crash.
      const again = await killWorker(broker);
      expect(await retainedOn(again, 'lab/new')).toMatchObject({ payload: 'still works', retain: true });
    },
    TIMEOUT_MS,
  );

  it(
    'starts a new run over an unreadable store without a word: there was nothing to keep',
    async () => {
      writeFileSync(path.join(dataDir, 'broker'), 'a file where the broker folder should be');
      storeDir = path.join(dataDir, 'broker');
      const { status } = await startStoreBroker();
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
        const { status } = await startStoreBroker();
        expect(status.state).toBe('running');
        expect(status.message).toMatch(/in use by another program/);
        expect(status.message).toMatch(/in memory only/);
        expect(status.messageTexts).toEqual([{ key: 'errors.broker.storeInUse', params: { dir: storeDir } }]);
        expect(englishOf(status.messageTexts![0]!)).toBe(status.message);
        const { next } = await listen(status, 'lab/mem', 1);
        await publishOnce(status, 'lab/mem', 'in memory');
        expect(await next).toMatchObject({ payload: 'in memory' });
      } finally {
        await holder.close();
      }
    },
    TIMEOUT_MS,
  );
});
