// Python's repr() of a parsed JSON value, so consoles print `{'light': 0}` and `{'led_on': True}` as the lesson's
// print() does. Pure; it only formats values that JSON.parse can produce.

function reprString(text: string): string {
  // Python picks single quotes unless the text has a ' and no ".
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\\') out += '\\\\';
    else if (char === quote) out += `\\${quote}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += char;
  }
  return `${quote}${out}${quote}`;
}

function reprNumber(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  return String(value);
}

/** Depth-limited so a deeply nested payload cannot blow the stack; deeper levels print as `...` like Python's reprlib. */
export function pythonRepr(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return reprNumber(value);
  if (typeof value === 'string') return reprString(value);
  if (depth > 20) return '...';
  if (Array.isArray(value)) return `[${value.map((item) => pythonRepr(item, depth + 1)).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => `${reprString(key)}: ${pythonRepr(item, depth + 1)}`);
    return `{${entries.join(', ')}}`;
  }
  return String(value);
}

/** What Python's json.dumps() writes (", " and ": " separators), e.g. `{"led_on": true}`. */
export function pythonJsonDumps(value: Record<string, number | boolean>): string {
  const entries = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${JSON.stringify(item)}`);
  return `{${entries.join(', ')}}`;
}
