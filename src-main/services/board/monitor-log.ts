// The serial monitor's lines: kept in a ring (by count and by characters, so 64 KB lines cannot eat memory),
// handed on in batches, and exported as text. It never reads ports.
import { BOARD_LOG_CAPACITY, type MonitorLine } from '../../../src-shared/contract/board';
import { Coalescer } from './coalescer';
import { RingBuffer } from './ring-buffer';

/** About 16 MB of text at most (JavaScript strings are 2 bytes per character). */
export const LOG_MAX_CHARS = 8_000_000;

export type AppendedLines = { lines: MonitorLine[]; cleared: boolean };

export class MonitorLog {
  private readonly lines = new RingBuffer<MonitorLine>(BOARD_LOG_CAPACITY);
  private chars = 0;
  private seq = 0;
  /** Lines not yet handed on; a ring, so a flood between two flushes costs O(1) per line. */
  private readonly pending = new RingBuffer<MonitorLine>(BOARD_LOG_CAPACITY);
  private pendingCleared = false;
  private readonly coalescer: Coalescer;

  constructor(
    private readonly publish: (batch: AppendedLines) => void,
    private readonly now: () => number = Date.now,
    intervalMs = 50,
  ) {
    this.coalescer = new Coalescer(() => this.flush(), intervalMs, now);
  }

  /** flags.note: a 'note' line's text as a key (the page shows it in its language; `text` is its English). */
  append(kind: MonitorLine['kind'], text: string, flags: { binary?: boolean; cut?: boolean; note?: MonitorLine['note'] } = {}): MonitorLine {
    const line: MonitorLine = { seq: ++this.seq, atMs: this.now(), kind, text, binary: flags.binary ?? false, cut: flags.cut ?? false };
    if (flags.note) line.note = flags.note;
    this.chars += text.length;
    const dropped = this.lines.push(line);
    if (dropped) this.chars -= dropped.text.length;
    while (this.chars > LOG_MAX_CHARS && this.lines.length > 1) this.chars -= this.lines.shift()?.text.length ?? 0;
    this.pending.push(line);
    this.coalescer.schedule();
    return line;
  }

  recent(limit: number): MonitorLine[] {
    return this.lines.toArray(limit);
  }

  clear(): void {
    this.lines.clear();
    this.chars = 0;
    this.pending.clear();
    this.pendingCleared = true;
    this.coalescer.schedule();
  }

  /** `12:04:05.123 <- text` for the board's lines, `->` for sent ones, `--` for the lab's notes. */
  exportText(timestamps: boolean): { text: string; lineCount: number } {
    const all = this.lines.toArray();
    const arrow = { in: '<-', out: '->', note: '--' } as const;
    const rows = all.map((line) => (timestamps ? `${clockTime(line.atMs)} ${arrow[line.kind]} ${line.text}` : line.text));
    return { text: rows.length > 0 ? `${rows.join('\n')}\n` : '', lineCount: rows.length };
  }

  dispose(): void {
    this.coalescer.dispose();
  }

  private flush(): void {
    if (this.pending.length === 0 && !this.pendingCleared) return;
    const batch = { lines: this.pending.toArray(), cleared: this.pendingCleared };
    this.pending.clear();
    this.pendingCleared = false;
    this.publish(batch);
  }
}

/** Local wall-clock time with milliseconds, like the Arduino IDE's timestamps. */
export function clockTime(atMs: number): string {
  const date = new Date(atMs);
  const pad = (value: number, size = 2) => String(value).padStart(size, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}
