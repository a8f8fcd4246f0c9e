// MqttClientService against a real in-process aedes: connect, publish/subscribe at every QoS, retained and
// binary messages, batching, two named clients at once, and refusals that must never crash the client.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectWithSlowFirstGoodbye } from '../../support/slow-goodbye';
import { startTestBroker, type TestBroker } from '../../support/test-broker';
import { createHarness, profileFor, sleep, waitFor, type Harness } from './service-harness';

describe('MqttClientService with a real broker', () => {
  let broker: TestBroker;
  let lab: Harness;

  beforeEach(async () => {
    broker = await startTestBroker({ webSocket: true, aedes: {
      authorizeSubscribe: (_client, subscription, callback) => callback(null, subscription.topic.startsWith('secret/') ? null : subscription),
    } });
    lab = createHarness({
      test: { profile: profileFor({ port: broker.port }) },
      websocket: { profile: profileFor({ id: 'websocket', port: broker.wsPort!, transport: 'ws', path: '/mqtt' }) },
    });
  });
  afterEach(async () => {
    await lab.service.dispose();
    await broker.close();
  });

  it('connects and reports connecting, then connected, with the address the student would type', async () => {
    const status = await lab.service.connect('lab', 'test');
    expect(status).toMatchObject({ clientName: 'lab', profileId: 'test', state: 'connected', clientId: 'mqttlab-test01' });
    expect(status.brokerUrl).toBe(`mqtt://127.0.0.1:${broker.port}`);
    expect(lab.statuses.map((item) => item.state)).toEqual(['connecting', 'connected']);
    expect(lab.service.list()).toEqual([status]);
  });

  it('connects over WebSocket with the profile path', async () => {
    const status = await lab.service.connect('lab', 'websocket');
    expect(status).toMatchObject({ state: 'connected', brokerUrl: `ws://127.0.0.1:${broker.wsPort}/mqtt` });
  });

  it('delivers messages at QoS 0, 1 and 2 with their QoS', async () => {
    await lab.service.connect('lab', 'test');
    await lab.service.connect('explorer', 'test');
    expect(await lab.service.subscribe('explorer', 'lab/+/temp', 2)).toEqual({ filter: 'lab/+/temp', grantedQos: 2 });
    for (const qos of [0, 1, 2] as const) {
      const sent = await lab.service.publish({ clientName: 'lab', topic: `lab/q${qos}/temp`, payload: `21.${qos}`, payloadEncoding: 'utf8', qos, retain: false });
      expect(sent).toEqual({ sizeBytes: 4 });
    }
    const received = await waitFor(() => lab.messagesOf('explorer').length === 3 && lab.messagesOf('explorer'), 'three messages');
    expect(received.map(({ topic, payloadText, qos, retain }) => ({ topic, payloadText, qos, retain }))).toEqual([
      { topic: 'lab/q0/temp', payloadText: '21.0', qos: 0, retain: false },
      { topic: 'lab/q1/temp', payloadText: '21.1', qos: 1, retain: false },
      { topic: 'lab/q2/temp', payloadText: '21.2', qos: 2, retain: false },
    ]);
    expect(lab.messagesOf('lab')).toEqual([]);
  });

  it('gives a late subscriber the retained message, marked retained', async () => {
    await lab.service.connect('lab', 'test');
    await lab.service.publish({ clientName: 'lab', topic: 'lab/lamp', payload: 'on', payloadEncoding: 'utf8', qos: 1, retain: true });
    await lab.service.connect('explorer', 'test');
    await lab.service.subscribe('explorer', 'lab/#', 1);
    const [message] = await waitFor(() => lab.messagesOf('explorer').length > 0 && lab.messagesOf('explorer'), 'the retained message');
    expect(message).toMatchObject({ topic: 'lab/lamp', payloadText: 'on', retain: true });
  });

  it('subscribing again to the same filter is answered by the broker and brings the retained message again', async () => {
    await lab.service.connect('lab', 'test');
    await lab.service.publish({ clientName: 'lab', topic: 'lab/lamp', payload: 'on', payloadEncoding: 'utf8', qos: 1, retain: true });
    await lab.service.connect('explorer', 'test');
    expect(await lab.service.subscribe('explorer', 'lab/#', 1)).toEqual({ filter: 'lab/#', grantedQos: 1 });
    await waitFor(() => lab.messagesOf('explorer').length === 1, 'the first retained copy');
    expect(await lab.service.subscribe('explorer', 'lab/#', 1)).toEqual({ filter: 'lab/#', grantedQos: 1 });
    await waitFor(() => lab.messagesOf('explorer').length === 2, 'the retained message again');
  });

  it('carries binary payloads as base64 with no text, and big ones cut at 256 KiB', async () => {
    await lab.service.connect('lab', 'test');
    await lab.service.subscribe('lab', 'bin/#', 0);
    await lab.service.publish({ clientName: 'lab', topic: 'bin/raw', payload: Buffer.from([0xff, 0x00, 0xfe]).toString('base64'), payloadEncoding: 'base64', qos: 0, retain: false });
    const big = 'é'.repeat(200 * 1024); // 400 KiB of two-byte characters
    await lab.service.publish({ clientName: 'lab', topic: 'bin/big', payload: big, payloadEncoding: 'utf8', qos: 1, retain: false });
    const [raw, large] = await waitFor(() => lab.messagesOf('lab').length === 2 && lab.messagesOf('lab'), 'two messages');
    expect(raw).toMatchObject({ payloadText: null, payloadBase64: '/wD+', sizeBytes: 3, truncated: false });
    expect(large).toMatchObject({ sizeBytes: 400 * 1024, truncated: true });
    expect(large!.payloadText).toBe('é'.repeat(128 * 1024));
    expect(Buffer.from(large!.payloadBase64, 'base64').length).toBe(256 * 1024);
  });

  it('hands messages on in a few batches, not one event per message', async () => {
    await lab.service.connect('lab', 'test');
    await lab.service.subscribe('lab', 'burst/#', 0);
    for (let index = 0; index < 200; index += 1) {
      void lab.service.publish({ clientName: 'lab', topic: `burst/${index}`, payload: String(index), payloadEncoding: 'utf8', qos: 0, retain: false });
    }
    const received = await waitFor(() => lab.messagesOf('lab').length === 200 && lab.messagesOf('lab'), '200 messages');
    expect(received.map((message) => message.payloadText)).toEqual(Array.from({ length: 200 }, (_, index) => String(index)));
    expect(lab.batches.length).toBeLessThanOrEqual(10);
  });

  it('refuses a wildcard topic or bad base64 in publish, and the client keeps working', async () => {
    await lab.service.connect('lab', 'test');
    await lab.service.subscribe('lab', 'lab/#', 0);
    await expect(lab.service.publish({ clientName: 'lab', topic: 'lab/+/temp', payload: '1', payloadEncoding: 'utf8', qos: 0, retain: false }))
      .rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'topic', message: expect.stringContaining("wildcards are for subscribing") });
    await expect(lab.service.publish({ clientName: 'lab', topic: 'lab/x', payload: 'not base64!', payloadEncoding: 'base64', qos: 0, retain: false }))
      .rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'payload' });
    await lab.service.publish({ clientName: 'lab', topic: 'lab/ok', payload: 'still here', payloadEncoding: 'utf8', qos: 1, retain: false });
    await waitFor(() => lab.messagesOf('lab').some((message) => message.payloadText === 'still here'), 'the message after the refusals');
    expect(lab.service.list()[0]?.state).toBe('connected');
  });

  it('says clearly that a client must connect before it publishes', async () => {
    await expect(lab.service.publish({ clientName: 'lab', topic: 'lab/x', payload: '1', payloadEncoding: 'utf8', qos: 0, retain: false }))
      .rejects.toMatchObject({ code: 'NOT_CONNECTED', message: expect.stringContaining('Connect it to a broker first') });
    await lab.service.connect('lab', 'test');
    const idle = await lab.service.disconnect('lab');
    expect(idle).toMatchObject({ state: 'idle', clientName: 'lab' });
    await expect(lab.service.publish({ clientName: 'lab', topic: 'lab/x', payload: '1', payloadEncoding: 'utf8', qos: 0, retain: false }))
      .rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    expect(lab.service.list()).toEqual([idle]);
    await waitFor(() => broker.openConnections() === 0, 'the socket to close');
  });

  it('turns a refused subscription (granted 128) into a LabError', async () => {
    await lab.service.connect('lab', 'test');
    await expect(lab.service.subscribe('lab', 'secret/plans', 1)).rejects.toMatchObject({ name: 'LabError', code: 'AUTH_FAILED', message: expect.stringContaining('"secret/plans"') });
    expect((await lab.service.subscribe('lab', 'open/#', 1)).grantedQos).toBe(1);
  });

  it('stops delivering a filter after unsubscribe', async () => {
    await lab.service.connect('lab', 'test');
    await lab.service.subscribe('lab', 'a/#', 0);
    await lab.service.unsubscribe('lab', 'a/#');
    await lab.service.publish({ clientName: 'lab', topic: 'a/b', payload: 'x', payloadEncoding: 'utf8', qos: 1, retain: false });
    await sleep(200);
    expect(lab.messagesOf('lab')).toEqual([]);
  });

  it('runs two named clients on one profile without them knocking each other off', async () => {
    const [first, second] = await Promise.all([lab.service.connect('lab', 'test'), lab.service.connect('explorer', 'test')]);
    expect(first.clientId).not.toBe(second.clientId);
    await lab.service.subscribe('explorer', 'x/#', 0);
    await lab.service.publish({ clientName: 'lab', topic: 'x/1', payload: 'hi', payloadEncoding: 'utf8', qos: 1, retain: false });
    await waitFor(() => lab.messagesOf('explorer').length === 1, 'the message at explorer');
    await sleep(300);
    expect(lab.service.list().map((status) => [status.clientName, status.state])).toEqual([['lab', 'connected'], ['explorer', 'connected']]);
    expect(broker.openConnections()).toBe(2);
  });

  it('replaces a client cleanly when the same name connects again', async () => {
    await lab.service.connect('lab', 'test');
    await lab.service.subscribe('lab', 'old/#', 0);
    const again = await lab.service.connect('lab', 'websocket');
    expect(again.brokerUrl).toContain('ws://');
    await waitFor(() => broker.openConnections() === 1, 'only one socket left');
    await lab.service.publish({ clientName: 'lab', topic: 'old/1', payload: 'x', payloadEncoding: 'utf8', qos: 1, retain: false });
    await sleep(200);
    expect(lab.messagesOf('lab')).toEqual([]);
    expect(lab.service.list()).toHaveLength(1);
  });

  it('a Connect pressed while the last Disconnect is still saying goodbye stays connected, not idle', async () => {
    const slow = createHarness({ test: { profile: profileFor({ port: broker.port }) } }, { connect: connectWithSlowFirstGoodbye(800) });
    try {
      await slow.service.connect('lab', 'test');
      const disconnecting = slow.service.disconnect('lab');
      const connected = await slow.service.connect('lab', 'test');
      expect(connected.state).toBe('connected');
      await disconnecting;
      expect(slow.service.list()).toEqual([expect.objectContaining({ clientName: 'lab', state: 'connected' })]);
      expect(slow.statuses.at(-1)?.state).toBe('connected');
    } finally {
      await slow.service.dispose();
    }
  });

  it('leaves no socket open after dispose', async () => {
    await lab.service.connect('lab', 'test');
    await lab.service.connect('explorer', 'websocket');
    expect(broker.openConnections()).toBe(2);
    await lab.service.dispose();
    await waitFor(() => broker.openConnections() === 0, 'every socket to close', 2000);
    await expect(lab.service.connect('lab', 'test')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
