// Random bytes and broken MQTT packets at the built-in broker (real aedes in its supervised worker process), on its
// TCP and WebSocket ports: afterwards the same worker still runs (no restart) and a normal mqtt.js client connects,
// subscribes, publishes and receives. A restart would fail the test and say that it happened.
import net from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import mqtt from 'mqtt';
import mqttPacket from 'mqtt-packet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src-main/lib/logger';
import { BrokerService } from '../../src-main/services/broker/broker-service';
import { createNodeBrokerFork } from '../../src-main/services/broker/node-fork';

const RUNS = 300;
/** Each WebSocket run costs more (an HTTP parser first), so fewer of them. */
const RUNS_WS = 200;
const WORKER_SOURCE = path.resolve(import.meta.dirname, '../../src-main/services/broker/broker-worker.ts');

let broker: BrokerService;
let firstPid: number | undefined;
const logged: string[] = [];

const bytes = (...values: number[]) => Uint8Array.from(values);
const valid = (packet: Parameters<typeof mqttPacket.generate>[0]) => new Uint8Array(mqttPacket.generate(packet));
const connectPacket = valid({ cmd: 'connect', protocolId: 'MQTT', protocolVersion: 4, clean: true, clientId: 'fuzz', keepalive: 10 });

/** Packets that are almost right: the kind of input that reaches deep into a parser before it is refused. */
const halfValid: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.constantFrom(
    bytes(0x10, 0xff, 0xff, 0xff, 0x7f), // CONNECT announcing 268 MB
    bytes(0x10, 0xff, 0xff, 0xff, 0xff, 0x01), // remaining length longer than 4 bytes
    bytes(0x10, 0x00), // CONNECT with no body
    bytes(0x10, 0x0c, 0x00, 0x04, 0x4d, 0x51, 0x54, 0x54, 0x63, 0x02, 0x00, 0x3c, 0x00, 0x00), // protocol level 99
    bytes(0x10, 0x10, 0x00, 0x04, 0x4d, 0x51, 0x54, 0x54, 0x04, 0x02, 0x00, 0x3c, 0xff, 0xff, 0x61), // client id longer than the packet
    bytes(0x30, 0x05, 0x00, 0x01, 0x61, 0x62, 0x63), // PUBLISH before CONNECT
    bytes(0xf0, 0x00), // reserved packet type 15
    bytes(0x00, 0x00), // reserved packet type 0
  ),
  // A real CONNECT, then one byte changed, or cut short, or followed by garbage.
  fc.tuple(fc.nat({ max: connectPacket.length - 1 }), fc.integer({ min: 0, max: 255 })).map(([index, value]) => {
    const copy = connectPacket.slice();
    copy[index] = value;
    return copy;
  }),
  fc.nat({ max: connectPacket.length - 1 }).map((length) => connectPacket.slice(0, length)),
  fc.uint8Array({ maxLength: 256 }).map((tail) => Uint8Array.from([...connectPacket, ...tail])),
  // Connected, then a SUBSCRIBE or PUBLISH with a broken topic or filter (wildcards, NUL, bad UTF-8, empty).
  fc
    .tuple(fc.constantFrom('a/#/b', '#/a', 'a+', '', '\u0000', 'a/+x', '$SYS/#'), fc.boolean())
    .map(([topic, subscribe]) => {
      const next = subscribe
        ? valid({ cmd: 'subscribe', messageId: 1, subscriptions: [{ topic: topic || 'x', qos: 1 }] })
        : valid({ cmd: 'publish', topic: topic || 'x', payload: 'p', qos: 1, messageId: 2, retain: true, dup: false });
      return Uint8Array.from([...connectPacket, ...next]);
    }),
  fc.constant(Uint8Array.from([...connectPacket, 0x30, 0x07, 0x00, 0x03, 0xc3, 0x28, 0x61, 0x62, 0x63])), // topic not valid UTF-8
);

const randomBytes = fc.uint8Array({ minLength: 1, maxLength: 2048 });

/** Writes the bytes on a fresh socket, lets the broker react briefly, then hangs up (whoever hangs up first). */
function throwAt(port: number, data: Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve();
    };
    const timer = setTimeout(done, 15);
    socket.on('error', done);
    socket.on('close', done);
    socket.on('connect', () => socket.write(data));
  });
}

async function stillWorks(port: number): Promise<void> {
  const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { clientId: `after-${Date.now()}`, reconnectPeriod: 0, connectTimeout: 5000 });
  try {
    await client.subscribeAsync('fuzz/after/#', { qos: 1 });
    const received = new Promise<string>((resolve) => client.on('message', (_topic, payload) => resolve(payload.toString())));
    await client.publishAsync('fuzz/after/x', 'still here', { qos: 1 });
    expect(await received).toBe('still here');
  } finally {
    await client.endAsync();
  }
}

function assertSameWorker(): void {
  const status = broker.getStatus();
  const note = `state ${status.state}, restarts ${status.restarts}, pid ${firstPid} -> ${broker.workerPid}: ${status.message ?? ''}`;
  expect(status.restarts, `the broker worker restarted (${note})`).toBe(0);
  expect(broker.workerPid, note).toBe(firstPid);
  expect(status.state, note).toBe('running');
}

beforeAll(async () => {
  broker = new BrokerService({
    fork: createNodeBrokerFork(WORKER_SOURCE, ['--import', 'tsx']),
    host: '127.0.0.1',
    tcpPort: 0,
    wsPort: 0,
    lanHost: '127.0.0.1',
    logger: { ...silentLogger, error: (message: string) => logged.push(message) },
  });
  await broker.start();
  firstPid = broker.workerPid;
});

afterAll(async () => {
  await broker?.dispose();
});

describe('the built-in broker survives garbage on its ports', () => {
  it('random bytes and half-valid MQTT packets on the TCP port', async () => {
    const port = broker.getStatus().tcpPort!;
    await fc.assert(fc.asyncProperty(fc.oneof(randomBytes, halfValid), (data) => throwAt(port, data)), { numRuns: RUNS });
    assertSameWorker();
    await stillWorks(port);
  });

  it('random bytes, broken HTTP upgrades and broken WebSocket frames on the WebSocket port', async () => {
    const port = broker.getStatus().wsPort!;
    const upgrade = (key: string) =>
      Buffer.from(`GET /mqtt HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: mqtt\r\n\r\n`);
    const brokenUpgrade = fc.tuple(fc.constantFrom('dGhlIHNhbXBsZSBub25jZQ==', '', '!!!'), fc.uint8Array({ maxLength: 512 })).map(([key, tail]) =>
      Uint8Array.from([...upgrade(key), ...tail]),
    );
    await fc.assert(fc.asyncProperty(fc.oneof(randomBytes, brokenUpgrade), (data) => throwAt(port, data)), { numRuns: RUNS_WS });
    assertSameWorker();
    await stillWorks(broker.getStatus().tcpPort!);
    const overWs = await mqtt.connectAsync(`ws://127.0.0.1:${port}/mqtt`, { reconnectPeriod: 0, connectTimeout: 5000 });
    await overWs.endAsync();
  });

  it('logged nothing unexpected', () => {
    expect(logged).toEqual([]);
  });
});
