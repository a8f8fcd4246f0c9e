// The messages the broker supervisor and its worker process exchange, with run-time guards for what arrives.
// Pure data: no Node, Electron or aedes imports, so both sides (and the Electron adapter) can share it.

/** Supervisor -> worker. Ports: 0 = any free port; a taken port moves to the next free one. */
export type BrokerRequest =
  | { type: 'start'; host: string; tcpPort: number; wsPort: number }
  | { type: 'stop' }
  /** Also listen on host:port (the LAN), accepting only this username and password there. */
  | ({ type: 'lan-open' } & LanListenerConfig)
  /** Close the LAN listener and drop every client that came through it. */
  | { type: 'lan-close' };

export interface LanListenerConfig {
  host: string;
  port: number;
  username: string;
  password: string;
}

/** Worker -> supervisor. */
export type BrokerReport =
  | { type: 'listening'; tcpPort: number; wsPort: number }
  | { type: 'failed'; message: string }
  | { type: 'clients'; count: number }
  | { type: 'stopped' }
  | { type: 'lan-listening'; port: number }
  | { type: 'lan-failed'; message: string }
  | { type: 'lan-closed' }
  /** Clients that logged in through the LAN listener and are still connected. */
  | { type: 'lan-clients'; count: number };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isPort(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65535;
}

function isCredential(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 256;
}

function parseLanOpen(value: Record<string, unknown>): BrokerRequest | null {
  const { host, port, username, password } = value;
  if (typeof host !== 'string' || !isPort(port) || !isCredential(username) || !isCredential(password)) return null;
  return { type: 'lan-open', host, port, username, password };
}

/** The worker checks what the supervisor sends: a message from anywhere else is ignored. */
export function parseBrokerRequest(value: unknown): BrokerRequest | null {
  if (!isRecord(value)) return null;
  if (value.type === 'stop') return { type: 'stop' };
  if (value.type === 'lan-close') return { type: 'lan-close' };
  if (value.type === 'lan-open') return parseLanOpen(value);
  if (value.type === 'start' && typeof value.host === 'string' && isPort(value.tcpPort) && isPort(value.wsPort)) {
    return { type: 'start', host: value.host, tcpPort: value.tcpPort, wsPort: value.wsPort };
  }
  return null;
}

/** The supervisor checks what the worker reports, so a confused worker cannot corrupt the status. */
export function parseBrokerReport(value: unknown): BrokerReport | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'listening':
      return isPort(value.tcpPort) && isPort(value.wsPort)
        ? { type: 'listening', tcpPort: value.tcpPort, wsPort: value.wsPort }
        : null;
    case 'failed':
      return typeof value.message === 'string' ? { type: 'failed', message: value.message } : null;
    case 'clients':
      return typeof value.count === 'number' && value.count >= 0 ? { type: 'clients', count: value.count } : null;
    case 'stopped':
      return { type: 'stopped' };
    case 'lan-listening':
      return isPort(value.port) ? { type: 'lan-listening', port: value.port } : null;
    case 'lan-failed':
      return typeof value.message === 'string' ? { type: 'lan-failed', message: value.message } : null;
    case 'lan-closed':
      return { type: 'lan-closed' };
    case 'lan-clients':
      return typeof value.count === 'number' && value.count >= 0 ? { type: 'lan-clients', count: value.count } : null;
    default:
      return null;
  }
}
