// Tree tools: search by text or by MQTT filter (results as a flat list of whole topics), an invalid filter explained
// without asking the main side, and sorting by count re-orders the rows.
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../../src-renderer/src/App.vue';
import { mountLab } from '../support/mount-lab';
import { explorerBridge, giveElementsASize, makeNode } from './explorer-fakes';

enableAutoUnmount(afterEach);
let restoreSize: () => void;
beforeEach(() => (restoreSize = giveElementsASize()));
afterEach(() => {
  restoreSize();
  vi.useRealTimers();
});

const labels = (wrapper: VueWrapper) => wrapper.findAll('[role="treeitem"]').map((row) => row.attributes('data-topic'));

describe('tree tools', () => {
  it('searches by text and by filter, and explains an invalid filter without searching', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const nodes = [makeNode('home/kitchen/light'), makeNode('home/kitchen/temperature'), makeNode('school/door')];
    const bridge = explorerBridge({ children: { '': nodes } });
    const { wrapper } = await mountLab(App, { bridge });

    await wrapper.get('#tree-search').setValue('kitchen');
    vi.advanceTimersByTime(200);
    await flushPromises();
    expect(bridge.invokesOf('explorer.search').at(-1)).toEqual({ text: 'kitchen', limit: 2000 });
    expect(wrapper.get('[role="tree"]').attributes('aria-label')).toBe('Topics found');
    expect(labels(wrapper)).toEqual(['home/kitchen/light', 'home/kitchen/temperature']);
    expect(wrapper.text()).toContain('2 topics found');

    await wrapper.get('#tree-search-mode').setValue('filter');
    await wrapper.get('#tree-search').setValue('home/#/light');
    vi.advanceTimersByTime(200);
    await flushPromises();
    expect(wrapper.get('#tree-search-feedback').text()).toContain("'#' matches everything below it");
    expect(bridge.invokesOf('explorer.search').at(-1)).toEqual({ text: 'kitchen', limit: 2000 });

    await wrapper.get('#tree-search').setValue('home/+/light');
    vi.advanceTimersByTime(200);
    await flushPromises();
    expect(bridge.invokesOf('explorer.search').at(-1)).toEqual({ filter: 'home/+/light', limit: 2000 });

    await wrapper.get('#tree-search').setValue('');
    vi.advanceTimersByTime(200);
    await flushPromises();
    expect(wrapper.get('[role="tree"]').attributes('aria-label')).toBe('Topic tree');
  });

  it('sorts by count, busiest first', async () => {
    const nodes = [makeNode('a', { subtreeCount: 2 }), makeNode('b', { subtreeCount: 9 }), makeNode('c', { subtreeCount: 5 })];
    const { wrapper } = await mountLab(App, { bridge: explorerBridge({ children: { '': nodes } }) });
    expect(labels(wrapper)).toEqual(['a', 'b', 'c']);
    await wrapper.get('#tree-sort').setValue('count');
    expect(labels(wrapper)).toEqual(['b', 'c', 'a']);
  });
});
