// explainMqttError: every kind of failure a student meets gets its code and an actionable sentence.
import { describe, expect, it } from 'vitest';
import { ErrorWithReasonCode } from 'mqtt';
import { explainMqttError } from '../../../src-main/services/mqtt/explain-mqtt-error';

const remote = { host: 'test.mosquitto.org', port: 1883 };
const nodeError = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('explainMqttError', () => {
  it.each([
    ['ECONNREFUSED', 'CONNECTION_REFUSED', 'No broker is answering at test.mosquitto.org:1883.'],
    ['ENOTFOUND', 'DNS_FAILED', '"test.mosquitto.org" could not be found'],
    ['EAI_AGAIN', 'DNS_FAILED', 'could not be looked up right now'],
    ['ETIMEDOUT', 'TIMEOUT', 'did not answer in time'],
    ['ECONNRESET', 'BROKER_UNREACHABLE', 'cut off'],
    ['ENETUNREACH', 'BROKER_UNREACHABLE', 'Wi-Fi'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'TLS_REJECTED', '"verify certificate"'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'TLS_REJECTED', 'CA file'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'TLS_REJECTED', 'different name'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'TLS_REJECTED', 'not a TLS port'],
  ])('%s -> %s', (code, expected, words) => {
    const explained = explainMqttError(nodeError(code), remote);
    expect(explained.code).toBe(expected);
    expect(explained.message).toContain(words);
  });

  it.each([
    [4, 4, 'username or password'],
    [4, 5, 'not allowed to connect'],
    [5, 134, 'username or password'],
    [5, 135, 'not allowed to connect'],
  ])('CONNACK refusal (MQTT %i, code %i) -> AUTH_FAILED', (_version, reasonCode, words) => {
    const explained = explainMqttError(new ErrorWithReasonCode('Connection refused: Not authorized', reasonCode), remote);
    expect(explained).toMatchObject({ code: 'AUTH_FAILED', message: expect.stringContaining(words) });
  });

  it('explains the connect timeout and a wrong WebSocket path', () => {
    expect(explainMqttError(new Error('connack timeout'), remote).code).toBe('TIMEOUT');
    expect(explainMqttError(new Error('Unexpected server response: 404'), remote)).toMatchObject({
      code: 'BROKER_UNREACHABLE',
      message: expect.stringContaining('Check the WebSocket path'),
    });
  });

  it('never hides an unknown error: the original words stay in the sentence', () => {
    expect(explainMqttError(new Error('something odd'), remote).message).toContain('something odd');
    expect(explainMqttError('a plain string', remote).message).toContain('a plain string');
  });
});
