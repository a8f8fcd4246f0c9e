// Keeps a test process on this machine: every outgoing TCP/TLS/WebSocket connection to an address that is not
// loopback (the lab's public test.mosquitto.org profiles, a random host a fuzzer typed) is sent to a closed
// loopback port instead, so it fails at once with ECONNREFUSED, and is counted. No DNS lookup happens for it.
import net from 'node:net';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i;
/** Nothing listens on the discard port here; a connection to it is refused immediately. */
const REFUSED_PORT = 9;

export interface LoopbackGuard {
  /** Hosts that something tried to reach and that were redirected. */
  readonly redirected: string[];
  restore(): void;
}

function redirect(options: { host?: unknown; port?: unknown; path?: unknown }, redirected: string[]): void {
  if (typeof options.path === 'string') return; // a unix socket stays on this machine
  const host = typeof options.host === 'string' && options.host !== '' ? options.host : 'localhost';
  if (LOOPBACK.test(host)) return;
  redirected.push(host);
  options.host = '127.0.0.1';
  options.port = REFUSED_PORT;
}

export function installLoopbackGuard(): LoopbackGuard {
  const original = net.Socket.prototype.connect;
  const redirected: string[] = [];
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const first = args[0];
    // net.createConnection passes [options, callback] as one normalized array; tls and ws pass an options object.
    if (Array.isArray(first) && first[0] && typeof first[0] === 'object') redirect(first[0] as Record<string, unknown>, redirected);
    else if (first && typeof first === 'object') redirect(first as Record<string, unknown>, redirected);
    else if (typeof first === 'number' || typeof first === 'string') {
      const options = { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
      redirect(options, redirected);
      args[0] = options.port;
      if (typeof args[1] === 'string') args[1] = options.host;
    }
    return (original as (...input: unknown[]) => net.Socket).apply(this, args);
  } as typeof original;
  return {
    redirected,
    restore: () => {
      net.Socket.prototype.connect = original;
    },
  };
}
