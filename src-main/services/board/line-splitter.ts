// Cuts the board's byte stream into lines at "\n" (dropping a "\r" before it), with a cap so a board that never
// sends a newline cannot grow memory without end. Bytes only: decoding and display are line-text.ts's job.

export interface SplitLine {
  bytes: Buffer;
  /** True when the line reached maxLineBytes without a newline and was cut there. */
  cut: boolean;
}

export class LineSplitter {
  private chunks: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly maxLineBytes: number) {}

  /** Every complete (or cut) line in data, in order; the rest waits for the next push. */
  push(data: Buffer): SplitLine[] {
    const lines: SplitLine[] = [];
    let start = 0;
    while (start < data.length) {
      const newline = data.indexOf(0x0a, start);
      const end = newline === -1 ? data.length : newline;
      this.takeUpTo(data, start, end, lines);
      if (newline === -1) break;
      lines.push({ bytes: stripCarriageReturn(this.drain()), cut: false });
      start = newline + 1;
    }
    return lines;
  }

  /** What is waiting without a newline (given out when the port closes). */
  flush(): SplitLine | null {
    if (this.pendingBytes === 0) return null;
    return { bytes: stripCarriageReturn(this.drain()), cut: false };
  }

  get pendingLength(): number {
    return this.pendingBytes;
  }

  private takeUpTo(data: Buffer, start: number, end: number, lines: SplitLine[]): void {
    let from = start;
    while (end - from > 0) {
      const room = this.maxLineBytes - this.pendingBytes;
      const take = Math.min(room, end - from);
      this.chunks.push(data.subarray(from, from + take));
      this.pendingBytes += take;
      from += take;
      if (this.pendingBytes >= this.maxLineBytes) lines.push({ bytes: this.drain(), cut: true });
    }
  }

  private drain(): Buffer {
    const bytes = this.chunks.length === 1 ? Buffer.from(this.chunks[0]!) : Buffer.concat(this.chunks, this.pendingBytes);
    this.chunks = [];
    this.pendingBytes = 0;
    return bytes;
  }
}

function stripCarriageReturn(bytes: Buffer): Buffer {
  return bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, bytes.length - 1) : bytes;
}
