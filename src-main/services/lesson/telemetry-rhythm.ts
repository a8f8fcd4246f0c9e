// Watches the arrival times of one device's telemetry: its steady rate, a change of that rate, and what happens
// after the device was away (a burst of stored readings = store and forward; a plain restart = readings dropped).
// O(1) per reading: a few numbers, never the history. Arrivals jitter (a busy laptop, Wi-Fi, a broker forwarding late).

/** Readings closer together than this (and than a third of the usual gap) are a burst of replayed ones, not the rhythm. */
const BURST_GAP_MS = 150;
/** A silence this many times the usual gap (and at least MIN_AWAY_MS) means the device was away. */
const AWAY_FACTOR = 3;
const MIN_AWAY_MS = 3000;
/** Rates that differ by this factor count as "changed". */
const RATE_CHANGE_FACTOR = 1.5;
/**
 * The rhythm is the gap of the straight line through the latest readings' arrival times: steady when
 * the last QUICK_READINGS all sit within QUICK_TOLERANCE of a gap of that line, or when all WINDOW_READINGS but two sit
 * within WINDOW_TOLERANCE. Judged per reading, not per gap, since one late reading makes one long and one short gap, and
 * a reading that arrives bunched with the next still holds its place. The start of a device (connecting, a busy laptop)
 * gives gaps like 213, 342, 280 ms, which must not read as "every 0.3 s".
 */
const QUICK_READINGS = 5;
const QUICK_TOLERANCE = 0.1;
const WINDOW_READINGS = 8;
const WINDOW_TOLERANCE = 0.25;
const WINDOW_OUTLIERS = 2;
/** Readings closer than this are never a rhythm (a replay or a bunch from a stalled network), however regular. */
const MIN_RHYTHM_MS = 50;
/**
 * After an absence, readings arriving at least this many times faster than the usual rhythm are stored ones being
 * replayed. Judged over all readings since the comeback, not gap by gap: on a busy machine a replay comes in clumps
 * with a pause of 50-150 ms between them, which no single-gap threshold survives.
 */
const REPLAY_SPEEDUP = 2;
/** A replay is over after this many normal-paced gaps in a row (none of them teaches the rhythm). */
const REPLAY_END_GAPS = 2;
/** This many usual gaps of normal-paced readings after a comeback (and no replay) means the readings were dropped. */
const DROPPED_AFTER_GAPS = 2;

export type RhythmEvent =
  | { kind: 'rate-changed'; fromMs: number; toMs: number }
  | { kind: 'replayed'; awayMs: number }
  | { kind: 'dropped'; awayMs: number };

function isBurst(gapMs: number, usualMs: number | null): boolean {
  return gapMs < Math.min(BURST_GAP_MS, (usualMs ?? BURST_GAP_MS * 3) / 3);
}

/**
 * The gap of the line through the arrival times (Theil-Sen: the median of the slopes between every two readings, so a
 * late reading or two cannot tilt it), if at most `outliers` readings are off that line by more than tolerance × gap.
 */
function steadyGapOf(times: readonly number[], tolerance: number, outliers: number): number | null {
  const slopes: number[] = [];
  for (let later = 1; later < times.length; later++) {
    for (let earlier = 0; earlier < later; earlier++) slopes.push((times[later]! - times[earlier]!) / (later - earlier));
  }
  const gapMs = median(slopes);
  if (gapMs < MIN_RHYTHM_MS) return null;
  const offset = median(times.map((time, index) => time - index * gapMs));
  const off = times.filter((time, index) => Math.abs(time - index * gapMs - offset) > tolerance * gapMs).length;
  return off <= outliers ? Math.round(gapMs) : null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
}

export class TelemetryRhythm {
  private lastAtMs: number | null = null;
  /** Arrival times of the latest readings that belong to the rhythm (no burst, no replay, nothing before an absence). */
  private times: number[] = [];
  private firstStableMs: number | null = null;
  private stableMs: number | null = null;
  /** After an absence: when the device came back, how long it was away and how many readings came since, until judged. */
  private comeback: { atMs: number; awayMs: number; readings: number } | null = null;
  /** A replay is running (its gaps say how fast the device can send, not how often it measures): normal gaps in a row. */
  private replay: { normalGaps: number } | null = null;

  /** The device's steady gap between readings, when it has one. */
  get steadyGapMs(): number | null {
    return this.stableMs;
  }

  reading(atMs: number): RhythmEvent | null {
    const previous = this.lastAtMs;
    this.lastAtMs = atMs;
    if (previous === null) return this.learn(atMs);
    const gapMs = Math.max(0, atMs - previous);
    const usual = this.usualGapMs();
    if (usual === null) return isBurst(gapMs, null) ? null : this.learn(atMs);
    if (gapMs >= Math.max(AWAY_FACTOR * usual, MIN_AWAY_MS)) {
      this.comeback = { atMs, awayMs: gapMs, readings: 0 };
      this.replay = null;
      return null;
    }
    if (this.comeback) return this.judgeComeback(atMs, gapMs, usual);
    if (this.replay) {
      // A clump's pause is one slow gap; readings at about the usual pace again, twice in a row, end the replay.
      this.replay.normalGaps = gapMs >= usual / REPLAY_SPEEDUP ? this.replay.normalGaps + 1 : 0;
      if (this.replay.normalGaps >= REPLAY_END_GAPS) this.replay = null;
      if (!this.replay) this.times = [];
      return null;
    }
    // Not skipped as a burst: with a rhythm known, a reading right after another is one that was held up on the way.
    return this.learn(atMs);
  }

  private usualGapMs(): number | null {
    const count = this.times.length;
    return this.stableMs ?? (count >= 2 ? this.times[count - 1]! - this.times[count - 2]! : null);
  }

  /** Readings since the comeback never teach the rhythm: they are either a replay or the first of a restarted device. */
  private judgeComeback(atMs: number, gapMs: number, usual: number): RhythmEvent | null {
    const comeback = this.comeback!;
    comeback.readings += 1;
    const sinceMs = atMs - comeback.atMs;
    const fast = comeback.readings >= 2 ? sinceMs * REPLAY_SPEEDUP < comeback.readings * usual : isBurst(gapMs, usual);
    if (fast) {
      this.comeback = null;
      this.replay = { normalGaps: 0 };
      return { kind: 'replayed', awayMs: comeback.awayMs };
    }
    if (sinceMs < DROPPED_AFTER_GAPS * usual) return null;
    this.comeback = null;
    this.times = [atMs];
    return { kind: 'dropped', awayMs: comeback.awayMs };
  }

  private learn(atMs: number): RhythmEvent | null {
    this.times.push(atMs);
    if (this.times.length > WINDOW_READINGS) this.times.shift();
    const steadyMs =
      (this.times.length === WINDOW_READINGS ? steadyGapOf(this.times, WINDOW_TOLERANCE, WINDOW_OUTLIERS) : null) ??
      (this.times.length >= QUICK_READINGS ? steadyGapOf(this.times.slice(-QUICK_READINGS), QUICK_TOLERANCE, 0) : null);
    if (steadyMs === null) return null;
    this.stableMs = steadyMs;
    if (this.firstStableMs === null) {
      this.firstStableMs = steadyMs;
      return null;
    }
    const ratio = Math.max(steadyMs, this.firstStableMs) / Math.min(steadyMs, this.firstStableMs);
    if (ratio < RATE_CHANGE_FACTOR) return null;
    const fromMs = this.firstStableMs;
    this.firstStableMs = steadyMs;
    return { kind: 'rate-changed', fromMs, toMs: steadyMs };
  }
}
