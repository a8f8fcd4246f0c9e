// One numbered message stream of the soak: what was published (acknowledged) when, what arrived, and which
// missing numbers belong to which fault (the nearest fault window to the publish time, within 10 s).
export interface FaultWindow {
  kind: string;
  startMs: number;
  endMs: number;
}

export class SeqStream {
  readonly sentAt = new Map<number, number>();
  readonly arrived = new Map<number, number>();
  next = 0;

  constructor(readonly name: string) {}

  take(): number {
    return this.next++;
  }

  sent(seq: number, atMs = Date.now()): void {
    this.sentAt.set(seq, atMs);
  }

  got(seq: number): void {
    this.arrived.set(seq, (this.arrived.get(seq) ?? 0) + 1);
  }

  missing(sentBeforeMs = Number.POSITIVE_INFINITY): number[] {
    return [...this.sentAt].filter(([seq, atMs]) => atMs <= sentBeforeMs && !this.arrived.has(seq)).map(([seq]) => seq);
  }

  /** Sent messages with no copy, grouped by the fault they happened near ("none" = no fault within 10 s). */
  summary(faults: FaultWindow[], sentBeforeMs = Number.POSITIVE_INFINITY) {
    const lostBy: Record<string, number> = {};
    let sent = 0;
    let missing = 0;
    let duplicates = 0;
    for (const [seq, atMs] of this.sentAt) {
      if (atMs > sentBeforeMs) continue;
      sent += 1;
      const copies = this.arrived.get(seq) ?? 0;
      if (copies > 1) duplicates += copies - 1;
      if (copies > 0) continue;
      missing += 1;
      const near = nearestFault(faults, atMs);
      lostBy[near] = (lostBy[near] ?? 0) + 1;
    }
    return { stream: this.name, sent, received: sent - missing, missing, duplicates, lostBy };
  }
}

function nearestFault(faults: FaultWindow[], atMs: number): string {
  let best = 'none';
  let bestDistance = 10_000;
  for (const fault of faults) {
    const distance = atMs < fault.startMs ? fault.startMs - atMs : atMs > fault.endMs ? atMs - fault.endMs : 0;
    if (distance <= bestDistance) {
      best = fault.kind;
      bestDistance = distance;
    }
  }
  return best;
}
