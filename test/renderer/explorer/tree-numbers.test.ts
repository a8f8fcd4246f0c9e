// Big counts in the live tree read the way the student's language writes numbers (grouped: 16,829), in English and
// Telugu, exactly as vue-i18n's n() writes them; the tree formats them with a cached formatter (bench explorer-ui).
import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import App from '../../../src-renderer/src/App.vue';
import { createLabI18n } from '../../../src-renderer/src/i18n';
import { mountLab } from '../support/mount-lab';
import { explorerBridge, giveElementsASize, makeNode, makeState } from './explorer-fakes';

enableAutoUnmount(afterEach);
let restoreSize: () => void;
beforeEach(() => (restoreSize = giveElementsASize()));
afterEach(() => restoreSize());

describe('numbers in the topic tree', () => {
  it('groups large counts in the row and the totals, in English and in Telugu', async () => {
    const flood = makeNode('flood', { ownCount: 16_829, subtreeCount: 16_829 });
    const bridge = explorerBridge({ children: { '': [flood] } });
    const { wrapper } = await mountLab(App, { bridge });
    bridge.emit('explorer.treeUpdated', { changed: [flood], stats: { ...makeState().stats, topicCount: 20_000, messageCount: 1_234_567 }, cleared: false });
    await nextTick();

    const ownCount = () => wrapper.get('[data-testid="own-count"]').text();
    const totals = () => wrapper.get('[data-testid="tree-stats"]').text();
    expect(ownCount()).toBe('16,829');
    expect(totals()).toContain('20,000 topics · 1,234,567 messages');

    const reference = createLabI18n('te').global;
    (wrapper.vm as unknown as { $i18n: { locale: string } }).$i18n.locale = 'te';
    await nextTick();
    expect(ownCount()).toBe(reference.n(16_829));
    expect(totals()).toContain(reference.n(1_234_567));
    expect(totals()).not.toContain('messages');
  });
});
