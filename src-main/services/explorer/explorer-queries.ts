// Read-only questions the UI asks the model: children of a node (sorted, paged), search by text or filter,
// one topic with its history, one message. On request only; each is bounded by what it returns or O(tree) at most.
import type { ExplorerMessage, ExplorerNode } from '../../../src-shared/contract/explorer';
import { LabError } from '../../../src-shared/contract/result';
import { errorText } from '../../../src-shared/i18n/error-text';
import { topicMatches } from '../../../src-shared/mqtt/topic-match';
import type { ExplorerModel } from './explorer-model';
import { toExplorerMessage } from './payload-view';
import type { TopicNode } from './topic-node';

export type ChildSort = 'name' | 'count' | 'recent';

// numeric: "sensor9" before "sensor10", as a student expects.
const collator = new Intl.Collator('en', { numeric: true });

const comparators: Record<ChildSort, (a: TopicNode, b: TopicNode) => number> = {
  name: (a, b) => collator.compare(a.name, b.name),
  count: (a, b) => b.subtreeCount - a.subtreeCount || collator.compare(a.name, b.name),
  recent: (a, b) => b.lastOffsetMs - a.lastOffsetMs || collator.compare(a.name, b.name),
};

function quote(topic: string): string {
  return topic.length > 80 ? `"${topic.slice(0, 80)}…"` : `"${topic}"`;
}

export function requireNode(model: ExplorerModel, topic: string): TopicNode {
  const node = model.find(topic);
  if (node) return node;
  throw new LabError('NOT_FOUND', errorText('errors.explorer.unseenTopic', { topic: quote(topic) }), 'topic');
}

export function childrenOf(
  model: ExplorerModel,
  request: { parent: string | null; sort: ChildSort; offset: number; limit: number },
  nowMs: number,
): { parent: string | null; total: number; children: ExplorerNode[] } {
  const node = request.parent === null ? model.rootNode : model.find(request.parent);
  if (!node) {
    throw new LabError('NOT_FOUND', errorText('errors.explorer.noNode', { node: quote(request.parent ?? '') }), 'parent');
  }
  const all = node.children ? [...node.children.values()] : [];
  all.sort(comparators[request.sort]);
  const page = all.slice(request.offset, request.offset + request.limit);
  return { parent: request.parent, total: all.length, children: page.map((child) => model.summarize(child, nowMs)) };
}

export interface SearchRequest {
  text?: string | undefined;
  filter?: string | undefined;
  includeNonMatching: boolean;
  limit: number;
}

/** Topics containing text (any case) and, with a filter, whether the filter matches each (the shared matcher). */
export function searchTopics(model: ExplorerModel, request: SearchRequest, nowMs: number) {
  const needle = request.text?.toLowerCase() ?? '';
  const found: { node: TopicNode; matches: boolean }[] = [];
  let totalMatches = 0;
  let totalTopics = 0;
  for (const node of model.topics()) {
    totalTopics += 1;
    if (needle && !node.topic.toLowerCase().includes(needle)) continue;
    const matches = request.filter === undefined || topicMatches(request.filter, node.topic);
    if (matches) totalMatches += 1;
    if (matches || request.includeNonMatching) found.push({ node, matches });
  }
  found.sort((a, b) => Number(b.matches) - Number(a.matches) || collator.compare(a.node.topic, b.node.topic));
  const results = found.slice(0, request.limit).map(({ node, matches }) => ({ node: model.summarize(node, nowMs), matches }));
  return { results, totalMatches, totalTopics, truncated: found.length > request.limit };
}

export function topicDetail(
  model: ExplorerModel,
  request: { topic: string; afterId?: number | undefined; maxBytesPerMessage: number },
  nowMs: number,
) {
  const node = requireNode(model, request.topic);
  const messages: ExplorerMessage[] = [];
  for (const message of model.messagesOf(node)) {
    if (request.afterId === undefined || message.id > request.afterId) {
      messages.push(toExplorerMessage(message, request.maxBytesPerMessage, model.epochMs));
    }
  }
  return { node: model.summarize(node, nowMs), messages, historyLength: node.historyLength, historyLimit: model.getLimits().perTopic };
}

export function messageDetail(model: ExplorerModel, request: { topic: string; id: number; maxBytes: number }): ExplorerMessage {
  const node = requireNode(model, request.topic);
  const message = model.findMessage(node, request.id);
  if (message) return toExplorerMessage(message, request.maxBytes, model.epochMs);
  const limits = model.getLimits();
  throw new LabError(
    'NOT_FOUND',
    errorText('errors.explorer.messageGone', {
      id: request.id,
      topic: quote(request.topic),
      perTopic: limits.perTopic,
      totalMB: Math.round(limits.totalBytes / 1048576),
    }),
    'id',
  );
}
