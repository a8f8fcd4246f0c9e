// The renderer's copy of the part of the topic tree the student can see: loaded child lists of the top level and of
// expanded nodes, kept current from explorer.treeUpdated batches. Plain TypeScript (no Vue): work per batch is
// proportional to the changed nodes; flattening into rows is proportional to the rows that can be shown.
import type { ExplorerNode } from '../../../../../src-shared/contract/explorer';

export type TreeSort = 'name' | 'count' | 'recent';

export interface TreeRow {
  topic: string;
  depth: number;
  hasChildren: boolean;
  expanded: boolean;
  /** 1-based position among its siblings and their number (aria-posinset / aria-setsize). */
  position: number;
  siblings: number;
}

/** A row as the tree component shows it. */
export interface DisplayRow extends TreeRow {
  node: ExplorerNode;
  /** What the row shows as its name: the last level in the tree, the whole topic in search results. */
  label: string;
  /** When the node last changed (ms) and in which batch, so the row flashes once per update. */
  changedAtMs: number;
  changedBatch: number;
}

export const ROW_HEIGHT_PX = 44;

/** The node's parent topic, or null for a top-level node ("/a" has the parent "", the empty first level). */
export function parentTopic(node: Pick<ExplorerNode, 'topic' | 'depth'>): string | null {
  return node.depth <= 1 ? null : node.topic.slice(0, node.topic.lastIndexOf('/'));
}

/** How long a row shows that it was just updated. */
export const FLASH_MS = 800;
const FLASH_MEMORY_LIMIT = 2000;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function compareNodes(sort: TreeSort, a: ExplorerNode, b: ExplorerNode): number {
  if (sort === 'count' && a.subtreeCount !== b.subtreeCount) return b.subtreeCount - a.subtreeCount;
  if (sort === 'recent' && a.lastMs !== b.lastMs) return (b.lastMs ?? 0) - (a.lastMs ?? 0);
  return collator.compare(a.name, b.name) || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0);
}

export class TopicTreeModel {
  readonly nodes = new Map<string, ExplorerNode>();
  /** Loaded child lists by parent topic (null = top level), sorted by `sort`. */
  private readonly children = new Map<string | null, string[]>();
  /** Topics that sit in some loaded list, so a new node is found in O(1). */
  private readonly listed = new Set<string>();
  private readonly dirty = new Set<string | null>();
  readonly expanded = new Set<string>();
  /** When each node last changed and in which batch: rows flash for a moment after an update. */
  readonly changedAt = new Map<string, { atMs: number; batch: number }>();
  private batch = 0;

  constructor(public sort: TreeSort = 'name') {}

  get batchNumber(): number {
    return this.batch;
  }

  hasChildrenLoaded(parent: string | null): boolean {
    return this.children.has(parent);
  }

  setChildren(parent: string | null, nodes: readonly ExplorerNode[]): void {
    for (const topic of this.children.get(parent) ?? []) this.listed.delete(topic);
    for (const node of nodes) {
      this.nodes.set(node.topic, node);
      this.listed.add(node.topic);
    }
    this.children.set(parent, nodes.map((node) => node.topic));
    this.dirty.add(parent);
    this.sortDirty();
  }

  /** Applies one treeUpdated batch. True when a loaded list gained a node (the rows change shape). */
  applyChanged(changed: readonly ExplorerNode[], nowMs: number): boolean {
    this.batch++;
    let grew = false;
    for (const node of changed) {
      const before = this.nodes.get(node.topic);
      this.nodes.set(node.topic, node);
      if (!before || before.lastMs !== node.lastMs) this.changedAt.set(node.topic, { atMs: nowMs, batch: this.batch });
      const parent = parentTopic(node);
      const list = this.children.get(parent);
      if (!list) continue;
      if (!this.listed.has(node.topic)) {
        list.push(node.topic);
        this.listed.add(node.topic);
        grew = true;
      }
      this.dirty.add(parent);
    }
    if (this.changedAt.size > FLASH_MEMORY_LIMIT) this.forgetOldChanges(nowMs);
    return grew;
  }

  private forgetOldChanges(nowMs: number): void {
    for (const [topic, change] of this.changedAt) {
      if (nowMs - change.atMs > FLASH_MS) this.changedAt.delete(topic);
    }
  }

  /** Re-sorts the lists that changed since the last sort; count and recent orders are throttled by the caller. */
  sortDirty(): void {
    for (const parent of this.dirty) {
      const list = this.children.get(parent);
      if (!list) continue;
      list.sort((a, b) => compareNodes(this.sort, this.nodes.get(a)!, this.nodes.get(b)!));
    }
    this.dirty.clear();
  }

  setSort(sort: TreeSort): void {
    this.sort = sort;
    for (const parent of this.children.keys()) this.dirty.add(parent);
    this.sortDirty();
  }

  /** Collapses the node and everything below it, and forgets their child lists (they stop being updated). */
  collapse(topic: string): void {
    const stack = [topic];
    while (stack.length > 0) {
      const current = stack.pop()!;
      this.expanded.delete(current);
      const list = this.children.get(current);
      if (!list) continue;
      for (const child of list) {
        this.listed.delete(child);
        this.nodes.delete(child);
        this.changedAt.delete(child);
        stack.push(child);
      }
      this.children.delete(current);
    }
  }

  /** The rows the tree can show: top level, and below each expanded node its loaded children. */
  rows(): TreeRow[] {
    const rows: TreeRow[] = [];
    this.visit(null, (topic, node, expanded, position, siblings) => {
      rows.push({ topic, depth: node.depth, hasChildren: node.childCount > 0, expanded, position, siblings });
    });
    return rows;
  }

  /**
   * The same rows as the tree component shows them, one object each, built in one pass: the store calls this on
   * every batch, and copying rows() into new objects cost ten times more (about 150 ms for 20,000 rows).
   */
  displayRows(): DisplayRow[] {
    const rows: DisplayRow[] = [];
    this.visit(null, (topic, node, expanded, position, siblings) => {
      const change = this.changedAt.get(topic);
      rows.push({
        topic,
        depth: node.depth,
        hasChildren: node.childCount > 0,
        expanded,
        position,
        siblings,
        node,
        label: node.name,
        changedAtMs: change?.atMs ?? 0,
        changedBatch: change?.batch ?? 0,
      });
    });
    return rows;
  }

  private visit(parent: string | null, onRow: (topic: string, node: ExplorerNode, expanded: boolean, position: number, siblings: number) => void): void {
    const list = this.children.get(parent) ?? [];
    for (let index = 0; index < list.length; index++) {
      const topic = list[index]!;
      const node = this.nodes.get(topic);
      if (!node) continue;
      const expanded = this.expanded.has(topic) && this.children.has(topic);
      onRow(topic, node, expanded, index + 1, list.length);
      if (expanded) this.visit(topic, onRow);
    }
  }

  clear(): void {
    this.nodes.clear();
    this.children.clear();
    this.listed.clear();
    this.dirty.clear();
    this.expanded.clear();
    this.changedAt.clear();
  }
}
