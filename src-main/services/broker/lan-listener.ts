// The built-in broker's second door, for boards on the local network: a TCP listener on its own host and port whose
// clients must log in with the teacher's shared login or a student's own. Runs inside the worker; loopback is untouched.
import { createHash, timingSafeEqual } from 'node:crypto';
import net from 'node:net';
import { listenOnFreePort } from '../../lib/listen-on-free-port';
import type { LanListenerConfig, LanStudentLogin } from './broker-protocol';
import { passwordMatches } from './student-password';

/**
 * CONNACK return codes (MQTT 3.1.1), printed by PubSubClient as rc=2..5: 2 = identifier (client id) rejected,
 * 3 = server unavailable (try again), 4 = bad user name or password, 5 = not authorised.
 */
export const IDENTIFIER_REJECTED = 2;
export const SERVER_UNAVAILABLE = 3;
export const BAD_CREDENTIALS = 4;
export const NOT_AUTHORISED = 5;

/** scrypt takes ~50 ms and 16 MB per check: more at once than this and a login gets rc=3 (boards retry by themselves). */
export const MAX_PASSWORD_CHECKS = 2;

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

/** Who a LAN connection logged in as: the teacher's shared login (full access) or one student (only `<id>/...`). */
export type LanIdentity = { kind: 'shared'; username: string } | { kind: 'student'; username: string; studentId: string; hash: string };

/** A student may publish to, and subscribe with filters inside, `<id>/` only; wildcards in the first level are outside. */
export function studentMayUse(studentId: string, topicOrFilter: string): boolean {
  return topicOrFilter.startsWith(`${studentId}/`);
}

/** The lesson's client ids: the student's ID followed by one of these, with nothing in between. */
const LESSON_CLIENT_SUFFIXES = ['nightlight_client', 'nightlight_server'];
/** What a student ID may contain (studentIdSchema): any other character after the ID ends it. */
const ID_CHARACTER = /[A-Za-z0-9_-]/;

/**
 * A student's client ids: `<ID>nightlight_client`, `<ID>nightlight_server`, or `<ID>` then a character that cannot be in
 * an ID (like `.`) and anything (`alpha.laptop`). So no client id belongs to two students, even when one ID starts
 * another ("lab-a", "lab-ab"): `lab-abnightlight_client` is lab-ab's only. The bare `<ID>` is left out for the same reason
 * (it would be `lab` + `nightlight_client` for a student called "labnightlight_client").
 */
export function studentOwnsClientId(studentId: string, clientId: string): boolean {
  if (!clientId.startsWith(studentId)) return false;
  const rest = clientId.slice(studentId.length);
  return LESSON_CLIENT_SUFFIXES.includes(rest) || (rest.length > 1 && !ID_CHARACTER.test(rest[0]!));
}

/** What a CONNECT brought, and the connection that now holds its client id (if any): a student may only replace their own. */
export interface LanLogin {
  clientId: string;
  username: string | undefined;
  password: Buffer | undefined;
  holderOfClientId?: unknown;
}

type RefusalCode = typeof IDENTIFIER_REJECTED | typeof SERVER_UNAVAILABLE | typeof BAD_CREDENTIALS | typeof NOT_AUTHORISED;
export type LanVerdict = { lan: false } | { lan: true; returnCode: 0 | RefusalCode };

export class LanListener {
  private server: net.Server | null = null;
  private config: LanListenerConfig | null = null;
  private readonly sockets = new Set<net.Socket>();
  private readonly identities = new Map<net.Socket, LanIdentity>();
  /** Password checks (scrypt) running now. */
  private checking = 0;

  constructor(private readonly handle: (socket: net.Socket) => void) {}

  /** Opens (or reopens with new settings) the listener; resolves with the port really used. */
  async open(config: LanListenerConfig): Promise<number> {
    await this.close();
    const server = net.createServer((socket) => this.accept(socket));
    this.server = server;
    this.config = config;
    try {
      return await listenOnFreePort(server, config.host, config.port, 'brokerLan');
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
    this.identities.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** New class list; connections of students removed, blocked or with a new password end. Returns how many ended. */
  setStudents(students: LanStudentLogin[]): number {
    if (!this.config) return 0;
    this.config = { ...this.config, students };
    const valid = new Map(students.filter((student) => !student.blocked).map((student) => [student.id, student.hash]));
    let ended = 0;
    for (const [socket, identity] of this.identities) {
      if (identity.kind === 'student' && valid.get(identity.studentId) !== identity.hash) {
        socket.destroy();
        ended += 1;
      }
    }
    return ended;
  }

  /** For aedes' authenticate hook: is this connection a LAN one, and if so may it in? */
  async verdict(connection: unknown, login: LanLogin): Promise<LanVerdict> {
    const socket = connection as net.Socket;
    if (!this.sockets.has(socket)) return { lan: false };
    const { username, password } = login;
    const config = this.config;
    if (!config || username === undefined) return { lan: true, returnCode: NOT_AUTHORISED };
    if (credentialsMatch(config, username, password)) return this.admit(socket, { kind: 'shared', username });
    const student = config.students.find((candidate) => candidate.id === username);
    if (!student) return { lan: true, returnCode: BAD_CREDENTIALS };
    if (this.checking >= MAX_PASSWORD_CHECKS) return { lan: true, returnCode: SERVER_UNAVAILABLE };
    this.checking += 1;
    const matches = await passwordMatches(student, password).finally(() => (this.checking -= 1));
    if (!matches) return { lan: true, returnCode: BAD_CREDENTIALS };
    // The class list may have changed while scrypt ran: check again against the current one.
    const current = this.config?.students.find((candidate) => candidate.id === username);
    if (!current || current.hash !== student.hash) return { lan: true, returnCode: BAD_CREDENTIALS };
    if (current.blocked) return { lan: true, returnCode: NOT_AUTHORISED };
    if (!this.mayTakeClientId(current.id, login)) return { lan: true, returnCode: IDENTIFIER_REJECTED };
    return this.admit(socket, { kind: 'student', username, studentId: current.id, hash: current.hash });
  }

  /**
   * aedes ends the connection already using a client id, on any listener, and hands its session to the newcomer:
   * a student may do that only with their own client ids, and only to a connection of their own.
   */
  private mayTakeClientId(studentId: string, login: LanLogin): boolean {
    if (!studentOwnsClientId(studentId, login.clientId)) return false;
    if (login.holderOfClientId === undefined) return true;
    const holder = this.identities.get(login.holderOfClientId as net.Socket);
    return holder?.kind === 'student' && holder.studentId === studentId;
  }

  identityOf(connection: unknown): LanIdentity | undefined {
    return this.identities.get(connection as net.Socket);
  }

  get isOpen(): boolean {
    return this.server !== null;
  }

  private admit(socket: net.Socket, identity: LanIdentity): LanVerdict {
    if (!this.sockets.has(socket)) return { lan: true, returnCode: NOT_AUTHORISED };
    this.identities.set(socket, identity);
    return { lan: true, returnCode: 0 };
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('error', () => {});
    socket.once('close', () => {
      this.sockets.delete(socket);
      this.identities.delete(socket);
    });
    this.handle(socket);
  }
}
