// The editable copy of a broker profile behind the connection dialog's form, and its conversion to ProfileInput.
// The password typed here is sent once on save and then forgotten; a saved one is only ever "hasPassword".
import type { BrokerProfile, ProfileInput, Transport } from '../../../src-shared/contract/schemas';

export interface ProfileDraft {
  id: string;
  isNew: boolean;
  name: string;
  host: string;
  /** '' while the field is empty: the form says so instead of sending nonsense. */
  port: number | '';
  transport: Transport;
  path: string;
  clientId: string;
  username: string;
  /** What the student typed; empty means "keep what is saved". */
  password: string;
  clearPassword: boolean;
  hasPassword: boolean;
  /** "Save it anyway": consent to save the typed password where there is no OS keychain. */
  saveAnyway?: boolean;
  /** The password the lab has is kept for this session only (it was not saved to disk). */
  passwordSessionOnly?: boolean;
  keepaliveSeconds: number | '';
  cleanSession: boolean;
  protocolVersion: 4 | 5;
  caFile: string;
  verifyCertificate: boolean;
}

export const TRANSPORTS: readonly Transport[] = ['mqtt', 'mqtts', 'ws', 'wss'];

/** The ports most brokers use, test.mosquitto.org included. */
export const DEFAULT_PORTS: Readonly<Record<Transport, number>> = { mqtt: 1883, mqtts: 8883, ws: 8080, wss: 8081 };

export function usesTls(transport: Transport): boolean {
  return transport === 'mqtts' || transport === 'wss';
}

export function usesWebSocket(transport: Transport): boolean {
  return transport === 'ws' || transport === 'wss';
}

export function randomHex(bytes: number): string {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(values, (value) => value.toString(16).padStart(2, '0')).join('');
}

/** Unique enough that two students in one classroom never push each other off the broker. */
export function makeClientId(): string {
  return `mqtt-lab-${randomHex(4)}`;
}

export function newCustomDraft(name: string): ProfileDraft {
  return {
    id: `custom-${randomHex(4)}`,
    isNew: true,
    name,
    host: '',
    port: DEFAULT_PORTS.mqtt,
    transport: 'mqtt',
    path: '/mqtt',
    clientId: makeClientId(),
    username: '',
    password: '',
    clearPassword: false,
    hasPassword: false,
    keepaliveSeconds: 60,
    cleanSession: true,
    protocolVersion: 4,
    caFile: '',
    verifyCertificate: true,
  };
}

export function draftFromProfile(profile: BrokerProfile): ProfileDraft {
  return {
    id: profile.id,
    isNew: false,
    name: profile.name,
    host: profile.host,
    port: profile.port,
    transport: profile.transport,
    path: profile.path,
    clientId: profile.clientId,
    username: profile.username,
    password: '',
    clearPassword: false,
    hasPassword: profile.hasPassword,
    passwordSessionOnly: profile.passwordSessionOnly === true,
    keepaliveSeconds: profile.keepaliveSeconds,
    cleanSession: profile.cleanSession,
    protocolVersion: profile.protocolVersion,
    caFile: profile.caFile,
    verifyCertificate: profile.verifyCertificate,
  };
}

/** A custom copy of any profile, with its own id and client id; a saved password is not copied. */
export function copyAsCustom(profile: BrokerProfile, name: string): ProfileDraft {
  return {
    ...draftFromProfile(profile),
    id: `custom-${randomHex(4)}`,
    isNew: true,
    name,
    clientId: makeClientId(),
    hasPassword: false,
  };
}

/** When the port is still the old transport's usual one, follow the new transport's usual one. */
export function portAfterTransportChange(port: number | '', from: Transport, to: Transport): number | '' {
  return port === '' || port === DEFAULT_PORTS[from] ? DEFAULT_PORTS[to] : port;
}

/** The fields holding something that is not a whole number, in form order. */
export function nonIntegerFields(draft: ProfileDraft): Array<'port' | 'keepaliveSeconds'> {
  const fields = [
    ['port', draft.port],
    ['keepaliveSeconds', draft.keepaliveSeconds],
  ] as const;
  return fields.filter(([, value]) => !Number.isInteger(value)).map(([field]) => field);
}

/** password: a typed one sets it, "remove" clears it (null), otherwise it is left out so the saved one stays. */
export function toProfileInput(draft: ProfileDraft): ProfileInput {
  const input: ProfileInput = {
    id: draft.id,
    kind: 'custom',
    name: draft.name,
    host: draft.host,
    port: Number(draft.port),
    transport: draft.transport,
    path: draft.path,
    clientId: draft.clientId,
    username: draft.username,
    keepaliveSeconds: Number(draft.keepaliveSeconds),
    cleanSession: draft.cleanSession,
    protocolVersion: draft.protocolVersion,
    caFile: draft.caFile,
    verifyCertificate: draft.verifyCertificate,
  };
  if (draft.password !== '') input.password = draft.password;
  else if (draft.clearPassword) input.password = null;
  return input;
}

/** mqtt://host:port as a student would type it (with the path for WebSockets). */
export function profileAddress(profile: Pick<BrokerProfile, 'transport' | 'host' | 'port' | 'path'>): string {
  const path = usesWebSocket(profile.transport) ? profile.path : '';
  return `${profile.transport}://${profile.host}:${profile.port}${path}`;
}

/** Fields the form shows: an error whose `field` is one of these is shown next to it, any other above the buttons. */
export const FORM_FIELDS = [
  'name',
  'host',
  'port',
  'transport',
  'path',
  'clientId',
  'username',
  'password',
  'keepaliveSeconds',
  'caFile',
] as const;

export function isFormField(field: string | undefined): field is (typeof FORM_FIELDS)[number] {
  return (FORM_FIELDS as readonly string[]).includes(field ?? '');
}
