// The Playground service as a student drives it, against a real (in-process) aedes broker: clients, the packet log,
// faults and their explanations, and the bad inputs of the issue. Nothing is left open afterwards.
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoteEntry } from '../../../src-shared/contract/playground';
import { LabError } from '../../../src-shared/contract/result';
import { englishOf, labText } from '../../../src-shared/i18n/lab-text';
import { startTestBroker, type TestBroker } from '../../support/test-broker';
import { createPlayground, waitFor, type PlaygroundHarness } from './playground-harness';

async function expectLabError(promise: Promise<unknown> | (() => unknown), code: string, field?: string): Promise<LabError> {
  let caught: unknown;
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(LabError);
  const error = caught as LabError;
  expect(error.code).toBe(code);
  if (field !== undefined) expect(error.field).toBe(field);
  return error;
}

describe('PlaygroundService', () => {
  let broker: TestBroker;
  let pg: PlaygroundHarness;

  beforeEach(async () => {
    broker = await startTestBroker();
    pg = createPlayground(broker.port, { connectTimeoutMs: 1500 });
  });
  afterEach(async () => {
    await pg.service.dispose();
    await broker.close();
  });

  it('starts with Publisher, Subscriber and Late subscriber, idle, on a perfect network', () => {
    const clients = pg.service.listClients();
    expect(clients.map((client) => [client.key, client.name, client.state])).toEqual([
      ['publisher', 'Publisher', 'idle'],
      ['subscriber', 'Subscriber', 'idle'],
      ['late-subscriber', 'Late subscriber', 'idle'],
    ]);
    expect(new Set(clients.map((client) => client.clientId)).size).toBe(3);
    expect(clients[0]?.faults).toEqual({ blackHole: false, dropToBroker: { remaining: 0, onlyType: null }, dropToClient: { remaining: 0, onlyType: null }, delayMs: 0 });
  });

  it('shows the QoS 2 four-step handshake in the log, in order, with the packet id publish returned', async () => {
    await pg.service.connect('subscriber', 'builtin');
    await pg.service.connect('publisher', 'builtin');
    expect(await pg.service.subscribe('subscriber', 'lab/door', 2)).toEqual({ filter: 'lab/door', requestedQos: 2, grantedQos: 2, downgraded: false });
    const { packetId } = await pg.service.publish('publisher', { topic: 'lab/door', payload: 'open', qos: 2, retain: false });
    await waitFor(() => pg.packets({ clientKey: 'publisher', type: 'PUBCOMP' }).length === 1, 'PUBCOMP');
    await waitFor(() => pg.packets({ clientKey: 'subscriber', type: 'PUBLISH' }).length === 1, 'the delivery');
    const flow = pg.packets({ clientKey: 'publisher' }).filter((entry) => entry.packetId === packetId);
    expect(flow.map((entry) => `${entry.direction} ${entry.type}`)).toEqual(['toBroker PUBLISH', 'toClient PUBREC', 'toBroker PUBREL', 'toClient PUBCOMP']);
    expect(flow.every((entry) => entry.proxyAction === 'passed')).toBe(true);
    const seqs = pg.entries.map((entry) => entry.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(pg.packets({ clientKey: 'publisher', type: 'CONNECT' })[0]?.fields).toMatchObject({ clean: true, keepalive: 60, protocolVersion: 4 });
  });

  it('refuses to publish from a client that is not connected, naming it', async () => {
    const error = await expectLabError(pg.service.publish('publisher', { topic: 'a', payload: 'x', qos: 0, retain: false }), 'NOT_CONNECTED');
    expect(error.message).toContain('"Publisher" is not connected');
  });

  it('cut: the client goes offline with a sentence saying why, and connects again', async () => {
    await pg.service.connect('publisher', 'builtin');
    pg.service.injectFault('publisher', { kind: 'cut' });
    const offline = await waitFor(() => pg.client('publisher').state === 'offline' && pg.client('publisher'), 'offline');
    expect(offline.message).toContain('cut on purpose');
    await expectLabError(() => pg.service.injectFault('publisher', { kind: 'cut' }), 'NOT_CONNECTED');
    expect((await pg.service.connect('publisher', 'builtin')).state).toBe('connected');
  });

  it('disconnect in the middle of a QoS 2 flow: explained, no crash, and finished after reconnecting', async () => {
    pg.service.updateClient('publisher', { cleanSession: false });
    await pg.service.connect('publisher', 'builtin');
    pg.service.injectFault('publisher', { kind: 'drop', direction: 'toClient', count: 1, onlyType: 'PUBREC' });
    await pg.service.publish('publisher', { topic: 'lab/pay', payload: '5 coins', qos: 2, retain: false });
    await waitFor(() => pg.client('publisher').faults.dropToClient.remaining === 0, 'the PUBREC to be dropped');
    const startedAt = Date.now();
    const idle = await pg.service.disconnect('publisher');
    expect(Date.now() - startedAt).toBeLessThan(2500);
    expect(idle.state).toBe('idle');
    expect(idle.inFlight).toBe(1);
    expect(idle.message).toMatch(/not finished.*sends them again \(dup=1\)/);
    await waitFor(() => pg.packets({ clientKey: 'publisher', type: 'DISCONNECT' }).length === 1, 'the DISCONNECT in the log');
    // aedes answers session present = 0 here (it counts a session only once it holds subscriptions); the
    // unfinished exchange is on the client side and is finished either way.
    expect((await pg.service.connect('publisher', 'builtin')).state).toBe('connected');
    await waitFor(() => pg.client('publisher').inFlight === 0, 'the handshake to finish');
    await waitFor(() => pg.packets({ clientKey: 'publisher', type: 'PUBCOMP' }).length === 1, 'PUBCOMP in the log');
    expect(pg.packets({ clientKey: 'publisher', type: 'PUBLISH' }).map((entry) => entry.dup)).toEqual([false, true]);
  });

  it('black hole while connecting: explains that the CONNECT vanished', async () => {
    pg.service.injectFault('publisher', { kind: 'blackHole', on: true });
    const error = await expectLabError(pg.service.connect('publisher', 'builtin'), 'TIMEOUT');
    expect(error.message).toContain('black hole is on');
    expect(pg.client('publisher').state).toBe('error');
  });

  it('MQTT 5 against the built-in broker (3.1.1 only) is refused with a way out', async () => {
    pg.service.updateClient('publisher', { protocolVersion: 5 });
    const error = await expectLabError(pg.service.connect('publisher', 'builtin'), 'CONNECTION_REFUSED');
    expect(error.message).toContain('does not speak MQTT 5');
  });

  it('MQTT 5 message properties on an MQTT 3.1.1 client are refused, naming the field', async () => {
    await pg.service.connect('publisher', 'builtin');
    const error = await expectLabError(
      pg.service.publish('publisher', { topic: 'a', payload: 'x', qos: 0, retain: false, properties: { contentType: 'text/plain' } }),
      'INVALID_INPUT',
      'properties',
    );
    expect(error.message).toContain('MQTT 5 features');
  });

  it('a broker that is not running is explained, not a crash', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
    const deadPort = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const other = createPlayground(deadPort);
    try {
      const error = await expectLabError(other.service.connect('publisher', 'builtin'), 'CONNECTION_REFUSED');
      expect(error.message).toContain(`No broker is answering at 127.0.0.1:${deadPort}`);
    } finally {
      await other.service.dispose();
    }
  });

  it('batches the log: a burst of 300 messages arrives in few events, every one in order', async () => {
    await pg.service.connect('publisher', 'builtin');
    pg.entries.length = 0;
    const events: number[] = [];
    pg.service.onPacketsCaptured((batch) => events.push(batch.length));
    const startedAt = Date.now();
    for (let index = 0; index < 300; index += 1) await pg.service.publish('publisher', { topic: 'lab/burst', payload: String(index), qos: 0, retain: false });
    await waitFor(() => pg.packets({ type: 'PUBLISH' }).length === 300, 'all 300 entries');
    const elapsedMs = Date.now() - startedAt;
    // The harness batches every 20 ms: at most one event per interval (plus the last one).
    expect(events.length).toBeLessThanOrEqual(Math.ceil(elapsedMs / 20) + 2);
    expect(pg.packets({ type: 'PUBLISH' }).map((entry) => entry.payloadPreview)).toEqual(Array.from({ length: 300 }, (_, index) => String(index)));
  });

  it('pause stops capturing, clear empties the log, export writes one line per entry', async () => {
    pg.service.pauseCapture(true);
    await pg.service.connect('publisher', 'builtin');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pg.service.listPackets()).toEqual({ entries: [], paused: true });
    pg.service.pauseCapture(false);
    await pg.service.publish('publisher', { topic: 'lab/x', payload: 'hello', qos: 1, retain: true });
    await waitFor(() => pg.service.listPackets().entries.some((entry) => entry.kind === 'packet' && entry.type === 'PUBACK'), 'PUBACK');
    const { fileName, text } = pg.service.exportPackets();
    expect(fileName).toMatch(/^mqtt-lab-packets-.*\.txt$/);
    expect(text).toMatch(/Publisher -> broker {2}PUBLISH {2}id=\d+ qos=1 dup=0 retain=1 topic="lab\/x" payload="hello"/);
    expect(text).toMatch(/broker -> Publisher {2}PUBACK {2}id=\d+/);
    pg.service.clearPackets();
    expect(pg.service.listPackets().entries).toEqual([]);
  });

  it('adds, updates and removes clients; the list event follows', async () => {
    const added = pg.service.addClient({ name: 'Sensor' });
    expect(added).toMatchObject({ key: 'client-4', name: 'Sensor', cleanSession: true, keepaliveSeconds: 60, protocolVersion: 4, will: null, role: 'student' });
    const will = { topic: 'lab/sensor/status', payload: 'offline', qos: 1 as const, retain: true };
    expect(pg.service.updateClient('client-4', { keepaliveSeconds: 5, will }).will).toEqual(will);
    await pg.service.removeClient('client-4');
    await expectLabError(pg.service.connect('client-4', 'builtin'), 'NOT_FOUND', 'clientKey');
    await waitFor(() => pg.clientEvents.at(-1)?.length === 3, 'a list without Sensor');
  });

  it('runs one experiment at a time', async () => {
    const first = pg.service.runExperiment('qos0-loss', 'builtin');
    await expectLabError(pg.service.runExperiment('retained', 'builtin'), 'UNAVAILABLE');
    expect((await first).outcome).toBe('asExpected');
    expect(pg.progress.at(-1)).toMatchObject({ experimentId: 'qos0-loss', state: 'finished' });
    expect(pg.service.listClients().some((client) => client.role === 'experiment')).toBe(false);
  });

  it('an experiment names its own clients and notes its start, its fault and its end as keys, with their English', async () => {
    const result = await pg.service.runExperiment('qos0-loss', 'builtin');
    await waitFor(() => pg.entries.some((entry) => entry.kind === 'note' && entry.event === 'experimentFinished'), 'the finished note');
    const notes = pg.entries.filter((entry): entry is NoteEntry => entry.kind === 'note');
    const started = notes.find((entry) => entry.event === 'experimentStarted')!;
    expect(started.texts).toEqual([
      { key: 'playground.notes.experimentStarted', params: { number: 1, title: { key: 'playground.experiments.list.qos0Loss.title' }, url: result.brokerUrl } },
    ]);
    expect(englishOf(started.texts[0]!)).toBe(`Experiment 1 "QoS 0 under packet loss" started against ${result.brokerUrl}.`);

    const finished = notes.find((entry) => entry.event === 'experimentFinished')!;
    expect(finished.texts[0]).toEqual({ key: 'playground.notes.experimentFinished', params: { number: 1, verdict: { key: 'playground.notes.verdicts.asExpected' } } });
    expect(finished.texts.slice(1)).toEqual(result.observedText);
    expect(finished.texts.map((text) => englishOf(text)).join(' ')).toBe(`Experiment 1 finished (as expected): ${result.observed}`);

    // The client list and the log carry the name as a key; the English name stays for logs, exports and the CLI.
    const seen = pg.clientEvents.flat().find((client) => client.key === 'exp-subscriber');
    expect(seen).toMatchObject({ role: 'experiment', name: 'Subscriber (experiment)', nameText: { key: 'playground.experimentClients.subscriber' } });
    expect(pg.packets({ clientKey: 'exp-publisher', type: 'CONNECT' })[0]).toMatchObject({
      clientName: 'Publisher (experiment)',
      clientNameText: { key: 'playground.experimentClients.publisher' },
    });
    const drop = notes.find((entry) => entry.event === 'dropArmed')!;
    expect(drop.texts).toEqual([{ key: 'playground.notes.dropToBrokerOfType', params: { count: 1, type: 'PUBLISH', name: 'Publisher (experiment)' } }]);
    expect(englishOf(drop.texts[0]!)).toBe('The next 1 PUBLISH packet(s) to the broker of Publisher (experiment) will be dropped.');
    expect(pg.service.exportPackets().text).toContain('Publisher (experiment): -- The next 1 PUBLISH packet(s) to the broker of Publisher (experiment) will be dropped.');
  });

  it('a client the lab named keeps its name as a key until the student renames it', () => {
    const named = pg.service.addClient({ name: 'Sensor (experiment)' }, 'experiment', 'exp-sensor', labText('playground.experimentClients.sensor'));
    expect(named.nameText).toEqual({ key: 'playground.experimentClients.sensor' });
    const renamed = pg.service.updateClient('exp-sensor', { name: 'My sensor' });
    expect(renamed.name).toBe('My sensor');
    expect(renamed.nameText).toBeUndefined();
  });

  it('notes a delay, a cut and the delayed packets the cut lost as keys, with their English', async () => {
    await pg.service.connect('publisher', 'builtin');
    pg.service.injectFault('publisher', { kind: 'delay', delayMs: 5000 });
    await pg.service.publish('publisher', { topic: 'lab/slow', payload: 'late', qos: 0, retain: false });
    await new Promise((resolve) => setTimeout(resolve, 300));
    pg.service.injectFault('publisher', { kind: 'cut' });
    const notes = () => pg.entries.filter((entry): entry is NoteEntry => entry.kind === 'note' && entry.clientKey === 'publisher');
    await waitFor(() => notes().some((entry) => entry.texts[0]?.key === 'playground.notes.lostInCut'), 'the note on the lost packets');
    const said = notes().map((entry) => [entry.event, englishOf(entry.texts[0]!)]);
    expect(said).toContainEqual(['delaySet', 'Every packet of Publisher now takes 5000 ms longer, both ways.']);
    expect(said).toContainEqual(['cut', 'Cut the network of Publisher: both sides are closed at once, like pulling the cable.']);
    expect(said).toContainEqual(['cut', '1 delayed packet(s) were still on their way and are lost.']);
    await waitFor(() => notes().some((entry) => entry.event === 'connectionClosed'), 'the close note');
    const closed = notes().find((entry) => entry.event === 'connectionClosed')!;
    expect(closed.texts).toEqual([{ key: 'playground.closed.cut', params: { name: 'Publisher' } }]);
  });

  it('dispose closes every connection it opened', async () => {
    await pg.service.connect('publisher', 'builtin');
    await pg.service.connect('subscriber', 'builtin');
    pg.service.injectFault('subscriber', { kind: 'blackHole', on: true });
    await waitFor(() => broker.openConnections() === 2, 'two connections at the broker');
    await pg.service.dispose();
    await waitFor(() => broker.openConnections() === 0, 'no connections at the broker');
  });
});

describe('PlaygroundService when a connect is called off', () => {
  it('a connect still waiting for its CONNACK ends with an explanation when Disconnect is pressed', async () => {
    const broker = await startTestBroker();
    const pg = createPlayground(broker.port, { connectTimeoutMs: 5000 });
    try {
      pg.service.injectFault('publisher', { kind: 'blackHole', on: true });
      const waiting = pg.service.connect('publisher', 'builtin');
      await waitFor(() => pg.client('publisher').state === 'connecting', 'connecting');
      const idle = await pg.service.disconnect('publisher');
      expect(idle.state).toBe('idle');
      const error = await expectLabError(waiting, 'NOT_CONNECTED');
      expect(error.message).toContain('disconnected before the broker accepted');
    } finally {
      await pg.service.dispose();
      await broker.close();
    }
  });
});
