// The aedes 1.2 crash scenario: a QoS 0 subscriber that reads slowly is destroyed while a raw publisher floods it.
// Raw sockets and hand-built MQTT 3.1.1 packets, so the flood is as fast as loopback allows. Test support only.
import net from 'node:net';

function encodeString(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const length = Buffer.alloc(2);
  length.writeUInt16BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

function encodePacket(firstByte: number, body: Buffer): Buffer {
  const lengthBytes: number[] = [];
  let remaining = body.length;
  do {
    let digit = remaining % 128;
    remaining = Math.floor(remaining / 128);
    if (remaining > 0) digit |= 0x80;
    lengthBytes.push(digit);
  } while (remaining > 0);
  return Buffer.concat([Buffer.from([firstByte, ...lengthBytes]), body]);
}

export function connectPacket(clientId: string): Buffer {
  // protocol "MQTT", level 4, clean session, keepalive 60 s
  return encodePacket(0x10, Buffer.concat([encodeString('MQTT'), Buffer.from([4, 0x02, 0, 60]), encodeString(clientId)]));
}

export function subscribePacket(filter: string): Buffer {
  return encodePacket(0x82, Buffer.concat([Buffer.from([0, 1]), encodeString(filter), Buffer.from([0])]));
}

export function publishQos0Packet(topic: string, payload: string): Buffer {
  return encodePacket(0x30, Buffer.concat([encodeString(topic), Buffer.from(payload)]));
}

/** Connects a raw socket and waits for the broker's first reply (CONNACK). */
async function rawClient(port: number, clientId: string): Promise<net.Socket> {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.write(connectPacket(clientId));
  await new Promise((resolve) => socket.once('data', resolve));
  return socket;
}

export interface FloodOptions {
  port: number;
  /** When the subscriber's socket is destroyed, counted from the start of the flood. */
  killAfterMs: number;
  /** How long the flood goes on after that. */
  floodAfterKillMs: number;
}

/** Returns how many bytes of publishes were written; throws only when the broker refuses the connections. */
export async function floodWhileSubscriberDies(options: FloodOptions): Promise<{ bytesPublished: number }> {
  const subscriber = await rawClient(options.port, 'flood-subscriber');
  subscriber.write(subscribePacket('flood/#'));
  await new Promise((resolve) => subscriber.once('data', resolve));
  // A subscriber that stops reading: the broker's writes to it back up and wait for 'drain'.
  subscriber.pause();

  const publisher = await rawClient(options.port, 'flood-publisher');
  const chunk = Buffer.concat(Array.from({ length: 2000 }, () => publishQos0Packet('flood/a', '')));
  let flooding = true;
  let bytesPublished = 0;
  const pump = () => {
    while (flooding && !publisher.destroyed) {
      bytesPublished += chunk.length;
      if (!publisher.write(chunk)) {
        publisher.once('drain', pump);
        return;
      }
    }
  };
  pump();
  await new Promise((resolve) => setTimeout(resolve, options.killAfterMs));
  subscriber.destroy();
  await new Promise((resolve) => setTimeout(resolve, options.floodAfterKillMs));
  flooding = false;
  publisher.destroy();
  return { bytesPublished };
}
