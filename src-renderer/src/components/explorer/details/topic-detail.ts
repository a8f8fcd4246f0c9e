// State and actions of the selected topic for the explorer store: its node, history (oldest first) kept live with
// afterId requests, the whole body of a large message on demand, re-publish, clear retained with undo, export.
// Gets the store's `call` (the one way to the bridge) injected; components use it only through the store.
import { ref, shallowRef, type Ref } from 'vue';
import type { CommandInput, CommandName, CommandOutput } from '../../../../../src-shared/contract/commands';
import type { ExplorerMessage, ExplorerNode } from '../../../../../src-shared/contract/explorer';
import type { LabErrorInfo } from '../../../../../src-shared/contract/result';
import type { Qos } from '../../../../../src-shared/contract/schemas';
import { LAB_CLIENT_NAME } from '../../../stores/bridge-call';

export type StoreCall = <K extends CommandName>(error: Ref<LabErrorInfo | null>, name: K, input: CommandInput<K>) => Promise<CommandOutput<K> | undefined>;

/** Bytes of each history message fetched with the topic; a bigger one says so and loads whole on demand. */
export const HISTORY_PREVIEW_BYTES = 16 * 1024;

export interface TopicDetail {
  node: ExplorerNode;
  messages: ExplorerMessage[];
  historyLength: number;
  historyLimit: number;
}

export interface PublishEdit {
  topic: string;
  payload: string;
  payloadEncoding: 'utf8' | 'base64';
  qos: Qos;
  retain: boolean;
}

export interface RetainedUndo {
  topic: string;
  token: string;
  expiresAtMs: number;
}

export function createTopicDetail(call: StoreCall, now: () => number = Date.now) {
  const selected = ref<string | null>(null);
  const detail = shallowRef<TopicDetail | null>(null);
  /** Whole messages loaded on demand, by id (only for the selected topic). */
  const wholeMessages = shallowRef(new Map<number, ExplorerMessage>());
  const error = ref<LabErrorInfo | null>(null);
  const published = ref<{ topic: string; sizeBytes: number } | null>(null);
  const undo = ref<RetainedUndo | null>(null);
  let loading: Promise<void> | null = null;
  let again = false;
  let undoTimer: ReturnType<typeof setTimeout> | undefined;

  async function load(topic: string): Promise<void> {
    const known = detail.value?.node.topic === topic ? detail.value : null;
    const afterId = known?.messages.at(-1)?.id;
    const input = { topic, maxBytesPerMessage: HISTORY_PREVIEW_BYTES, ...(afterId === undefined ? {} : { afterId }) };
    const value = await call(error, 'explorer.getTopic', input);
    if (!value || selected.value !== topic) return;
    const messages = known ? [...known.messages, ...value.messages].slice(-value.historyLimit) : value.messages;
    detail.value = { node: value.node, messages, historyLength: value.historyLength, historyLimit: value.historyLimit };
  }

  /** Fetches what is new for the selected topic; one request at a time, a burst of updates costs at most two. */
  function refresh(): Promise<void> {
    const topic = selected.value;
    if (topic === null) return Promise.resolve();
    if (loading) {
      again = true;
      return loading;
    }
    loading = load(topic).finally(() => {
      loading = null;
      if (again) {
        again = false;
        void refresh();
      }
    });
    return loading;
  }

  function select(topic: string | null): Promise<void> {
    if (topic === selected.value) return Promise.resolve();
    selected.value = topic;
    detail.value = null;
    wholeMessages.value = new Map();
    error.value = null;
    return refresh();
  }

  /** A treeUpdated batch changed these nodes: keep the header current and fetch new messages of the selected one. */
  function onNodesChanged(changed: readonly ExplorerNode[]): void {
    const current = detail.value;
    const node = changed.find((candidate) => candidate.topic === selected.value);
    if (!node || !current || current.node.topic !== node.topic) return;
    detail.value = { ...current, node };
    if ((node.last?.id ?? -1) > (current.messages.at(-1)?.id ?? -1)) void refresh();
  }

  async function loadWhole(message: ExplorerMessage): Promise<ExplorerMessage | undefined> {
    if (!message.truncated) return message;
    const cached = wholeMessages.value.get(message.id);
    if (cached) return cached;
    const whole = await call(error, 'explorer.getMessage', { topic: message.topic, id: message.id, maxBytes: message.sizeBytes });
    if (whole) wholeMessages.value = new Map(wholeMessages.value).set(whole.id, whole);
    return whole;
  }

  async function publish(edit: PublishEdit): Promise<boolean> {
    published.value = null;
    const sent = await call(error, 'mqtt.publish', { clientName: LAB_CLIENT_NAME, ...edit });
    if (sent) published.value = { topic: edit.topic, sizeBytes: sent.sizeBytes };
    return Boolean(sent);
  }

  /** Publishes the message again exactly as it came (loading its whole body first if it was cut). */
  async function republish(message: ExplorerMessage): Promise<boolean> {
    const whole = await loadWhole(message);
    if (!whole) return false;
    const { topic, payload, payloadEncoding, qos, retain } = whole;
    return publish({ topic, payload, payloadEncoding, qos, retain });
  }

  async function clearRetained(topic: string): Promise<boolean> {
    const cleared = await call(error, 'explorer.clearRetained', { topic });
    if (!cleared) return false;
    clearTimeout(undoTimer);
    undo.value = cleared.undoToken ? { topic, token: cleared.undoToken, expiresAtMs: now() + cleared.undoSeconds * 1000 } : null;
    if (undo.value) undoTimer = setTimeout(() => (undo.value = null), cleared.undoSeconds * 1000);
    return true;
  }

  async function undoClearRetained(): Promise<boolean> {
    const pending = undo.value;
    if (!pending) return false;
    clearTimeout(undoTimer);
    undo.value = null;
    return Boolean(await call(error, 'explorer.restoreRetained', { undoToken: pending.token }));
  }

  function exportHistory(topic: string, format: 'jsonl' | 'csv') {
    return call(error, 'explorer.exportHistory', { topic, format });
  }

  function reset(): void {
    detail.value = null;
    wholeMessages.value = new Map();
  }

  return {
    selected,
    detail,
    wholeMessages,
    detailError: error,
    published,
    undo,
    select,
    refreshDetail: refresh,
    onNodesChanged,
    loadWhole,
    publish,
    republish,
    clearRetained,
    undoClearRetained,
    exportHistory,
    resetDetail: reset,
  };
}
