// One node of the explorer's topic tree and one kept message: plain data with fixed shapes (fast, compact).
// No logic beyond O(1) field updates; the tree walk lives in explorer-model.ts, eviction in message-history.ts.

/** Flags of a stored message, packed in one small integer: qos in bits 0-1, then retain and binary. */
export const FLAG_RETAIN = 4;
/** The payload is not valid UTF-8; `payload` then holds its bytes (latin1 string or Uint8Array). */
export const FLAG_BINARY = 8;

export class StoredMessage {
  /** Newer message of the same topic (its history is a list from oldest to newest). */
  nextInTopic: StoredMessage | null = null;
  /** Neighbours in the global arrival order, for eviction of the oldest message anywhere in O(1). */
  older: StoredMessage | null = null;
  newer: StoredMessage | null = null;

  constructor(
    readonly id: number,
    readonly node: TopicNode,
    /** Text (UTF-8 payloads up to the inline limit), bytes as latin1 (small binary), or a copy of the bytes (large). */
    readonly payload: string | Uint8Array,
    readonly sizeBytes: number,
    /** Milliseconds since the model's epoch: a small integer, stored unboxed. */
    readonly atOffsetMs: number,
    readonly flags: number,
  ) {}
}

/** What the tree still shows about a topic's last message after history dropped it (short preview only). */
export interface LastMessageSummary {
  id: number;
  preview: string;
  kind: 'text' | 'binary' | 'empty';
  sizeBytes: number;
  qos: 0 | 1 | 2;
  retain: boolean;
  receivedAtMs: number;
}

export class TopicNode {
  children: Map<string, TopicNode> | null = null;
  ownCount = 0;
  /** Messages on this node and below (for the root: every message). */
  subtreeCount = 0;
  /** -1 until the first message; else milliseconds since the model's epoch. */
  lastOffsetMs = -1;
  /** Sliding one-second window for messages per second: start, count in it, and the previous window's rate. */
  rateStartMs = 0;
  rateCount = 0;
  ratePrevious = 0;
  retained = false;
  historyOldest: StoredMessage | null = null;
  historyNewest: StoredMessage | null = null;
  historyLength = 0;
  /** Set when history dropped this topic's last message, so the tree can still show what it was. */
  evictedLast: LastMessageSummary | null = null;
  /** The model's change epoch this node was last marked in (see ExplorerModel.takeChanged). */
  dirtyEpoch = -1;

  constructor(
    readonly name: string,
    /** Levels joined by '/'; '' for the root. */
    readonly topic: string,
    readonly parent: TopicNode | null,
    readonly depth: number,
  ) {}

  /** Counts one message on this node or below it: O(1). */
  touch(nowOffsetMs: number): void {
    this.subtreeCount += 1;
    this.lastOffsetMs = nowOffsetMs;
    const elapsedMs = nowOffsetMs - this.rateStartMs;
    if (elapsedMs >= 1000) {
      this.ratePrevious = (this.rateCount * 1000) / elapsedMs;
      this.rateStartMs = nowOffsetMs;
      this.rateCount = 0;
    }
    this.rateCount += 1;
  }

  /** Messages per second over about the last second (sliding-window estimate), 0 when quiet for 10 s. */
  messagesPerSecond(nowOffsetMs: number): number {
    if (this.subtreeCount === 0) return 0;
    const elapsedMs = Math.max(0, nowOffsetMs - this.rateStartMs);
    if (elapsedMs >= 10_000) return 0;
    if (elapsedMs >= 1000) return (this.rateCount * 1000) / elapsedMs;
    return this.rateCount + (this.ratePrevious * (1000 - elapsedMs)) / 1000;
  }

  childCount(): number {
    return this.children === null ? 0 : this.children.size;
  }
}
