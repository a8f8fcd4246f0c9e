// The serial plotter's uPlot chart: created for a set of series, fed aligned columns, drag-to-zoom with a flag the
// view reads, a time window that follows the newest point, and series toggles. Knows uPlot; knows nothing of the store.
import uPlot from 'uplot';
import type { AlignedColumns } from './plot-data';

const PALETTE = ['#1f5fbf', '#c2410c', '#15803d', '#9333ea', '#b91c1c', '#0e7490', '#a16207', '#be185d', '#4d7c0f', '#475569'];
export const PLOT_HEIGHT_PX = 240;

/** A distinct colour per series: ten chosen ones, then hues spread by the golden angle. */
export function seriesColour(index: number): string {
  return PALETTE[index] ?? `hsl(${Math.round((index * 137.508) % 360)}, 65%, 40%)`;
}

/** Test DOMs have no 2D canvas; the legend and summary in words still say what the plot shows. */
export function canDraw(): boolean {
  try {
    return document.createElement('canvas').getContext('2d') !== null;
  } catch {
    return false;
  }
}

export interface ChartCallbacks {
  /** The student dragged across the chart (zoomed in) or double-clicked (zoom reset). */
  onZoom(zoomed: boolean): void;
}

export class PlotChart {
  private readonly plot: uPlot;
  private zoomed = false;

  constructor(
    element: HTMLElement,
    readonly names: readonly string[],
    hidden: ReadonlySet<string>,
    data: AlignedColumns,
    private readonly callbacks: ChartCallbacks,
  ) {
    const options: uPlot.Options = {
      width: Math.max(element.clientWidth, 240),
      height: PLOT_HEIGHT_PX,
      ms: 1,
      legend: { show: false },
      cursor: {
        drag: { x: true, y: false, setScale: true },
        // Double-click resets the zoom our way, so the view knows and follows the newest points again.
        bind: { dblclick: () => () => (this.resetZoom(), null) },
      },
      scales: { x: { time: true } },
      axes: [{ stroke: '#4f5b70' }, { stroke: '#4f5b70', size: 56 }],
      series: [
        {},
        ...names.map((name, index) => ({
          label: name,
          stroke: seriesColour(index),
          width: 1.5,
          spanGaps: true,
          points: { show: false },
          show: !hidden.has(name),
        })),
      ],
      hooks: {
        setSelect: [
          (plot: uPlot) => {
            if (plot.select.width <= 0) return;
            this.zoomed = true;
            this.callbacks.onZoom(true);
          },
        ],
      },
    };
    this.plot = new uPlot(options, data as uPlot.AlignedData, element);
  }

  /** New data; keeps the student's zoom, else shows everything or the last windowMs. */
  update(data: AlignedColumns, windowMs: number | null): void {
    this.plot.setData(data as uPlot.AlignedData, !this.zoomed && windowMs === null);
    if (!this.zoomed && windowMs !== null) this.showWindow(data, windowMs);
  }

  /** Back to following the data; the view answers onZoom(false) with fresh data through update(). */
  resetZoom(): void {
    this.zoomed = false;
    this.callbacks.onZoom(false);
  }

  setVisible(name: string, visible: boolean): void {
    const index = this.names.indexOf(name);
    if (index >= 0) this.plot.setSeries(index + 1, { show: visible });
  }

  resize(width: number): void {
    this.plot.setSize({ width: Math.max(width, 240), height: PLOT_HEIGHT_PX });
  }

  destroy(): void {
    this.plot.destroy();
  }

  private showWindow(data: AlignedColumns, windowMs: number): void {
    const times = data[0];
    const last = times[times.length - 1];
    if (last === undefined) return;
    this.plot.setScale('x', { min: last - windowMs, max: last });
  }
}
