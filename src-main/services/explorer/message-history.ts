// Per-topic message history with a per-topic length limit and a total memory cap, both enforced in O(1)
// per message: the oldest message anywhere is the head of one global arrival list. Pure: no I/O, no clock.
import { FLAG_BINARY, type StoredMessage, type LastMessageSummary, type TopicNode } from './topic-node';
import { previewOf } from './payload-view';

/** Estimated bytes one kept message costs besides its payload (object, list links, payload header). */
export const MESSAGE_OVERHEAD_BYTES = 160;
export const DEFAULT_PER_TOPIC_LIMIT = 100;
export const DEFAULT_TOTAL_BYTES_CAP = 64 * 1024 * 1024;

export interface HistoryLimits {
  perTopic: number;
  totalBytes: number;
}

export class MessageHistory {
  private oldest: StoredMessage | null = null;
  private newest: StoredMessage | null = null;
  private count = 0;
  private bytesUsed = 0;
  private evictedByCap = 0;
  private limits: HistoryLimits = { perTopic: DEFAULT_PER_TOPIC_LIMIT, totalBytes: DEFAULT_TOTAL_BYTES_CAP };

  constructor(private readonly epochMs: () => number) {}

  get messageCount(): number {
    return this.count;
  }

  get usedBytes(): number {
    return this.bytesUsed;
  }

  get evictedByMemoryCap(): number {
    return this.evictedByCap;
  }

  getLimits(): HistoryLimits {
    return { ...this.limits };
  }

  /** Appends a message to its topic's history, then drops the oldest ones the limits no longer allow. */
  append(message: StoredMessage): void {
    const node = message.node;
    if (node.historyNewest) node.historyNewest.nextInTopic = message;
    else node.historyOldest = message;
    node.historyNewest = message;
    node.historyLength += 1;
    node.evictedLast = null;
    message.older = this.newest;
    if (this.newest) this.newest.newer = message;
    else this.oldest = message;
    this.newest = message;
    this.count += 1;
    this.bytesUsed += costOf(message);
    if (node.historyLength > this.limits.perTopic) this.dropOldestOf(node);
    this.enforceCap();
  }

  /** New limits apply at once: lowering them drops the oldest messages now (O(tree) for perTopic, on request only). */
  setLimits(limits: Partial<HistoryLimits>, allTopics: () => Iterable<TopicNode>): void {
    this.limits = { ...this.limits, ...limits };
    if (limits.perTopic !== undefined) {
      for (const node of allTopics()) {
        while (node.historyLength > this.limits.perTopic) this.dropOldestOf(node);
      }
    }
    this.enforceCap();
  }

  /** Forgets every message (the nodes are being dropped too). */
  clear(): void {
    this.oldest = null;
    this.newest = null;
    this.count = 0;
    this.bytesUsed = 0;
    this.evictedByCap = 0;
  }

  /** The topic's kept messages, oldest first. */
  *messagesOf(node: TopicNode): Generator<StoredMessage> {
    for (let message = node.historyOldest; message; message = message.nextInTopic) yield message;
  }

  private enforceCap(): void {
    // Keep at least the newest message, even when it alone is bigger than the cap: it is what the student is looking at.
    while (this.bytesUsed > this.limits.totalBytes && this.oldest && this.oldest !== this.newest) {
      this.dropOldestOf(this.oldest.node);
      this.evictedByCap += 1;
    }
  }

  /** Removes a topic's oldest message from its list and from the global list: O(1). */
  private dropOldestOf(node: TopicNode): void {
    const message = node.historyOldest;
    if (!message) return;
    node.historyOldest = message.nextInTopic;
    node.historyLength -= 1;
    if (node.historyOldest === null) {
      node.historyNewest = null;
      node.evictedLast = summarize(message, this.epochMs(), true);
    }
    if (message.older) message.older.newer = message.newer;
    else this.oldest = message.newer;
    if (message.newer) message.newer.older = message.older;
    else this.newest = message.older;
    message.older = null;
    message.newer = null;
    message.nextInTopic = null;
    this.count -= 1;
    this.bytesUsed -= costOf(message);
  }
}

function costOf(message: StoredMessage): number {
  return message.sizeBytes + MESSAGE_OVERHEAD_BYTES;
}

/** A short summary of a message; detached copies the preview so it cannot keep a large dropped payload alive. */
export function summarize(message: StoredMessage, epochMs: number, detached = false): LastMessageSummary {
  const { preview, kind } = previewOf(message);
  return {
    id: message.id,
    preview: detached && preview.length > 0 ? Buffer.from(preview, 'utf8').toString('utf8') : preview,
    kind,
    sizeBytes: message.sizeBytes,
    qos: (message.flags & 3) as 0 | 1 | 2,
    retain: (message.flags & 4) !== 0,
    receivedAtMs: epochMs + message.atOffsetMs,
  };
}

export function isBinary(message: StoredMessage): boolean {
  return (message.flags & FLAG_BINARY) !== 0;
}
