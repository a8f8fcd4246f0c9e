// fast-check arbitraries derived from a command's zod input schema: plausible inputs (often valid, so the handler
// really runs) and the same inputs with one field replaced by something hostile (wrong type, huge or odd text,
// negative or non-finite numbers). Walks zod 4's public def objects; unknown kinds fall back to fc.anything().
import fc from 'fast-check';
import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  valueType?: z.ZodType;
  items?: z.ZodType[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Strings that mean something somewhere in the lab (client names, profiles, topics, ports), plus random text. */
const plausibleString = fc.oneof(
  fc.constantFrom('lab', 'builtin', 'explorer', 'a/b', 'lab/+/temp', '#', 'Student', '/dev/ttyFAKE0', 'device', 'server', 'p-1', 'mosquitto-1883'),
  fc.string({ maxLength: 24 }),
);

/** One value that is wrong for almost any field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, 0, -1, -(2 ** 31), Number.MAX_SAFE_INTEGER, 1e308, Number.NaN, Number.POSITIVE_INFINITY, -0.5),
  fc.constantFrom('', ' ', '\u0000', '\uD800', '\u202E\u200B', 'ఇల్లు/😀', '../../../etc/passwd', '__proto__', 'constructor', '%s%n', '<script>'),
  fc.constant('x'.repeat(100_000)),
  fc.constant('/'.repeat(70_000)),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.constant([]),
  fc.constant({}),
  fc.constant({ __proto__: { polluted: true } }),
  fc.array(fc.integer(), { maxLength: 3 }),
);

export function plausible(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > 4) return fc.constant(undefined);
  switch (def.type) {
    case 'object':
      return fc.record(
        Object.fromEntries(Object.entries(def.shape ?? {}).map(([key, field]) => [key, plausible(field, depth + 1)])),
        { requiredKeys: [] },
      );
    case 'string':
      return plausibleString;
    case 'number':
      return fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.constantFrom(1, 9600, 115200, 60));
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? { none: 'none' }));
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]));
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => plausible(option, depth + 1)));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return plausible(def.innerType!, depth);
    case 'pipe':
      return plausible(def.in!, depth);
    case 'array':
      return fc.array(plausible(def.element!, depth + 1), { maxLength: 3 });
    case 'record':
      return fc.dictionary(plausibleString, plausible(def.valueType!, depth + 1), { maxKeys: 3 });
    case 'tuple':
      return fc.tuple(...(def.items ?? []).map((item) => plausible(item, depth + 1)));
    default:
      return fc.anything();
  }
}

/** A plausible object input with one of its fields (or one extra field) made hostile. */
export function mutatedOneField(schema: z.ZodType): fc.Arbitrary<unknown> {
  const base = plausible(schema);
  const keys = Object.keys(objectShape(schema));
  const key = keys.length > 0 ? fc.oneof(fc.constantFrom(...keys), fc.constantFrom('extra', '__proto__')) : fc.constantFrom('extra', '__proto__');
  return fc.tuple(base, key, hostileValue).map(([value, field, bad]) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return bad;
    const copy: Record<string, unknown> = { ...value };
    Object.defineProperty(copy, field, { value: bad, enumerable: true, configurable: true, writable: true });
    return copy;
  });
}

function objectShape(schema: z.ZodType): Record<string, z.ZodType> {
  let def = defOf(schema);
  while (def.innerType || def.in) def = defOf(def.innerType ?? def.in!);
  return def.type === 'object' ? (def.shape ?? {}) : {};
}
