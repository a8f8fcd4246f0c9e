// Sentences for why a playground client's connection ended or never started, built from what the proxy and
// mqtt.js saw. Pure: it decides nothing and touches nothing; network errors go through explainMqttError.
import { errorText } from '../../../src-shared/i18n/error-text';
import { explained, explainMqttError, type ErrorTarget, type ExplainedError } from '../mqtt/explain-mqtt-error';

/** MQTT 5 DISCONNECT reason codes a broker sends, in words. */
const DISCONNECT_REASONS: Record<number, string> = {
  0x81: 'it could not read a packet (malformed packet)',
  0x82: 'a packet broke the MQTT rules (protocol error)',
  0x87: 'this client is not allowed to do that (not authorized)',
  0x8d: 'it heard nothing for 1.5 × keep-alive (keep-alive timeout)',
  0x8e: 'another client connected with the same client id (session taken over)',
  0x90: 'the topic name is not valid',
  0x93: 'too many QoS 1/2 messages were waiting (receive maximum exceeded)',
  0x95: 'a packet was larger than it accepts (packet too large)',
  0x97: 'a quota was exceeded',
  0x99: 'the payload format was invalid',
  0x9a: 'it does not support retained messages',
  0x9b: 'it does not support that QoS (it accepts less)',
};

export interface CloseFacts {
  clientName: string;
  clientId: string;
  brokerAt: string;
  /** How the proxy saw the TCP connection end, if it did. */
  proxyClosedBy?: 'client' | 'broker' | 'cut' | 'malformed';
  /** Reason code of a DISCONNECT the broker sent (MQTT 5). */
  brokerDisconnectCode?: number;
  /** The last PUBLISH this client sent, when it was less than a second before the close. */
  recentPublish?: { bytes: number; qos: number };
  keepaliveTimedOut: boolean;
  blackHole: boolean;
  keepaliveSeconds: number;
  unfinished: string[];
  cleanSession: boolean;
}

export function unfinishedSentence(facts: Pick<CloseFacts, 'unfinished' | 'cleanSession' | 'clientName'>): string {
  if (facts.unfinished.length === 0) return '';
  const list = facts.unfinished.join(', ');
  return facts.cleanSession
    ? ` ${facts.unfinished.length} QoS 1/2 exchange(s) were not finished (packet ${list}); with clean session on they are forgotten at the next connect.`
    : ` ${facts.unfinished.length} QoS 1/2 exchange(s) were not finished (packet ${list}); clean session is off, so ${facts.clientName} sends them again (dup=1) when it reconnects.`;
}

function brokerClosedSentence(facts: CloseFacts): string {
  const code = facts.brokerDisconnectCode;
  if (code !== undefined && code !== 0) {
    const reason = DISCONNECT_REASONS[code] ?? `reason code ${code}`;
    return `The broker at ${facts.brokerAt} disconnected ${facts.clientName}: ${reason}.`;
  }
  if (facts.recentPublish) {
    return `The broker at ${facts.brokerAt} closed the connection right after ${facts.clientName} published ${facts.recentPublish.bytes} bytes at QoS ${facts.recentPublish.qos}. It probably refused that message: too large for it, or a QoS it does not allow.`;
  }
  return `The broker at ${facts.brokerAt} closed the connection. (If another client uses the same client id "${facts.clientId}", the broker drops the older one.)`;
}

/** Why an established connection ended; state is 'offline' for all of these. */
export function explainClose(facts: CloseFacts): string {
  let sentence: string;
  if (facts.proxyClosedBy === 'cut') {
    sentence = `The network between ${facts.clientName} and the broker was cut on purpose. Press Connect to come back.`;
  } else if (facts.keepaliveTimedOut) {
    sentence = `${facts.clientName} got no answer to its keep-alive ping (keep-alive ${facts.keepaliveSeconds} s) and gave up on the connection.${facts.blackHole ? ' The black hole is still on.' : ''}`;
  } else if (facts.proxyClosedBy === 'malformed') {
    sentence = `The playground's network closed the connection: a packet had an impossible length.`;
  } else if (facts.proxyClosedBy === 'broker' || facts.brokerDisconnectCode !== undefined) {
    sentence = brokerClosedSentence(facts);
  } else {
    sentence = `The connection of ${facts.clientName} closed.`;
  }
  return sentence + unfinishedSentence(facts);
}

export interface ConnectFailureFacts {
  error?: Error;
  upstreamError?: Error;
  target: ErrorTarget;
  protocolVersion: 4 | 5;
  blackHole: boolean;
  cut: boolean;
}

/** Why a connect attempt failed, with the code the command reports. */
export function explainConnectFailure(facts: ConnectFailureFacts): ExplainedError {
  const at = `${facts.target.host}:${facts.target.port}`;
  if (facts.upstreamError) return explainMqttError(facts.upstreamError, facts.target);
  if (facts.cut) return explained('BROKER_UNREACHABLE', errorText('errors.playground.cutWhileConnecting'));
  if (facts.blackHole) return explained('TIMEOUT', errorText('errors.playground.blackHoleConnect', { at }));
  const result = facts.error ? explainMqttError(facts.error, facts.target) : closedEarly(at);
  const code = (facts.error as { code?: unknown } | undefined)?.code;
  if (facts.protocolVersion === 5 && (code === 1 || code === 132 || /protocol|malformed|header/i.test(facts.error?.message ?? ''))) {
    return explained('CONNECTION_REFUSED', errorText('errors.playground.noMqtt5', { at }));
  }
  return result;
}

function closedEarly(at: string): ExplainedError {
  return explained('BROKER_UNREACHABLE', errorText('errors.playground.closedEarly', { at }));
}
