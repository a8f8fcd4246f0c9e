// The client side of an MQTT session for one playground client: QoS 1/2 messages not yet acknowledged.
// It outlives each mqtt.js client (a reconnect resumes it) and never touches the network itself.
import { Readable } from 'node:stream';
import type { IStore, Packet } from 'mqtt';

type StoreStream = ReturnType<IStore['createStream']>;

export class SessionStore implements IStore {
  private readonly packets = new Map<number, Packet>();

  constructor(private readonly onChange: () => void = () => undefined) {}

  get size(): number {
    return this.packets.size;
  }

  /** Packet ids still waiting, with what they wait for, e.g. "3 (PUBLISH QoS 2)". */
  describe(): string[] {
    return [...this.packets.values()].map((packet) => {
      const qos = packet.cmd === 'publish' ? ` QoS ${packet.qos}` : '';
      return `${packet.messageId} (${packet.cmd.toUpperCase()}${qos})`;
    });
  }

  put(packet: Packet, cb?: (error?: Error) => void): this {
    if (packet.messageId !== undefined) this.packets.set(packet.messageId, packet);
    this.onChange();
    cb?.();
    return this;
  }

  /**
   * mqtt.js reads this stream on every CONNACK to send what is still unacknowledged, but leaves DUP at 0.
   * MQTT 3.1.1 section 3.3.1.1 says a PUBLISH sent again MUST have DUP set, so it is marked here.
   */
  createStream(): StoreStream {
    const again = [...this.packets.values()].map((packet) => {
      if (packet.cmd !== 'publish' || packet.qos === 0) return packet;
      const marked = { ...packet, dup: true };
      if (packet.messageId !== undefined) this.packets.set(packet.messageId, marked);
      return marked;
    });
    return Readable.from(again, { objectMode: true }) as unknown as StoreStream;
  }

  del(packet: Pick<Packet, 'messageId'>, cb?: (error?: Error, packet?: Packet) => void): this {
    const found = packet.messageId === undefined ? undefined : this.packets.get(packet.messageId);
    if (found && packet.messageId !== undefined) {
      this.packets.delete(packet.messageId);
      this.onChange();
      cb?.(undefined, found);
    } else {
      cb?.(new Error('missing packet'));
    }
    return this;
  }

  get(packet: Pick<Packet, 'messageId'>, cb: (error?: Error, packet?: Packet) => void): this {
    const found = packet.messageId === undefined ? undefined : this.packets.get(packet.messageId);
    if (found) cb(undefined, found);
    else cb(new Error('missing packet'));
    return this;
  }

  /** mqtt.js closes its stores when it ends; the session must survive that, so nothing is forgotten here. */
  close(cb?: (error?: Error) => void): void {
    cb?.();
  }

  clear(): void {
    if (this.packets.size === 0) return;
    this.packets.clear();
    this.onChange();
  }
}
