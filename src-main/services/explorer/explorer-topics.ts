// The Explorer's topics: the model fed message by message, batched tree events, the history limits the student chose,
// and what the UI reads or does on the tree (children, search, details, export, clear/restore retained, clear all).
// No connection, subscriptions or notices here: explorer-service.ts owns those and hands messages in.
import type { ExplorerStats } from '../../../src-shared/contract/explorer';
import type { Qos } from '../../../src-shared/contract/schemas';
import type { PublishRequest } from '../mqtt/mqtt-client-service';
import { ExplorerModel } from './explorer-model';
import { childrenOf, messageDetail, requireNode, searchTopics, topicDetail, type ChildSort, type SearchRequest } from './explorer-queries';
import { EXPORT_MIME_TYPES, exportFileName, exportHistory, type ExportFormat } from './history-export';
import { toExplorerMessage } from './payload-view';
import { RetainedUndo } from './retained-undo';
import { TreeUpdateBatcher, type TreeUpdate } from './tree-update-batcher';

export interface HistoryLimits {
  perTopic?: number | undefined;
  totalMB?: number | undefined;
}

export interface ExplorerTopicsOptions {
  now: () => number;
  /** How often tree events go out at most. */
  batchIntervalMs: number;
  emit: (update: TreeUpdate) => void;
  /** Publishes as the explorer's own client (to clear or restore a retained message). */
  publish: (request: Omit<PublishRequest, 'clientName'>) => Promise<unknown>;
}

export class ExplorerTopics {
  private readonly model: ExplorerModel;
  private readonly batcher: TreeUpdateBatcher;
  private readonly undo: RetainedUndo;
  /** The history limits the student chose (saved); the model's defaults otherwise. */
  private readonly chosen: { perTopic?: number; totalMB?: number } = {};

  constructor(private readonly options: ExplorerTopicsOptions) {
    this.model = new ExplorerModel(options.now());
    this.batcher = new TreeUpdateBatcher({ model: () => this.model, now: options.now, intervalMs: options.batchIntervalMs, emit: options.emit });
    this.undo = new RetainedUndo(options.now);
  }

  ingest(topic: string, payload: Buffer, qos: Qos, retain: boolean): void {
    this.model.ingest(topic, payload, qos, retain, this.options.now());
    this.batcher.noteChange();
  }

  stats(): ExplorerStats {
    return this.model.stats(this.options.now());
  }

  get isEmpty(): boolean {
    return this.model.rootNode.subtreeCount === 0;
  }

  /** Forgets every topic and tells the UI (a `cleared` tree event). */
  clear(): void {
    this.model.clear();
    this.batcher.cleared();
  }

  setView(expanded: string[], selected: string | null): void {
    this.batcher.setView(expanded, selected);
  }

  getChildren(request: { parent: string | null; sort: ChildSort; offset: number; limit: number }) {
    return childrenOf(this.model, request, this.options.now());
  }

  search(request: SearchRequest) {
    return searchTopics(this.model, request, this.options.now());
  }

  getTopic(request: { topic: string; afterId?: number | undefined; maxBytesPerMessage: number }) {
    return topicDetail(this.model, request, this.options.now());
  }

  getMessage(request: { topic: string; id: number; maxBytes: number }) {
    return messageDetail(this.model, request);
  }

  get chosenLimits(): { perTopic?: number; totalMB?: number } {
    return { ...this.chosen };
  }

  applyLimits(limits: HistoryLimits): void {
    if (limits.perTopic !== undefined) this.chosen.perTopic = limits.perTopic;
    if (limits.totalMB !== undefined) this.chosen.totalMB = limits.totalMB;
    this.model.setLimits({
      ...(limits.perTopic !== undefined ? { perTopic: limits.perTopic } : {}),
      ...(limits.totalMB !== undefined ? { totalBytes: limits.totalMB * 1024 * 1024 } : {}),
    });
    this.batcher.noteChange();
  }

  /** Publishes the empty retained message that makes the broker forget the topic's retained message. */
  async clearRetained(topic: string): Promise<{ topic: string; undoToken: string | null; undoSeconds: number }> {
    const node = this.model.find(topic);
    const previous = node ? [...this.model.messagesOf(node)].reverse().find((message) => message.sizeBytes > 0) : undefined;
    await this.options.publish({ topic, payload: '', payloadEncoding: 'utf8', qos: 1, retain: true });
    this.model.markRetainedCleared(topic);
    this.batcher.noteChange();
    const undoToken = previous ? this.undo.remember(previous) : null;
    return { topic, undoToken, undoSeconds: this.undo.windowSeconds };
  }

  async restoreRetained(undoToken: string): Promise<{ topic: string; sizeBytes: number }> {
    const saved = this.undo.take(undoToken);
    await this.options.publish({ topic: saved.topic, payload: saved.bytes.toString('base64'), payloadEncoding: 'base64', qos: 1, retain: true });
    this.model.markRetained(saved.topic);
    this.batcher.noteChange();
    return { topic: saved.topic, sizeBytes: saved.bytes.length };
  }

  exportHistory(topic: string, format: ExportFormat) {
    const node = requireNode(this.model, topic);
    const messages = [...this.model.messagesOf(node)].map((message) => toExplorerMessage(message, Infinity, this.model.epochMs));
    return { fileName: exportFileName(topic, format), mimeType: EXPORT_MIME_TYPES[format], text: exportHistory(messages, format), messageCount: messages.length };
  }

  dispose(): void {
    this.batcher.dispose();
  }
}
