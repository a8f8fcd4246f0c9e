// Reads the lesson's two payloads as a student's device or server might send them, with the reason when it fails:
// telemetry {"light": 400} and commands {"led_on": true}. Pure.

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

function parseObject(text: string | null): Parsed<Record<string, unknown>> {
  if (text === null) return { ok: false, reason: 'it is not text (binary bytes).' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not JSON.' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: 'it is JSON but not an object in { }.' };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

export function parseTelemetry(text: string | null): Parsed<number> {
  const object = parseObject(text);
  if (!object.ok) return object;
  if (!('light' in object.value)) return { ok: false, reason: 'it has no field called light.' };
  const light = object.value.light;
  if (typeof light === 'string') return { ok: false, reason: 'light is text in quotes, not a number.' };
  if (typeof light !== 'number' || !Number.isFinite(light)) return { ok: false, reason: 'light is not a number.' };
  return { ok: true, value: light };
}

export function parseCommand(text: string | null): Parsed<boolean> {
  const object = parseObject(text);
  if (!object.ok) return object;
  if (!('led_on' in object.value)) return { ok: false, reason: 'it has no field called led_on.' };
  const ledOn = object.value.led_on;
  if (typeof ledOn === 'string') return { ok: false, reason: 'led_on is text in quotes, not true or false.' };
  if (typeof ledOn !== 'boolean') return { ok: false, reason: 'led_on is not true or false.' };
  return { ok: true, value: ledOn };
}

/** Cheap pre-checks for messages on other topics: only a payload that mentions the field is parsed. */
export function mentionsLight(text: string | null): boolean {
  return text !== null && text.includes('light') && parseTelemetry(text).ok;
}

export function mentionsLedOn(text: string | null): boolean {
  return text !== null && text.includes('led_on');
}
