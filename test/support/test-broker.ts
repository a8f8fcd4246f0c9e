// An in-process aedes broker on 127.0.0.1 (TCP, optionally WebSocket) for tests; close() ends every socket it accepted.
// Ports default to 0 (ephemeral); pass the old port to restart a broker "in the same place".
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import type { AedesOptions } from 'aedes';
import { WebSocketServer, createWebSocketStream } from 'ws';
import { keepDeliveryCountersInOrder } from '../../src-main/services/broker/aedes-delivery-order';
import { AEDES_OPTIONS } from '../../src-main/services/broker/broker-servers';

export interface TestBroker {
  port: number;
  wsPort?: number;
  /** Sockets currently open to the broker (TCP and WebSocket). */
  openConnections(): number;
  close(): Promise<void>;
}

export interface TestBrokerOptions {
  port?: number;
  /** Also listen for MQTT over WebSocket (path /mqtt); wsPort is then set. */
  webSocket?: boolean;
  /** Serve MQTT over TLS (mqtts) on `port` instead of plain TCP. */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Passed to Aedes.createBroker: authenticate, authorizeSubscribe, ... */
  aedes?: AedesOptions;
}

function listen(server: Server | HttpServer, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function closeServer(server: Server | HttpServer): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function startTestBroker(options: TestBrokerOptions = {}): Promise<TestBroker> {
  const { Aedes } = await import('aedes');
  // The same aedes settings and delivery-order fix as the lab's built-in broker, so tests meet the broker students meet.
  const aedes = await Aedes.createBroker({ ...AEDES_OPTIONS, ...options.aedes });
  keepDeliveryCountersInOrder(aedes);
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const tcp = options.tls ? createTlsServer(options.tls, (socket) => aedes.handle(socket)) : createServer((socket) => aedes.handle(socket));
  // 'connection' sees every raw socket, including TLS ones that fail the handshake.
  tcp.on('connection', track);
  const port = await listen(tcp, options.port ?? 0);

  let http: HttpServer | undefined;
  let wss: WebSocketServer | undefined;
  let wsPort: number | undefined;
  if (options.webSocket) {
    http = createHttpServer();
    http.on('connection', track);
    wss = new WebSocketServer({ server: http, path: '/mqtt' });
    wss.on('connection', (socket, request) => aedes.handle(createWebSocketStream(socket), request));
    wsPort = await listen(http, 0);
  }

  return {
    port,
    wsPort,
    openConnections: () => sockets.size,
    async close() {
      for (const socket of sockets) socket.destroy();
      wss?.close();
      await Promise.all([closeServer(tcp), http ? closeServer(http) : Promise.resolve()]);
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
    },
  };
}
