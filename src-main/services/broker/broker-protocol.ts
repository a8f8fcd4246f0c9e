// The messages the broker supervisor and its worker process exchange, with run-time guards for what arrives.
// Pure data: no Node, Electron or aedes imports, so both sides (and the Electron adapter) can share it.
import type { ErrorText } from '../../../src-shared/i18n/error-text';

/** Supervisor -> worker. Ports: 0 = any free port; a taken port moves to the next free one. */
export type BrokerRequest =
  | { type: 'start'; host: string; tcpPort: number; wsPort: number; store?: BrokerStoreConfig }
  | { type: 'stop' }
  /** Also listen on host:port (the LAN), accepting only this username and password there. */
  | ({ type: 'lan-open' } & LanListenerConfig)
  /** Close the LAN listener and drop every client that came through it. */
  | { type: 'lan-close' }
  /** Replace the class list without reopening; clients of removed or blocked students are disconnected. */
  | { type: 'lan-students'; students: LanStudentLogin[] }
  /** Disconnect the LAN client with this client id (answered with how many were disconnected). */
  | { type: 'lan-kick'; clientId: string };

/** Where the worker keeps sessions, queued messages and retained messages on disk (none: in memory only). */
export interface BrokerStoreConfig {
  /** The store's folder, e.g. <dataDir>/broker/store. */
  dir: string;
  /** Empty it before use: the lab's first broker start in a run. Crash restarts and "Restart broker" keep it. */
  fresh: boolean;
}

/** A student's LAN login: username = id; may publish and subscribe only under `<id>/`. Hash only, never the password. */
export interface LanStudentLogin {
  id: string;
  salt: string;
  hash: string;
  /** Kicked by the teacher: refused (rc=5) until the teacher makes a new password. */
  blocked: boolean;
}

export interface LanListenerConfig {
  host: string;
  port: number;
  /** The teacher's shared login (full access, like loopback). */
  username: string;
  password: string;
  students: LanStudentLogin[];
}

/** One client connected through the LAN listener. */
export interface LanClientInfo {
  clientId: string;
  username: string;
  /** Set when the client logged in with a student's credentials. */
  studentId: string | null;
  /** host:port the connection came from. */
  address: string;
  connectedSinceMs: number;
  /** PUBLISH packets received from it, and how many of those were dropped as outside its `<ID>/`. */
  messagesIn: number;
  refused: number;
}

/** Worker -> supervisor. */
export type BrokerReport =
  /** storeNote: the on-disk store could not be used as it was; what happened, for the student (an `errors.*` key). */
  | { type: 'listening'; tcpPort: number; wsPort: number; storeNote?: ErrorText }
  /** message: the English; text: the same as a key, when it has one (the UI shows it in the student's language). */
  | { type: 'failed'; message: string; text?: ErrorText }
  | { type: 'clients'; count: number }
  | { type: 'stopped' }
  | { type: 'lan-listening'; port: number }
  | { type: 'lan-failed'; message: string; text?: ErrorText }
  | { type: 'lan-closed' }
  /** Answer to lan-students and lan-kick; kicked = clients disconnected. */
  | { type: 'lan-updated'; kicked: number }
  /** Clients that logged in through the LAN listener and are still connected. */
  | { type: 'lan-clients'; clients: LanClientInfo[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isPort(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65535;
}

function isCredential(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 256;
}

function parseStudents(value: unknown): LanStudentLogin[] | null {
  if (!Array.isArray(value)) return null;
  const students: LanStudentLogin[] = [];
  for (const entry of value) {
    if (!isRecord(entry)) return null;
    const { id, salt, hash, blocked } = entry;
    if (!isCredential(id) || !isCredential(salt) || !isCredential(hash) || typeof blocked !== 'boolean') return null;
    students.push({ id, salt, hash, blocked });
  }
  return students;
}

function parseLanOpen(value: Record<string, unknown>): BrokerRequest | null {
  const { host, port, username, password } = value;
  const students = parseStudents(value.students ?? []);
  if (typeof host !== 'string' || !isPort(port) || !isCredential(username) || !isCredential(password) || !students) return null;
  return { type: 'lan-open', host, port, username, password, students };
}

/** undefined: no store asked for; null: a malformed one (the whole request is ignored). */
function parseStore(value: unknown): BrokerStoreConfig | undefined | null {
  if (value === undefined) return undefined;
  if (!isRecord(value) || typeof value.dir !== 'string' || value.dir.length === 0 || typeof value.fresh !== 'boolean') return null;
  return { dir: value.dir, fresh: value.fresh };
}

/** An `errors.*` key whose values are words, numbers or keyed texts themselves (any key, at most a few levels deep). */
function isErrorTextValue(value: unknown): value is ErrorText {
  return isRecord(value) && typeof value.key === 'string' && value.key.startsWith('errors.') && isKeyedText(value, 0);
}

function isKeyedText(value: unknown, depth: number): boolean {
  if (!isRecord(value) || typeof value.key !== 'string' || depth > 4) return false;
  if (value.params === undefined) return true;
  if (!isRecord(value.params)) return false;
  return Object.values(value.params).every((param) => typeof param === 'string' || typeof param === 'number' || isKeyedText(param, depth + 1));
}

/** The report's `text` when it is a well-formed key, for spreading into the parsed report. */
function textOf(value: Record<string, unknown>): { text?: ErrorText } {
  return isErrorTextValue(value.text) ? { text: value.text } : {};
}

function isClientInfo(value: unknown): value is LanClientInfo {
  if (!isRecord(value)) return false;
  const { clientId, username, studentId, address, connectedSinceMs, messagesIn, refused } = value;
  return (
    typeof clientId === 'string' && typeof username === 'string' && (studentId === null || typeof studentId === 'string') &&
    typeof address === 'string' && typeof connectedSinceMs === 'number' && typeof messagesIn === 'number' && typeof refused === 'number'
  );
}

/** The worker checks what the supervisor sends: a message from anywhere else is ignored. */
export function parseBrokerRequest(value: unknown): BrokerRequest | null {
  if (!isRecord(value)) return null;
  if (value.type === 'stop') return { type: 'stop' };
  if (value.type === 'lan-close') return { type: 'lan-close' };
  if (value.type === 'lan-open') return parseLanOpen(value);
  if (value.type === 'lan-students') {
    const students = parseStudents(value.students);
    return students ? { type: 'lan-students', students } : null;
  }
  if (value.type === 'lan-kick') return isCredential(value.clientId) ? { type: 'lan-kick', clientId: value.clientId } : null;
  if (value.type === 'start' && typeof value.host === 'string' && isPort(value.tcpPort) && isPort(value.wsPort)) {
    const store = parseStore(value.store);
    if (store === null) return null;
    return { type: 'start', host: value.host, tcpPort: value.tcpPort, wsPort: value.wsPort, ...(store ? { store } : {}) };
  }
  return null;
}

/** The supervisor checks what the worker reports, so a confused worker cannot corrupt the status. */
export function parseBrokerReport(value: unknown): BrokerReport | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'listening':
      if (!isPort(value.tcpPort) || !isPort(value.wsPort)) return null;
      return isErrorTextValue(value.storeNote)
        ? { type: 'listening', tcpPort: value.tcpPort, wsPort: value.wsPort, storeNote: value.storeNote }
        : { type: 'listening', tcpPort: value.tcpPort, wsPort: value.wsPort };
    case 'failed':
      return typeof value.message === 'string' ? { type: 'failed', message: value.message, ...textOf(value) } : null;
    case 'clients':
      return typeof value.count === 'number' && value.count >= 0 ? { type: 'clients', count: value.count } : null;
    case 'stopped':
      return { type: 'stopped' };
    case 'lan-listening':
      return isPort(value.port) ? { type: 'lan-listening', port: value.port } : null;
    case 'lan-failed':
      return typeof value.message === 'string' ? { type: 'lan-failed', message: value.message, ...textOf(value) } : null;
    case 'lan-closed':
      return { type: 'lan-closed' };
    case 'lan-updated':
      return typeof value.kicked === 'number' ? { type: 'lan-updated', kicked: value.kicked } : null;
    case 'lan-clients':
      return Array.isArray(value.clients) && value.clients.every(isClientInfo)
        ? { type: 'lan-clients', clients: value.clients.map((client: LanClientInfo) => ({ ...client })) }
        : null;
    default:
      return null;
  }
}
