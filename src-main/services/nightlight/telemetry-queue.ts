// The device's store-and-forward queue: readings taken while offline, bounded, kept on disk (atomic writes) so they
// survive a restart, and handed back oldest first. It never publishes; the device replays it.
import type { Qos } from '../../../src-shared/contract/schemas';
import { readJsonFile, writeFileAtomic } from '../../lib/atomic-file';
import type { Logger } from '../../lib/logger';

export interface QueueItem {
  seq: number;
  topic: string;
  payload: string;
  qos: Qos;
  retain: boolean;
  queuedAtMs: number;
}

interface QueueFile {
  version: 1;
  nextSeq: number;
  items: QueueItem[];
}

function isQueueItem(value: unknown): value is QueueItem {
  if (value === null || typeof value !== 'object') return false;
  const item = value as Record<string, unknown>;
  return (
    typeof item.seq === 'number' &&
    typeof item.topic === 'string' &&
    typeof item.payload === 'string' &&
    (item.qos === 0 || item.qos === 1 || item.qos === 2) &&
    typeof item.retain === 'boolean' &&
    typeof item.queuedAtMs === 'number'
  );
}

export class TelemetryQueue {
  private items: QueueItem[];
  private nextSeq: number;
  private dirty = false;
  private writing: Promise<void> | undefined;
  /** Readings dropped because the queue was full, since this queue was opened. */
  droppedCount = 0;

  private constructor(
    private readonly filePath: string,
    readonly capacity: number,
    private readonly logger: Logger,
    saved: QueueFile | undefined,
  ) {
    this.items = (saved?.items ?? []).slice(-capacity);
    const highestSeq = this.items.reduce((highest, item) => Math.max(highest, item.seq), 0);
    this.nextSeq = Math.max(saved?.nextSeq ?? 1, highestSeq + 1);
  }

  /** Reads what a previous run left; a missing or corrupt file gives an empty queue (a corrupt one is kept aside). */
  static async open(filePath: string, capacity: number, logger: Logger): Promise<TelemetryQueue> {
    const raw = await readJsonFile(filePath).catch((error: unknown) => {
      logger.warn('The nightlight queue file could not be read; starting with an empty queue', error);
      return undefined;
    });
    const record = raw !== null && typeof raw === 'object' ? (raw as Partial<QueueFile>) : undefined;
    const items = Array.isArray(record?.items) ? record.items.filter(isQueueItem) : [];
    const nextSeq = typeof record?.nextSeq === 'number' ? record.nextSeq : 1;
    return new TelemetryQueue(filePath, capacity, logger, { version: 1, nextSeq, items });
  }

  get length(): number {
    return this.items.length;
  }

  push(entry: Omit<QueueItem, 'seq'>): QueueItem {
    const item: QueueItem = { ...entry, seq: this.nextSeq++ };
    this.items.push(item);
    if (this.items.length > this.capacity) {
      this.items.shift();
      this.droppedCount += 1;
    }
    this.persist();
    return item;
  }

  peek(): QueueItem | undefined {
    return this.items[0];
  }

  /** Removes the oldest item, only if it is still the one the caller sent (a clear may have happened meanwhile). */
  remove(seq: number): void {
    if (this.items[0]?.seq !== seq) return;
    this.items.shift();
    this.persist();
  }

  clear(): void {
    this.items = [];
    this.persist();
  }

  head(count: number): QueueItem[] {
    return this.items.slice(0, count);
  }

  /** Resolves once everything changed so far is on disk. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** At most one write in flight; changes made meanwhile are written together by the next one. */
  private persist(): void {
    this.dirty = true;
    this.writing ??= this.writeLoop().finally(() => {
      this.writing = undefined;
      // A change made after the loop's last check but before this callback still gets written.
      if (this.dirty) this.persist();
    });
  }

  private async writeLoop(): Promise<void> {
    while (this.dirty) {
      this.dirty = false;
      const file: QueueFile = { version: 1, nextSeq: this.nextSeq, items: this.items };
      try {
        await writeFileAtomic(this.filePath, JSON.stringify(file));
      } catch (error) {
        this.logger.error('The nightlight queue could not be saved', error);
      }
    }
  }
}
