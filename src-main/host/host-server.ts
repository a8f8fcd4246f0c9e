// The headless host's web server on 127.0.0.1: serves the built UI and the WebSocket bridge to the dispatcher.
// Every request and socket needs the per-run token; WebSocket connections from other web origins are refused.
import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { TOKEN_PARAM, WS_PATH, type InvokeFrame, type ServerFrame } from '../../src-shared/contract/ws-protocol';
import type { EventBus } from '../ipc/event-bus';
import type { Dispatch } from '../ipc/dispatcher';
import type { Logger } from '../lib/logger';
import { listenOnFreePort } from '../lib/listen-on-free-port';
import { serveStatic } from './static-files';

export interface HostServerOptions {
  dispatch: Dispatch;
  bus: EventBus;
  rendererDir: string;
  port: number;
  token: string;
  logger: Logger;
}

const COOKIE = 'mqttlab_token';
/** A browser tab that stops reading gets no more events past this much queued data, instead of growing memory. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

function sameToken(expected: string, given: string | undefined | null): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(header: string | undefined): string | undefined {
  return header
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === COOKIE)?.[1];
}

export async function startHostServer(options: HostServerOptions) {
  const { token, logger } = options;
  let port = 0;
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const queryOk = sameToken(token, url.searchParams.get(TOKEN_PARAM));
    if (!queryOk && !sameToken(token, cookieToken(request.headers.cookie))) {
      response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('MQTT Lab: open the full address printed by "npm run serve" (it ends with ?token=...).');
      return;
    }
    if (queryOk) response.setHeader('set-cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    void serveStatic(options.rendererDir, url.pathname, response);
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const origin = request.headers.origin;
    const originOk = origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
    if (url.pathname !== WS_PATH || !sameToken(token, url.searchParams.get(TOKEN_PARAM)) || !originOk) {
      logger.warn('Refused a bridge connection', { path: url.pathname, origin });
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws));
  });

  const send = (ws: WebSocket, frame: ServerFrame) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  sockets.on('connection', (ws) => {
    ws.on('message', (data) => void answer(ws, data.toString()));
  });
  async function answer(ws: WebSocket, text: string): Promise<void> {
    let frame: Partial<InvokeFrame>;
    try {
      frame = JSON.parse(text) as Partial<InvokeFrame>;
    } catch {
      return;
    }
    if (frame.type !== 'invoke' || typeof frame.id !== 'number') return;
    send(ws, { type: 'result', id: frame.id, result: await options.dispatch(frame.name, frame.input) });
  }
  const busSubscription = options.bus.subscribe((name, payload) => {
    const text = JSON.stringify({ type: 'event', name, payload } satisfies ServerFrame);
    for (const ws of sockets.clients) {
      if (ws.readyState === ws.OPEN && ws.bufferedAmount < MAX_BUFFERED_BYTES) ws.send(text);
    }
  });

  port = await listenOnFreePort(server, '127.0.0.1', options.port, 'labPage');
  return {
    port,
    url: `http://127.0.0.1:${port}/?${TOKEN_PARAM}=${token}`,
    async close(): Promise<void> {
      busSubscription.dispose();
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type HostServer = Awaited<ReturnType<typeof startHostServer>>;
