// Turns model changes into explorer.treeUpdated events: at most one per interval (~20/s), carrying only nodes the
// UI can see (top level, children of expanded nodes, the selected node) plus totals. Never walks the whole tree.
import type { ExplorerNode, ExplorerStats } from '../../../src-shared/contract/explorer';
import type { ExplorerModel } from './explorer-model';
import type { TopicNode } from './topic-node';

export interface TreeUpdate {
  changed: ExplorerNode[];
  stats: ExplorerStats;
  cleared: boolean;
}

/** More changed nodes than this wait for the next event, so one event stays small enough to handle in a frame. */
export const MAX_CHANGED_PER_EVENT = 5000;
/** Visible nodes whose rate is still falling are re-sent this often until it reaches 0. */
const RATE_REFRESH_MS = 1000;

export interface BatcherOptions {
  model: () => ExplorerModel;
  now: () => number;
  intervalMs: number;
  emit: (update: TreeUpdate) => void;
}

export class TreeUpdateBatcher {
  private expanded = new Set<string>();
  private selected: string | null = null;
  private readonly pending = new Set<TopicNode>();
  /** Visible nodes last sent with a non-zero rate, and when: they are re-sent while their rate decays. */
  private readonly decaying = new Map<TopicNode, number>();
  private timer: NodeJS.Timeout | undefined;
  /** A slower timer that only refreshes decaying rates; a message brings the next event forward to the interval. */
  private decayTimer: NodeJS.Timeout | undefined;
  private dirty = false;

  constructor(private readonly options: BatcherOptions) {}

  setView(expanded: string[], selected: string | null): void {
    this.expanded = new Set(expanded);
    this.selected = selected;
  }

  /** Called after every ingest: O(1), only starts the timer. */
  noteChange(): void {
    this.dirty = true;
    this.timer ??= setTimeout(() => this.flush(), this.options.intervalMs);
  }

  /** The tree was emptied: tell the UI now, forget what was pending. */
  cleared(): void {
    this.pending.clear();
    this.decaying.clear();
    this.dirty = false;
    const model = this.options.model();
    model.takeChanged();
    this.options.emit({ changed: [], stats: model.stats(this.options.now()), cleared: true });
  }

  flush(): void {
    this.stopTimers();
    const model = this.options.model();
    const now = this.options.now();
    for (const node of model.takeChanged()) if (this.isVisible(node)) this.pending.add(node);
    this.addDecaying(now);
    if (!this.dirty && this.pending.size === 0) return this.scheduleDecay();
    this.dirty = false;
    const changed: ExplorerNode[] = [];
    for (const node of this.pending) {
      if (changed.length >= MAX_CHANGED_PER_EVENT) break;
      this.pending.delete(node);
      const summary = model.summarize(node, now);
      changed.push(summary);
      if (summary.messagesPerSecond > 0) this.decaying.set(node, now);
      else this.decaying.delete(node);
    }
    this.options.emit({ changed, stats: model.stats(now), cleared: false });
    if (this.pending.size > 0) this.timer = setTimeout(() => this.flush(), this.options.intervalMs);
    else this.scheduleDecay();
  }

  private addDecaying(now: number): void {
    for (const [node, sentMs] of this.decaying) {
      if (!this.isVisible(node)) this.decaying.delete(node);
      else if (now - sentMs >= RATE_REFRESH_MS) {
        this.pending.add(node);
        this.dirty = true;
      }
    }
  }

  private scheduleDecay(): void {
    if (this.decaying.size > 0 && !this.timer) this.decayTimer ??= setTimeout(() => this.flush(), RATE_REFRESH_MS);
  }

  private stopTimers(): void {
    clearTimeout(this.timer);
    clearTimeout(this.decayTimer);
    this.timer = undefined;
    this.decayTimer = undefined;
  }

  private isVisible(node: TopicNode): boolean {
    if (node.depth === 1 || node.topic === this.selected) return true;
    return node.parent !== null && this.expanded.has(node.parent.topic);
  }

  dispose(): void {
    this.stopTimers();
    this.pending.clear();
    this.decaying.clear();
  }
}
