// Reads the lesson's two payloads as a student's device or server might send them, with the reason when it fails:
// telemetry {"light": 400} and commands {"led_on": true}. Pure; a reason is a key (its words are in lesson-words.ts).
import type { lessonWordsEn } from '../../../src-shared/i18n/en/lesson-words';

export type PayloadReason = keyof typeof lessonWordsEn.payloadReasons;
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: PayloadReason };

function parseObject(text: string | null): Parsed<Record<string, unknown>> {
  if (text === null) return { ok: false, reason: 'notText' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'notJson' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: 'notObject' };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

export function parseTelemetry(text: string | null): Parsed<number> {
  const object = parseObject(text);
  if (!object.ok) return object;
  if (!('light' in object.value)) return { ok: false, reason: 'noLight' };
  const light = object.value.light;
  if (typeof light === 'string') return { ok: false, reason: 'lightIsText' };
  if (typeof light !== 'number' || !Number.isFinite(light)) return { ok: false, reason: 'lightNotNumber' };
  return { ok: true, value: light };
}

export function parseCommand(text: string | null): Parsed<boolean> {
  const object = parseObject(text);
  if (!object.ok) return object;
  if (!('led_on' in object.value)) return { ok: false, reason: 'noLedOn' };
  const ledOn = object.value.led_on;
  if (typeof ledOn === 'string') return { ok: false, reason: 'ledOnIsText' };
  if (typeof ledOn !== 'boolean') return { ok: false, reason: 'ledOnNotBoolean' };
  return { ok: true, value: ledOn };
}

/** Cheap pre-checks for messages on other topics: only a payload that mentions the field is parsed. */
export function mentionsLight(text: string | null): boolean {
  return text !== null && text.includes('light') && parseTelemetry(text).ok;
}

export function mentionsLedOn(text: string | null): boolean {
  return text !== null && text.includes('led_on');
}
