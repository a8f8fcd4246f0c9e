// The plotter's data: series from the main side merged into one time column (gaps where a series had no point),
// bounded per series; and the Wio rc explanations in English match the contract's, word for word.
import { describe, expect, it } from 'vitest';
import { PUBSUB_RC } from '../../../src-shared/contract/board';
import { PlotData } from '../../../src-renderer/src/components/board/plot-data';
import { createLabI18n } from '../../../src-renderer/src/i18n';

describe('PlotData', () => {
  it('merges series into one time column with gaps where a series has no point', () => {
    const plot = new PlotData();
    plot.append([
      { name: 'light', timesMs: [1000, 2000, 3000], values: [600, 610, 620] },
      { name: 'led_on', timesMs: [2000, 2500], values: [0, 1] },
    ]);
    expect(plot.aligned()).toEqual([
      [1000, 2000, 2500, 3000],
      [600, 610, undefined, 620],
      [undefined, 0, 1, undefined],
    ]);
    expect(plot.names).toEqual(['light', 'led_on']);
    expect(plot.latest('led_on')).toBe(1);
    expect(plot.pointCount).toBe(5);
  });

  it('keeps at most its capacity per series, dropping the oldest', () => {
    const plot = new PlotData(5_000);
    const timesMs = Array.from({ length: 12_000 }, (_, index) => index);
    plot.append([{ name: 'a', timesMs, values: timesMs }]);
    expect(plot.count('a')).toBeLessThanOrEqual(5_000);
    expect(plot.latest('a')).toBe(11_999);
    expect(plot.aligned()[0][0]).toBeGreaterThan(6_000);
  });

  it('merges 20 000 points of 8 series quickly enough to redraw several times a second', () => {
    const plot = new PlotData();
    const timesMs = Array.from({ length: 20_000 }, (_, index) => index * 10);
    plot.append(Array.from({ length: 8 }, (_, index) => ({ name: `s${index}`, timesMs, values: timesMs })));
    const started = performance.now();
    const aligned = plot.aligned();
    expect(aligned[0]).toHaveLength(20_000);
    expect(aligned).toHaveLength(9);
    expect(performance.now() - started).toBeLessThan(150);
  });
});

describe('Wio rc explanations', () => {
  it('say in English exactly what the contract says for every rc', () => {
    const { t } = createLabI18n('en').global;
    for (const { rc, phrase } of PUBSUB_RC) {
      expect(t(`board.wio.rc.${rc < 0 ? `minus${-rc}` : `plus${rc}`}`), `rc ${rc}`).toBe(phrase);
    }
  });
});
