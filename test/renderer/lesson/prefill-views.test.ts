// What each page does with the Lesson's "Take me there" values (the whole app opened at the address a step's button
// makes, with a fake bridge): the named part gets the keyboard and the named fields show the lesson's values.
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Router } from 'vue-router';
import App from '../../../src-renderer/src/App.vue';
import { mountLab } from '../support/mount-lab';
import { prefillBridge } from './prefill-fakes';

enableAutoUnmount(afterEach);

async function open(path: string) {
  const mounted = await mountLab(App, { bridge: prefillBridge(), path });
  await vi.waitFor(() => expect(mounted.router.currentRoute.value.query).toEqual({}));
  await flushPromises();
  return mounted;
}

function focusedId(): string {
  return (document.activeElement as HTMLElement | null)?.id ?? '';
}

function inputValue(wrapper: VueWrapper, selector: string): string {
  return wrapper.get<HTMLInputElement>(selector).element.value;
}

function onPage(router: Router): string {
  return router.currentRoute.value.fullPath;
}

describe('Nightlight', () => {
  it('E4: opens at the server with the sensor made dark', async () => {
    const { wrapper, bridge, router } = await open('/nightlight?section=server&light=0');
    expect(onPage(router)).toBe('/nightlight');
    expect(bridge.invokesOf('nightlight.setLight')).toEqual([{ light: 0 }]);
    expect(inputValue(wrapper, '#nl-light-number')).toBe('0');
    expect(focusedId()).toBe('nl-light-number');
  });

  it('a hand-edited address with an odd section is left in the address and warned about, not thrown', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { router } = await mountLab(App, { bridge: prefillBridge(), path: '/nightlight?section=constructor' });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringContaining('section="constructor"')));
    expect(router.currentRoute.value.query).toEqual({ section: 'constructor' });
    warn.mockRestore();
  });

  it('E1: puts the keyboard on the device', async () => {
    await open('/nightlight?section=device');
    expect(focusedId()).toBe('nl-device-title');
  });

  it('telemetry frequency: types the interval in and waits for Enter to apply it', async () => {
    const { wrapper, bridge } = await open('/nightlight?section=device&telemetryIntervalMs=1000');
    expect(inputValue(wrapper, '#nl-interval')).toBe('1');
    expect(focusedId()).toBe('nl-interval');
    expect(wrapper.get('[data-testid="interval-pending"]').text()).toBe('Not used yet: press Enter to apply this interval.');
    expect(bridge.invokesOf('nightlight.updateDevice')).toEqual([]);

    await wrapper.get('#nl-interval').trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(bridge.invokesOf('nightlight.updateDevice')).toEqual([{ telemetryIntervalMs: 1000 }]);
    expect(wrapper.find('[data-testid="interval-pending"]').exists()).toBe(false);
  });

  it('connectivity loss: turns store-and-forward on', async () => {
    const { wrapper, bridge } = await open('/nightlight?section=device&storeAndForward=true');
    expect(bridge.invokesOf('nightlight.updateDevice')).toEqual([{ storeAndForward: true }]);
    expect(wrapper.get<HTMLInputElement>('#nl-store-forward').element.checked).toBe(true);
    expect(focusedId()).toBe('nl-store-forward');
  });

  it('command topics: turns the server\'s many-devices mode on', async () => {
    const { wrapper, bridge } = await open('/nightlight?section=server&multiDevice=true');
    expect(bridge.invokesOf('nightlight.updateServer')).toEqual([{ multiDevice: true }]);
    expect(wrapper.get<HTMLInputElement>('#nl-multi').element.checked).toBe(true);
    expect(focusedId()).toBe('nl-multi');
  });

  it('opens the code in the language asked for', async () => {
    const { wrapper, bridge } = await open('/nightlight?section=code&language=javascript');
    expect(wrapper.get('#nl-code-tab-javascript').attributes('aria-selected')).toBe('true');
    expect(bridge.invokesOf('nightlight.getCode').at(-1)).toEqual({ language: 'javascript', program: 'device' });
    expect(focusedId()).toBe('nl-code-title');
  });
});

describe('Explorer', () => {
  it('wildcards step: opens the wildcard lab at the exercise, ready to type', async () => {
    const { wrapper } = await open('/explorer?section=wildcards&exercise=everything-mine');
    expect(wrapper.get('#explorer-lab-tab').attributes('aria-selected')).toBe('true');
    const picker = wrapper.get('#explorer-lab-panel [role="group"][aria-label="Choose an exercise"]');
    expect(picker.findAll('[aria-pressed="true"]').map((button) => button.text())).toEqual(['2']);
    expect(focusedId()).toBe('exercise-filter');
  });

  it('types a filter into the wildcard lab', async () => {
    const { wrapper } = await open('/explorer?section=wildcards&filter=%2B%2Ftelemetry%2F%23');
    expect(inputValue(wrapper, '#wildcard-filter')).toBe('+/telemetry/#');
    expect(focusedId()).toBe('wildcard-filter');
  });

  it('filters the topic tree by a filter', async () => {
    const { wrapper, bridge } = await open('/explorer?filter=lab-test01%2F%2B');
    expect(inputValue(wrapper, '#tree-search')).toBe('lab-test01/+');
    expect(wrapper.get<HTMLSelectElement>('#tree-search-mode').element.value).toBe('filter');
    await vi.waitFor(() => expect(bridge.invokesOf('explorer.search')).toContainEqual({ filter: 'lab-test01/+', limit: 2000 }));
  });

  it('security step: opens the Connection dialog', async () => {
    await open('/explorer?section=connection');
    const dialog = document.querySelector<HTMLDialogElement>('dialog');
    expect(dialog?.open).toBe(true);
  });
});

describe('Playground', () => {
  it('marks the lesson\'s experiment and puts the keyboard on its Run button', async () => {
    const { wrapper } = await open('/playground?experiment=retained');
    const item = wrapper.get('[data-experiment="retained"]');
    expect(item.get('[data-testid="experiment-suggested"]').text()).toBe('Your lesson step: run this one.');
    expect(wrapper.findAll('[data-testid="experiment-suggested"]')).toHaveLength(1);
    expect(document.activeElement).toBe(item.get('button.run').element);
  });
});

describe('Board', () => {
  it('puts the keyboard on the panel named', async () => {
    await open('/board?section=bridge');
    expect(focusedId()).toBe('board-bridge-title');
  });
});
