// Differential test: the pure matcher (topicMatches, explainMatch) must predict exactly which topics a real
// Debian mosquitto (and the lab's own aedes) delivers to each filter: $-topics, empty levels, '/a', 'a/', Telugu.
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainMatch, topicMatches } from '../../src-shared/mqtt/topic-match';
import { startMosquitto } from '../support/mosquitto';
import { startTestBroker } from '../support/test-broker';

const FILTERS = [
  '#', '+', '+/+', '+/+/+', '/#', '/+', '+/#', '+/', '//', 'a', 'a/#', 'a/+', 'a/+/c', 'a/+/+', 'a/', 'a//c', 'a/+/#', '+/b/#',
  '+/+/c', '$lab/#', '$lab/+', '$lab', '+/x', '$lab/x/#', 'sport/tennis/player1/#', 'sport/+', 'sport/#', 'ఇల్లు/+', 'ఇల్లు/#',
  'my home/#', 'my home/+', '+/living room',
] as const;

const TOPICS = [
  'a', 'a/b', 'a/b/c', 'a/x/c', 'a/b/c/d', '/a', 'a/', 'a//c', '/', '//', '/a/b', 'x', 'b/x', '$lab', '$lab/x', '$lab/x/y',
  'sport', 'sport/', 'sport/tennis', 'sport/tennis/player1', 'sport/tennis/player1/ranking', 'ఇల్లు', 'ఇల్లు/గది', 'ఇల్లు/గది/వెలుగు',
  'my home', 'my home/living room', ' a', 'A/b',
] as const;

const SENTINEL_PREFIX = 'zz-sentinel';

interface Subscriber {
  filter: string;
  client: MqttClient;
  received: string[];
  done: Promise<void>;
}

interface Broker {
  port: number;
  stop(): Promise<void>;
}

const BROKERS: Record<string, () => Promise<Broker>> = {
  mosquitto: startMosquitto,
  aedes: async () => {
    const broker = await startTestBroker();
    return { port: broker.port, stop: () => broker.close() };
  },
};

async function subscribe(port: number, filter: string, index: number): Promise<Subscriber> {
  const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { clientId: `diff-${index}`, reconnectPeriod: 0 });
  const sentinel = `${SENTINEL_PREFIX}/${index}`;
  const received: string[] = [];
  const done = new Promise<void>((resolve) => {
    client.on('message', (topic) => {
      if (topic === sentinel) resolve();
      else if (!topic.startsWith(SENTINEL_PREFIX)) received.push(topic);
    });
  });
  await client.subscribeAsync({ [filter]: { qos: 1 }, [sentinel]: { qos: 1 } });
  return { filter, client, received, done };
}

describe.each(Object.keys(BROKERS))('%s', (name) => {
  let broker: Broker | undefined;
  const subscribers: Subscriber[] = [];

  beforeAll(async () => {
    broker = await BROKERS[name]!();
    for (const [index, filter] of FILTERS.entries()) subscribers.push(await subscribe(broker.port, filter, index));
    const publisher = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, { clientId: 'diff-publisher', reconnectPeriod: 0 });
    for (const topic of TOPICS) await publisher.publishAsync(topic, 'x', { qos: 1 });
    // QoS 1 keeps per-client order, so a subscriber that got its sentinel has got everything published before it.
    for (const index of FILTERS.keys()) await publisher.publishAsync(`${SENTINEL_PREFIX}/${index}`, 'done', { qos: 1 });
    await Promise.all(subscribers.map((subscriber) => subscriber.done));
    await publisher.endAsync();
  }, 30_000);

  afterAll(async () => {
    await Promise.all(subscribers.map((subscriber) => subscriber.client.endAsync(true)));
    await broker?.stop();
  });

  describe(`topicMatches agrees with ${name}`, () => {
    it.each(FILTERS.map((filter, index) => [filter, index] as const))('filter "%s" gets exactly the predicted topics', (filter, index) => {
      const predicted = TOPICS.filter((topic) => topicMatches(filter, topic)).sort();
      expect([...new Set(subscribers[index]!.received)].sort()).toEqual(predicted);
      // Each topic was published once, so a matching filter gets it exactly once.
      expect(subscribers[index]!.received).toHaveLength(predicted.length);
    });

    it('explainMatch reaches the same verdict as topicMatches for every pair', () => {
      for (const filter of FILTERS) {
        for (const topic of TOPICS) expect(explainMatch(filter, topic).matches, `${filter} vs ${topic}`).toBe(topicMatches(filter, topic));
      }
    });

    it('the test is not trivial: "#" skips the $-topics and "$lab/#" gets them', () => {
      const hash = subscribers[FILTERS.indexOf('#')]!.received;
      expect(hash).not.toContain('$lab/x');
      expect(subscribers[FILTERS.indexOf('$lab/#')]!.received.sort()).toEqual(['$lab', '$lab/x', '$lab/x/y']);
      expect(hash).toHaveLength(TOPICS.length - 3);
    });
  });
});
