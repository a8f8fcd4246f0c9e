// Turns mqtt.js and Node network errors into a code and a sentence a 14-year-old can act on.
// Pure: no I/O. It does not decide whether to retry; connackRefusal() tells the caller that.
import type { ErrorCode } from '../../../src-shared/contract/result';
import { englishErrorMessage, errorText, type ErrorKey, type ErrorText } from '../../../src-shared/i18n/error-text';

export interface ErrorTarget {
  host: string;
  port: number;
}

export interface ExplainedError {
  code: ErrorCode;
  /** The English sentence (logs, tests); text is the same sentence as an `errors.*` key the UI translates. */
  message: string;
  text: ErrorText;
}

export function explained(code: ErrorCode, text: ErrorText): ExplainedError {
  return { code, message: englishErrorMessage(text), text };
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

/** CONNACK return codes (MQTT 3.1.1) and reason codes (MQTT 5) that refuse a connection, and the sentence for each. */
const CONNACK_REFUSALS: Record<number, { code: ErrorCode; key: ErrorKey }> = {
  1: { code: 'CONNECTION_REFUSED', key: 'errors.mqtt.wrongVersion' },
  2: { code: 'CONNECTION_REFUSED', key: 'errors.mqtt.badClientId' },
  3: { code: 'UNAVAILABLE', key: 'errors.mqtt.serverUnavailable' },
  4: { code: 'AUTH_FAILED', key: 'errors.mqtt.badLogin' },
  5: { code: 'AUTH_FAILED', key: 'errors.mqtt.notAuthorized' },
  132: { code: 'CONNECTION_REFUSED', key: 'errors.mqtt.unsupportedVersion' },
  133: { code: 'CONNECTION_REFUSED', key: 'errors.mqtt.badClientId' },
  134: { code: 'AUTH_FAILED', key: 'errors.mqtt.badLogin' },
  135: { code: 'AUTH_FAILED', key: 'errors.mqtt.notAuthorized' },
  136: { code: 'UNAVAILABLE', key: 'errors.mqtt.serverNotAvailable' },
  137: { code: 'UNAVAILABLE', key: 'errors.mqtt.serverBusy' },
  138: { code: 'AUTH_FAILED', key: 'errors.mqtt.banned' },
  159: { code: 'UNAVAILABLE', key: 'errors.mqtt.connectionRate' },
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
  const { host, port } = target;
  switch (code) {
    case 'ECONNREFUSED':
      return LOOPBACK_HOSTS.has(host)
        ? explained('CONNECTION_REFUSED', errorText('errors.mqtt.refusedLocal', { at, port }))
        : explained('CONNECTION_REFUSED', errorText('errors.mqtt.refusedRemote', { at }));
    case 'ENOTFOUND':
      return explained('DNS_FAILED', errorText('errors.mqtt.dnsNotFound', { host }));
    case 'EAI_AGAIN':
      return explained('DNS_FAILED', errorText('errors.mqtt.dnsRetry', { host }));
    case 'ETIMEDOUT':
      return explained('TIMEOUT', errorText('errors.mqtt.timeout', { at, port }));
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
      return explained('BROKER_UNREACHABLE', errorText('errors.mqtt.cutOff', { at, port }));
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENETDOWN':
    case 'EADDRNOTAVAIL':
      return explained('BROKER_UNREACHABLE', errorText('errors.mqtt.noRoute', { at }));
    default:
      return undefined;
  }
}

function explainTls(code: string, error: unknown, target: ErrorTarget, at: string): ExplainedError | undefined {
  const fix = errorText('errors.mqtt.tlsTrustFix');
  if (TLS_TRUST_CODES.has(code) || messageOf(error) === 'TLS not authorized') {
    return explained('TLS_REJECTED', errorText('errors.mqtt.tlsUntrusted', { at, fix }));
  }
  if (code === 'CERT_HAS_EXPIRED') return explained('TLS_REJECTED', errorText('errors.mqtt.tlsExpired', { at, fix }));
  if (code === 'CERT_NOT_YET_VALID') return explained('TLS_REJECTED', errorText('errors.mqtt.tlsNotYetValid', { at, fix }));
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return explained('TLS_REJECTED', errorText('errors.mqtt.tlsWrongName', { at, host: target.host }));
  }
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
    return explained('TLS_REJECTED', errorText('errors.mqtt.tlsHandshake', { at, port: target.port }));
  }
  return undefined;
}

function explainByMessage(error: unknown, target: ErrorTarget, at: string): ExplainedError {
  const message = messageOf(error);
  if (message === 'connack timeout') return explained('TIMEOUT', errorText('errors.mqtt.connackTimeout', { at, port: target.port }));
  if (message === 'Keepalive timeout') return explained('TIMEOUT', errorText('errors.mqtt.keepaliveTimeout', { at }));
  const http = /Unexpected server response: (\d+)/.exec(message);
  if (http) return explained('BROKER_UNREACHABLE', errorText('errors.mqtt.httpNotMqtt', { at, status: http[1] ?? '' }));
  if (/Invalid header|Invalid protocol|Unknown command|Malformed/i.test(message)) {
    return explained('BROKER_UNREACHABLE', errorText('errors.mqtt.notMqtt', { at }));
  }
  return explained('BROKER_UNREACHABLE', errorText('errors.mqtt.failed', { at, detail: message }));
}

export function explainMqttError(error: unknown, target: ErrorTarget): ExplainedError {
  const at = `${target.host}:${target.port}`;
  const refusal = connackRefusal(error);
  if (refusal !== undefined) {
    const known = CONNACK_REFUSALS[refusal];
    return known
      ? explained(known.code, errorText(known.key, { at }))
      : explained('CONNECTION_REFUSED', errorText('errors.mqtt.refusedCode', { at, reasonCode: refusal }));
  }
  const code = nodeErrorCode(error);
  if (code) {
    const result = explainNetwork(code, target, at) ?? explainTls(code, error, target, at);
    if (result) return result;
  }
  return explainByMessage(error, target, at);
}
