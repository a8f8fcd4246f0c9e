// Defensive parsing of nightlight telemetry ({"light": N}) and commands ({"led_on": true}): every bad payload gives
// a sentence a student understands instead of an exception. Pure; it never logs or publishes.
import { LIGHT_MAX, LIGHT_MIN } from '../../../src-shared/contract/nightlight';
import type { ReceivedMessage } from '../../../src-shared/contract/schemas';
import type { nightlightPayloadsEn } from '../../../src-shared/i18n/en/nightlight-payloads';
import type { LabTextParams, TextValue } from '../../../src-shared/i18n/format-lab-text';
import { labText, type LabSentence } from '../../../src-shared/i18n/lab-text';

/** A light reading is a dozen bytes; anything much bigger is not telemetry and is not even parsed. */
export const MAX_NIGHTLIGHT_PAYLOAD_BYTES = 1024;

export type Parsed<T> = { ok: true; value: T; payload: Record<string, unknown>; extraFields: string[] } | { ok: false; problem: LabSentence };

function preview(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine;
}

function describe(value: unknown): TextValue {
  if (typeof value === 'string') return labText('nightlight.payloadWords.theText', { text: preview(value) });
  if (value === null) return 'null';
  if (Array.isArray(value)) return labText('nightlight.payloadWords.aList');
  if (typeof value === 'object') return labText('nightlight.payloadWords.anObject');
  return String(value);
}

/** An ignored payload, said as a key (`nightlight.payloadProblems.*`); its English via englishOf(). */
function ignored(id: keyof typeof nightlightPayloadsEn.payloadProblems, params: LabTextParams): { ok: false; problem: LabSentence } {
  return { ok: false, problem: labText(`nightlight.payloadProblems.${id}`, params) };
}

/** Checks size, text and JSON shape; the caller then checks its one field. */
function parseObject(message: ReceivedMessage, example: string, kind: 'telemetryMessage' | 'command'): Parsed<never> | { ok: true; payload: Record<string, unknown> } {
  const topic = message.topic;
  const what = labText(`nightlight.payloadWords.${kind}`);
  if (message.sizeBytes > MAX_NIGHTLIGHT_PAYLOAD_BYTES || message.truncated) {
    return ignored('tooBig', { what, bytes: message.sizeBytes, topic, max: MAX_NIGHTLIGHT_PAYLOAD_BYTES, example });
  }
  const text = message.payloadText;
  if (text === null) return ignored('rawBytes', { what, topic, example });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const shown = text.trim() === '' ? labText('nightlight.payloadWords.emptyMessage') : `"${preview(text)}"`;
    return ignored('notJson', { shown, topic, example });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return ignored('notObject', { shown: describe(parsed), topic, example });
  }
  return { ok: true, payload: parsed as Record<string, unknown> };
}

export function parseTelemetry(message: ReceivedMessage): Parsed<number> {
  const example = '{"light": 400}';
  const shape = parseObject(message, example, 'telemetryMessage');
  if (!shape.ok) return shape;
  const { payload } = shape;
  const extraFields = Object.keys(payload).filter((key) => key !== 'light');
  if (!Object.hasOwn(payload, 'light')) {
    return ignored('noLight', { topic: message.topic, example });
  }
  const light = payload.light;
  if (typeof light !== 'number' || !Number.isFinite(light)) {
    return ignored('lightNotNumber', { topic: message.topic, shown: describe(light), min: LIGHT_MIN, max: LIGHT_MAX, example });
  }
  if (light < LIGHT_MIN || light > LIGHT_MAX) {
    return ignored('lightOutside', { topic: message.topic, light, min: LIGHT_MIN, max: LIGHT_MAX });
  }
  return { ok: true, value: light, payload, extraFields };
}

export function parseCommand(message: ReceivedMessage): Parsed<boolean> {
  const example = '{"led_on": true}';
  const shape = parseObject(message, example, 'command');
  if (!shape.ok) return shape;
  const { payload } = shape;
  const extraFields = Object.keys(payload).filter((key) => key !== 'led_on');
  if (!Object.hasOwn(payload, 'led_on')) {
    return ignored('noLedOn', { topic: message.topic, example, other: '{"led_on": false}' });
  }
  if (typeof payload.led_on !== 'boolean') {
    return ignored('ledOnNotBoolean', { topic: message.topic, shown: describe(payload.led_on), example });
  }
  return { ok: true, value: payload.led_on, payload, extraFields };
}
