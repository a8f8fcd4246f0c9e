// Defensive parsing of nightlight telemetry ({"light": N}) and commands ({"led_on": true}): every bad payload gives
// a sentence a student understands instead of an exception. Pure; it never logs or publishes.
import { LIGHT_MAX, LIGHT_MIN } from '../../../src-shared/contract/nightlight';
import type { ReceivedMessage } from '../../../src-shared/contract/schemas';

/** A light reading is a dozen bytes; anything much bigger is not telemetry and is not even parsed. */
export const MAX_NIGHTLIGHT_PAYLOAD_BYTES = 1024;

export type Parsed<T> = { ok: true; value: T; payload: Record<string, unknown>; extraFields: string[] } | { ok: false; problem: string };

function preview(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `the text "${preview(value)}"`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** Checks size, text and JSON shape; the caller then checks its one field. */
function parseObject(message: ReceivedMessage, example: string, what: string): Parsed<never> | { ok: true; payload: Record<string, unknown> } {
  if (message.sizeBytes > MAX_NIGHTLIGHT_PAYLOAD_BYTES || message.truncated) {
    return { ok: false, problem: `Ignored a ${what} of ${message.sizeBytes} bytes on "${message.topic}": far too big (at most ${MAX_NIGHTLIGHT_PAYLOAD_BYTES} bytes). Expected something like ${example}.` };
  }
  const text = message.payloadText;
  if (text === null) return { ok: false, problem: `Ignored a ${what} on "${message.topic}": it is not text but raw bytes. Expected JSON like ${example}.` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const shown = text.trim() === '' ? 'an empty message' : `"${preview(text)}"`;
    return { ok: false, problem: `Ignored ${shown} on "${message.topic}": it is not JSON. Expected something like ${example}.` };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, problem: `Ignored ${describe(parsed)} on "${message.topic}": it is JSON, but not an object with fields. Expected something like ${example}.` };
  }
  return { ok: true, payload: parsed as Record<string, unknown> };
}

export function parseTelemetry(message: ReceivedMessage): Parsed<number> {
  const example = '{"light": 400}';
  const shape = parseObject(message, example, 'telemetry message');
  if (!shape.ok) return shape;
  const { payload } = shape;
  const extraFields = Object.keys(payload).filter((key) => key !== 'light');
  if (!Object.hasOwn(payload, 'light')) {
    return { ok: false, problem: `Ignored telemetry on "${message.topic}": it has no "light" field. Expected something like ${example}.` };
  }
  const light = payload.light;
  if (typeof light !== 'number' || !Number.isFinite(light)) {
    return { ok: false, problem: `Ignored telemetry on "${message.topic}": "light" is ${describe(light)}, but it should be a number from ${LIGHT_MIN} to ${LIGHT_MAX}, like ${example}.` };
  }
  if (light < LIGHT_MIN || light > LIGHT_MAX) {
    return { ok: false, problem: `Ignored telemetry on "${message.topic}": light ${light} is outside what a light sensor gives (${LIGHT_MIN} to ${LIGHT_MAX}).` };
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
    return { ok: false, problem: `Ignored a command on "${message.topic}": it has no "led_on" field. Expected ${example} or {"led_on": false}.` };
  }
  if (typeof payload.led_on !== 'boolean') {
    return { ok: false, problem: `Ignored a command on "${message.topic}": "led_on" is ${describe(payload.led_on)}, but it should be true or false, like ${example}.` };
  }
  return { ok: true, value: payload.led_on, payload, extraFields };
}
