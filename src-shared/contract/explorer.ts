// Commands and events of the Explorer page: names `explorer.verbNoun` / `explorer.nounPastTense`.
// Tree nodes are named by their topic (levels joined by '/'); the root has no node and is asked for with parent null.
import { z } from 'zod';
import { englishError } from '../i18n/error-text';
import { labSentenceSchema } from './lab-sentence';
import { clientStatusSchema, errorTextSchema, filterSchema, payloadEncodingSchema, qosSchema, topicSchema } from './schemas';

/** A node's topic: its levels joined by '/'. May be '' (the empty first level of "/a"), so it is not topicSchema. */
const nodeTopicSchema = z.string().max(65535, englishError('errors.explorer.topicLength'));

/** One node of the topic tree as the UI shows it. Sent by getChildren, search, getTopic and treeUpdated. */
export const explorerNodeSchema = z.object({
  /** Levels joined by '/': "home/livingroom/light". The node's key; its parent is the part before the last '/'. */
  topic: z.string(),
  /** The last level, as shown in the tree: "light". */
  name: z.string(),
  /** 1 for a top-level node. */
  depth: z.number(),
  childCount: z.number(),
  /** Messages received on exactly this topic since the tree was cleared. */
  ownCount: z.number(),
  /** Messages on this topic and every topic below it. */
  subtreeCount: z.number(),
  /** Recent messages per second for this node and everything below it. */
  messagesPerSecond: z.number(),
  /** Time of the last message on this node or below it; null when none yet. */
  lastMs: z.number().nullable(),
  /** Last message on exactly this topic (null for a pure folder node). */
  last: z
    .object({
      id: z.number(),
      /** Up to ~100 characters of text, or hex of the first bytes for binary; '' for an empty payload. */
      preview: z.string(),
      kind: z.enum(['text', 'binary', 'empty']),
      /** True size; preview is always short, so compare with the preview length to show "…". */
      sizeBytes: z.number(),
      qos: qosSchema,
      retain: z.boolean(),
      receivedAtMs: z.number(),
    })
    .nullable(),
  /** The broker holds a retained message for this topic, as far as the explorer has heard. */
  retained: z.boolean(),
});
export type ExplorerNode = z.infer<typeof explorerNodeSchema>;

/** One message with its payload, cut at maxBytes (never silently: truncated + the true sizeBytes). */
export const explorerMessageSchema = z.object({
  /** Unique within this run of the lab; increases with time. */
  id: z.number(),
  topic: z.string(),
  /** Text when payloadEncoding is 'utf8' (valid UTF-8), else base64 of the bytes (show as hex). */
  payload: z.string(),
  payloadEncoding: payloadEncodingSchema,
  sizeBytes: z.number(),
  truncated: z.boolean(),
  qos: qosSchema,
  retain: z.boolean(),
  receivedAtMs: z.number(),
});
export type ExplorerMessage = z.infer<typeof explorerMessageSchema>;

export const explorerSubscriptionSchema = z.object({
  filter: z.string(),
  qos: qosSchema,
  /** active: the broker accepted it; pending: waiting for a connection; failed: refused by the broker. */
  state: z.enum(['active', 'pending', 'failed']),
  grantedQos: z.number().nullable(),
  message: z.string().optional(),
  messageText: errorTextSchema().optional(),
});
export type ExplorerSubscription = z.infer<typeof explorerSubscriptionSchema>;

export const explorerStatusSchema = z.object({
  /** The explorer's own MQTT client ("explorer"); null before it first connects. */
  client: clientStatusSchema.nullable(),
  profileId: z.string(),
  profileKind: z.enum(['builtin', 'public', 'custom']),
  /** The lab's student ID the explorer follows now (settings.studentId; the Lesson's profile bar changes it). */
  studentId: z.string(),
  /** '#' on the built-in broker, '<studentId>/#' elsewhere. */
  defaultFilter: z.string(),
  subscriptions: z.array(explorerSubscriptionSchema),
  /** The latest thing that happened, in words: a reconnect, a re-subscribe, a refused filter, a cleared tree. */
  notice: z.string().nullable(),
  /** The same notice as sentences with keys, for the UI's language; null when the notice has no key form. */
  noticeText: z.array(labSentenceSchema).nullable().optional(),
});
export type ExplorerStatus = z.infer<typeof explorerStatusSchema>;

export const explorerStatsSchema = z.object({
  /** Topics that received at least one message. */
  topicCount: z.number(),
  /** Tree nodes, including folder levels. */
  nodeCount: z.number(),
  messageCount: z.number(),
  messagesPerSecond: z.number(),
  /** Messages kept in history right now, and the memory they use (payload bytes + a fixed overhead each). */
  historyMessages: z.number(),
  historyBytesUsed: z.number(),
  historyBytesCap: z.number(),
  perTopicHistoryLimit: z.number(),
  /** Messages removed from history because the total memory cap was reached (counts are never lost). */
  evictedByMemoryCap: z.number(),
});
export type ExplorerStats = z.infer<typeof explorerStatsSchema>;

export const explorerStateSchema = z.object({ status: explorerStatusSchema, stats: explorerStatsSchema });
export type ExplorerState = z.infer<typeof explorerStateSchema>;

const sortSchema = z.enum(['name', 'count', 'recent']);
const done = z.object({ done: z.literal(true) });
const noInput = z.object({}).strict().default({});
/** Bytes of payload sent per message unless asked for more; the UI asks again with maxBytes = sizeBytes for the rest. */
export const DEFAULT_PREVIEW_BYTES = 64 * 1024;
const maxBytesSchema = z.number().int().min(0).max(268_435_456, englishError('errors.explorer.payloadSize'));

export const explorerCommands = {
  'explorer.getState': { input: noInput, output: explorerStateSchema },
  /** Subscribes the explorer's client (kept across reconnects). A first-level wildcard on a public broker is refused. */
  'explorer.addSubscription': {
    input: z.object({ filter: filterSchema, qos: qosSchema.default(0) }).strict(),
    output: explorerStatusSchema,
  },
  'explorer.removeSubscription': { input: z.object({ filter: filterSchema }).strict(), output: explorerStatusSchema },
  /**
   * Which nodes the UI has expanded and which topic is selected: treeUpdated then carries changes of the
   * top-level nodes, of children of expanded nodes and of the selected node only. Replaces the previous view.
   */
  'explorer.setView': {
    input: z
      .object({ expanded: z.array(nodeTopicSchema).max(20_000).default([]), selected: nodeTopicSchema.nullable().default(null) })
      .strict(),
    output: done,
  },
  /** Children of one node (parent null = the top level), sorted, one page at a time. */
  'explorer.getChildren': {
    input: z
      .object({
        parent: nodeTopicSchema.nullable().default(null),
        sort: sortSchema.default('name'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(50_000).default(5000),
      })
      .strict(),
    output: z.object({ parent: z.string().nullable(), total: z.number(), children: z.array(explorerNodeSchema) }),
  },
  /** Topics (nodes that received messages) whose name contains text (any case), or that match an MQTT filter. */
  'explorer.search': {
    input: z
      .object({
        text: z.string().max(65535).optional(),
        filter: filterSchema.optional(),
        /** With filter: also return topics that do not match (matches: false), for the wildcard lab. */
        includeNonMatching: z.boolean().default(false),
        limit: z.number().int().min(1).max(20_000).default(500),
      })
      .strict(),
    output: z.object({
      results: z.array(z.object({ node: explorerNodeSchema, matches: z.boolean() })),
      totalMatches: z.number(),
      totalTopics: z.number(),
      /** More topics qualified than limit allowed. */
      truncated: z.boolean(),
    }),
  },
  /** One topic: its node and its history (oldest first), each payload cut at maxBytesPerMessage. */
  'explorer.getTopic': {
    input: z
      .object({
        topic: nodeTopicSchema,
        /** Only messages with a larger id: for live updates of an open topic. */
        afterId: z.number().int().min(0).optional(),
        maxBytesPerMessage: maxBytesSchema.default(4096),
      })
      .strict(),
    output: z.object({
      node: explorerNodeSchema,
      messages: z.array(explorerMessageSchema),
      /** Messages of this topic kept right now and the per-topic limit. */
      historyLength: z.number(),
      historyLimit: z.number(),
    }),
  },
  /** One message, with up to maxBytes of payload (the whole 10 MB when asked for). NOT_FOUND once history dropped it. */
  'explorer.getMessage': {
    input: z.object({ topic: nodeTopicSchema, id: z.number().int().min(0), maxBytes: maxBytesSchema.default(DEFAULT_PREVIEW_BYTES) }).strict(),
    output: explorerMessageSchema,
  },
  'explorer.setHistoryLimits': {
    input: z
      .object({
        perTopic: z.number().int().min(1, englishError('errors.explorer.perTopicMin')).max(10_000, englishError('errors.explorer.perTopicMax')).optional(),
        totalMB: z.number().int().min(1, englishError('errors.explorer.totalMin')).max(2048, englishError('errors.explorer.totalMax')).optional(),
      })
      .strict(),
    output: explorerStatsSchema,
  },
  /** Publishes an empty retained message to the topic; undoToken (valid undoSeconds) puts the old one back. */
  'explorer.clearRetained': {
    input: z.object({ topic: topicSchema }).strict(),
    output: z.object({ topic: z.string(), undoToken: z.string().nullable(), undoSeconds: z.number() }),
  },
  'explorer.restoreRetained': {
    input: z.object({ undoToken: z.string().min(1, englishError('errors.explorer.undoEmpty')).max(100) }).strict(),
    output: z.object({ topic: z.string(), sizeBytes: z.number() }),
  },
  /** The topic's history as text: JSON lines (one message per line) or CSV with a header row. */
  'explorer.exportHistory': {
    input: z.object({ topic: nodeTopicSchema, format: z.enum(['jsonl', 'csv']) }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.string(), text: z.string(), messageCount: z.number() }),
  },
  /** Forgets every topic, count and message (subscriptions stay). */
  'explorer.clearTree': { input: noInput, output: explorerStatsSchema },
} as const;

/*
 * How the UI keeps a live tree without pulling it: load the top level with getChildren({parent: null}), and a
 * node's children when it is expanded; tell the lab with setView after every expand, collapse or selection.
 * Each treeUpdated then brings the changed visible nodes (new ones too: insert a node when its parent, the topic
 * up to its last '/', or the root for depth 1, is loaded) and the totals. For the selected topic, a changed node
 * with a new last.id means new messages: fetch them with getTopic({topic, afterId}).
 */
export const explorerEvents = {
  /**
   * At most ~20 per second while messages flow: the changed nodes the UI can see (top level, children of
   * expanded nodes, the selected node) and the totals. cleared: the tree was emptied; reload it.
   */
  'explorer.treeUpdated': z.object({
    changed: z.array(explorerNodeSchema),
    stats: explorerStatsSchema,
    cleared: z.boolean(),
  }),
  'explorer.statusChanged': explorerStatusSchema,
} as const;
