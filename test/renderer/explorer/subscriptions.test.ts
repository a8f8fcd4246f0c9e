// The explorer's own subscriptions: listed with their state, removed with a named button, and on a public broker
// a first-level wildcard is explained before it is sent, with the student's own <ID>/# offered instead.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../src-shared/contract/result';
import App from '../../../src-renderer/src/App.vue';
import { mountLab } from '../support/mount-lab';
import { explorerBridge, makeState } from './explorer-fakes';

enableAutoUnmount(afterEach);

describe('explorer subscriptions', () => {
  it('lists the filters with their state and removes one', async () => {
    const bridge = explorerBridge().handle('explorer.removeSubscription', () => ok({ ...makeState().status, subscriptions: [] }));
    const { wrapper } = await mountLab(App, { bridge });
    const section = wrapper.get('[aria-labelledby="explorer-subscriptions-title"]');
    const item = section.get('.item');
    expect([item.get('.filter').text(), item.get('.muted').text(), item.get('.state').text()]).toEqual(['#', 'QoS 0', 'listening']);
    await section.get('[aria-label="Stop listening to #"]').trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('explorer.removeSubscription')).toEqual([{ filter: '#' }]);
    expect(section.text()).toContain('Nothing yet: add a filter to see topics.');
  });

  it("on a public broker explains why '#' is not allowed and subscribes to <ID>/# instead", async () => {
    const publicState = makeState({ profileKind: 'public', profileId: 'mosquitto-plain', defaultFilter: 'lab-test01/#', subscriptions: [] });
    const bridge = explorerBridge({ state: publicState }).handle('explorer.addSubscription', ({ filter, qos }) =>
      ok({ ...publicState.status, subscriptions: [{ filter, qos: qos ?? 0, state: 'active', grantedQos: 0 }] }),
    );
    const { wrapper } = await mountLab(App, { bridge });
    await wrapper.get('#explorer-filter').setValue('#');
    const explain = wrapper.get('[data-testid="public-wildcard-explain"]');
    expect(explain.text()).toContain('This is a public broker');
    await explain.findAll('button').find((button) => button.text() === 'Listen to lab-test01/# instead')!.trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('explorer.addSubscription')).toEqual([{ filter: 'lab-test01/#', qos: 0 }]);
    expect(wrapper.get('.item .filter').text()).toBe('lab-test01/#');
    expect(wrapper.get('.item .state').text()).toBe('listening');
  });
});
