// The fault proxy as a student uses it: packets pass intact, and cut, black hole, drop-next-N and delay do
// exactly what the buttons say, per whole MQTT packet, in the right direction.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FaultProxy, type ProxyConnectionReport, type ProxyPacketReport } from '../../../src-main/services/playground/fault-proxy';
import { PacketSplitter } from '../../../src-main/services/playground/mqtt-framing';

const PINGREQ = Buffer.from([0xc0, 0x00]);
const PINGRESP = Buffer.from([0xd0, 0x00]);
const puback = (id: number) => Buffer.from([0x40, 0x02, id >> 8, id & 0xff]);

function publish(topic: string, payload: string, id: number): Buffer {
  const topicBytes = Buffer.from(topic);
  const body = Buffer.concat([Buffer.from([topicBytes.length >> 8, topicBytes.length & 0xff]), topicBytes, Buffer.from([id >> 8, id & 0xff]), Buffer.from(payload)]);
  return Buffer.concat([Buffer.from([0x32, body.length]), body]);
}

interface Peer {
  socket: net.Socket;
  packets: Buffer[];
  closed: boolean;
}

function track(socket: net.Socket): Peer {
  const peer: Peer = { socket, packets: [], closed: false };
  const splitter = new PacketSplitter();
  socket.on('data', (chunk: Buffer) => peer.packets.push(...splitter.push(chunk)));
  socket.on('error', () => undefined);
  socket.on('close', () => (peer.closed = true));
  return peer;
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('FaultProxy', () => {
  let server: net.Server | undefined;
  let proxy: FaultProxy | undefined;
  const sockets: net.Socket[] = [];

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    await proxy?.close();
    if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    proxy = undefined;
  });

  /** A fake broker behind the proxy, and a client connected through it. */
  async function setUp() {
    let brokerSide: Peer | undefined;
    server = net.createServer((socket) => {
      sockets.push(socket);
      brokerSide = track(socket);
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', () => resolve()));
    const address = server.address() as net.AddressInfo;
    proxy = new FaultProxy();
    proxy.setTarget({ host: '127.0.0.1', port: address.port });
    const reports: ProxyPacketReport[] = [];
    const connections: ProxyConnectionReport[] = [];
    proxy.onPacket((report) => reports.push(report));
    proxy.onConnection((report) => connections.push(report));
    const port = await proxy.listen();
    const socket = net.connect({ host: '127.0.0.1', port });
    sockets.push(socket);
    const client = track(socket);
    await waitFor(() => brokerSide !== undefined, 'the broker side to be accepted');
    return { client, broker: () => brokerSide as Peer, reports, connections, proxy };
  }

  it('passes whole packets both ways unchanged, however the bytes are split', async () => {
    const { client, broker, reports } = await setUp();
    const message = publish('lab/temp', '21.5', 7);
    for (const byte of message) client.socket.write(Buffer.from([byte]));
    client.socket.write(Buffer.concat([PINGREQ, PINGREQ]));
    await waitFor(() => broker().packets.length === 3, 'three packets at the broker');
    expect(broker().packets[0]).toEqual(message);
    broker().socket.write(puback(7));
    await waitFor(() => client.packets.length === 1, 'the PUBACK at the client');
    expect(client.packets[0]).toEqual(puback(7));
    expect(reports.map((report) => `${report.direction} ${report.summary.type} ${report.action}`)).toEqual([
      'toBroker PUBLISH passed',
      'toBroker PINGREQ passed',
      'toBroker PINGREQ passed',
      'toClient PUBACK passed',
    ]);
    expect(reports[0]?.summary).toMatchObject({ topic: 'lab/temp', packetId: 7, qos: 1, dup: false });
    expect(reports[3]?.summary.packetId).toBe(7);
  });

  it('drops exactly the next N packets in one direction, and only the chosen type when asked', async () => {
    const { client, broker, proxy, reports } = await setUp();
    proxy.armDrop('toBroker', 2);
    client.socket.write(Buffer.concat([publish('a', '1', 1), publish('a', '2', 2), publish('a', '3', 3)]));
    await waitFor(() => broker().packets.length === 1, 'one packet at the broker');
    expect(broker().packets[0]).toEqual(publish('a', '3', 3));
    expect(proxy.faults.dropToBroker.remaining).toBe(0);

    proxy.armDrop('toClient', 1, 'PUBACK');
    broker().socket.write(Buffer.concat([PINGRESP, puback(3), puback(4)]));
    await waitFor(() => client.packets.length === 2, 'two packets at the client');
    expect(client.packets).toEqual([PINGRESP, puback(4)]);
    expect(reports.filter((report) => report.action === 'dropped').map((report) => `${report.direction} ${report.summary.type} ${report.summary.packetId}`)).toEqual([
      'toBroker PUBLISH 1',
      'toBroker PUBLISH 2',
      'toClient PUBACK 3',
    ]);
  });

  it('delays packets by the chosen time and keeps their order', async () => {
    const { client, broker, proxy, reports } = await setUp();
    proxy.setDelay(300);
    const sentAt = Date.now();
    client.socket.write(publish('a', 'first', 1));
    await sleep(50);
    proxy.setDelay(0);
    client.socket.write(publish('a', 'second', 2));
    await sleep(100);
    expect(broker().packets).toHaveLength(0);
    await waitFor(() => broker().packets.length === 2, 'both packets at the broker');
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(280);
    expect(broker().packets).toEqual([publish('a', 'first', 1), publish('a', 'second', 2)]);
    expect(reports.map((report) => [report.action, report.delayMs])).toEqual([
      ['delayed', 300],
      ['passed', 0],
    ]);
  });

  it('black hole: packets vanish both ways and nothing closes, until it is switched off', async () => {
    const { client, broker, proxy, reports, connections } = await setUp();
    proxy.setBlackHole(true);
    client.socket.write(PINGREQ);
    broker().socket.write(PINGRESP);
    await waitFor(() => reports.length === 2, 'two reports');
    expect(reports.every((report) => report.action === 'blackHoled')).toBe(true);
    // The broker gives up on the client: in a black hole even that goodbye never arrives.
    broker().socket.destroy();
    await sleep(150);
    expect(client.closed).toBe(false);
    expect(client.packets).toHaveLength(0);
    proxy.setBlackHole(false);
    await waitFor(() => client.closed, 'the client socket to close once the black hole is off');
    expect(connections.at(-1)).toMatchObject({ kind: 'closed', by: 'broker' });
  });

  it('cut closes both sides at once and counts the packets still waiting in a delay as lost', async () => {
    const { client, broker, proxy, connections } = await setUp();
    proxy.setDelay(5000);
    client.socket.write(Buffer.concat([PINGREQ, PINGREQ]));
    await sleep(50);
    expect(proxy.cut()).toBe(1);
    await waitFor(() => client.closed && broker().closed, 'both sockets to close');
    expect(broker().packets).toHaveLength(0);
    expect(connections.at(-1)).toEqual({ connectionId: 1, kind: 'closed', by: 'cut', lostPackets: 2 });
    expect(proxy.openConnections()).toBe(0);
  });

  it('a normal close from either side reaches the other side', async () => {
    const { client, broker, connections } = await setUp();
    client.socket.end();
    await waitFor(() => broker().closed, 'the broker side to close');
    await waitFor(() => connections.some((report) => report.kind === 'closed'), 'the closed report');
    expect(connections.at(-1)).toMatchObject({ kind: 'closed', by: 'client', lostPackets: 0 });
  });

  it('reports a broker that refuses the connection and closes the client side', async () => {
    const closedServer = net.createServer();
    await new Promise<void>((resolve) => closedServer.listen(0, '127.0.0.1', () => resolve()));
    const deadPort = (closedServer.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closedServer.close(() => resolve()));
    proxy = new FaultProxy();
    proxy.setTarget({ host: '127.0.0.1', port: deadPort });
    const connections: ProxyConnectionReport[] = [];
    proxy.onConnection((report) => connections.push(report));
    const socket = net.connect({ host: '127.0.0.1', port: await proxy.listen() });
    sockets.push(socket);
    const client = track(socket);
    await waitFor(() => client.closed, 'the client socket to close');
    const failed = connections.find((report) => report.kind === 'upstreamFailed');
    expect(failed && 'error' in failed ? (failed.error as NodeJS.ErrnoException).code : undefined).toBe('ECONNREFUSED');
  });

  it('closes a connection whose remaining length is impossible instead of waiting forever', async () => {
    const { client, connections } = await setUp();
    client.socket.write(Buffer.from([0x30, 0xff, 0xff, 0xff, 0xff, 0x01]));
    await waitFor(() => client.closed, 'the client socket to close');
    expect(connections.at(-1)).toMatchObject({ kind: 'closed', by: 'malformed' });
  });
});
