// Publish, subscribe and unsubscribe on a connected mqtt.js client, with timeouts and student-readable errors.
// It does not track connection state; the caller passes a client that is connected right now.
import type { ISubscriptionMap, MqttClient } from 'mqtt';
import { LabError } from '../../../src-shared/contract/result';
import type { Qos } from '../../../src-shared/contract/schemas';
import { errorText, type ErrorText } from '../../../src-shared/i18n/error-text';
import { describeInvalidFilter, describeInvalidTopic } from '../../../src-shared/mqtt/topic-rules';

/** How long to wait for the broker's acknowledgement (PUBACK, PUBCOMP, SUBACK, UNSUBACK). */
export const ACK_TIMEOUT_MS = 10_000;

/** Waits for a broker answer, giving up after timeoutMs with the error makeTimeoutError builds. */
export function askBroker<T>(request: Promise<T>, timeoutMs: number, makeTimeoutError: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(makeTimeoutError()), timeoutMs);
  });
  return Promise.race([request, timeout]).finally(() => clearTimeout(timer));
}

function lostConnection(action: ErrorText, error: unknown): LabError {
  const detail = error instanceof Error ? error.message : String(error);
  return new LabError('NOT_CONNECTED', errorText('errors.mqtt.lostBeforeAnswer', { action, detail }));
}

export async function publishMessage(client: MqttClient, topic: string, payload: Buffer, qos: Qos, retain: boolean): Promise<void> {
  const problem = describeInvalidTopic(topic);
  if (problem) throw new LabError('INVALID_INPUT', problem, 'topic');
  try {
    await askBroker(
      client.publishAsync(topic, payload, { qos, retain }),
      ACK_TIMEOUT_MS,
      () => new LabError('TIMEOUT', errorText('errors.mqtt.publishTimeout', { qos, topic, seconds: ACK_TIMEOUT_MS / 1000 })),
    );
  } catch (error) {
    if (error instanceof LabError) throw error;
    throw lostConnection(errorText('errors.mqtt.action.publish', { topic }), error);
  }
}

function refusedSubscription(filter: string, reasonCode: number): LabError {
  return new LabError('AUTH_FAILED', errorText('errors.mqtt.subscribeRefused', { filter, reasonCode }), 'filter');
}

export async function subscribeFilter(client: MqttClient, filter: string, qos: Qos): Promise<{ filter: string; grantedQos: number }> {
  const problem = describeInvalidFilter(filter);
  if (problem) throw new LabError('INVALID_INPUT', problem, 'filter');
  let granted;
  try {
    granted = await askBroker(
      // resubscribe: true makes mqtt.js send SUBSCRIBE even when it thinks the filter is already subscribed:
      // a student who subscribes again should see what a broker really does (a SUBACK, retained messages again).
      client.subscribeAsync({ [filter]: { qos }, resubscribe: true } as ISubscriptionMap),
      ACK_TIMEOUT_MS,
      () => new LabError('TIMEOUT', errorText('errors.mqtt.subscribeTimeout', { filter, seconds: ACK_TIMEOUT_MS / 1000 })),
    );
  } catch (error) {
    if (error instanceof LabError) throw error;
    // mqtt.js rejects a SUBACK failure with the SUBACK packet on the error; otherwise the connection went away.
    const refusal = (error as { packet?: { granted?: unknown[] } }).packet?.granted?.find((code) => typeof code === 'number' && code >= 0x80);
    if (typeof refusal === 'number') throw refusedSubscription(filter, refusal);
    throw lostConnection(errorText('errors.mqtt.action.subscribe', { filter }), error);
  }
  const grantedQos = granted[0]?.qos ?? 0x80;
  if (grantedQos >= 0x80) throw refusedSubscription(filter, grantedQos);
  return { filter, grantedQos };
}

export async function unsubscribeFilter(client: MqttClient, filter: string): Promise<void> {
  const problem = describeInvalidFilter(filter);
  if (problem) throw new LabError('INVALID_INPUT', problem, 'filter');
  try {
    await askBroker(
      client.unsubscribeAsync(filter),
      ACK_TIMEOUT_MS,
      () => new LabError('TIMEOUT', errorText('errors.mqtt.unsubscribeTimeout', { filter, seconds: ACK_TIMEOUT_MS / 1000 })),
    );
  } catch (error) {
    if (error instanceof LabError) throw error;
    throw lostConnection(errorText('errors.mqtt.action.unsubscribe', { filter }), error);
  }
}
