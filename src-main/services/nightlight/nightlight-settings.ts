// The nightlight's saved settings (device settings, server settings, whether the server runs): lesson defaults for
// an <ID>, patch rules (names that follow the ID move with it), tolerant reads and atomic writes. No MQTT here.
import type { DeviceSettings, ServerSettings } from '../../../src-shared/contract/nightlight';
import {
  deviceSettingsSchema,
  NIGHTLIGHT_DEFAULT_THRESHOLD,
  nightlightNames,
  PYTHON_TELEMETRY_INTERVAL_MS,
  serverSettingsSchema,
  WIO_TELEMETRY_INTERVAL_MS,
} from '../../../src-shared/contract/nightlight';
import { readJsonFile, writeFileAtomic } from '../../lib/atomic-file';
import type { Logger } from '../../lib/logger';
import { BUILTIN_PROFILE_ID } from '../profiles/default-profiles';

export interface SavedNightlight {
  device: DeviceSettings;
  server: ServerSettings;
  serverRunning: boolean;
}

export function intervalForStyle(style: DeviceSettings['consoleStyle']): number {
  return style === 'python' ? PYTHON_TELEMETRY_INTERVAL_MS : WIO_TELEMETRY_INTERVAL_MS;
}

export function defaultDeviceSettings(studentId: string): DeviceSettings {
  const names = nightlightNames(studentId);
  return {
    studentId,
    profileId: BUILTIN_PROFILE_ID,
    clientId: names.deviceClientId,
    telemetryTopic: names.telemetryTopic,
    commandTopic: names.commandTopic,
    telemetryIntervalMs: PYTHON_TELEMETRY_INTERVAL_MS,
    consoleStyle: 'python',
    firmwareStage: 'telemetry+commands',
    mode: 'virtual',
    resubscribeOnReconnect: true,
    qos: 0,
    retain: false,
    storeAndForward: false,
    offlineCommandPolicy: 'latest-wins',
  };
}

export function defaultServerSettings(studentId: string): ServerSettings {
  return {
    studentId,
    profileId: BUILTIN_PROFILE_ID,
    clientId: nightlightNames(studentId).serverClientId,
    threshold: NIGHTLIGHT_DEFAULT_THRESHOLD,
    hysteresis: 0,
    multiDevice: false,
    qos: 0,
  };
}

/** Names still following the old ID (the lesson's pattern) move to the new ID, unless the patch sets them itself. */
function followId<T extends Record<string, unknown>>(next: T, current: T, patch: Partial<T>, pairs: [keyof T, string, string][]): void {
  for (const [key, oldValue, newValue] of pairs) {
    if (patch[key] === undefined && current[key] === oldValue) next[key] = newValue as T[keyof T];
  }
}

export function mergeDeviceSettings(current: DeviceSettings, patch: Partial<DeviceSettings>): DeviceSettings {
  const defined = withoutUndefined(patch);
  const next = { ...current, ...defined };
  if (defined.studentId !== undefined && defined.studentId !== current.studentId) {
    const before = nightlightNames(current.studentId);
    const after = nightlightNames(defined.studentId);
    followId(next, current, defined, [
      ['clientId', before.deviceClientId, after.deviceClientId],
      ['telemetryTopic', before.telemetryTopic, after.telemetryTopic],
      ['commandTopic', before.commandTopic, after.commandTopic],
    ]);
  }
  const style = defined.consoleStyle;
  if (style !== undefined && style !== current.consoleStyle && defined.telemetryIntervalMs === undefined) {
    if (current.telemetryIntervalMs === intervalForStyle(current.consoleStyle)) next.telemetryIntervalMs = intervalForStyle(style);
  }
  return deviceSettingsSchema.parse(next);
}

export function mergeServerSettings(current: ServerSettings, patch: Partial<ServerSettings>): ServerSettings {
  const defined = withoutUndefined(patch);
  const next = { ...current, ...defined };
  if (defined.studentId !== undefined && defined.studentId !== current.studentId) {
    followId(next, current, defined, [['clientId', nightlightNames(current.studentId).serverClientId, nightlightNames(defined.studentId).serverClientId]]);
  }
  return serverSettingsSchema.parse(next);
}

/** Keeps every saved field that is still valid, so one bad value does not reset the others. */
function fieldwise<T extends object>(schema: { shape: Record<string, { safeParse(value: unknown): { success: boolean; data?: unknown } }> }, defaults: T, raw: unknown): T {
  if (raw === null || typeof raw !== 'object') return defaults;
  const result: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const key of Object.keys(schema.shape)) {
    const parsed = schema.shape[key]?.safeParse((raw as Record<string, unknown>)[key]);
    if (parsed?.success) result[key] = parsed.data;
  }
  return result as T;
}

export async function loadNightlight(filePath: string, studentId: string, logger: Logger): Promise<SavedNightlight> {
  const raw = (await readJsonFile(filePath).catch((error: unknown) => {
    logger.warn('The nightlight settings could not be read; using the lesson defaults', error);
    return undefined;
  })) as Partial<Record<keyof SavedNightlight, unknown>> | undefined;
  const device = fieldwise(deviceSettingsSchema, defaultDeviceSettings(studentId), raw?.device);
  const server = fieldwise(serverSettingsSchema, defaultServerSettings(studentId), raw?.server);
  return { device, server, serverRunning: raw?.serverRunning === true };
}

export async function saveNightlight(filePath: string, saved: SavedNightlight): Promise<void> {
  await writeFileAtomic(filePath, `${JSON.stringify(saved, null, 2)}\n`);
}

function withoutUndefined<T extends object>(value: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}
