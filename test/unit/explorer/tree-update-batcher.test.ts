// Tree events the UI can keep up with: at most one per interval however fast messages come, carrying only
// nodes the UI shows (top level, children of expanded nodes, the selected topic) and totals that add up.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExplorerModel } from '../../../src-main/services/explorer/explorer-model';
import { MAX_CHANGED_PER_EVENT, TreeUpdateBatcher, type TreeUpdate } from '../../../src-main/services/explorer/tree-update-batcher';

const T0 = 1_700_000_000_000;

describe('TreeUpdateBatcher', () => {
  let model: ExplorerModel;
  let batcher: TreeUpdateBatcher;
  let events: TreeUpdate[];

  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
    model = new ExplorerModel(T0);
    events = [];
    batcher = new TreeUpdateBatcher({ model: () => model, now: Date.now, intervalMs: 50, emit: (update) => events.push(update) });
  });

  afterEach(() => {
    batcher.dispose();
    vi.useRealTimers();
  });

  function ingest(topic: string, times = 1): void {
    for (let index = 0; index < times; index++) {
      model.ingest(topic, Buffer.from('1'), 0, false, Date.now());
      batcher.noteChange();
    }
  }

  const topicsOf = (update: TreeUpdate | undefined) => (update?.changed ?? []).map((node) => node.topic).sort();

  it('sends one event per 50 ms however many messages arrive, with totals that count them all', () => {
    for (let step = 0; step < 10; step++) {
      ingest(`room/t${step}`, 1000);
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(50);
    expect(events.length).toBeLessThanOrEqual(3);
    expect(events.at(-1)!.stats.messageCount).toBe(10_000);
  });

  it('carries top-level nodes, children of expanded nodes and the selected topic only', () => {
    batcher.setView(['home'], 'far/away/deep/topic');
    ingest('home/kitchen/temp');
    ingest('far/away/deep/topic');
    ingest('far/away/other');
    vi.advanceTimersByTime(50);
    expect(topicsOf(events[0])).toEqual(['far', 'far/away/deep/topic', 'home', 'home/kitchen']);
    expect(events[0]!.changed.find((node) => node.topic === 'home')).toMatchObject({ subtreeCount: 1, childCount: 1 });
  });

  it('still sends totals when only hidden nodes changed', () => {
    ingest('a/b/c');
    vi.advanceTimersByTime(50);
    ingest('a/b/c');
    vi.advanceTimersByTime(50);
    expect(events).toHaveLength(2);
    expect(events[1]!.changed.map((node) => node.topic)).toEqual(['a']);
    expect(events[1]!.stats.messageCount).toBe(2);
  });

  it('spreads a huge change over several events instead of one enormous one', () => {
    batcher.setView(['big'], null);
    for (let index = 0; index < MAX_CHANGED_PER_EVENT + 100; index++) ingest(`big/t${index}`);
    vi.advanceTimersByTime(50);
    expect(events[0]!.changed).toHaveLength(MAX_CHANGED_PER_EVENT);
    vi.advanceTimersByTime(50);
    expect(events[1]!.changed).toHaveLength(101);
  });

  it('re-sends visible nodes while their rate falls, until it reaches 0, then goes quiet', () => {
    ingest('busy', 50);
    vi.advanceTimersByTime(50);
    expect(events[0]!.changed[0]!.messagesPerSecond).toBeGreaterThan(0);
    vi.advanceTimersByTime(15_000);
    const last = events.at(-1)!;
    expect(last.changed[0]).toMatchObject({ topic: 'busy', messagesPerSecond: 0 });
    const count = events.length;
    vi.advanceTimersByTime(10_000);
    expect(events).toHaveLength(count);
    expect(count).toBeLessThan(20);
  });

  it('announces a cleared tree at once', () => {
    ingest('a');
    model.clear();
    batcher.cleared();
    expect(events.at(-1)).toMatchObject({ cleared: true, changed: [], stats: { messageCount: 0 } });
  });
});
