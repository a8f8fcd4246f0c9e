// Finds the numeric fields of a JSON payload ("light", "sensor.temp", "values.0") and reads one from a payload,
// so any number in a message can be plotted over time. Pure; bounded depth and count.

/** The name used for a payload that is itself a number, like "21.5". */
export const WHOLE_PAYLOAD_FIELD = '';

const MAX_DEPTH = 6;
const MAX_FIELDS = 50;

/** Parses JSON text, or undefined when it is not JSON. */
export function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function collect(value: unknown, path: string, depth: number, found: string[]): void {
  if (found.length >= MAX_FIELDS) return;
  if (typeof value === 'number' && Number.isFinite(value)) {
    found.push(path);
    return;
  }
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    collect(child, path === '' ? key : `${path}.${key}`, depth + 1, found);
  }
}

/** Dotted paths of every number in the value ('' when the value itself is a number). */
export function numericFields(value: unknown): string[] {
  const found: string[] = [];
  collect(value, WHOLE_PAYLOAD_FIELD, 0, found);
  return found;
}

/** The number at a dotted path, or null when it is missing or not a number. */
export function readNumber(value: unknown, path: string): number | null {
  let current: unknown = value;
  if (path !== WHOLE_PAYLOAD_FIELD) {
    for (const key of path.split('.')) {
      if (current === null || typeof current !== 'object') return null;
      current = (current as Record<string, unknown>)[key];
    }
  }
  return typeof current === 'number' && Number.isFinite(current) ? current : null;
}
