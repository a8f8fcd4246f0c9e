// Experiments 4-6: retained messages, persistent sessions, keep-alive with Last Will. Short scripts over the
// playground service that report what they saw; they never assume a broker's answer.
import type { ExperimentOutcome } from './delivery-experiments';
import type { ExperimentKit } from './experiment-kit';
import { clientNamed, said, step, told, waitFor } from './result-text';

export async function retained(kit: ExperimentKit): Promise<ExperimentOutcome> {
  const topic = `${kit.topicBase}/temperature`;
  kit.progress(step('retainedPublish', { payload: '21.5 °C' }));
  const publisher = await kit.client('publisher', clientNamed('publisher'));
  await kit.connect(publisher);
  await kit.service.publish(publisher, { topic, payload: '21.5 °C', qos: 1, retain: true });
  await kit.waitAllAcknowledged(publisher, waitFor('brokerTakesRetained'));
  kit.progress(step('retainedLate'));
  const late = await kit.client('late-subscriber', clientNamed('lateSubscriber'));
  await kit.connect(late);
  const inbox = kit.inbox(late);
  const subscribedAt = Date.now();
  await kit.service.subscribe(late, topic, 1);
  await kit.waitUntil(() => inbox.messages.length >= 1, waitFor('retainedMessage'));
  const first = inbox.messages[0];
  const afterMs = (first?.atMs ?? Date.now()) - subscribedAt;
  kit.progress(step('retainedClear'));
  await kit.service.publish(publisher, { topic, payload: '', qos: 1, retain: true });
  await kit.waitAllAcknowledged(publisher, waitFor('brokerTakesEmpty'));
  await kit.service.unsubscribe(late, topic);
  kit.progress(step('retainedAgain'));
  const before = inbox.messages.length;
  await kit.service.subscribe(late, topic, 1);
  await kit.quiet();
  const afterClearing = inbox.messages.slice(before);
  const gotRetained = first?.payload.toString('utf8') === '21.5 °C' && first.retain;
  const ok = gotRetained && afterClearing.length === 0;
  return {
    outcome: ok ? 'asExpected' : 'different',
    ...told(
      [
        gotRetained ? said('retainedGot', { payload: '21.5 °C', ms: afterMs }) : said('retainedMissing'),
        afterClearing.length === 0 ? said('clearedNothing') : said('clearedSome', { count: afterClearing.length }),
      ],
      said('retainedWhy'),
    ),
    measurements: { retainedDelivered: gotRetained, deliveredAfterMs: afterMs, messagesAfterClearing: afterClearing.length },
  };
}

async function offlineRound(kit: ExperimentKit, cleanSession: boolean, label: string) {
  const topic = `${kit.topicBase}/${cleanSession ? 'clean' : 'kept'}/alerts`;
  const name = clientNamed(cleanSession ? 'subscriberCleanSession' : 'subscriberSessionKept');
  const subscriber = await kit.client(cleanSession ? 'subscriber-clean' : 'subscriber', name, { cleanSession });
  await kit.connect(subscriber);
  await kit.service.subscribe(subscriber, topic, 1);
  await kit.service.disconnect(subscriber);
  const publisher = await kit.client('publisher', clientNamed('publisher'));
  await kit.connect(publisher);
  await kit.service.publish(publisher, { topic, payload: `${label}: QoS 1 while away`, qos: 1, retain: false });
  await kit.service.publish(publisher, { topic, payload: `${label}: QoS 0 while away`, qos: 0, retain: false });
  await kit.waitAllAcknowledged(publisher, waitFor('brokerTakesQos1'));
  const inbox = kit.inbox(subscriber);
  await kit.connect(subscriber);
  const sessionPresent = kit.service.listClients().find((client) => client.key === subscriber)?.sessionPresent ?? false;
  await kit.quiet();
  await kit.service.disconnect(subscriber);
  return { sessionPresent, texts: inbox.texts() };
}

export async function persistentSession(kit: ExperimentKit): Promise<ExperimentOutcome> {
  kit.progress(step('sessionKept'));
  const kept = await offlineRound(kit, false, 'session kept');
  kit.progress(step('sessionClean'));
  const clean = await offlineRound(kit, true, 'clean session');
  const keptQos1 = kept.texts.some((text) => text.includes('QoS 1'));
  const keptQos0 = kept.texts.some((text) => text.includes('QoS 0'));
  const ok = kept.sessionPresent && keptQos1 && !keptQos0 && !clean.sessionPresent && clean.texts.length === 0;
  return {
    outcome: ok ? 'asExpected' : 'different',
    ...told(
      [
        said('sessionKept', { present: kept.sessionPresent ? 1 : 0, received: JSON.stringify(kept.texts) }),
        said('sessionClean', { present: clean.sessionPresent ? 1 : 0, received: JSON.stringify(clean.texts) }),
      ],
      said(keptQos0 ? 'sessionWhyQos0Kept' : 'sessionWhy'),
    ),
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
  kit.progress(step('willWatcher'));
  const watcher = await kit.client('watcher', clientNamed('watcher'));
  await kit.connect(watcher);
  const inbox = kit.inbox(watcher);
  await kit.service.subscribe(watcher, topic, 1);
  kit.progress(step('willSensor', { seconds: KEEPALIVE_SECONDS }));
  const sensor = await kit.client('sensor', clientNamed('sensor'), {
    keepaliveSeconds: KEEPALIVE_SECONDS,
    will: { topic, payload: 'sensor offline (last will)', qos: 1, retain: false },
  });
  await kit.connect(sensor);
  kit.progress(step('willBlackHole'));
  const blackHoledAt = Date.now();
  kit.service.injectFault(sensor, { kind: 'blackHole', on: true });
  await kit.waitUntil(() => inbox.messages.length >= 1, waitFor('lastWill'), KEEPALIVE_SECONDS * 3000 + kit.timing.waitMs);
  const afterMs = (inbox.messages[0]?.atMs ?? Date.now()) - blackHoledAt;
  const will = inbox.texts()[0] ?? '';
  const seconds = (afterMs / 1000).toFixed(1);
  // Brokers check keep-alive at their own pace (mosquitto every few seconds), so "about 1.5 x" gets some room.
  const inRange = afterMs >= KEEPALIVE_SECONDS * 1000 && afterMs <= KEEPALIVE_SECONDS * 3000;
  return {
    outcome: will === 'sensor offline (last will)' && inRange ? 'asExpected' : 'different',
    ...told(
      [
        said('willGot', { will, seconds, limit: KEEPALIVE_SECONDS * 1.5 }),
        ...(afterMs > KEEPALIVE_SECONDS * 1500 + 1000 ? [said('willLate')] : []),
      ],
      said('willWhy'),
    ),
    measurements: { willDelivered: will === 'sensor offline (last will)', willAfterMs: afterMs, keepaliveSeconds: KEEPALIVE_SECONDS },
  };
}
