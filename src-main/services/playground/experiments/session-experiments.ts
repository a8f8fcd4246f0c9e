// Experiments 4-6: retained messages, persistent sessions, keep-alive with Last Will. Short scripts over the
// playground service that report what they saw; they never assume a broker's answer.
import type { ExperimentOutcome } from './delivery-experiments';
import type { ExperimentKit } from './experiment-kit';

export async function retained(kit: ExperimentKit): Promise<ExperimentOutcome> {
  const topic = `${kit.topicBase}/temperature`;
  kit.progress('The Publisher sends "21.5 °C" with retain on');
  const publisher = await kit.client('publisher', 'Publisher (experiment)');
  await kit.connect(publisher);
  await kit.service.publish(publisher, { topic, payload: '21.5 °C', qos: 1, retain: true });
  await kit.waitAllAcknowledged(publisher, 'the broker to take the retained message');
  kit.progress('The Late subscriber subscribes afterwards');
  const late = await kit.client('late-subscriber', 'Late subscriber (experiment)');
  await kit.connect(late);
  const inbox = kit.inbox(late);
  const subscribedAt = Date.now();
  await kit.service.subscribe(late, topic, 1);
  await kit.waitUntil(() => inbox.messages.length >= 1, 'the retained message');
  const first = inbox.messages[0];
  const afterMs = (first?.atMs ?? Date.now()) - subscribedAt;
  kit.progress('The Publisher clears it with an empty retained message');
  await kit.service.publish(publisher, { topic, payload: '', qos: 1, retain: true });
  await kit.waitAllAcknowledged(publisher, 'the broker to take the empty retained message');
  await kit.service.unsubscribe(late, topic);
  kit.progress('The Late subscriber subscribes again');
  const before = inbox.messages.length;
  await kit.service.subscribe(late, topic, 1);
  await kit.quiet();
  const afterClearing = inbox.messages.slice(before);
  const gotRetained = first?.payload.toString('utf8') === '21.5 °C' && first.retain;
  const ok = gotRetained && afterClearing.length === 0;
  return {
    outcome: ok ? 'asExpected' : 'different',
    observed: `${gotRetained ? `The Late subscriber got "21.5 °C" marked retain=1, ${afterMs} ms after subscribing` : 'The Late subscriber did not get the retained value'}. After clearing, subscribing again brought ${afterClearing.length === 0 ? 'nothing' : `${afterClearing.length} message(s)`}.`,
    explanation:
      'A retained message is the broker\'s "last known value" for a topic: it keeps one per topic and hands it to every new subscriber at once, marked retain=1, so a new display does not wait for the next reading. An empty retained message deletes it.',
    measurements: { retainedDelivered: gotRetained, deliveredAfterMs: afterMs, messagesAfterClearing: afterClearing.length },
  };
}

async function offlineRound(kit: ExperimentKit, cleanSession: boolean, label: string) {
  const topic = `${kit.topicBase}/${cleanSession ? 'clean' : 'kept'}/alerts`;
  const subscriber = await kit.client(cleanSession ? 'subscriber-clean' : 'subscriber', `Subscriber, ${label} (experiment)`, { cleanSession });
  await kit.connect(subscriber);
  await kit.service.subscribe(subscriber, topic, 1);
  await kit.service.disconnect(subscriber);
  const publisher = await kit.client('publisher', 'Publisher (experiment)');
  await kit.connect(publisher);
  await kit.service.publish(publisher, { topic, payload: `${label}: QoS 1 while away`, qos: 1, retain: false });
  await kit.service.publish(publisher, { topic, payload: `${label}: QoS 0 while away`, qos: 0, retain: false });
  await kit.waitAllAcknowledged(publisher, 'the broker to take the QoS 1 message');
  const inbox = kit.inbox(subscriber);
  await kit.connect(subscriber);
  const sessionPresent = kit.service.listClients().find((client) => client.key === subscriber)?.sessionPresent ?? false;
  await kit.quiet();
  await kit.service.disconnect(subscriber);
  return { sessionPresent, texts: inbox.texts() };
}

export async function persistentSession(kit: ExperimentKit): Promise<ExperimentOutcome> {
  kit.progress('Clean session OFF: the Subscriber subscribes at QoS 1 and disconnects; the Publisher sends QoS 1 and QoS 0; the Subscriber returns');
  const kept = await offlineRound(kit, false, 'session kept');
  kit.progress('Clean session ON: the same again');
  const clean = await offlineRound(kit, true, 'clean session');
  const keptQos1 = kept.texts.some((text) => text.includes('QoS 1'));
  const keptQos0 = kept.texts.some((text) => text.includes('QoS 0'));
  const ok = kept.sessionPresent && keptQos1 && !keptQos0 && !clean.sessionPresent && clean.texts.length === 0;
  return {
    outcome: ok ? 'asExpected' : 'different',
    observed:
      `Clean session off: session present = ${kept.sessionPresent ? 1 : 0}, the Subscriber got ${JSON.stringify(kept.texts)} on return. ` +
      `Clean session on: session present = ${clean.sessionPresent ? 1 : 0}, it got ${JSON.stringify(clean.texts)}.`,
    explanation:
      keptQos0
        ? 'With clean session off the broker kept the session and queued messages for the Subscriber. This broker also queued the QoS 0 one, which MQTT allows but does not require. With clean session on, the broker forgot the Subscriber when it left.'
        : 'With clean session off the broker keeps the session (the subscription and QoS 1/2 messages that arrive while you are away) and says "session present" when you return. QoS 0 messages are not kept for absent clients. With clean session on, the broker forgets everything when you leave.',
    measurements: {
      keptSessionPresent: kept.sessionPresent,
      keptQos1Delivered: keptQos1,
      keptQos0Delivered: keptQos0,
      cleanSessionPresent: clean.sessionPresent,
      cleanMessagesDelivered: clean.texts.length,
    },
  };
}

export const KEEPALIVE_SECONDS = 5;

export async function keepaliveWill(kit: ExperimentKit): Promise<ExperimentOutcome> {
  const topic = `${kit.topicBase}/sensor/status`;
  kit.progress('The Watcher subscribes to the Sensor\'s Last Will topic');
  const watcher = await kit.client('watcher', 'Watcher (experiment)');
  await kit.connect(watcher);
  const inbox = kit.inbox(watcher);
  await kit.service.subscribe(watcher, topic, 1);
  kit.progress(`The Sensor connects with keep-alive ${KEEPALIVE_SECONDS} s and a Last Will`);
  const sensor = await kit.client('sensor', 'Sensor (experiment)', {
    keepaliveSeconds: KEEPALIVE_SECONDS,
    will: { topic, payload: 'sensor offline (last will)', qos: 1, retain: false },
  });
  await kit.connect(sensor);
  kit.progress('The Sensor falls into a black hole; waiting for the broker to notice');
  const blackHoledAt = Date.now();
  kit.service.injectFault(sensor, { kind: 'blackHole', on: true });
  await kit.waitUntil(() => inbox.messages.length >= 1, 'the Last Will', KEEPALIVE_SECONDS * 3000 + kit.timing.waitMs);
  const afterMs = (inbox.messages[0]?.atMs ?? Date.now()) - blackHoledAt;
  const will = inbox.texts()[0] ?? '';
  const seconds = (afterMs / 1000).toFixed(1);
  // Brokers check keep-alive at their own pace (mosquitto every few seconds), so "about 1.5 x" gets some room.
  const inRange = afterMs >= KEEPALIVE_SECONDS * 1000 && afterMs <= KEEPALIVE_SECONDS * 3000;
  return {
    outcome: will === 'sensor offline (last will)' && inRange ? 'asExpected' : 'different',
    observed:
      `The Watcher got "${will}" ${seconds} s after the Sensor went silent (1.5 × keep-alive = ${KEEPALIVE_SECONDS * 1.5} s).` +
      (afterMs > KEEPALIVE_SECONDS * 1500 + 1000 ? ' This broker checks its clients every few seconds, so it noticed a little later.' : ''),
    explanation:
      'Keep-alive is a promise: "you will hear from me at least every 5 s, if only a PINGREQ". The broker allows 1.5 × that time; when nothing arrives, it decides the Sensor is gone without a goodbye (no DISCONNECT) and publishes the Last Will the Sensor left when it connected. That is how a dashboard learns a device went offline.',
    measurements: { willDelivered: will === 'sensor offline (last will)', willAfterMs: afterMs, keepaliveSeconds: KEEPALIVE_SECONDS },
  };
}
