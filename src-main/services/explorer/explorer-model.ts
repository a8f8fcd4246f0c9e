// The explorer's pure model: the topic tree with own/subtree counts, rates, retained flags and history.
// Ingest is O(depth) per message, never O(tree) or O(history). No I/O, no timers, no clock: callers pass the time.
import type { ExplorerNode, ExplorerStats } from '../../../src-shared/contract/explorer';
import { MessageHistory, summarize, type HistoryLimits } from './message-history';
import { flagsOf, keepPayload } from './payload-view';
import { StoredMessage, TopicNode } from './topic-node';

export class ExplorerModel {
  private root = new TopicNode('', '', null, 0);
  private readonly history: MessageHistory;
  private nodeCount = 0;
  private topicCount = 0;
  private nextId = 1;
  private epoch = 0;
  private changed: TopicNode[] = [];

  /** epochMs: the model's time zero; times are stored as small integer offsets from it. */
  constructor(readonly epochMs: number) {
    this.history = new MessageHistory(() => this.epochMs);
  }

  /** Counts a message along its topic's path and keeps it in history: O(levels + payload copy). */
  ingest(topic: string, payload: Uint8Array, qos: 0 | 1 | 2, retain: boolean, nowMs: number): StoredMessage {
    const nowOffsetMs = Math.max(0, Math.round(nowMs - this.epochMs));
    let node = this.root;
    this.touch(node, nowOffsetMs);
    let start = 0;
    for (;;) {
      const slash = topic.indexOf('/', start);
      const end = slash === -1 ? topic.length : slash;
      const name = topic.slice(start, end);
      node = node.children?.get(name) ?? this.addChild(node, name, slash === -1 ? topic : topic.slice(0, end));
      this.touch(node, nowOffsetMs);
      if (slash === -1) break;
      start = slash + 1;
    }
    if (node.ownCount === 0) this.topicCount += 1;
    node.ownCount += 1;
    const kept = keepPayload(payload);
    if (retain) node.retained = payload.length > 0;
    const message = new StoredMessage(this.nextId++, node, kept.payload, payload.length, nowOffsetMs, flagsOf(qos, retain, kept.binary));
    this.history.append(message);
    return message;
  }

  private touch(node: TopicNode, nowOffsetMs: number): void {
    node.touch(nowOffsetMs);
    if (node.dirtyEpoch !== this.epoch) {
      node.dirtyEpoch = this.epoch;
      this.changed.push(node);
    }
  }

  private addChild(parent: TopicNode, name: string, topic: string): TopicNode {
    const child = new TopicNode(name, topic, parent, parent.depth + 1);
    parent.children ??= new Map();
    parent.children.set(name, child);
    this.nodeCount += 1;
    return child;
  }

  /** The nodes touched since the last call (each once), excluding the root; starts a new change epoch. */
  takeChanged(): TopicNode[] {
    const changed = this.changed.filter((node) => node !== this.root);
    this.changed = [];
    this.epoch += 1;
    return changed;
  }

  /** The node for a topic (levels joined by '/'), or undefined: O(levels). */
  find(topic: string): TopicNode | undefined {
    let node: TopicNode | undefined = this.root;
    for (const level of topic.split('/')) {
      node = node.children?.get(level);
      if (!node) return undefined;
    }
    return node;
  }

  get rootNode(): TopicNode {
    return this.root;
  }

  /** Marks a topic's retained message as gone (the explorer itself published the empty retained message). */
  markRetainedCleared(topic: string): void {
    this.setRetained(topic, false);
  }

  /** Marks a topic as holding a retained message again (the explorer put it back). */
  markRetained(topic: string): void {
    this.setRetained(topic, true);
  }

  private setRetained(topic: string, retained: boolean): void {
    const node = this.find(topic);
    if (!node) return;
    node.retained = retained;
    if (node.dirtyEpoch !== this.epoch) {
      node.dirtyEpoch = this.epoch;
      this.changed.push(node);
    }
  }

  messagesOf(node: TopicNode): Iterable<StoredMessage> {
    return this.history.messagesOf(node);
  }

  findMessage(node: TopicNode, id: number): StoredMessage | undefined {
    for (const message of this.history.messagesOf(node)) if (message.id === id) return message;
    return undefined;
  }

  getLimits(): HistoryLimits {
    return this.history.getLimits();
  }

  setLimits(limits: Partial<HistoryLimits>): void {
    this.history.setLimits(limits, () => this.topics());
  }

  /** Every node that received a message, depth first (iterative: 200-level topics are fine). O(tree): on request only. */
  *topics(): Generator<TopicNode> {
    const stack: TopicNode[] = [this.root];
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (node.ownCount > 0) yield node;
      if (node.children) for (const child of node.children.values()) stack.push(child);
    }
  }

  /** Forgets every node, count and message; history limits stay. */
  clear(): void {
    this.root = new TopicNode('', '', null, 0);
    this.history.clear();
    this.nodeCount = 0;
    this.topicCount = 0;
    this.changed = [];
    this.epoch += 1;
  }

  summarize(node: TopicNode, nowMs: number): ExplorerNode {
    const nowOffsetMs = nowMs - this.epochMs;
    const newest = node.historyNewest;
    return {
      topic: node.topic,
      name: node.name,
      depth: node.depth,
      childCount: node.childCount(),
      ownCount: node.ownCount,
      subtreeCount: node.subtreeCount,
      messagesPerSecond: roundRate(node.messagesPerSecond(nowOffsetMs)),
      lastMs: node.lastOffsetMs < 0 ? null : this.epochMs + node.lastOffsetMs,
      last: newest ? summarize(newest, this.epochMs) : node.evictedLast,
      retained: node.retained,
    };
  }

  stats(nowMs: number): ExplorerStats {
    const limits = this.history.getLimits();
    return {
      topicCount: this.topicCount,
      nodeCount: this.nodeCount,
      messageCount: this.root.subtreeCount,
      messagesPerSecond: roundRate(this.root.messagesPerSecond(nowMs - this.epochMs)),
      historyMessages: this.history.messageCount,
      historyBytesUsed: this.history.usedBytes,
      historyBytesCap: limits.totalBytes,
      perTopicHistoryLimit: limits.perTopic,
      evictedByMemoryCap: this.history.evictedByMemoryCap,
    };
  }
}

function roundRate(rate: number): number {
  return Math.round(rate * 10) / 10;
}
