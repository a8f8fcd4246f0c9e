// The Explorer page's state and the only caller of explorer.* commands: status and subscriptions, the visible part of
// the topic tree (kept live from batched explorer.treeUpdated events), search, the selected topic and known topics.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { CommandInput, CommandName } from '../../../src-shared/contract/commands';
import type { ExplorerNode, ExplorerStats, ExplorerStatus } from '../../../src-shared/contract/explorer';
import type { LabErrorInfo } from '../../../src-shared/contract/result';
import type { Qos } from '../../../src-shared/contract/schemas';
import type { ErrorText } from '../../../src-shared/i18n/error-text';
import { describeInvalidFilter } from '../../../src-shared/mqtt/topic-rules';
import { hostLinkOf, useBridge } from '../bridge';
import { createTopicDetail } from '../components/explorer/details/topic-detail';
import { TopicTreeModel, type DisplayRow, type TreeSort } from '../components/explorer/tree/tree-model';
import { callInto } from './bridge-call';

export type SearchMode = 'text' | 'filter';

/** Count and recent orders move rows around; re-sorting at most this often keeps them clickable. */
export const RESORT_INTERVAL_MS = 1000;
const SEARCH_REFRESH_MS = 1000;
const KNOWN_TOPICS_LIMIT = 20_000;
const CHILDREN_LIMIT = 50_000;

export const useExplorerStore = defineStore('explorer', () => {
  const bridge = useBridge();
  const model = new TopicTreeModel();
  const status = ref<ExplorerStatus | null>(null);
  const stats = ref<ExplorerStats | null>(null);
  const error = ref<LabErrorInfo | null>(null);
  const subscriptionError = ref<LabErrorInfo | null>(null);
  /** The lab's student ID as the explorer follows it: it changes when the Lesson's profile bar picks another student. */
  const studentId = ref('');
  const sort = ref<TreeSort>('name');
  const rows = shallowRef<DisplayRow[]>([]);
  const searchQuery = ref('');
  const searchMode = ref<SearchMode>('text');
  const searchProblem = ref<ErrorText | null>(null);
  const searchResults = shallowRef<{ nodes: ExplorerNode[]; total: number; truncated: boolean } | null>(null);
  const knownTopics = shallowRef<string[]>([]);
  const loaded = ref(false);
  let lastSortMs = 0;
  let sortTimer: ReturnType<typeof setTimeout> | undefined;
  let searchTimer: ReturnType<typeof setTimeout> | undefined;

  const call = <K extends CommandName>(target: typeof error, name: K, input: CommandInput<K>) => callInto(bridge, target, name, input);
  const detail = createTopicDetail(call);

  function refreshRows(): void {
    rows.value = model.displayRows();
  }

  function sortNow(): void {
    clearTimeout(sortTimer);
    sortTimer = undefined;
    lastSortMs = Date.now();
    model.sortDirty();
    refreshRows();
  }

  /** Name order only changes when nodes arrive; count and recent orders are re-sorted at most once a second. */
  function sortSoon(grew: boolean): void {
    if (sort.value === 'name' && grew) return sortNow();
    if (sort.value === 'name' || sortTimer) return;
    const waitMs = Math.max(0, lastSortMs + RESORT_INTERVAL_MS - Date.now());
    sortTimer = setTimeout(sortNow, waitMs);
  }

  function takeStatus(next: ExplorerStatus): void {
    status.value = next;
    if (next.studentId) studentId.value = next.studentId;
  }

  bridge.on('explorer.statusChanged', takeStatus);
  bridge.on('explorer.treeUpdated', ({ changed, stats: nextStats, cleared }) => {
    stats.value = nextStats;
    if (cleared) {
      model.clear();
      detail.resetDetail();
      void loadChildren(null);
      return;
    }
    const grew = model.applyChanged(changed, Date.now());
    refreshRows();
    sortSoon(grew);
    detail.onNodesChanged(changed);
    if (searchResults.value) scheduleSearch(SEARCH_REFRESH_MS);
  });
  hostLinkOf(bridge).onChange((info) => {
    // The host may have restarted: the tree, the view and the subscriptions are whatever it says now.
    if (info.state === 'open' && loaded.value) void start(true);
  });

  async function loadChildren(parent: string | null): Promise<boolean> {
    const input = { parent, sort: sort.value, limit: CHILDREN_LIMIT };
    const value = await call(error, 'explorer.getChildren', input);
    if (!value) return false;
    model.setChildren(parent, value.children);
    refreshRows();
    return true;
  }

  function sendView(): Promise<unknown> {
    return call(error, 'explorer.setView', { expanded: [...model.expanded], selected: detail.selected.value });
  }

  async function start(force = false): Promise<void> {
    if (loaded.value && !force) return;
    loaded.value = true;
    const [state, settings] = await Promise.all([call(error, 'explorer.getState', {}), call(error, 'settings.get', {})]);
    // Before the explorer first follows a profile its status has no ID yet: the settings have it.
    if (settings) studentId.value = settings.studentId;
    if (state) {
      takeStatus(state.status);
      stats.value = state.stats;
    }
    const expanded = [...model.expanded];
    model.clear();
    await loadChildren(null);
    for (const topic of expanded) if (await loadChildren(topic)) model.expanded.add(topic);
    refreshRows();
    await sendView();
    if (detail.selected.value !== null) await detail.refreshDetail();
  }

  async function expand(topic: string): Promise<void> {
    if (model.expanded.has(topic)) return;
    model.expanded.add(topic);
    if (!(await loadChildren(topic))) model.expanded.delete(topic);
    refreshRows();
    await sendView();
  }

  async function collapse(topic: string): Promise<void> {
    model.collapse(topic);
    refreshRows();
    await sendView();
  }

  async function select(topic: string | null): Promise<void> {
    const loading = detail.select(topic);
    await Promise.all([loading, sendView()]);
  }

  async function setSort(next: TreeSort): Promise<void> {
    sort.value = next;
    model.setSort(next);
    refreshRows();
  }

  async function addSubscription(filter: string, qos: Qos): Promise<boolean> {
    const next = await call(subscriptionError, 'explorer.addSubscription', { filter, qos });
    if (next) takeStatus(next);
    return Boolean(next);
  }

  async function removeSubscription(filter: string): Promise<boolean> {
    const next = await call(subscriptionError, 'explorer.removeSubscription', { filter });
    if (next) takeStatus(next);
    return Boolean(next);
  }

  async function runSearch(): Promise<void> {
    const query = searchQuery.value;
    if (query === '') {
      searchResults.value = null;
      searchProblem.value = null;
      return;
    }
    searchProblem.value = searchMode.value === 'filter' ? describeInvalidFilter(query) : null;
    if (searchProblem.value) return;
    const input = searchMode.value === 'filter' ? { filter: query } : { text: query };
    const value = await call(error, 'explorer.search', { ...input, limit: 2000 });
    if (!value || query !== searchQuery.value) return;
    searchResults.value = { nodes: value.results.map((result) => result.node), total: value.totalMatches, truncated: value.truncated };
  }

  function scheduleSearch(delayMs: number): void {
    if (searchTimer) return;
    searchTimer = setTimeout(() => {
      searchTimer = undefined;
      void runSearch();
    }, delayMs);
  }

  function setSearch(query: string, mode: SearchMode): void {
    searchQuery.value = query;
    searchMode.value = mode;
    clearTimeout(searchTimer);
    searchTimer = undefined;
    scheduleSearch(150);
  }

  /** Every topic the explorer has heard, for the wildcard lab (which matches them itself, instantly). */
  async function loadKnownTopics(): Promise<void> {
    const value = await call(error, 'explorer.search', { filter: '#', includeNonMatching: true, limit: KNOWN_TOPICS_LIMIT });
    if (value) knownTopics.value = value.results.map((result) => result.node.topic);
  }

  async function clearTree(): Promise<void> {
    const next = await call(error, 'explorer.clearTree', {});
    if (!next) return;
    stats.value = next;
    model.clear();
    detail.resetDetail();
    await loadChildren(null);
  }

  async function setHistoryLimits(limits: { perTopic?: number; totalMB?: number }): Promise<boolean> {
    const next = await call(error, 'explorer.setHistoryLimits', limits);
    if (next) stats.value = next;
    return Boolean(next);
  }

  return {
    ...detail,
    status,
    stats,
    error,
    subscriptionError,
    studentId,
    sort,
    rows,
    searchQuery,
    searchMode,
    searchProblem,
    searchResults,
    knownTopics,
    start,
    expand,
    collapse,
    select,
    setSort,
    addSubscription,
    removeSubscription,
    setSearch,
    runSearch,
    loadKnownTopics,
    clearTree,
    setHistoryLimits,
  };
});
