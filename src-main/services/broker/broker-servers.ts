// Runs aedes behind a TCP server and an MQTT-over-WebSocket server on one host. Used inside the worker process;
// it never talks to the parent process and never exits the process itself.
import http from 'node:http';
import net from 'node:net';
import { Aedes, type AedesOptions, type Client } from 'aedes';
import { createWebSocketStream, WebSocketServer } from 'ws';
import { keepDeliveryCountersInOrder } from './aedes-delivery-order';
import { listenOnFreePort } from '../../lib/listen-on-free-port';
import type { BrokerStoreConfig, LanClientInfo, LanListenerConfig, LanStudentLogin } from './broker-protocol';
import { openBrokerStore } from './broker-store';
import type { ErrorText } from '../../../src-shared/i18n/error-text';
import { LanAccess } from './lan-access';
import { LanListener } from './lan-listener';

export interface BrokerServersOptions {
  host: string;
  tcpPort: number;
  wsPort: number;
  /** Called whenever a client connects or disconnects, with the new count (not throttled here). */
  onClientCountChanged(count: number): void;
  /** Called (at most 4 times a second) when the clients logged in through the LAN listener change. */
  onLanClientsChanged?(clients: LanClientInfo[]): void;
  /** Only for experiments that compare aedes settings (see test/unit/broker/support); the worker never sets it. */
  aedesOptions?: AedesOptions;
  /** Keep sessions, queued messages and retained messages on disk there (see broker-store.ts); none: in memory. */
  store?: BrokerStoreConfig;
}

export interface RunningBrokerServers {
  tcpPort: number;
  wsPort: number;
  /** The store could not be used as it was (set aside, or memory only): what happened, for the student. */
  storeNote?: ErrorText;
  /** Also listen on config.host:config.port for the LAN, with credentials required there; resolves with the port used. */
  openLan(config: LanListenerConfig): Promise<number>;
  /** Stop listening on the LAN and disconnect every LAN client. */
  closeLan(): Promise<void>;
  /** New class list; returns how many clients of removed, blocked or renewed students were disconnected. */
  setLanStudents(students: LanStudentLogin[]): number;
  /** Disconnects the LAN client with this client id; returns how many were disconnected (0 or 1). */
  kickLan(clientId: string): number;
  close(): Promise<void>;
}

/**
 * concurrency 0 removes mqemitter's global in-flight limit. With the default (100), a slow QoS 0 subscriber fills
 * the limit, later publishes wait in mqemitter's queue, and when that subscriber disappears the queue is drained
 * by synchronous recursion (released -> _do -> fastparallel with no listeners -> released ...), which overflows the
 * stack once a few thousand messages wait. Publishers are still held back per connection: aedes reads the next
 * chunk from a socket only after every publish of the previous chunk has been delivered.
 */
// maxClientsIdLength: aedes refuses ids over 23 characters by default (the MQTT 3.1.1 minimum a broker must
// accept); students' ids like "<ID>nightlight_client" are longer, and MQTT 3.1.1 lets brokers allow more.
export const AEDES_OPTIONS: AedesOptions = { concurrency: 0, maxClientsIdLength: 128 };

const UPGRADE_HINT =
  'This is the MQTT over WebSocket port of the MQTT Lab broker. Connect with an MQTT client using ws://, not a web browser.\n';

function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

function createWebSocketServers(broker: Aedes) {
  const httpServer = http.createServer((_request, response) => {
    response.writeHead(426, { 'content-type': 'text/plain; charset=utf-8', upgrade: 'websocket' });
    response.end(UPGRADE_HINT);
  });
  const webSockets = new WebSocketServer({ server: httpServer });
  // Listen errors reach us through listenOnFreePort; without this listener ws would rethrow them as uncaught.
  webSockets.on('error', () => {});
  webSockets.on('connection', (socket, request) => {
    const stream = createWebSocketStream(socket);
    // aedes adds its own error handling once it owns the stream; this covers the instant before.
    stream.on('error', () => {});
    broker.handle(stream, request);
  });
  return { httpServer, webSockets };
}

type Authenticate = NonNullable<AedesOptions['authenticate']>;

/** Loopback clients get in as before; clients through the LAN listener only with the teacher's or a student's login. */
function lanAuthenticate(getLan: () => LanListener, getBroker: () => Aedes, getAccess: () => LanAccess): Authenticate {
  return (client, username, password, done) => {
    // aedes has set client.id by now, but registers the client (ending one with the same id) only after this.
    const holderOfClientId = (getBroker() as unknown as { clients: Record<string, Client | undefined> }).clients[client.id]?.conn;
    getLan()
      .verdict(client.conn, { clientId: client.id, username, password, holderOfClientId })
      .then(
        (verdict) => {
          if (verdict.lan && verdict.returnCode === 0) getAccess().dropForeignWill(client);
          if (!verdict.lan || verdict.returnCode === 0) return done(null, true);
          const error = Object.assign(new Error('This local-network port of MQTT Lab needs the username and password the lab shows.'), {
            returnCode: verdict.returnCode,
          });
          done(error, false);
        },
        () => done(Object.assign(new Error('The login could not be checked.'), { returnCode: 5 as const }), false),
      );
  };
}

export async function startBrokerServers(options: BrokerServersOptions): Promise<RunningBrokerServers> {
  // The hooks run only once clients connect, by which time `lan` and `access` exist.
  const store = await openBrokerStore(options.store);
  const broker = await Aedes.createBroker({
    ...(options.aedesOptions ?? AEDES_OPTIONS),
    id: store.brokerId,
    persistence: store.persistence,
    authenticate: lanAuthenticate(() => lan, () => broker, () => access),
    authorizeSubscribe: (client, subscription, callback) => access.authorizeSubscribe(client, subscription, callback),
    authorizeForward: (client, packet) => access.authorizeForward(client, packet),
  });
  keepDeliveryCountersInOrder(broker);
  const lan = new LanListener((socket) => broker.handle(socket));
  const access = new LanAccess(lan, (clients) => options.onLanClientsChanged?.(clients));
  access.install(broker);
  const reportCount = () => options.onClientCountChanged(broker.connectedClients);
  broker.on('client', reportCount);
  broker.on('clientDisconnect', reportCount);

  // Tracked so close() can end sockets that never sent CONNECT and so are not aedes clients yet.
  const tcpSockets = new Set<net.Socket>();
  const tcpServer = net.createServer((socket) => {
    tcpSockets.add(socket);
    socket.once('close', () => tcpSockets.delete(socket));
    socket.on('error', () => {});
    broker.handle(socket);
  });
  const { httpServer, webSockets } = createWebSocketServers(broker);

  async function close(): Promise<void> {
    access.dispose();
    await lan.close();
    for (const socket of webSockets.clients) socket.terminate();
    webSockets.close();
    const closed = [closeServer(tcpServer), closeServer(httpServer)];
    httpServer.closeAllConnections();
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    await store.close();
    for (const socket of tcpSockets) socket.destroy();
    await Promise.all(closed);
  }

  try {
    const tcpPort = await listenOnFreePort(tcpServer, options.host, options.tcpPort, 'brokerMqtt');
    const wsPort = await listenOnFreePort(httpServer, options.host, options.wsPort, 'brokerWebSocket');
    return {
      tcpPort,
      wsPort,
      storeNote: store.note,
      openLan: (config) => lan.open(config),
      closeLan: () => lan.close(),
      setLanStudents: (students) => lan.setStudents(students),
      kickLan: (clientId) => access.kick(clientId),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
