// Pairs each command with the telemetry reading that caused it and judges it by the lesson's rule, led_on = light < 300.
// Keeps at most MAX_WAITING recent readings, so each message costs O(1) however long the lesson runs.

/** A command answers a reading from at most this long ago. */
export const ANSWER_WINDOW_MS = 10_000;
const MAX_WAITING = 20;

export interface JudgedAnswer {
  light: number;
  correct: boolean;
}

export class CommandMatcher {
  private waiting: Array<{ light: number; atMs: number }> = [];
  private readonly counts = { dark: 0, bright: 0 };

  constructor(private readonly threshold: number) {}

  /** Readings answered correctly so far: dark (below the threshold) and bright. */
  get correctCounts(): { dark: number; bright: number } {
    return { ...this.counts };
  }

  reading(light: number, atMs: number): void {
    this.waiting.push({ light, atMs });
    if (this.waiting.length > MAX_WAITING) this.waiting.shift();
  }

  /**
   * Servers answer readings in order, but the checker may see a newer reading before the answer to an older one,
   * so a command is matched with the oldest waiting reading it is right for; readings before it were skipped.
   * When it is right for none, it answers the oldest one, wrongly.
   */
  command(ledOn: boolean, atMs: number): JudgedAnswer | null {
    this.waiting = this.waiting.filter((reading) => atMs - reading.atMs <= ANSWER_WINDOW_MS);
    if (this.waiting.length === 0) return null;
    const index = this.waiting.findIndex((reading) => reading.light < this.threshold === ledOn);
    const answered = index >= 0 ? this.waiting[index]! : this.waiting[0]!;
    this.waiting.splice(0, index >= 0 ? index + 1 : 1);
    const correct = index >= 0;
    if (correct) {
      if (answered.light < this.threshold) this.counts.dark += 1;
      else this.counts.bright += 1;
    }
    return { light: answered.light, correct };
  }
}
