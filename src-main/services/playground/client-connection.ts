// How a playground client opens and ends one mqtt.js connection: the options it connects with (its own settings,
// the login of the target profile, its surviving session stores) and the two ways to end it. No state of its own.
import type { IClientOptions, MqttClient } from 'mqtt';
import type { PlaygroundClient as ClientView } from '../../../src-shared/contract/playground';
import { LabError } from '../../../src-shared/contract/result';
import { errorText } from '../../../src-shared/i18n/error-text';
import type { ResolvedConnection } from '../mqtt/resolve-connection';
import type { SessionStore } from './session-store';

type Settings = Pick<ClientView, 'clientId' | 'cleanSession' | 'keepaliveSeconds' | 'protocolVersion' | 'will'>;

/** MQTT 5 ends a session when the connection closes unless the client asks for longer; one hour is plenty for a lesson. */
const SESSION_EXPIRY_SECONDS = 3600;
const GRACEFUL_END_TIMEOUT_MS = 2000;
/** DISCONNECT with remaining length 0: valid in MQTT 3.1.1 and MQTT 5 (reason "normal disconnection"). */
const DISCONNECT_PACKET = Buffer.from([0xe0, 0x00]);

/** The proxy cuts MQTT into packets, which it cannot do inside TLS or WebSocket frames. */
export function assertPlainMqtt(resolved: ResolvedConnection): void {
  if (resolved.profile.transport === 'mqtt') return;
  throw new LabError(
    'INVALID_INPUT',
    errorText('errors.playground.plainOnly', { name: resolved.profile.name, transport: resolved.profile.transport }),
    'target',
  );
}

export function buildClientOptions(
  settings: Settings,
  stores: { incoming: SessionStore; outgoing: SessionStore },
  resolved: ResolvedConnection,
  connectTimeoutMs: number,
): IClientOptions {
  const { will, protocolVersion, cleanSession } = settings;
  return {
    clientId: settings.clientId,
    clean: cleanSession,
    keepalive: settings.keepaliveSeconds,
    protocolVersion,
    // The student reconnects on purpose, so every reconnect shows up as a choice, not a surprise.
    reconnectPeriod: 0,
    connectTimeout: connectTimeoutMs,
    resubscribe: false,
    queueQoSZero: false,
    incomingStore: stores.incoming,
    outgoingStore: stores.outgoing,
    ...(protocolVersion === 5 && !cleanSession ? { properties: { sessionExpiryInterval: SESSION_EXPIRY_SECONDS } } : {}),
    ...(will ? { will: { topic: will.topic, payload: Buffer.from(will.payload, 'utf8'), qos: will.qos, retain: will.retain } } : {}),
    ...(resolved.options.username ? { username: resolved.options.username } : {}),
    ...(resolved.options.password !== undefined ? { password: resolved.options.password } : {}),
  };
}

/**
 * Says DISCONNECT now, even in the middle of a QoS exchange: mqtt.js would first wait for the exchange to finish,
 * which under a fault may be never. onManualDisconnect lets the log show the DISCONNECT written by hand.
 */
export async function endGracefully(client: MqttClient, midExchange: boolean, onManualDisconnect: () => void): Promise<void> {
  if (!client.connected) {
    await endAtOnce(client);
    return;
  }
  const ended = new Promise<void>((resolve) => client.once('close', () => resolve()));
  if (midExchange) {
    onManualDisconnect();
    client.stream.end(DISCONNECT_PACKET);
  } else {
    client.end(false);
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([ended, new Promise<void>((resolve) => (timer = setTimeout(resolve, GRACEFUL_END_TIMEOUT_MS)))]);
  clearTimeout(timer);
  await endAtOnce(client);
}

/** Closes the socket without a goodbye (the broker then publishes the Will, if any). */
export function endAtOnce(client: MqttClient): Promise<void> {
  return new Promise<void>((resolve) => client.end(true, {}, () => resolve()));
}
