// The device's loop timer keeps the rate it was given when every run starts late (a busy laptop), and skips rather
// than bunches the runs it missed while the loop was blocked. Fake timers; a run that moves the clock on is a late one.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSteadyTimer } from '../../../src-main/services/nightlight/steady-timer';

describe('startSteadyTimer', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('runs 5 times a second at 200 ms even when each run starts 80 ms late, where setInterval would manage 3.6', () => {
    const runsAtMs: number[] = [];
    const startMs = Date.now();
    const timer = startSteadyTimer(() => {
      runsAtMs.push(Date.now());
      // The machine is busy: this run took 80 ms of the clock before the loop got back to timers.
      vi.advanceTimersByTime(80);
    }, 200);
    vi.advanceTimersByTime(10_000);
    timer.stop();
    // Counted on the clock: the runs' own 80 ms moved it on too.
    expect(runsAtMs.filter((atMs) => atMs - startMs <= 10_000).length).toBeGreaterThanOrEqual(49);
  });

  it('skips the runs missed while the loop was blocked instead of firing them all at once, and stops when told', () => {
    const runsAtMs: number[] = [];
    const timer = startSteadyTimer(() => {
      runsAtMs.push(Date.now());
      // The third run blocks the loop for a whole second (five periods).
      if (runsAtMs.length === 3) vi.advanceTimersByTime(1000);
    }, 200);
    vi.advanceTimersByTime(3000);
    const gaps = runsAtMs.slice(1).map((atMs, index) => atMs - runsAtMs[index]!);
    expect(gaps.length).toBeGreaterThan(5);
    expect(gaps.every((gap) => gap >= 100)).toBe(true);
    const count = runsAtMs.length;
    timer.stop();
    vi.advanceTimersByTime(2000);
    expect(runsAtMs.length).toBe(count);
  });
});
