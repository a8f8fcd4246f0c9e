// A fixed-capacity FIFO: pushing onto a full buffer drops the oldest item. O(1) push and shift; storage grows only
// as items come, so many small buffers (one per plot series, rebuilt 20 times a second) stay cheap.

export class RingBuffer<T> {
  private items: (T | undefined)[] = [];
  /** Index of the oldest item. */
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {}

  get length(): number {
    return this.count;
  }

  /** Returns the item that was dropped to make room, if any. */
  push(item: T): T | undefined {
    if (this.count === this.capacity) {
      const dropped = this.items[this.start];
      this.items[this.start] = item;
      this.start = (this.start + 1) % this.capacity;
      return dropped;
    }
    // Until the storage is full-size, the next slot is either the end of the array or a slot shift() emptied.
    const index = (this.start + this.count) % this.capacity;
    if (index === this.items.length) this.items.push(item);
    else this.items[index] = item;
    this.count += 1;
    return undefined;
  }

  /** Removes and returns the oldest item. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const oldest = this.items[this.start];
    this.items[this.start] = undefined;
    this.start = (this.start + 1) % this.capacity;
    this.count -= 1;
    return oldest;
  }

  /** The newest `limit` items (all by default), oldest first. */
  toArray(limit = this.count): T[] {
    const take = Math.min(Math.max(limit, 0), this.count);
    const out: T[] = new Array<T>(take);
    const first = this.start + this.count - take;
    for (let index = 0; index < take; index++) out[index] = this.items[(first + index) % this.capacity] as T;
    return out;
  }

  clear(): void {
    this.items = [];
    this.start = 0;
    this.count = 0;
  }
}
