// Numbers of one JSON field over time from a topic's history, for the live plot. Parsed payloads are cached by
// message id, so a new message costs one JSON.parse however long the history is.
import type { ExplorerMessage } from '../../../../../src-shared/contract/explorer';
import { numericFields, parseJson, readNumber } from '../payload/numeric-fields';

/** The plot looks at this many recent messages to find fields, and plots at most this many points. */
const FIELD_SCAN_MESSAGES = 20;
export const MAX_PLOT_POINTS = 10_000;

export class PayloadCache {
  private readonly parsed = new Map<number, unknown>();

  get(message: ExplorerMessage): unknown {
    if (this.parsed.has(message.id)) return this.parsed.get(message.id);
    const value = message.payloadEncoding === 'utf8' && !message.truncated ? parseJson(message.payload) : undefined;
    this.parsed.set(message.id, value);
    return value;
  }

  /** Forget messages that left the history. */
  keepOnly(messages: readonly ExplorerMessage[]): void {
    if (this.parsed.size <= messages.length * 2) return;
    const ids = new Set(messages.map((message) => message.id));
    for (const id of this.parsed.keys()) if (!ids.has(id)) this.parsed.delete(id);
  }
}

/** Numeric fields seen in the latest messages, in the order first found. */
export function plottableFields(messages: readonly ExplorerMessage[], cache: PayloadCache): string[] {
  const found = new Set<string>();
  for (const message of messages.slice(-FIELD_SCAN_MESSAGES)) {
    for (const field of numericFields(cache.get(message))) found.add(field);
  }
  return [...found];
}

export interface Series {
  /** Seconds since 1970 (uPlot's time axis) and the values. */
  times: number[];
  values: number[];
}

export function fieldSeries(messages: readonly ExplorerMessage[], field: string, cache: PayloadCache): Series {
  const times: number[] = [];
  const values: number[] = [];
  for (const message of messages.slice(-MAX_PLOT_POINTS)) {
    const value = readNumber(cache.get(message), field);
    if (value === null) continue;
    times.push(message.receivedAtMs / 1000);
    values.push(value);
  }
  return { times, values };
}
