// A fixed-capacity FIFO: pushing onto a full buffer drops the oldest item. O(1) push, used for the log and plot.

export class RingBuffer<T> {
  private items: (T | undefined)[];
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.items = new Array<T | undefined>(capacity);
  }

  get length(): number {
    return this.count;
  }

  /** Returns the item that was dropped to make room, if any. */
  push(item: T): T | undefined {
    if (this.count < this.capacity) {
      this.items[(this.start + this.count) % this.capacity] = item;
      this.count += 1;
      return undefined;
    }
    const dropped = this.items[this.start];
    this.items[this.start] = item;
    this.start = (this.start + 1) % this.capacity;
    return dropped;
  }

  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.items[this.start];
    this.items[this.start] = undefined;
    this.start = (this.start + 1) % this.capacity;
    this.count -= 1;
    return item;
  }

  /** The newest `limit` items (all by default), oldest first. */
  toArray(limit = this.count): T[] {
    const take = Math.min(limit, this.count);
    const out: T[] = new Array<T>(take);
    for (let index = 0; index < take; index++) out[index] = this.items[(this.start + this.count - take + index) % this.capacity] as T;
    return out;
  }

  clear(): void {
    this.items = new Array<T | undefined>(this.capacity);
    this.start = 0;
    this.count = 0;
  }
}
