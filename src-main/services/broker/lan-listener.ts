// The built-in broker's second door, for boards on the local network: a TCP listener on its own host and port whose
// clients must log in with the lab's generated username and password. Runs inside the worker; loopback is untouched.
import { createHash, timingSafeEqual } from 'node:crypto';
import net from 'node:net';
import { listenOnFreePort } from '../../lib/listen-on-free-port';
import type { LanListenerConfig } from './broker-protocol';

/** CONNACK return codes (MQTT 3.1.1): 4 = bad user name or password, 5 = not authorised. PubSubClient prints them as rc=4/5. */
export const BAD_CREDENTIALS = 4;
export const NOT_AUTHORISED = 5;

function digest(value: string | Buffer): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Constant-time comparison of what the client sent with what the lab generated. */
export function credentialsMatch(expected: { username: string; password: string }, username: string | undefined, password: Buffer | undefined): boolean {
  if (username === undefined || password === undefined) return false;
  const userOk = timingSafeEqual(digest(username), digest(expected.username));
  const passOk = timingSafeEqual(digest(password), digest(expected.password));
  return userOk && passOk;
}

export type LanVerdict = { lan: false } | { lan: true; returnCode: 0 | typeof BAD_CREDENTIALS | typeof NOT_AUTHORISED };

export class LanListener {
  private server: net.Server | null = null;
  private config: LanListenerConfig | null = null;
  private readonly sockets = new Set<net.Socket>();
  private readonly loggedIn = new Set<net.Socket>();

  constructor(
    private readonly handle: (socket: net.Socket) => void,
    private readonly onClientCount: (count: number) => void,
  ) {}

  /** Opens (or reopens with new settings) the listener; resolves with the port really used. */
  async open(config: LanListenerConfig): Promise<number> {
    await this.close();
    const server = net.createServer((socket) => this.accept(socket));
    this.server = server;
    this.config = config;
    try {
      return await listenOnFreePort(server, config.host, config.port, "built-in broker's local-network (LAN)");
    } catch (error) {
      this.server = null;
      this.config = null;
      throw error;
    }
  }

  /** Closes the listener and ends every connection that came through it, logged in or not. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.config = null;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    this.setLoggedIn(() => this.loggedIn.clear());
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** For aedes' authenticate hook: is this connection a LAN one, and if so may it in? */
  verdict(connection: unknown, username: string | undefined, password: Buffer | undefined): LanVerdict {
    const socket = connection as net.Socket;
    if (!this.sockets.has(socket)) return { lan: false };
    if (!this.config) return { lan: true, returnCode: NOT_AUTHORISED };
    if (username === undefined) return { lan: true, returnCode: NOT_AUTHORISED };
    if (!credentialsMatch(this.config, username, password)) return { lan: true, returnCode: BAD_CREDENTIALS };
    this.setLoggedIn(() => this.loggedIn.add(socket));
    return { lan: true, returnCode: 0 };
  }

  get isOpen(): boolean {
    return this.server !== null;
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('error', () => {});
    socket.once('close', () => {
      this.sockets.delete(socket);
      if (this.loggedIn.has(socket)) this.setLoggedIn(() => this.loggedIn.delete(socket));
    });
    this.handle(socket);
  }

  private setLoggedIn(change: () => void): void {
    const before = this.loggedIn.size;
    change();
    if (this.loggedIn.size !== before) this.onClientCount(this.loggedIn.size);
  }
}
