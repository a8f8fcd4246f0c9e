// The header's language switcher: it lists every locale that has a strings file, each named in its own language,
// switches the page at once (text and <html lang>), saves the choice, and goes back when saving fails.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fail, ok } from '../../../src-shared/contract/result';
import App from '../../../src-renderer/src/App.vue';
import { availableLocales } from '../../../src-renderer/src/i18n';
import { FakeBridge } from '../support/fake-bridge';
import { mountLab } from '../support/mount-lab';

enableAutoUnmount(afterEach);

describe('language switcher', () => {
  it('lists the locales that exist, each in its own language', async () => {
    const { wrapper } = await mountLab(App, { path: '/lesson' });
    const options = wrapper.get('#language-switcher').findAll('option');
    expect(options.map((option) => option.attributes('value'))).toEqual(availableLocales);
    expect(options.find((option) => option.attributes('value') === 'en')!.text()).toBe('English');
    expect(wrapper.get('label[for="language-switcher"]').text()).toBe('Language');
  });

  it('switches to Telugu at once, saves it, and sets the page language', async () => {
    expect(availableLocales).toContain('te');
    const bridge = new FakeBridge();
    bridge.handle('settings.update', ({ locale }) => ok({ locale: locale ?? 'en', activeProfileId: 'builtin', studentId: 'lab-test01' }));
    const { wrapper } = await mountLab(App, { bridge, path: '/lesson' });
    expect(document.documentElement.lang).toBe('en');
    const englishTitle = wrapper.get('h1').text();

    await wrapper.get('#language-switcher').setValue('te');
    expect(document.documentElement.lang).toBe('te');
    expect(wrapper.get('h1').text()).not.toBe(englishTitle);
    await flushPromises();
    expect(bridge.invokesOf('settings.update')).toEqual([{ locale: 'te' }]);
    expect((wrapper.get('#language-switcher').element as HTMLSelectElement).value).toBe('te');
  });

  it('goes back to the language it had when the lab cannot save the choice', async () => {
    const bridge = new FakeBridge();
    bridge.handle('settings.update', () => fail('INTERNAL', 'The settings file could not be written.'));
    const { wrapper } = await mountLab(App, { bridge, path: '/lesson' });
    await wrapper.get('#language-switcher').setValue('te');
    await flushPromises();
    expect(document.documentElement.lang).toBe('en');
    expect((wrapper.get('#language-switcher').element as HTMLSelectElement).value).toBe('en');
  });
});
