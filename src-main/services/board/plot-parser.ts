// Finds the numbers in one line of board text for the plotter: JSON fields (also after `Sending telemetry `),
// `name:value` / `name=value` pairs, or a line of bare numbers (the Arduino plotter's format). Pure.

export interface PlotValue {
  name: string;
  value: number;
}

const MAX_NAME_LENGTH = 64;
const MAX_JSON_DEPTH = 3;
/** A line with more numbers than this is data we do not plot (a hex dump, a table). */
const MAX_VALUES_PER_LINE = 32;
/** Longer lines are not readings; skipping them keeps the work per line small. */
export const MAX_PLOT_LINE_LENGTH = 4096;

const NUMBER = '[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?';
// Names are bounded ({0,63}) so a long run of letters costs linear, not quadratic, time.
const PAIR = new RegExp(`(?<![\\w.\\-/])([A-Za-z_][\\w.\\-/]{0,63})\\s*[:=]\\s*(${NUMBER})(?![\\w.])`, 'g');
const BARE_NUMBERS = new RegExp(`^\\s*${NUMBER}(?:[\\s,;]+${NUMBER})*[\\s,;]*$`);
const NUMBER_GLOBAL = new RegExp(NUMBER, 'g');

function flatten(value: unknown, prefix: string, depth: number, out: PlotValue[]): void {
  if (out.length >= MAX_VALUES_PER_LINE) return;
  if (typeof value === 'number' && Number.isFinite(value)) out.push({ name: prefix.slice(0, MAX_NAME_LENGTH), value });
  else if (typeof value === 'boolean') out.push({ name: prefix.slice(0, MAX_NAME_LENGTH), value: value ? 1 : 0 });
  else if (value !== null && typeof value === 'object' && !Array.isArray(value) && depth < MAX_JSON_DEPTH) {
    for (const [key, item] of Object.entries(value)) flatten(item, prefix ? `${prefix}.${key}` : key, depth + 1, out);
  }
}

/** The JSON object that starts at the line's first "{" and runs to its end, if there is one. */
export function jsonObjectIn(line: string): Record<string, unknown> | null {
  const start = line.indexOf('{');
  if (start === -1 || !line.trimEnd().endsWith('}')) return null;
  try {
    const parsed: unknown = JSON.parse(line.slice(start));
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function parsePlotValues(line: string): PlotValue[] {
  if (line.length > MAX_PLOT_LINE_LENGTH) return [];
  const json = jsonObjectIn(line);
  if (json) {
    const out: PlotValue[] = [];
    flatten(json, '', 0, out);
    return out;
  }
  const pairs: PlotValue[] = [];
  for (const match of line.matchAll(PAIR)) {
    pairs.push({ name: match[1]!.slice(0, MAX_NAME_LENGTH), value: Number(match[2]) });
    if (pairs.length >= MAX_VALUES_PER_LINE) break;
  }
  if (pairs.length > 0) return pairs;
  if (!BARE_NUMBERS.test(line)) return [];
  const numbers = line.match(NUMBER_GLOBAL) ?? [];
  if (numbers.length > MAX_VALUES_PER_LINE) return [];
  return numbers.map((text, index) => ({ name: `value${index + 1}`, value: Number(text) }));
}
