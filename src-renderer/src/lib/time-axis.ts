// The time (x) axis of the lab's uPlot charts: a range of at least a few seconds centred on the readings (uPlot's own
// range pads a sub-second span to years), and tick labels in the UI's language through Intl.DateTimeFormat ("03:31:05",
// no English month names in Telugu). Used by the Explorer's field plot and the Nightlight's light plot.
import type uPlot from 'uplot';

/** The narrowest span a time axis shows: one reading, or a burst within a second, still gets readable ticks. */
const MIN_TIME_SPAN_MS = 10_000;

/** Enough room between ticks for "03:31:05" in either language. */
const TIME_TICK_SPACE_PX = 90;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * uPlot's `scales.x.range`: the data's own span when it is wide enough, else `minSpanMs` centred on the readings.
 * `unitMs` is how many milliseconds one x unit is: 1000 for uPlot's default seconds, 1 with the `ms: 1` option.
 */
export function timeRange(unitMs: number, minSpanMs = MIN_TIME_SPAN_MS, now: () => number = Date.now): uPlot.Range.Function {
  const span = minSpanMs / unitMs;
  return (plot, min, max) => {
    // uPlot widens a single reading to [t, t + 86400 / ms] (1000 days with seconds) before asking: take the
    // readings' own first and last time instead when the chart has them.
    const times = plot?.data?.[0];
    if (times && times.length > 0) [min, max] = [times[0]!, times[times.length - 1]!];
    // No readings yet: the last few seconds, so the axis still shows today's clock time.
    if (typeof min !== 'number' || typeof max !== 'number' || !Number.isFinite(min) || !Number.isFinite(max)) {
      const end = now() / unitMs;
      return [end - span, end];
    }
    if (max - min >= span) return [min, max];
    const middle = (min + max) / 2;
    return [middle - span / 2, middle + span / 2];
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

type TickKind = 'tenths' | 'seconds' | 'minutes' | 'days' | 'months' | 'years';

function tickKind(stepMs: number): TickKind {
  if (stepMs < 1000) return 'tenths';
  if (stepMs < MINUTE_MS) return 'seconds';
  if (stepMs < DAY_MS) return 'minutes';
  if (stepMs < 28 * DAY_MS) return 'days';
  return stepMs < 365 * DAY_MS ? 'months' : 'years';
}

const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const TICK_FORMATS: Record<TickKind, Intl.DateTimeFormatOptions> = {
  tenths: { ...CLOCK, second: '2-digit', fractionalSecondDigits: 1 },
  seconds: { ...CLOCK, second: '2-digit' },
  minutes: CLOCK,
  days: { day: 'numeric', month: 'short' },
  months: { month: 'short', year: 'numeric' },
  years: { year: 'numeric' },
};

/** Clock time with seconds or minutes, or a date, depending on how far apart the ticks are. */
function formatterFor(locale: string, stepMs: number): Intl.DateTimeFormat {
  const kind = tickKind(stepMs);
  const key = `${locale}|${kind}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, TICK_FORMATS[kind]);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** The labels of ticks at `splits` (x units) that are `stepUnits` apart, in `locale`. */
export function timeTickLabels(locale: string, splits: readonly number[], stepUnits: number, unitMs: number): string[] {
  const formatter = formatterFor(locale, stepUnits * unitMs);
  return splits.map((split) => formatter.format(split * unitMs));
}

/** uPlot's `axes[0].values`: labels in the locale the UI speaks when the axis is drawn (read through `locale()`). */
function timeTickValues(locale: () => string, unitMs: number): uPlot.Axis.DynamicValues {
  return (_plot, splits, _axisIndex, _space, step) => timeTickLabels(locale(), splits, step, unitMs);
}

/** The x scale and x axis options of a time chart, for `scales.x` and `axes[0]`. */
export function timeAxisOptions(locale: () => string, unitMs: number): { scale: uPlot.Scale; axis: uPlot.Axis } {
  return {
    scale: { time: true, range: timeRange(unitMs) },
    axis: { stroke: '#4f5b70', space: TIME_TICK_SPACE_PX, values: timeTickValues(locale, unitMs) },
  };
}
