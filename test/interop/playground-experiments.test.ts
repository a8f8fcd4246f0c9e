// The six playground experiments against the real built-in broker (aedes in its worker process) and a real Debian
// mosquitto: each must show what the lesson promises, and the packet log must show the packets that prove it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrokerService } from '../../src-main/services/broker/broker-service';
import { formatEntry } from '../../src-main/services/playground/export-text';
import { startMosquitto, type RunningMosquitto } from '../support/mosquitto';
import { closeAll, createTestBroker } from '../unit/broker/support/broker-test-kit';
import { createPlayground, type PlaygroundHarness } from '../unit/playground/playground-harness';

interface BrokerUnderTest {
  port: number;
  stop(): Promise<void>;
}

async function builtinBroker(): Promise<BrokerUnderTest> {
  const broker: BrokerService = createTestBroker();
  const status = await broker.start();
  return { port: status.tcpPort as number, stop: closeAll };
}

async function debianMosquitto(): Promise<BrokerUnderTest> {
  const mosquitto: RunningMosquitto = await startMosquitto();
  return { port: mosquitto.port, stop: () => mosquitto.stop() };
}

// aedes checks keep-alive on a timer per client (7.5 s exactly); mosquitto 2.0 checks its clients every few
// seconds, so its Will comes between 7.5 s and about 12.5 s (measured 7.9 to 11.7 s here).
describe.each([
  ['the built-in broker', builtinBroker, 9000],
  ['Debian mosquitto', debianMosquitto, 13_000],
])('playground experiments against %s', (_name, start, willWithinMs) => {
  let broker: BrokerUnderTest;
  let playground: PlaygroundHarness;

  beforeAll(async () => {
    broker = await start();
  });
  afterAll(async () => {
    await broker.stop();
  });
  afterEach(async () => {
    await playground.service.dispose();
  });

  async function run(id: Parameters<PlaygroundHarness['service']['runExperiment']>[0]) {
    playground = createPlayground(broker.port);
    const result = await playground.service.runExperiment(id, 'builtin');
    // The log is batched; give the last batch time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const log = playground.entries.map(formatEntry).join('\n');
    return { result, log };
  }

  it('1. QoS 0 under packet loss: the dropped message is gone and nobody resends it', async () => {
    const { result, log } = await run('qos0-loss');
    expect(result.outcome, `${result.observed}\n${log}`).toBe('asExpected');
    expect(result.measurements).toMatchObject({ subscriberReceived: 1, firstMessageLost: true, publisherUnfinished: 0 });
    expect(playground.packets({ type: 'PUBLISH', direction: 'toBroker', proxyAction: 'dropped' })).toHaveLength(1);
    expect(playground.packets({ type: 'PUBLISH', direction: 'toBroker' })).toHaveLength(2);
  });

  it('2. QoS 1 with the PUBACK lost: resent with dup=1 and the subscriber sees it twice', async () => {
    const { result, log } = await run('qos1-lost-puback');
    expect(result.outcome, `${result.observed}\n${log}`).toBe('asExpected');
    expect(result.measurements).toMatchObject({ resentWithDup: true, subscriberCopies: 2, unfinishedAfterLoss: 1 });
    expect(playground.packets({ type: 'PUBACK', direction: 'toClient', proxyAction: 'dropped' })).toHaveLength(1);
    const publisherSent = playground.packets({ type: 'PUBLISH', direction: 'toBroker', clientKey: 'exp-publisher' });
    expect(publisherSent.map((entry) => entry.dup)).toEqual([false, true]);
    expect(publisherSent[0]?.packetId).toBe(publisherSent[1]?.packetId);
  });

  it('3. QoS 2 under loss: resent with dup=1, delivered exactly once', async () => {
    const { result, log } = await run('qos2-loss');
    expect(result.outcome, `${result.observed}\n${log}`).toBe('asExpected');
    expect(result.measurements).toMatchObject({ resentWithDup: true, subscriberCopies: 1 });
    expect(playground.packets({ type: 'PUBREC', direction: 'toClient', proxyAction: 'dropped' })).toHaveLength(1);
    expect(playground.packets({ type: 'PUBCOMP', direction: 'toClient', clientKey: 'exp-publisher' })).toHaveLength(1);
  });

  it('4. retained: the late subscriber gets the value at once; after clearing it gets nothing', async () => {
    const { result, log } = await run('retained');
    expect(result.outcome, `${result.observed}\n${log}`).toBe('asExpected');
    expect(result.measurements).toMatchObject({ retainedDelivered: true, messagesAfterClearing: 0 });
    expect(result.measurements.deliveredAfterMs).toBeLessThan(1000);
  });

  it('5. persistent session: QoS 1 kept while away, QoS 0 not; clean session keeps nothing', async () => {
    const { result, log } = await run('persistent-session');
    expect(result.outcome, `${result.observed}\n${log}`).toBe('asExpected');
    expect(result.measurements).toEqual({
      keptSessionPresent: true,
      keptQos1Delivered: true,
      keptQos0Delivered: false,
      cleanSessionPresent: false,
      cleanMessagesDelivered: 0,
    });
    expect(playground.packets({ type: 'CONNACK', sessionPresent: true })).not.toHaveLength(0);
  });

  it('6. keep-alive 5 s and Last Will: the broker publishes the Will about 1.5 x keep-alive after the black hole', async () => {
    const { result, log } = await run('keepalive-will');
    expect(result.outcome, `${result.observed}\n${log}`).toBe('asExpected');
    expect(result.measurements.willDelivered).toBe(true);
    expect(result.measurements.willAfterMs).toBeGreaterThanOrEqual(7000);
    expect(result.measurements.willAfterMs).toBeLessThanOrEqual(willWithinMs);
    expect(playground.packets({ type: 'PINGREQ', proxyAction: 'blackHoled' }).length).toBeGreaterThan(0);
  }, 25_000);
});
