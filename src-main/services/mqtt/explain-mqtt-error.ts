// Turns mqtt.js and Node network errors into a code and a sentence a 14-year-old can act on.
// Pure: no I/O. It does not decide whether to retry; connackRefusal() tells the caller that.
import type { ErrorCode } from '../../../src-shared/contract/result';

export interface ErrorTarget {
  host: string;
  port: number;
}

export interface ExplainedError {
  code: ErrorCode;
  message: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

const TLS_TRUST_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

/** CONNACK return codes (MQTT 3.1.1) and reason codes (MQTT 5) that refuse a connection. */
const CONNACK_REFUSALS: Record<number, { code: ErrorCode; explain: (target: string) => string }> = {
  1: { code: 'CONNECTION_REFUSED', explain: (at) => `The broker at ${at} does not speak this MQTT version. Switch the profile between MQTT 3.1.1 and MQTT 5.` },
  2: { code: 'CONNECTION_REFUSED', explain: (at) => `The broker at ${at} refused the client id. Try a shorter one with only letters, digits and dashes.` },
  3: { code: 'UNAVAILABLE', explain: (at) => `The broker at ${at} is running but says it cannot take clients right now. Try again in a minute.` },
  4: { code: 'AUTH_FAILED', explain: (at) => `The broker at ${at} refused the username or password. Check both in the profile (capital letters count).` },
  5: { code: 'AUTH_FAILED', explain: (at) => `The broker at ${at} says this client is not allowed to connect. It may need a username and password: add them to the profile.` },
  132: { code: 'CONNECTION_REFUSED', explain: (at) => `The broker at ${at} does not support this MQTT version. Switch the profile to MQTT 3.1.1.` },
  133: { code: 'CONNECTION_REFUSED', explain: (at) => `The broker at ${at} refused the client id. Try a shorter one with only letters, digits and dashes.` },
  134: { code: 'AUTH_FAILED', explain: (at) => `The broker at ${at} refused the username or password. Check both in the profile (capital letters count).` },
  135: { code: 'AUTH_FAILED', explain: (at) => `The broker at ${at} says this client is not allowed to connect. It may need a username and password: add them to the profile.` },
  136: { code: 'UNAVAILABLE', explain: (at) => `The broker at ${at} is running but says it is not available right now. Try again in a minute.` },
  137: { code: 'UNAVAILABLE', explain: (at) => `The broker at ${at} is too busy right now. Try again in a minute.` },
  138: { code: 'AUTH_FAILED', explain: (at) => `The broker at ${at} has banned this client. Ask whoever runs the broker.` },
  159: { code: 'UNAVAILABLE', explain: (at) => `The broker at ${at} says this computer connects too often. Wait a minute before trying again.` },
};

/** The CONNACK code when the broker answered but refused the connection; mqtt.js does not retry those. */
export function connackRefusal(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'number' && error.message.startsWith('Connection refused') ? code : undefined;
}

function nodeErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function explainNetwork(code: string, target: ErrorTarget, at: string): ExplainedError | undefined {
  switch (code) {
    case 'ECONNREFUSED':
      return {
        code: 'CONNECTION_REFUSED',
        message: LOOPBACK_HOSTS.has(target.host)
          ? `No broker is answering at ${at}. Is a broker running on this computer on port ${target.port}? Start it, or try the built-in broker.`
          : `No broker is answering at ${at}. Is the internet reachable? Try the built-in broker.`,
      };
    case 'ENOTFOUND':
      return { code: 'DNS_FAILED', message: `The name "${target.host}" could not be found. Check how the host is spelled, and that this computer is on the internet.` };
    case 'EAI_AGAIN':
      return { code: 'DNS_FAILED', message: `The name "${target.host}" could not be looked up right now. Is this computer on the internet? Try the built-in broker.` };
    case 'ETIMEDOUT':
      return { code: 'TIMEOUT', message: `${at} did not answer in time. The broker may be down or a firewall may block port ${target.port}.` };
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
      return {
        code: 'BROKER_UNREACHABLE',
        message: `The connection to ${at} was cut off by the other side. Check that port ${target.port} is an MQTT port and that the transport (mqtt, mqtts, ws, wss) matches it.`,
      };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENETDOWN':
    case 'EADDRNOTAVAIL':
      return { code: 'BROKER_UNREACHABLE', message: `This computer has no way to reach ${at}. Check the Wi-Fi or network cable, or try the built-in broker.` };
    default:
      return undefined;
  }
}

function explainTls(code: string, error: unknown, target: ErrorTarget, at: string): ExplainedError | undefined {
  const fix = `If you trust this broker, choose its CA file in the profile (for test.mosquitto.org that is mosquitto.org.crt), or turn off "verify certificate" for this profile.`;
  if (TLS_TRUST_CODES.has(code) || messageOf(error) === 'TLS not authorized') {
    return { code: 'TLS_REJECTED', message: `The broker at ${at} showed a certificate this computer does not trust. ${fix}` };
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return { code: 'TLS_REJECTED', message: `The certificate of the broker at ${at} is out of date (${code === 'CERT_HAS_EXPIRED' ? 'expired' : 'not valid yet'}). Check this computer's clock. ${fix}` };
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return { code: 'TLS_REJECTED', message: `The certificate of the broker at ${at} belongs to a different name than "${target.host}". Use the exact host name from the certificate, or turn off "verify certificate" for this profile.` };
  }
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
    return { code: 'TLS_REJECTED', message: `The secure (TLS) handshake with ${at} failed. Maybe port ${target.port} is not a TLS port: plain ports use mqtt or ws, TLS ports use mqtts or wss.` };
  }
  return undefined;
}

function explainByMessage(error: unknown, target: ErrorTarget, at: string): ExplainedError {
  const message = messageOf(error);
  if (message === 'connack timeout') {
    return { code: 'TIMEOUT', message: `${at} did not answer in time. The broker may be down or far away, or a firewall may block port ${target.port}.` };
  }
  if (message === 'Keepalive timeout') {
    return { code: 'TIMEOUT', message: `The broker at ${at} stopped answering the keep-alive pings, so the connection was dropped.` };
  }
  const http = /Unexpected server response: (\d+)/.exec(message);
  if (http) {
    return { code: 'BROKER_UNREACHABLE', message: `A web server answers at ${at} but not with MQTT over WebSocket (HTTP ${http[1]}). Check the WebSocket path in the profile, often "/mqtt".` };
  }
  if (/Invalid header|Invalid protocol|Unknown command|Malformed/i.test(message)) {
    return { code: 'BROKER_UNREACHABLE', message: `Something answers at ${at}, but it does not speak MQTT. Check the port and the transport in the profile.` };
  }
  return { code: 'BROKER_UNREACHABLE', message: `The connection to ${at} failed: ${message}.` };
}

export function explainMqttError(error: unknown, target: ErrorTarget): ExplainedError {
  const at = `${target.host}:${target.port}`;
  const refusal = connackRefusal(error);
  if (refusal !== undefined) {
    const known = CONNACK_REFUSALS[refusal];
    return known
      ? { code: known.code, message: known.explain(at) }
      : { code: 'CONNECTION_REFUSED', message: `The broker at ${at} refused the connection (reason code ${refusal}).` };
  }
  const code = nodeErrorCode(error);
  if (code) {
    const explained = explainNetwork(code, target, at) ?? explainTls(code, error, target, at);
    if (explained) return explained;
  }
  return explainByMessage(error, target, at);
}
