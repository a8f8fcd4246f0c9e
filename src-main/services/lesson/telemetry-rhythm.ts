// Watches the arrival times of one device's telemetry: its steady rate, a change of that rate, and what happens
// after the device was away (a burst of stored readings = store and forward; a plain restart = readings dropped).
// O(1) per reading: a few numbers, never the history.

/** Readings closer together than this (and than a third of the usual gap) are a burst of replayed ones, not the rhythm. */
const BURST_GAP_MS = 150;
/** A silence this many times the usual gap (and at least MIN_AWAY_MS) means the device was away. */
const AWAY_FACTOR = 3;
const MIN_AWAY_MS = 3000;
/** Rates that differ by this factor count as "changed". */
const RATE_CHANGE_FACTOR = 1.5;
const STABLE_TOLERANCE = 0.25;

export type RhythmEvent =
  | { kind: 'rate-changed'; fromMs: number; toMs: number }
  | { kind: 'replayed'; awayMs: number }
  | { kind: 'dropped'; awayMs: number };

function isBurst(gapMs: number, usualMs: number | null): boolean {
  return gapMs < Math.min(BURST_GAP_MS, (usualMs ?? BURST_GAP_MS * 3) / 3);
}

export class TelemetryRhythm {
  private lastAtMs: number | null = null;
  private readonly gaps: number[] = [];
  private firstStableMs: number | null = null;
  private stableMs: number | null = null;
  /** After an absence: how long it lasted and how many normal-paced readings came since, until it is judged. */
  private comeback: { awayMs: number; calmReadings: number } | null = null;

  /** The device's steady gap between readings, when it has one. */
  get steadyGapMs(): number | null {
    return this.stableMs;
  }

  reading(atMs: number): RhythmEvent | null {
    const previous = this.lastAtMs;
    this.lastAtMs = atMs;
    if (previous === null) return null;
    const gapMs = Math.max(0, atMs - previous);
    const usual = this.stableMs ?? this.gaps[this.gaps.length - 1] ?? null;
    if (usual !== null && gapMs >= Math.max(AWAY_FACTOR * usual, MIN_AWAY_MS)) {
      this.comeback = { awayMs: gapMs, calmReadings: 0 };
      return null;
    }
    const fromComeback = this.judgeComeback(gapMs, usual);
    if (fromComeback) return fromComeback;
    if (isBurst(gapMs, usual)) return null;
    return this.learnGap(gapMs);
  }

  private judgeComeback(gapMs: number, usual: number | null): RhythmEvent | null {
    const comeback = this.comeback;
    if (!comeback) return null;
    if (usual !== null && isBurst(gapMs, usual)) {
      this.comeback = null;
      return { kind: 'replayed', awayMs: comeback.awayMs };
    }
    comeback.calmReadings += 1;
    if (comeback.calmReadings >= 2) {
      this.comeback = null;
      return { kind: 'dropped', awayMs: comeback.awayMs };
    }
    return null;
  }

  private learnGap(gapMs: number): RhythmEvent | null {
    this.gaps.push(gapMs);
    if (this.gaps.length > 3) this.gaps.shift();
    if (this.gaps.length < 3) return null;
    const sorted = [...this.gaps].sort((a, b) => a - b);
    const median = sorted[1]!;
    if (!this.gaps.every((gap) => Math.abs(gap - median) <= STABLE_TOLERANCE * median)) return null;
    this.stableMs = median;
    if (this.firstStableMs === null) {
      this.firstStableMs = median;
      return null;
    }
    const ratio = Math.max(median, this.firstStableMs) / Math.min(median, this.firstStableMs);
    if (ratio < RATE_CHANGE_FACTOR) return null;
    const fromMs = this.firstStableMs;
    this.firstStableMs = median;
    return { kind: 'rate-changed', fromMs, toMs: median };
  }
}
