// Works around an aedes 1.2 bug that silently drops messages: keeps aedes' per-client de-duplication counters in the
// order messages are really delivered, and lets the session store still find queued messages by the counter they
// were queued under. Touches only the broker's emitter and three of its store's methods; nothing else.
import type { Aedes } from 'aedes';

interface CountedPacket {
  brokerId?: string;
  brokerCounter?: number;
}

type StoreMethod = (...args: unknown[]) => unknown;

interface CountedBroker {
  id: string;
  counter: number;
  mq: { emit(packet: CountedPacket, callback?: () => void): void };
  persistence: { outgoingEnqueueCombi: StoreMethod; outgoingUpdate: StoreMethod };
}

/** Counters handed out since a packet was queued for persistent sessions; the store lookups happen right after. */
const REMEMBERED_COUNTERS = 50_000;

/**
 * aedes stamps every message with an increasing counter when it is published, and a client skips any message whose
 * counter is not above the last one it got (de-duplication for overlapping subscriptions). A retained message first
 * waits for the retained store, and a QoS 1/2 message for a persistent session first waits until it is queued on
 * disk, so a later message can overtake it; the overtaken one then looks old and is dropped: `publish a (retain);
 * publish b` in one burst delivered only b to existing subscribers. Stamping the counter when the message is actually
 * handed to subscribers keeps the order right; one message matching two subscriptions still carries one counter, so
 * it is still delivered once.
 *
 * The store keys a persistent session's queued message by the counter it had when it was queued, and aedes looks it
 * up with the counter it is delivered with. Without translating one to the other, every QoS 1/2 message to a connected
 * persistent session failed that lookup and was never sent (the client was disconnected with "no such packet").
 */
export function keepDeliveryCountersInOrder(broker: Aedes): void {
  const counted = broker as unknown as CountedBroker;
  const queued = new WeakSet<CountedPacket>();
  const queuedUnder = new Map<number, number>();

  const enqueue = counted.persistence.outgoingEnqueueCombi.bind(counted.persistence);
  counted.persistence.outgoingEnqueueCombi = (...args) => {
    const [subs, packet] = args as [unknown[] | undefined, CountedPacket];
    if (subs && subs.length > 0) queued.add(packet);
    return enqueue(...args);
  };

  const update = counted.persistence.outgoingUpdate.bind(counted.persistence);
  counted.persistence.outgoingUpdate = (...args) => {
    const packet = args[1] as CountedPacket;
    const original = packet.brokerId === counted.id && packet.brokerCounter !== undefined ? queuedUnder.get(packet.brokerCounter) : undefined;
    // The packet is stored as it is, so it goes back under the key it was queued with.
    if (original !== undefined) packet.brokerCounter = original;
    return update(...args);
  };

  const emit = counted.mq.emit.bind(counted.mq);
  counted.mq.emit = (packet, callback) => {
    const before = packet.brokerCounter;
    counted.counter += 1;
    packet.brokerCounter = counted.counter;
    if (before !== undefined && queued.has(packet)) {
      queuedUnder.set(packet.brokerCounter, before);
      if (queuedUnder.size > REMEMBERED_COUNTERS) queuedUnder.delete(queuedUnder.keys().next().value as number);
    }
    emit(packet, callback);
  };
}
