// The time axis of the Explorer's field plot and the Nightlight's light plot: three readings within one second get a
// range of a few seconds around them (not years), and the tick labels are clock times in the UI's language
// (03:31:05 in English and Telugu, Telugu month names, never "Mar 2027"). uPlot is replaced by a recorder of the
// options each chart is built with, since happy-dom has no canvas to draw on.
import { mount, enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type uPlot from 'uplot';
import FieldPlot from '../../../src-renderer/src/components/explorer/details/FieldPlot.vue';
import LightPlot from '../../../src-renderer/src/components/nightlight/LightPlot.vue';
import { createLabI18n } from '../../../src-renderer/src/i18n';
import { timeRange, timeTickLabels } from '../../../src-renderer/src/lib/time-axis';
import { makeMessage } from './explorer-fakes';

const built = vi.hoisted(() => [] as { options: uPlot.Options; data: uPlot.AlignedData }[]);
vi.mock('uplot', () => {
  class RecordingPlot {
    static pxRatio = 1;
    static paths = { stepped: () => () => null };
    constructor(options: uPlot.Options, data: uPlot.AlignedData) {
      built.push({ options, data });
    }
    setData(): void {}
    setSize(): void {}
    destroy(): void {}
  }
  return { default: RecordingPlot };
});

enableAutoUnmount(afterEach);
beforeEach(() => {
  built.length = 0;
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({} as never);
});
afterEach(() => vi.restoreAllMocks());

/** 2026-11-26 03:31:05.100 in this machine's time zone, and two more readings within the same second. */
const FIRST_MS = new Date(2026, 10, 26, 3, 31, 5, 100).getTime();
const BURST_MS = [FIRST_MS, FIRST_MS + 300, FIRST_MS + 800];
const LATIN_MONTHS = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;

function xRange(options: uPlot.Options, min: number, max: number): [number, number] {
  const range = options.scales?.x?.range as uPlot.Range.Function;
  expect(typeof range).toBe('function');
  return range({} as uPlot, min, max, 'x') as [number, number];
}

function tickLabels(options: uPlot.Options, splits: number[], step: number): string[] {
  const values = options.axes?.[0]?.values as uPlot.Axis.DynamicValues;
  expect(typeof values).toBe('function');
  return values({} as uPlot, splits, 0, 90, step).map(String);
}

async function mountFieldPlot(locale: 'en' | 'te') {
  const messages = BURST_MS.map((atMs, index) => makeMessage(index + 1, `{"light":${150 + index}}`, { receivedAtMs: atMs }));
  const wrapper = mount(FieldPlot, { props: { messages, topic: 'home/kitchen/light' }, global: { plugins: [createLabI18n(locale)] } });
  await flushPromises();
  expect(built.length).toBeGreaterThan(0);
  return { wrapper, options: built.at(-1)!.options };
}

async function mountLightPlot(locale: 'en' | 'te') {
  const points = BURST_MS.map((atMs, index) => ({ atMs, deviceId: 'lab-test01', light: 300 + index, ledOn: false }));
  const wrapper = mount(LightPlot, { props: { points, threshold: 300 }, global: { plugins: [createLabI18n(locale)] } });
  await flushPromises();
  expect(built.length).toBeGreaterThan(0);
  return { wrapper, options: built.at(-1)!.options };
}

describe('Explorer field plot time axis', () => {
  it('shows three readings within one second across a few seconds, not years', async () => {
    const { options } = await mountFieldPlot('en');
    const [min, max] = xRange(options, BURST_MS[0]! / 1000, BURST_MS[2]! / 1000);
    expect(max - min).toBeGreaterThanOrEqual(5);
    expect(max - min).toBeLessThanOrEqual(60);
    expect(min).toBeLessThan(BURST_MS[0]! / 1000);
    expect(max).toBeGreaterThan(BURST_MS[2]! / 1000);
  });

  it('labels ticks as clock times in English and in Telugu', async () => {
    const seconds = [FIRST_MS / 1000 - 0.1, FIRST_MS / 1000 + 1.9];
    const english = tickLabels((await mountFieldPlot('en')).options, seconds, 2);
    expect(english).toEqual(['03:31:05', '03:31:07']);
    const telugu = tickLabels((await mountFieldPlot('te')).options, seconds, 2);
    expect(telugu).toEqual(['03:31:05', '03:31:07']);
  });

  it('names days with Telugu month names in Telugu', async () => {
    const day = 86_400;
    const labels = tickLabels((await mountFieldPlot('te')).options, [FIRST_MS / 1000, FIRST_MS / 1000 + day], day);
    expect(labels.join(' ')).not.toMatch(LATIN_MONTHS);
    expect(labels.join(' ')).toMatch(/[\u0C00-\u0C7F]/);
  });
});

describe('Nightlight light plot time axis', () => {
  it('centres a short burst in a range of a few seconds (x in ms)', async () => {
    const { options } = await mountLightPlot('te');
    const [min, max] = xRange(options, BURST_MS[0]!, BURST_MS[2]!);
    expect(max - min).toBeGreaterThanOrEqual(5_000);
    expect((min + max) / 2).toBeCloseTo((BURST_MS[0]! + BURST_MS[2]!) / 2, 0);
  });

  it('labels ticks as 24-hour clock times, not US dates like "11/26/26 3:31am"', async () => {
    for (const locale of ['en', 'te'] as const) {
      const labels = tickLabels((await mountLightPlot(locale)).options, [FIRST_MS - 100, FIRST_MS + 4_900], 5_000);
      expect(labels).toEqual(['03:31:05', '03:31:10']);
    }
  });

  it('builds the chart again in the new language when the UI switches', async () => {
    const i18n = createLabI18n('en');
    const points = [{ atMs: FIRST_MS, deviceId: 'lab-test01', light: 300, ledOn: false }];
    mount(LightPlot, { props: { points, threshold: 300 }, global: { plugins: [i18n] } });
    await flushPromises();
    const before = built.length;
    i18n.global.locale.value = 'te';
    await flushPromises();
    expect(built.length).toBe(before + 1);
    expect(built.at(-1)!.options.series[1]!.label).toBe('కాంతి');
  });
});

describe('time range and labels', () => {
  it('keeps a span that is already wide enough as it is', () => {
    expect(timeRange(1000)({} as uPlot, 100, 200, 'x')).toEqual([100, 200]);
  });

  it('centres one reading', () => {
    expect(timeRange(1)({} as uPlot, 50_000, 50_000, 'x')).toEqual([45_000, 55_000]);
  });

  it('centres one reading that uPlot has already widened to 1000 days (x in seconds)', () => {
    const t = FIRST_MS / 1000;
    const plot = { data: [[t], [150]] } as unknown as uPlot;
    expect(timeRange(1000)(plot, t, t + 86_400_000, 'x')).toEqual([t - 5, t + 5]);
  });

  it('labels long spans with years, and in Telugu without English month names', () => {
    const year = 365 * 86_400_000;
    expect(timeTickLabels('en', [Date.UTC(2027, 5, 1), Date.UTC(2028, 5, 1)], year, 1)).toEqual(['2027', '2028']);
    expect(timeTickLabels('te', [FIRST_MS], 30 * 86_400_000, 1).join(' ')).not.toMatch(LATIN_MONTHS);
  });

  it('shows minutes without seconds when ticks are minutes apart', () => {
    expect(timeTickLabels('te', [FIRST_MS], 120_000, 1)).toEqual(['03:31']);
  });
});
