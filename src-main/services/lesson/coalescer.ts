// Turns many "something changed" marks into at most one flush per interval (the UI's ~10 updates a second).
// Owns one timer; dispose() clears it.

export class Coalescer {
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(
    private readonly intervalMs: number,
    private readonly flush: () => void,
  ) {}

  mark(): void {
    if (this.timer || this.disposed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.disposed) this.flush();
    }, this.intervalMs);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
