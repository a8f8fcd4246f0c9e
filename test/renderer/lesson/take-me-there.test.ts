// "Take me there" from every lesson step (the whole app with a fake bridge, steps with their real targets): the page it
// opens applies every prefill key the step sends and drops it from the address; a key no page reads fails here.
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Router } from 'vue-router';
import App from '../../../src-renderer/src/App.vue';
import { mountLab } from '../support/mount-lab';
import { prefillBridge, STEP_TARGETS } from './prefill-fakes';

enableAutoUnmount(afterEach);

async function pressTakeMeThere(wrapper: VueWrapper, router: Router, id: string): Promise<void> {
  await router.push('/lesson');
  await flushPromises();
  await wrapper.get(`nav button[data-step="${id}"]`).trigger('click');
  await flushPromises();
  await wrapper.get('[data-testid="lesson-go"]').trigger('click');
  await flushPromises();
}

describe('Take me there', () => {
  it('has steps that go to each part of the lab', () => {
    const routes = new Set(STEP_TARGETS.map(({ target }) => target.route));
    expect([...routes].sort()).toEqual(['/explorer', '/nightlight', '/playground']);
    expect(STEP_TARGETS.every(({ target }) => Object.keys(target.prefill).length > 0)).toBe(true);
  });

  it('applies every key of every step on the page it opens', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { wrapper, router } = await mountLab(App, { bridge: prefillBridge(), path: '/lesson' });
    for (const { id, target } of STEP_TARGETS) {
      await pressTakeMeThere(wrapper, router, id);
      await vi.waitFor(() => {
        expect(router.currentRoute.value.path, `step ${id}`).toBe(target.route);
        expect(router.currentRoute.value.query, `step ${id}: keys its page did not apply`).toEqual({});
      });
      // The security step opens the Connection dialog over the Explorer; it is closed before the next step.
      const dialog = document.querySelector<HTMLDialogElement>('dialog[open]');
      expect(Boolean(dialog), `step ${id}: Connection dialog open`).toBe(target.prefill.section === 'connection');
      dialog?.close();
      await flushPromises();
    }
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  }, 60_000);

  it('leaves a key in the address when its page does not understand it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { router } = await mountLab(App, { bridge: prefillBridge(), path: '/playground?experiment=no-such-experiment&colour=red' });
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ experiment: 'no-such-experiment', colour: 'red' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('experiment="no-such-experiment"'));
    warn.mockRestore();
  });

  it('does not fill a field again when the student comes back without pressing the button', async () => {
    const { wrapper, router } = await mountLab(App, { bridge: prefillBridge(), path: '/explorer?filter=lab-test01%2F%23' });
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({}));
    const search = () => wrapper.get<HTMLInputElement>('#tree-search');
    expect(search().element.value).toBe('lab-test01/#');

    await search().setValue('home/#');
    await router.push('/lesson');
    await flushPromises();
    await router.push('/explorer');
    await flushPromises();
    expect(search().element.value).toBe('home/#');
  });
});
