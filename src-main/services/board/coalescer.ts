// Runs a flush at most once per interval however often schedule() is called: how the Board page's events stay
// at about 20 per second. The first change after a quiet spell goes out at once.

export class Coalescer {
  private timer: NodeJS.Timeout | undefined;
  private lastFlushMs = -Infinity;
  private disposed = false;

  constructor(
    private readonly flush: () => void,
    private readonly intervalMs = 50,
    private readonly now: () => number = Date.now,
  ) {}

  schedule(): void {
    if (this.timer || this.disposed) return;
    const waitMs = Math.max(0, this.lastFlushMs + this.intervalMs - this.now());
    this.timer = setTimeout(() => this.run(), waitMs);
  }

  /** Flushes now if something is scheduled (used before a snapshot is taken, so nothing is sent twice or lost). */
  flushNow(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.run();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private run(): void {
    this.timer = undefined;
    this.lastFlushMs = this.now();
    this.flush();
  }
}
