// The broker profiles every install has: the built-in broker and the public test.mosquitto.org ports.
// Pure data plus the client-id generator; it does not read or write files.
import { randomInt } from 'node:crypto';
import type { BrokerProfile } from '../../../src-shared/contract/schemas';

export const BUILTIN_PROFILE_ID = 'builtin';

const CLIENT_ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Six random characters: enough that a classroom of students on one public broker never collide. */
export function randomClientIdSuffix(length = 6): string {
  let suffix = '';
  for (let index = 0; index < length; index += 1) suffix += CLIENT_ID_ALPHABET[randomInt(CLIENT_ID_ALPHABET.length)];
  return suffix;
}

export function defaultClientId(suffix: string = randomClientIdSuffix()): string {
  return `mqttlab-${suffix}`;
}

type ProfileShape = Omit<BrokerProfile, 'clientId' | 'hasPassword'>;

const common = {
  path: '/mqtt',
  username: '',
  keepaliveSeconds: 60,
  cleanSession: true,
  protocolVersion: 4 as const,
  caFile: '',
  verifyCertificate: true,
};

const DEFAULT_SHAPES: readonly ProfileShape[] = [
  // The port is a placeholder: the real one comes from the broker status at connect time.
  { ...common, id: BUILTIN_PROFILE_ID, name: 'Built-in broker (this computer)', kind: 'builtin', host: '127.0.0.1', port: 1883, transport: 'mqtt' },
  { ...common, id: 'mosquitto-1883', name: 'test.mosquitto.org (plain, 1883)', kind: 'public', host: 'test.mosquitto.org', port: 1883, transport: 'mqtt' },
  // Port 8883 uses the mosquitto.org CA, which is not in the system list: the student picks mosquitto.org.crt as CA file.
  { ...common, id: 'mosquitto-tls-8883', name: 'test.mosquitto.org (TLS, 8883)', kind: 'public', host: 'test.mosquitto.org', port: 8883, transport: 'mqtts' },
  { ...common, id: 'mosquitto-ws-8080', name: 'test.mosquitto.org (WebSocket, 8080)', kind: 'public', host: 'test.mosquitto.org', port: 8080, transport: 'ws' },
  { ...common, id: 'mosquitto-wss-8081', name: 'test.mosquitto.org (secure WebSocket, 8081)', kind: 'public', host: 'test.mosquitto.org', port: 8081, transport: 'wss' },
];

export const DEFAULT_PROFILE_IDS: ReadonlySet<string> = new Set(DEFAULT_SHAPES.map((shape) => shape.id));

/** The default profiles, all sharing one client id (they point at different brokers, so that is safe). */
export function defaultProfiles(clientId: string): BrokerProfile[] {
  return DEFAULT_SHAPES.map((shape) => ({ ...shape, clientId, hasPassword: false }));
}
