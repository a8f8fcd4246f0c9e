// Works around an aedes 1.2 bug that silently drops retained messages: keeps aedes' per-client de-duplication
// counters in the order messages are really delivered. Touches only the broker's emitter; nothing else.
import type { Aedes } from 'aedes';

interface CountedPacket {
  brokerCounter?: number;
}

/**
 * aedes stamps every message with an increasing counter when it is published, and a client skips any message whose
 * counter is not above the last one it got (de-duplication for overlapping subscriptions). A retained message first
 * waits for the retained store, so the client's next message overtakes it; the retained one then looks old and is
 * dropped: `publish a (retain); publish b` in one burst delivered only b to existing subscribers. Stamping the counter
 * when the message is actually handed to subscribers keeps the order right; one message matching two subscriptions
 * still carries one counter, so it is still delivered once.
 */
export function keepDeliveryCountersInOrder(broker: Aedes): void {
  const counted = broker as unknown as { counter: number; mq: { emit(packet: CountedPacket, callback?: () => void): void } };
  const emit = counted.mq.emit.bind(counted.mq);
  counted.mq.emit = (packet, callback) => {
    counted.counter += 1;
    packet.brokerCounter = counted.counter;
    emit(packet, callback);
  };
}
