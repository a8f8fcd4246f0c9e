// The live topic tree on the Explorer page: rows come from getChildren, batched treeUpdated events change counts and
// add nodes without reloading the tree, and the keyboard works as the ARIA tree pattern says.
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import App from '../../../src-renderer/src/App.vue';
import { mountLab } from '../support/mount-lab';
import { explorerBridge, giveElementsASize, makeMessage, makeNode, makeState } from './explorer-fakes';

enableAutoUnmount(afterEach);
let restoreSize: () => void;
beforeEach(() => (restoreSize = giveElementsASize()));
afterEach(() => restoreSize());

function treeRows(wrapper: VueWrapper) {
  return wrapper.get('[role="tree"]').findAll('[role="treeitem"]');
}

function row(wrapper: VueWrapper, topic: string) {
  const found = treeRows(wrapper).find((candidate) => candidate.attributes('data-topic') === topic);
  if (!found) throw new Error(`No row for ${topic}; rows: ${treeRows(wrapper).map((r) => r.attributes('data-topic')).join(', ')}`);
  return found;
}

const stats = makeState().stats;

describe('topic tree', () => {
  it('shows the top level, then applies batched updates in place without reloading the tree', async () => {
    const home = makeNode('home', { childCount: 2, ownCount: 0, subtreeCount: 5, last: null });
    const bridge = explorerBridge({ children: { '': [home, makeNode('lab-test01', { childCount: 1, ownCount: 0, subtreeCount: 1, last: null })] } });
    const { wrapper } = await mountLab(App, { bridge });

    expect(treeRows(wrapper).map((candidate) => candidate.attributes('data-topic'))).toEqual(['home', 'lab-test01']);
    expect(row(wrapper, 'home').attributes('aria-expanded')).toBe('false');
    expect(row(wrapper, 'home').attributes('aria-level')).toBe('1');
    expect(row(wrapper, 'home').text()).toContain('5 in all');

    bridge.emit('explorer.treeUpdated', {
      changed: [
        { ...home, subtreeCount: 9, messagesPerSecond: 4 },
        makeNode('garden', { ownCount: 3, subtreeCount: 3, retained: true, last: { id: 7, preview: '21.5', kind: 'text', sizeBytes: 4, qos: 1, retain: true, receivedAtMs: 2_000 } }),
      ],
      stats: { ...stats, topicCount: 3, messageCount: 13 },
      cleared: false,
    });
    await flushPromises();

    expect(treeRows(wrapper).map((candidate) => candidate.attributes('data-topic'))).toEqual(['garden', 'home', 'lab-test01']);
    expect(row(wrapper, 'home').text()).toContain('9 in all');
    expect(row(wrapper, 'home').text()).toContain('4.0/s');
    const garden = row(wrapper, 'garden');
    expect(garden.get('[data-testid="own-count"]').text()).toBe('3');
    expect(garden.get('[data-testid="preview"]').text()).toBe('21.5');
    expect(garden.attributes('aria-label')).toContain('retained');
    expect(garden.text()).toContain('QoS 1');
    expect(garden.classes().some((name) => name.startsWith('flash-'))).toBe(true);
    expect(wrapper.get('[data-testid="tree-stats"]').text()).toContain('3 topics · 13 messages');
    // One load of the top level at start; the batch was applied in place.
    expect(bridge.invokesOf('explorer.getChildren')).toHaveLength(1);
  });

  it('expands with the keyboard, shows children at level 2 and tells the main side what is expanded', async () => {
    const home = makeNode('home', { childCount: 1, ownCount: 0, subtreeCount: 2, last: null });
    const bridge = explorerBridge({ children: { '': [home], home: [makeNode('home/kitchen', { ownCount: 2, subtreeCount: 2 })] } });
    const { wrapper } = await mountLab(App, { bridge });
    const tree = wrapper.get('[role="tree"]');

    await tree.trigger('focus');
    await tree.trigger('keydown', { key: 'ArrowRight' });
    await flushPromises();
    expect(row(wrapper, 'home').attributes('aria-expanded')).toBe('true');
    expect(row(wrapper, 'home/kitchen').attributes('aria-level')).toBe('2');
    expect(bridge.invokesOf('explorer.setView').at(-1)).toEqual({ expanded: ['home'], selected: null });

    await tree.trigger('keydown', { key: 'ArrowDown' });
    expect(tree.attributes('aria-activedescendant')).toBe(row(wrapper, 'home/kitchen').attributes('id'));
    await tree.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(bridge.invokesOf('explorer.getTopic').at(-1)).toMatchObject({ topic: 'home/kitchen' });
    expect(row(wrapper, 'home/kitchen').attributes('aria-selected')).toBe('true');

    await tree.trigger('keydown', { key: 'ArrowLeft' });
    await tree.trigger('keydown', { key: 'ArrowLeft' });
    await flushPromises();
    expect(row(wrapper, 'home').attributes('aria-expanded')).toBe('false');
    expect(treeRows(wrapper)).toHaveLength(1);
  });

  it('keeps the selected topic live: a newer message on it is fetched with afterId', async () => {
    const topic = 'lab-test01/telemetry';
    const messages = [makeMessage(1, '{"light":300}')];
    const bridge = explorerBridge({ children: { '': [makeNode(topic, { depth: 1 })] }, topics: { [topic]: messages } });
    const { wrapper } = await mountLab(App, { bridge });
    await row(wrapper, topic).trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="details-topic"]').text()).toBe(topic);
    expect(wrapper.get('[data-testid="plot-summary"]').text()).toBe('light: 1 point, 300');

    messages.push(makeMessage(2, '{"light":280}'));
    bridge.emit('explorer.treeUpdated', {
      changed: [makeNode(topic, { depth: 1, ownCount: 2, last: { id: 2, preview: '{"light":280}', kind: 'text', sizeBytes: 13, qos: 0, retain: false, receivedAtMs: 3_000 } })],
      stats,
      cleared: false,
    });
    await flushPromises();
    expect(bridge.invokesOf('explorer.getTopic').at(-1)).toMatchObject({ topic, afterId: 1 });
    expect(wrapper.get('[data-testid="plot-summary"]').text()).toBe('light: 2 points, latest 280, lowest 280, highest 300');
  });
});
