// The plotter's data: one capped series per name, new points handed on in batches (columns, uPlot's shape),
// and CSV export. It never parses lines (plot-parser.ts does).
import { BOARD_PLOT_CAPACITY, type PlotSeries } from '../../../src-shared/contract/board';
import { Coalescer } from './coalescer';
import type { PlotValue } from './plot-parser';
import { RingBuffer } from './ring-buffer';

/** More series than this (a sketch printing ever-new names) are not plotted, so memory stays bounded. */
export const MAX_PLOT_SERIES = 64;

export type PlotAppended = { series: PlotSeries[]; cleared: boolean };

interface StoredSeries {
  times: RingBuffer<number>;
  values: RingBuffer<number>;
  /** Which line each point came from: lines printed within the same millisecond stay separate CSV rows. */
  rows: RingBuffer<number>;
}

export class PlotStore {
  private readonly series = new Map<string, StoredSeries>();
  /** Points not yet handed on, per series; rings, so a flood between two flushes costs O(1) per point. */
  private pending = new Map<string, { timesMs: RingBuffer<number>; values: RingBuffer<number> }>();
  private pendingCleared = false;
  private rowSeq = 0;
  private readonly coalescer: Coalescer;

  constructor(
    private readonly publish: (batch: PlotAppended) => void,
    private readonly capacity = BOARD_PLOT_CAPACITY,
    now: () => number = Date.now,
    intervalMs = 50,
  ) {
    this.coalescer = new Coalescer(() => this.flush(), intervalMs, now);
  }

  add(atMs: number, values: PlotValue[]): void {
    const row = ++this.rowSeq;
    for (const { name, value } of values) {
      const stored = this.seriesFor(name);
      if (!stored) continue;
      stored.times.push(atMs);
      stored.values.push(value);
      stored.rows.push(row);
      let pending = this.pending.get(name);
      if (!pending) this.pending.set(name, (pending = { timesMs: new RingBuffer(this.capacity), values: new RingBuffer(this.capacity) }));
      pending.timesMs.push(atMs);
      pending.values.push(value);
    }
    if (values.length > 0) this.coalescer.schedule();
  }

  snapshot(): PlotSeries[] {
    return [...this.series].map(([name, stored]) => ({ name, timesMs: stored.times.toArray(), values: stored.values.toArray() }));
  }

  clear(): void {
    this.series.clear();
    this.pending.clear();
    this.pendingCleared = true;
    this.coalescer.schedule();
  }

  /** One row per board line: time, time_ms, then each series' value from that line (empty when it had none). */
  exportCsv(): { text: string; rowCount: number } {
    const names = [...this.series.keys()];
    const rows = new Map<number, { timeMs: number; values: Map<number, number> }>();
    [...this.series.values()].forEach((stored, column) => {
      const times = stored.times.toArray();
      const values = stored.values.toArray();
      stored.rows.toArray().forEach((rowId, index) => {
        let row = rows.get(rowId);
        if (!row) rows.set(rowId, (row = { timeMs: times[index]!, values: new Map() }));
        row.values.set(column, values[index]!);
      });
    });
    const header = ['time', 'time_ms', ...names.map(csvText)].join(',');
    const lines = [...rows.keys()]
      .sort((a, b) => a - b)
      .map((rowId) => {
        const row = rows.get(rowId)!;
        return [new Date(row.timeMs).toISOString(), row.timeMs, ...names.map((_name, column) => row.values.get(column) ?? '')].join(',');
      });
    return { text: `${[header, ...lines].join('\n')}\n`, rowCount: lines.length };
  }

  dispose(): void {
    this.coalescer.dispose();
  }

  private seriesFor(name: string): StoredSeries | undefined {
    let stored = this.series.get(name);
    if (!stored && this.series.size < MAX_PLOT_SERIES) {
      stored = { times: new RingBuffer(this.capacity), values: new RingBuffer(this.capacity), rows: new RingBuffer(this.capacity) };
      this.series.set(name, stored);
    }
    return stored;
  }

  private flush(): void {
    if (this.pending.size === 0 && !this.pendingCleared) return;
    const series = [...this.pending].map(([name, columns]) => ({ name, timesMs: columns.timesMs.toArray(), values: columns.values.toArray() }));
    const batch = { series, cleared: this.pendingCleared };
    this.pending = new Map();
    this.pendingCleared = false;
    this.publish(batch);
  }
}

/** RFC 4180 quoting; a name a spreadsheet would run as a formula gets a leading '. */
function csvText(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
