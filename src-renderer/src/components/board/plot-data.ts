// The serial plotter's points as the main side sends them (one column pair per series), bounded, and merged into
// the one-time-column shape uPlot draws. Pure data: no DOM, no bridge.
import type { PlotSeries } from '../../../../src-shared/contract/board';

/** Points kept per series (the main side keeps as many); the oldest are dropped in chunks so appends stay cheap. */
export const PLOT_POINTS_PER_SERIES = 20_000;
const DROP_CHUNK = 1_000;

interface Column {
  timesMs: number[];
  values: number[];
}

/** uPlot's aligned data: times first, then one column per series; undefined where a series has no point. */
export type AlignedColumns = [number[], ...(number | null | undefined)[][]];

export class PlotData {
  private readonly columns = new Map<string, Column>();
  /** Series in the order they first appeared: their colour and legend place stay put. */
  readonly names: string[] = [];

  constructor(private readonly capacity = PLOT_POINTS_PER_SERIES) {}

  get pointCount(): number {
    let count = 0;
    for (const column of this.columns.values()) count += column.timesMs.length;
    return count;
  }

  append(series: readonly PlotSeries[]): void {
    for (const { name, timesMs, values } of series) {
      let column = this.columns.get(name);
      if (!column) {
        column = { timesMs: [], values: [] };
        this.columns.set(name, column);
        this.names.push(name);
      }
      for (let index = 0; index < timesMs.length; index++) {
        column.timesMs.push(timesMs[index]!);
        column.values.push(values[index]!);
      }
      const excess = column.timesMs.length - this.capacity;
      if (excess > 0) {
        const drop = Math.min(column.timesMs.length, excess + DROP_CHUNK);
        column.timesMs.splice(0, drop);
        column.values.splice(0, drop);
      }
    }
  }

  replace(series: readonly PlotSeries[]): void {
    this.clear();
    this.append(series);
  }

  clear(): void {
    this.columns.clear();
    this.names.length = 0;
  }

  latest(name: string): number | null {
    const column = this.columns.get(name);
    return column && column.values.length > 0 ? column.values[column.values.length - 1]! : null;
  }

  count(name: string): number {
    return this.columns.get(name)?.timesMs.length ?? 0;
  }

  /**
   * One shared time column (every time any series has a point), one value column per series: a k-way merge of
   * columns that are each already in time order, so it costs O(points x series).
   */
  aligned(): AlignedColumns {
    const columns = this.names.map((name) => this.columns.get(name)!);
    const cursors = columns.map(() => 0);
    const times: number[] = [];
    const out: (number | undefined)[][] = columns.map(() => []);
    for (;;) {
      let next = Infinity;
      for (let index = 0; index < columns.length; index++) {
        const time = columns[index]!.timesMs[cursors[index]!];
        if (time !== undefined && time < next) next = time;
      }
      if (next === Infinity) break;
      times.push(next);
      for (let index = 0; index < columns.length; index++) {
        const column = columns[index]!;
        const cursor = cursors[index]!;
        if (column.timesMs[cursor] === next) {
          out[index]!.push(column.values[cursor]);
          cursors[index] = cursor + 1;
        } else out[index]!.push(undefined);
      }
    }
    return [times, ...out];
  }
}
