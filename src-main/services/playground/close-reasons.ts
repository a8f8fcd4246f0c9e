// Sentences (as keys, `playground.closed.*`) for why a playground client's connection ended or never started, built from what the proxy and
// mqtt.js saw. Pure: it decides nothing and touches nothing; network errors go through explainMqttError.
import type { playgroundStatusEn } from '../../../src-shared/i18n/en/playground-status';
import { errorText } from '../../../src-shared/i18n/error-text';
import { labText, type LabSentence } from '../../../src-shared/i18n/lab-text';
import { explained, explainMqttError, type ErrorTarget, type ExplainedError } from '../mqtt/explain-mqtt-error';

/** MQTT 5 DISCONNECT reason codes a broker sends, in words (`playground.disconnectReasons.*`). */
const DISCONNECT_REASONS: Record<number, keyof typeof playgroundStatusEn.disconnectReasons> = {
  0x81: 'malformed',
  0x82: 'protocolError',
  0x87: 'notAuthorized',
  0x8d: 'keepaliveTimeout',
  0x8e: 'takenOver',
  0x90: 'topicInvalid',
  0x93: 'receiveMaximum',
  0x95: 'tooLarge',
  0x97: 'quota',
  0x99: 'payloadFormat',
  0x9a: 'noRetain',
  0x9b: 'qosNotSupported',
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

/** The status with the QoS 1/2 exchanges left unfinished, when there are any; else the status as it is. */
export function withUnfinished(status: LabSentence, facts: Pick<CloseFacts, 'unfinished' | 'cleanSession' | 'clientName'>): LabSentence {
  if (facts.unfinished.length === 0) return status;
  const values = { status, count: facts.unfinished.length, packets: facts.unfinished.join(', ') };
  return facts.cleanSession
    ? labText('playground.clientStatus.unfinishedClean', values)
    : labText('playground.clientStatus.unfinishedKept', { ...values, name: facts.clientName });
}

function brokerClosedSentence(facts: CloseFacts): LabSentence {
  const code = facts.brokerDisconnectCode;
  const at = facts.brokerAt;
  const name = facts.clientName;
  if (code !== undefined && code !== 0) {
    const known = DISCONNECT_REASONS[code];
    const reason = known ? labText(`playground.disconnectReasons.${known}`) : labText('playground.disconnectReasons.code', { code });
    return labText('playground.closed.brokerDisconnected', { at, name, reason });
  }
  if (facts.recentPublish) {
    return labText('playground.closed.brokerRefusedPublish', { at, name, bytes: facts.recentPublish.bytes, qos: facts.recentPublish.qos });
  }
  return labText('playground.closed.brokerClosed', { at, clientId: facts.clientId });
}

/** Why an established connection ended; state is 'offline' for all of these. English via englishOf(). */
export function explainClose(facts: CloseFacts): LabSentence {
  const name = facts.clientName;
  let sentence: LabSentence;
  if (facts.proxyClosedBy === 'cut') {
    sentence = labText('playground.closed.cut', { name });
  } else if (facts.keepaliveTimedOut) {
    sentence = labText(facts.blackHole ? 'playground.closed.keepaliveBlackHole' : 'playground.closed.keepalive', { name, seconds: facts.keepaliveSeconds });
  } else if (facts.proxyClosedBy === 'malformed') {
    sentence = labText('playground.closed.malformed');
  } else if (facts.proxyClosedBy === 'broker' || facts.brokerDisconnectCode !== undefined) {
    sentence = brokerClosedSentence(facts);
  } else {
    sentence = labText('playground.closed.plain', { name });
  }
  return withUnfinished(sentence, facts);
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
