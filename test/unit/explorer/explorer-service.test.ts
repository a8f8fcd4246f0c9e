// The Explorer service against a real broker (in-process aedes on an ephemeral port): default subscriptions per
// broker kind, every message of a flood counted, reconnects that keep the tree, retained clear and undo, big payloads.
import mqtt, { type MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExplorerStatus } from '../../../src-shared/contract/explorer';
import { silentLogger } from '../../../src-main/lib/logger';
import { ExplorerService } from '../../../src-main/services/explorer/explorer-service';
import type { TreeUpdate } from '../../../src-main/services/explorer/tree-update-batcher';
import { MqttClientService } from '../../../src-main/services/mqtt/mqtt-client-service';
import { resolveConnection } from '../../../src-main/services/mqtt/resolve-connection';
import { startTestBroker, type TestBroker } from '../../support/test-broker';
import { profileFor, STOPPED_BROKER, waitFor } from '../mqtt/service-harness';

const STUDENT = 'lab-4k2x9q';

interface Rig {
  broker: TestBroker;
  clients: MqttClientService;
  explorer: ExplorerService;
  publisher: MqttClient;
  statuses: ExplorerStatus[];
  updates: TreeUpdate[];
}

let rig: Rig;

async function makeRig(brokerPort = 0): Promise<Rig> {
  const broker = await startTestBroker({ port: brokerPort });
  const kinds = { local: 'builtin', shared: 'public', other: 'builtin' } as const;
  const clients = new MqttClientService({
    connect: mqtt.connect,
    logger: silentLogger,
    resolve: async (profileId) =>
      resolveConnection(profileFor({ id: profileId, port: broker.port, clientId: `explorer-test-${profileId}` }), undefined, STOPPED_BROKER),
  });
  const explorer = new ExplorerService({
    clients,
    getProfile: async (id) => (id in kinds ? { id, kind: kinds[id as keyof typeof kinds] } : undefined),
    getSettings: async () => ({ studentId: STUDENT, activeProfileId: 'local' }),
    logger: silentLogger,
  });
  const statuses: ExplorerStatus[] = [];
  const updates: TreeUpdate[] = [];
  explorer.onStatusChanged((status) => statuses.push(status));
  explorer.onTreeUpdated((update) => updates.push(update));
  const publisher = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, { clientId: 'publisher', reconnectPeriod: 200 });
  return { broker, clients, explorer, publisher, statuses, updates };
}

const activeFilters = () => rig.explorer.getState().status.subscriptions.filter((sub) => sub.state === 'active').map((sub) => sub.filter);
const messageCount = () => rig.explorer.getState().stats.messageCount;

beforeEach(async () => {
  rig = await makeRig();
});

afterEach(async () => {
  await rig.publisher.endAsync(true);
  await rig.explorer.dispose();
  await rig.clients.dispose();
  await rig.broker.close();
});

describe('ExplorerService on the built-in broker', () => {
  it("subscribes to '#' and shows published topics with their counts", async () => {
    await rig.explorer.start();
    await waitFor(() => activeFilters().includes('#'), "the '#' subscription");
    expect(rig.explorer.getState().status.notice).toMatch(/Connected to mqtt:\/\/127\.0\.0\.1:\d+ and subscribed to "#"/);
    for (const payload of ['1', '2', '3']) await rig.publisher.publishAsync('home/livingroom/light', payload);
    await rig.publisher.publishAsync('ఇల్లు/వెలుగు', 'ఆన్');
    await waitFor(() => messageCount() === 4, 'four messages');
    const top = rig.explorer.getChildren({ parent: null, sort: 'name', offset: 0, limit: 10 });
    expect(top.children.map((node) => [node.name, node.subtreeCount])).toEqual([
      ['home', 3],
      ['ఇల్లు', 1],
    ]);
    await waitFor(() => rig.updates.some((update) => update.changed.some((node) => node.topic === 'home' && node.subtreeCount === 3)), 'a tree event');
    const detail = rig.explorer.getTopic({ topic: 'ఇల్లు/వెలుగు', maxBytesPerMessage: 100 });
    expect(detail.messages[0]).toMatchObject({ payload: 'ఆన్', payloadEncoding: 'utf8', sizeBytes: 9 });
  });

  it('counts every message of a 20,000-message flood over 2,000 topics, in at most ~20 events a second', async () => {
    const batchedForExplorer: number[] = [];
    rig.clients.onMessages((batch) => batch.clientName === 'explorer' && batchedForExplorer.push(batch.messages.length));
    await rig.explorer.start();
    await waitFor(() => activeFilters().includes('#'), "the '#' subscription");
    const started = Date.now();
    for (let index = 0; index < 20_000; index++) rig.publisher.publish(`flood/t${index % 2000}`, String(index));
    await waitFor(() => messageCount() === 20_000 && rig.updates.at(-1)?.stats.messageCount === 20_000, 'all 20,000 messages', 20_000);
    const seconds = (Date.now() - started) / 1000;
    expect(rig.updates.length).toBeLessThanOrEqual(Math.ceil(seconds * 20) + 2);
    expect(rig.explorer.getState().stats).toMatchObject({ topicCount: 2000, messageCount: 20_000 });
    // The flood goes straight into the model, not through the lab's batches (which would forward it to the UI).
    expect(batchedForExplorer).toEqual([]);
  });

  it('keeps the tree across a broker restart, subscribes again and says what happened', async () => {
    await rig.explorer.start();
    await waitFor(() => activeFilters().includes('#'), "the '#' subscription");
    await rig.publisher.publishAsync('kept/topic', 'before');
    await waitFor(() => messageCount() === 1, 'the first message');
    const port = rig.broker.port;
    await rig.broker.close();
    await waitFor(() => rig.explorer.getState().status.notice?.startsWith('Lost the connection'), 'the lost notice');
    expect(rig.explorer.getState().status.subscriptions[0]).toMatchObject({ filter: '#', state: 'pending' });
    rig.broker = await startTestBroker({ port });
    await waitFor(() => rig.explorer.getState().status.notice?.startsWith('Reconnected'), 'the reconnect notice', 15_000);
    expect(rig.explorer.getState().status.notice).toMatch(/subscribed again to "#"\. The tree kept its 1 topics and 1 counted messages/);
    await waitFor(() => rig.publisher.connected, 'the publisher to reconnect');
    await rig.publisher.publishAsync('kept/topic', 'after');
    await waitFor(() => messageCount() === 2, 'a message after the reconnect');
    expect(rig.explorer.getTopic({ topic: 'kept/topic', maxBytesPerMessage: 10 }).messages.map((m) => m.payload)).toEqual(['before', 'after']);
  });

  it('says in the page\'s language why it is not connected when the broker is down at start', async () => {
    await rig.broker.close();
    await rig.explorer.start();
    const status = rig.explorer.getState().status;
    expect(status.notice).toMatch(/^The explorer is not connected\. No broker is answering at 127\.0\.0\.1:\d+/);
    // The reason travels as its own key inside the notice, so the Telugu page translates it instead of showing English.
    expect(status.noticeText?.[0]).toMatchObject({ key: 'explorer.notices.notConnected', params: { reason: { key: expect.stringMatching(/^errors\.mqtt\./) } } });
    rig.broker = await startTestBroker({ port: rig.broker.port });
  });

  it('clears a retained message on the broker and puts it back on undo', async () => {
    await rig.publisher.publishAsync('lab/door', 'open', { retain: true, qos: 1 });
    await rig.explorer.start();
    await waitFor(() => messageCount() === 1, 'the retained message');
    expect(rig.explorer.getTopic({ topic: 'lab/door', maxBytesPerMessage: 10 }).node).toMatchObject({ retained: true, last: { retain: true } });
    const cleared = await rig.explorer.clearRetained('lab/door');
    expect(cleared).toMatchObject({ topic: 'lab/door', undoSeconds: 30 });
    expect(await retainedOnBroker('lab/door')).toBeNull();
    expect(rig.explorer.getTopic({ topic: 'lab/door', maxBytesPerMessage: 10 }).node.retained).toBe(false);
    await rig.explorer.restoreRetained(cleared.undoToken!);
    expect(await retainedOnBroker('lab/door')).toBe('open');
    await expect(rig.explorer.restoreRetained(cleared.undoToken!)).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'undoToken' });
  });

  it('keeps binary, empty and 10 MB payloads exactly as sent', async () => {
    await rig.explorer.start();
    await waitFor(() => activeFilters().includes('#'), "the '#' subscription");
    const big = Buffer.alloc(10 * 1024 * 1024, 'x');
    await rig.publisher.publishAsync('files/big', big, { qos: 1 });
    await rig.publisher.publishAsync('files/bin', Buffer.from([0, 0xff, 0xfe]), { qos: 1 });
    await rig.publisher.publishAsync('files/empty', Buffer.alloc(0), { qos: 1 });
    await waitFor(() => messageCount() === 3, 'three messages', 15_000);
    const bigId = rig.explorer.getTopic({ topic: 'files/big', maxBytesPerMessage: 0 }).messages[0]!.id;
    expect(rig.explorer.getMessage({ topic: 'files/big', id: bigId, maxBytes: 64 * 1024 })).toMatchObject({ truncated: true, sizeBytes: big.length });
    expect(rig.explorer.getMessage({ topic: 'files/big', id: bigId, maxBytes: big.length }).payload).toHaveLength(big.length);
    expect(rig.explorer.getTopic({ topic: 'files/bin', maxBytesPerMessage: 10 }).messages[0]).toMatchObject({ payload: 'AP/+', payloadEncoding: 'base64' });
    expect(rig.explorer.getTopic({ topic: 'files/empty', maxBytesPerMessage: 10 }).node.last).toMatchObject({ kind: 'empty', sizeBytes: 0 });
  });
});

describe('ExplorerService on other brokers', () => {
  it("uses '<ID>/#' on a public broker and refuses a bare '#' with a reason", async () => {
    await rig.explorer.followProfile('shared');
    await waitFor(() => activeFilters().includes(`${STUDENT}/#`), 'the own-id subscription');
    await expect(rig.explorer.addSubscription('#', 0)).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'filter', message: expect.stringMatching(/strangers/) });
    await rig.publisher.publishAsync('someone-else/x', 'not mine');
    await rig.publisher.publishAsync(`${STUDENT}/telemetry`, '{"light":3}');
    await waitFor(() => messageCount() === 1, 'my message');
    expect(rig.explorer.search({ includeNonMatching: false, limit: 10 }).results.map((item) => item.node.topic)).toEqual([`${STUDENT}/telemetry`]);
  });

  it('adds and removes filters, and starts an empty tree when the broker changes', async () => {
    await rig.explorer.followProfile('shared');
    await waitFor(() => activeFilters().length === 1, 'the default subscription');
    const status = await rig.explorer.addSubscription('school/+/light', 1);
    expect(status.subscriptions.map((sub) => [sub.filter, sub.state, sub.grantedQos])).toEqual([
      [`${STUDENT}/#`, 'active', 0],
      ['school/+/light', 'active', 1],
    ]);
    await rig.publisher.publishAsync('school/r1/light', '5');
    await waitFor(() => messageCount() === 1, 'the school message');
    await rig.explorer.removeSubscription('school/+/light');
    await expect(rig.explorer.removeSubscription('school/+/light')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await rig.explorer.followProfile('other');
    await waitFor(() => activeFilters().includes('#'), "the other broker's '#'");
    expect(messageCount()).toBe(0);
    expect(rig.updates.some((update) => update.cleared)).toBe(true);
  });
});

/** What a fresh subscriber gets as the retained message of a topic (null when none arrives within 300 ms). */
async function retainedOnBroker(topic: string): Promise<string | null> {
  const probe = await mqtt.connectAsync(`mqtt://127.0.0.1:${rig.broker.port}`, { clientId: `probe-${Date.now()}` });
  try {
    const got = new Promise<string | null>((resolve) => {
      probe.on('message', (_topic, payload, packet) => packet.retain && payload.length > 0 && resolve(payload.toString()));
      setTimeout(() => resolve(null), 300);
    });
    await probe.subscribeAsync(topic);
    return await got;
  } finally {
    await probe.endAsync(true);
  }
}
