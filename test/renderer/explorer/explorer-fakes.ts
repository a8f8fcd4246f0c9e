// Test data for the Explorer page: nodes, messages, a FakeBridge with explorer.* handlers over a tiny in-memory
// tree, and a DOM size for happy-dom (which lays nothing out) so virtualized lists render their rows.
import { ok } from '../../../src-shared/contract/result';
import type { ExplorerMessage, ExplorerNode, ExplorerState } from '../../../src-shared/contract/explorer';
import { FakeBridge } from '../support/fake-bridge';

export function makeNode(topic: string, overrides: Partial<ExplorerNode> = {}): ExplorerNode {
  const levels = topic.split('/');
  return {
    topic,
    name: levels.at(-1) ?? '',
    depth: levels.length,
    childCount: 0,
    ownCount: 1,
    subtreeCount: 1,
    messagesPerSecond: 0,
    lastMs: 1_000,
    last: { id: 1, preview: '{"light":312}', kind: 'text', sizeBytes: 13, qos: 0, retain: false, receivedAtMs: 1_000 },
    retained: false,
    ...overrides,
  };
}

export function makeMessage(id: number, payload: string, overrides: Partial<ExplorerMessage> = {}): ExplorerMessage {
  return {
    id,
    topic: 'lab-test01/telemetry',
    payload,
    payloadEncoding: 'utf8',
    sizeBytes: new TextEncoder().encode(payload).length,
    truncated: false,
    qos: 0,
    retain: false,
    receivedAtMs: Date.UTC(2025, 0, 1, 12, 0, id),
    ...overrides,
  };
}

export function makeState(overrides: Partial<ExplorerState['status']> = {}): ExplorerState {
  return {
    status: {
      client: null,
      profileId: 'builtin',
      profileKind: 'builtin',
      studentId: 'lab-test01',
      defaultFilter: '#',
      subscriptions: [{ filter: '#', qos: 0, state: 'active', grantedQos: 0 }],
      notice: null,
      ...overrides,
    },
    stats: {
      topicCount: 0,
      nodeCount: 0,
      messageCount: 0,
      messagesPerSecond: 0,
      historyMessages: 0,
      historyBytesUsed: 0,
      historyBytesCap: 64 * 1048576,
      perTopicHistoryLimit: 100,
      evictedByMemoryCap: 0,
    },
  };
}

/** A FakeBridge whose explorer answers from `children` (by parent, '' key for the top level) and `topics`. */
export function explorerBridge(options: {
  children?: Record<string, ExplorerNode[]>;
  topics?: Record<string, ExplorerMessage[]>;
  state?: ExplorerState;
} = {}): FakeBridge {
  const children = options.children ?? {};
  const topics = options.topics ?? {};
  return new FakeBridge()
    .handle('explorer.getState', () => ok(options.state ?? makeState()))
    .handle('explorer.setView', () => ok({ done: true }))
    .handle('explorer.getChildren', ({ parent }) => {
      const list = children[parent ?? ''] ?? [];
      return ok({ parent: parent ?? null, total: list.length, children: list });
    })
    .handle('explorer.getTopic', ({ topic, afterId }) => {
      const messages = (topics[topic] ?? []).filter((message) => afterId === undefined || message.id > afterId);
      const known = Object.values(children).flat().find((candidate) => candidate.topic === topic);
      const node = { ...(known ?? makeNode(topic)), ownCount: topics[topic]?.length ?? 0 };
      return ok({ node, messages, historyLength: topics[topic]?.length ?? 0, historyLimit: 100 });
    })
    .handle('explorer.search', ({ filter, text }) => {
      const all = Object.values(children).flat();
      const results = all.filter((node) => (text ? node.topic.includes(text) : true)).map((node) => ({ node, matches: Boolean(filter) }));
      return ok({ results, totalMatches: results.length, totalTopics: all.length, truncated: false });
    });
}

/** happy-dom has no layout: give every element a size, so the virtualizers render the rows on "screen". */
export function giveElementsASize(heightPx = 800, widthPx = 600): () => void {
  const height = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  const width = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => heightPx });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => widthPx });
  return () => {
    if (height) Object.defineProperty(HTMLElement.prototype, 'clientHeight', height);
    else delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
    if (width) Object.defineProperty(HTMLElement.prototype, 'clientWidth', width);
    else delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
  };
}
