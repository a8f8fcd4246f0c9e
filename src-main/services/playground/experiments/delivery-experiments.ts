// Experiments 1-3: what QoS 0, 1 and 2 do when the network loses a packet. Each is a short script over the
// playground service; it returns what it saw and a plain explanation, and never decides what a broker should do.
import type { LabSentence } from '../../../../src-shared/i18n/lab-text';
import type { ExperimentKit } from './experiment-kit';
import { clientNamed, said, step, times, told, waitFor } from './result-text';

export interface ExperimentOutcome {
  outcome: 'asExpected' | 'different';
  observed: string;
  explanation: string;
  observedText: LabSentence[];
  explanationText: LabSentence;
  measurements: Record<string, number | boolean | string>;
}

/** "The Publisher sent the PUBLISH twice, the second time with dup=1." */
function publisherSent(count: number, resent: boolean): LabSentence {
  return said(resent ? 'publisherResent' : 'publisherSent', { times: times(count) });
}

export async function qos0Loss(kit: ExperimentKit): Promise<ExperimentOutcome> {
  const topic = `${kit.topicBase}/reading`;
  kit.progress(step('qos0Subscribe'));
  const subscriber = await kit.client('subscriber', clientNamed('subscriber'));
  await kit.connect(subscriber);
  const inbox = kit.inbox(subscriber);
  await kit.service.subscribe(subscriber, topic, 0);
  kit.progress(step('qos0Connect'));
  const publisher = await kit.client('publisher', clientNamed('publisher'));
  await kit.connect(publisher);
  kit.service.injectFault(publisher, { kind: 'drop', direction: 'toBroker', count: 1, onlyType: 'PUBLISH' });
  kit.progress(step('qos0Publish', { first: 'reading 1', second: 'reading 2' }));
  await kit.service.publish(publisher, { topic, payload: 'reading 1', qos: 0, retain: false });
  await kit.service.publish(publisher, { topic, payload: 'reading 2', qos: 0, retain: false });
  await kit.waitUntil(() => inbox.texts().includes('reading 2'), waitFor('subscriberGets', { payload: 'reading 2' }));
  kit.progress(step('qos0Wait', { first: 'reading 1' }));
  await kit.quiet();
  const received = inbox.texts();
  const lost = !received.includes('reading 1');
  const unfinished = kit.service.unfinishedOf(publisher);
  return {
    outcome: lost && unfinished === 0 ? 'asExpected' : 'different',
    ...told([said(lost ? 'qos0Lost' : 'qos0Arrived', { received: JSON.stringify(received), first: 'reading 1' })], said('qos0Why')),
    measurements: { messagesSent: 2, subscriberReceived: received.length, firstMessageLost: lost, publisherUnfinished: unfinished },
  };
}

export async function qos1LostPuback(kit: ExperimentKit): Promise<ExperimentOutcome> {
  const topic = `${kit.topicBase}/lamp`;
  kit.progress(step('qos1Connect'));
  const subscriber = await kit.client('subscriber', clientNamed('subscriber'));
  await kit.connect(subscriber);
  const inbox = kit.inbox(subscriber);
  await kit.service.subscribe(subscriber, topic, 1);
  const publisher = await kit.client('publisher', clientNamed('publisher'), { cleanSession: false });
  await kit.connect(publisher);
  const sent = kit.sentPublishes(publisher);
  kit.progress(step('qos1Drop', { payload: 'lamp on' }));
  kit.service.injectFault(publisher, { kind: 'drop', direction: 'toClient', count: 1, onlyType: 'PUBACK' });
  await kit.service.publish(publisher, { topic, payload: 'lamp on', qos: 1, retain: false });
  await kit.waitUntil(() => inbox.messages.length >= 1, waitFor('subscriberGets', { payload: 'lamp on' }));
  await kit.waitForDrop(publisher, 'toClient', waitFor('pubackDropped'));
  const waitingAfterLoss = kit.service.unfinishedOf(publisher);
  kit.progress(step('qos1Cut'));
  kit.service.injectFault(publisher, { kind: 'cut' });
  await kit.waitUntil(() => kit.service.listClients().find((client) => client.key === publisher)?.state !== 'connected', waitFor('theCut'));
  await kit.connect(publisher);
  await kit.waitAllAcknowledged(publisher, waitFor('pubackResent'));
  kit.progress(step('counting'));
  await kit.quiet();
  const resent = sent.slice(1).some((packet) => packet.cmd === 'publish' && packet.dup);
  const count = inbox.messages.length;
  return {
    outcome: resent && waitingAfterLoss === 1 && count >= 1 && count <= 2 ? 'asExpected' : 'different',
    ...told([publisherSent(sent.length, resent), said('subscriberReceived', { payload: 'lamp on', times: times(count) })], said('qos1Why')),
    measurements: { publishesSent: sent.length, resentWithDup: resent, subscriberCopies: count, unfinishedAfterLoss: waitingAfterLoss },
  };
}

export async function qos2Loss(kit: ExperimentKit): Promise<ExperimentOutcome> {
  const topic = `${kit.topicBase}/payment`;
  kit.progress(step('qos2Connect'));
  const subscriber = await kit.client('subscriber', clientNamed('subscriber'));
  await kit.connect(subscriber);
  const inbox = kit.inbox(subscriber);
  await kit.service.subscribe(subscriber, topic, 2);
  const publisher = await kit.client('publisher', clientNamed('publisher'), { cleanSession: false });
  await kit.connect(publisher);
  const sent = kit.sentPublishes(publisher);
  kit.progress(step('qos2Drop', { payload: 'pay 5 coins' }));
  kit.service.injectFault(publisher, { kind: 'drop', direction: 'toClient', count: 1, onlyType: 'PUBREC' });
  await kit.service.publish(publisher, { topic, payload: 'pay 5 coins', qos: 2, retain: false });
  await kit.waitForDrop(publisher, 'toClient', waitFor('pubrecDropped'));
  kit.progress(step('qos2Cut'));
  kit.service.injectFault(publisher, { kind: 'cut' });
  await kit.waitUntil(() => kit.service.listClients().find((client) => client.key === publisher)?.state !== 'connected', waitFor('theCut'));
  await kit.connect(publisher);
  await kit.waitAllAcknowledged(publisher, waitFor('qos2Finished'));
  kit.progress(step('counting'));
  await kit.waitUntil(() => inbox.messages.length >= 1, waitFor('subscriberGets', { payload: 'pay 5 coins' }));
  await kit.quiet();
  const resent = sent.slice(1).some((packet) => packet.cmd === 'publish' && packet.dup);
  const count = inbox.messages.length;
  return {
    outcome: resent && count === 1 ? 'asExpected' : 'different',
    ...told(
      [publisherSent(sent.length, resent), said('subscriberReceived', { payload: 'pay 5 coins', times: times(count) })],
      said(count === 1 ? 'qos2Why' : 'qos2WhyDuplicate'),
    ),
    measurements: { publishesSent: sent.length, resentWithDup: resent, subscriberCopies: count },
  };
}
