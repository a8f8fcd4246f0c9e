// Experiments 1-3: what QoS 0, 1 and 2 do when the network loses a packet. Each is a short script over the
// playground service; it returns what it saw and a plain explanation, and never decides what a broker should do.
import type { ExperimentKit } from './experiment-kit';

export interface ExperimentOutcome {
  outcome: 'asExpected' | 'different';
  observed: string;
  explanation: string;
  measurements: Record<string, number | boolean | string>;
}

function copies(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`;
}

export async function qos0Loss(kit: ExperimentKit): Promise<ExperimentOutcome> {
  const topic = `${kit.topicBase}/reading`;
  kit.progress('Connecting the Subscriber and subscribing');
  const subscriber = await kit.client('subscriber', 'Subscriber (experiment)');
  await kit.connect(subscriber);
  const inbox = kit.inbox(subscriber);
  await kit.service.subscribe(subscriber, topic, 0);
  kit.progress('Connecting the Publisher; the network will drop its next PUBLISH');
  const publisher = await kit.client('publisher', 'Publisher (experiment)');
  await kit.connect(publisher);
  kit.service.injectFault(publisher, { kind: 'drop', direction: 'toBroker', count: 1, onlyType: 'PUBLISH' });
  kit.progress('Publishing "reading 1" and "reading 2" at QoS 0');
  await kit.service.publish(publisher, { topic, payload: 'reading 1', qos: 0, retain: false });
  await kit.service.publish(publisher, { topic, payload: 'reading 2', qos: 0, retain: false });
  await kit.waitUntil(() => inbox.texts().includes('reading 2'), 'the Subscriber to get "reading 2"');
  kit.progress('Waiting to see whether "reading 1" ever arrives');
  await kit.quiet();
  const received = inbox.texts();
  const lost = !received.includes('reading 1');
  const unfinished = kit.service.unfinishedOf(publisher);
  return {
    outcome: lost && unfinished === 0 ? 'asExpected' : 'different',
    observed: lost
      ? `The Subscriber got only ${JSON.stringify(received)}. "reading 1" never arrived, and the Publisher has nothing left to send again.`
      : `The Subscriber got ${JSON.stringify(received)}: "reading 1" arrived after all.`,
    explanation:
      'QoS 0 means "at most once": the Publisher sends the PUBLISH and forgets it. No acknowledgement comes back, so nobody knows it was lost and nobody sends it again.',
    measurements: { messagesSent: 2, subscriberReceived: received.length, firstMessageLost: lost, publisherUnfinished: unfinished },
  };
}

export async function qos1LostPuback(kit: ExperimentKit): Promise<ExperimentOutcome> {
  const topic = `${kit.topicBase}/lamp`;
  kit.progress('Connecting the Subscriber (QoS 1) and the Publisher (clean session off)');
  const subscriber = await kit.client('subscriber', 'Subscriber (experiment)');
  await kit.connect(subscriber);
  const inbox = kit.inbox(subscriber);
  await kit.service.subscribe(subscriber, topic, 1);
  const publisher = await kit.client('publisher', 'Publisher (experiment)', { cleanSession: false });
  await kit.connect(publisher);
  const sent = kit.sentPublishes(publisher);
  kit.progress('Dropping the next PUBACK to the Publisher, then publishing "lamp on" at QoS 1');
  kit.service.injectFault(publisher, { kind: 'drop', direction: 'toClient', count: 1, onlyType: 'PUBACK' });
  await kit.service.publish(publisher, { topic, payload: 'lamp on', qos: 1, retain: false });
  await kit.waitUntil(() => inbox.messages.length >= 1, 'the Subscriber to get "lamp on"');
  await kit.waitForDrop(publisher, 'toClient', 'the broker\'s PUBACK (to be dropped)');
  const waitingAfterLoss = kit.service.unfinishedOf(publisher);
  kit.progress('The Publisher is still waiting for its PUBACK: cutting the connection and reconnecting');
  kit.service.injectFault(publisher, { kind: 'cut' });
  await kit.waitUntil(() => kit.service.listClients().find((client) => client.key === publisher)?.state !== 'connected', 'the cut');
  await kit.connect(publisher);
  await kit.waitAllAcknowledged(publisher, 'the PUBACK of the message sent again');
  kit.progress('Counting what the Subscriber received');
  await kit.quiet();
  const resent = sent.slice(1).some((packet) => packet.cmd === 'publish' && packet.dup);
  const count = inbox.messages.length;
  return {
    outcome: resent && waitingAfterLoss === 1 && count >= 1 && count <= 2 ? 'asExpected' : 'different',
    observed: `The Publisher sent the PUBLISH ${copies(sent.length)}${resent ? ', the second time with dup=1' : ''}. The Subscriber received "lamp on" ${copies(count)}.`,
    explanation:
      'QoS 1 means "at least once": the Publisher keeps the message until a PUBACK comes back. The PUBACK was lost, so after reconnecting it sent the message again, marked dup=1. The broker had already passed the first copy on and cannot tell the second is the same, so the Subscriber got a duplicate. Apps that use QoS 1 must cope with duplicates.',
    measurements: { publishesSent: sent.length, resentWithDup: resent, subscriberCopies: count, unfinishedAfterLoss: waitingAfterLoss },
  };
}

export async function qos2Loss(kit: ExperimentKit): Promise<ExperimentOutcome> {
  const topic = `${kit.topicBase}/payment`;
  kit.progress('Connecting the Subscriber (QoS 2) and the Publisher (clean session off)');
  const subscriber = await kit.client('subscriber', 'Subscriber (experiment)');
  await kit.connect(subscriber);
  const inbox = kit.inbox(subscriber);
  await kit.service.subscribe(subscriber, topic, 2);
  const publisher = await kit.client('publisher', 'Publisher (experiment)', { cleanSession: false });
  await kit.connect(publisher);
  const sent = kit.sentPublishes(publisher);
  kit.progress('Dropping the next PUBREC to the Publisher, then publishing "pay 5 coins" at QoS 2');
  kit.service.injectFault(publisher, { kind: 'drop', direction: 'toClient', count: 1, onlyType: 'PUBREC' });
  await kit.service.publish(publisher, { topic, payload: 'pay 5 coins', qos: 2, retain: false });
  await kit.waitForDrop(publisher, 'toClient', 'the broker\'s PUBREC (to be dropped)');
  kit.progress('The Publisher is still waiting for PUBREC: cutting the connection and reconnecting');
  kit.service.injectFault(publisher, { kind: 'cut' });
  await kit.waitUntil(() => kit.service.listClients().find((client) => client.key === publisher)?.state !== 'connected', 'the cut');
  await kit.connect(publisher);
  await kit.waitAllAcknowledged(publisher, 'the QoS 2 handshake to finish');
  kit.progress('Counting what the Subscriber received');
  await kit.waitUntil(() => inbox.messages.length >= 1, 'the Subscriber to get "pay 5 coins"');
  await kit.quiet();
  const resent = sent.slice(1).some((packet) => packet.cmd === 'publish' && packet.dup);
  const count = inbox.messages.length;
  return {
    outcome: resent && count === 1 ? 'asExpected' : 'different',
    observed: `The Publisher sent the PUBLISH ${copies(sent.length)}${resent ? ', the second time with dup=1' : ''}. The Subscriber received "pay 5 coins" ${copies(count)}.`,
    explanation:
      count === 1
        ? 'QoS 2 means "exactly once". The broker remembered packet id of the first PUBLISH until the handshake finished, so when the same id came again with dup=1 it answered PUBREC without passing the message on a second time. Then PUBREL and PUBCOMP finished the handshake.'
        : 'QoS 2 should deliver exactly once, but this broker passed the message on more than once. It may have forgotten the session between the two connections.',
    measurements: { publishesSent: sent.length, resentWithDup: resent, subscriberCopies: count },
  };
}
