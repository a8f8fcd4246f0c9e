// A fixed-capacity FIFO: push is O(1) and the oldest entry is overwritten when full. Used for console lines,
// the light history and the HTTP call log, so memory stays bounded however long the lab runs.

export class RingBuffer<T> {
  private readonly slots: (T | undefined)[];
  private start = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    this.slots = new Array<T | undefined>(capacity);
  }

  get length(): number {
    return this.size;
  }

  push(item: T): void {
    const index = (this.start + this.size) % this.capacity;
    this.slots[index] = item;
    if (this.size < this.capacity) this.size += 1;
    else this.start = (this.start + 1) % this.capacity;
  }

  /** Oldest first. */
  toArray(): T[] {
    const items: T[] = [];
    for (let offset = 0; offset < this.size; offset += 1) items.push(this.slots[(this.start + offset) % this.capacity] as T);
    return items;
  }

  clear(): void {
    this.slots.fill(undefined);
    this.start = 0;
    this.size = 0;
  }
}
