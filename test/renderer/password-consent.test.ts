// The Connection dialog where there is no OS keychain: before a typed password is saved it says what that means and
// offers "Save it anyway"; without the tick the password goes for this session only, with it the consent is sent.
import { enableAutoUnmount, flushPromises, type DOMWrapper, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../src-renderer/src/App.vue';
import { ok } from '../../src-shared/contract/result';
import type { ProfileInput } from '../../src-shared/contract/schemas';
import type { SecretStorage } from '../../src-shared/contract/secrets';
import { FakeBridge, makeProfile } from './support/fake-bridge';
import { mountLab } from './support/mount-lab';

enableAutoUnmount(afterEach);

function buttonNamed(wrapper: VueWrapper, name: string): DOMWrapper<HTMLButtonElement> {
  const button = wrapper.findAll('button').find((candidate) => candidate.text() === name);
  if (!button) throw new Error(`No button named "${name}"`);
  return button as DOMWrapper<HTMLButtonElement>;
}

function fieldLabelled(wrapper: VueWrapper, label: string): Omit<DOMWrapper<HTMLInputElement>, 'exists'> {
  const id = wrapper.findAll('label').find((candidate) => candidate.text() === label)?.attributes('for');
  if (!id) throw new Error(`No label "${label}"`);
  return wrapper.get<HTMLInputElement>(`#${id}`);
}

function bridgeWith(storage: SecretStorage): FakeBridge {
  const bridge = new FakeBridge();
  bridge.handle('profiles.getSecretStorage', () => ok(storage));
  bridge.handle('profiles.save', (input) => {
    const { password, sessionOnlyPassword, insecureStorageConsent: _consent, ...rest } = input as ProfileInput;
    const hasPassword = typeof password === 'string';
    return ok(makeProfile({ ...rest, kind: 'custom', hasPassword, ...(hasPassword && sessionOnlyPassword ? { passwordSessionOnly: true } : {}) }));
  });
  return bridge;
}

async function typeNewProfile(wrapper: VueWrapper, password: string): Promise<void> {
  await buttonNamed(wrapper, 'Connection').trigger('click');
  await flushPromises();
  await buttonNamed(wrapper, 'New custom profile').trigger('click');
  await fieldLabelled(wrapper, 'Profile name').setValue('Classroom Pi');
  await fieldLabelled(wrapper, 'Broker host').setValue('192.168.1.20');
  await fieldLabelled(wrapper, 'Password').setValue(password);
}

describe('saving a password without a keychain', () => {
  it('explains the risk and, without "Save it anyway", keeps the password for this session only', async () => {
    const { wrapper, bridge } = await mountLab(App, { bridge: bridgeWith({ kind: 'insecure-fallback', secure: false }) });
    await typeNewProfile(wrapper, 'pw-secret-1');
    const consent = wrapper.get('[data-testid="password-consent"]');
    expect(consent.text()).toContain('anyone who can read your files could read it');
    expect(fieldLabelled(wrapper, 'Save it anyway').element.checked).toBe(false);
    await buttonNamed(wrapper, 'Save').trigger('click');
    await flushPromises();
    const sent = bridge.invokesOf('profiles.save').at(-1) as ProfileInput;
    expect(sent).toMatchObject({ password: 'pw-secret-1', sessionOnlyPassword: true });
    expect(sent.insecureStorageConsent).toBeUndefined();
    expect(wrapper.text()).toContain('Its password was not saved: it is used only until MQTT Lab closes.');
    expect(wrapper.text()).toContain('The password is kept only until MQTT Lab closes; it was not saved.');
  });

  it('with "Save it anyway" ticked, sends the consent and saves it', async () => {
    const { wrapper, bridge } = await mountLab(App, { bridge: bridgeWith({ kind: 'plain-file', secure: false }) });
    await typeNewProfile(wrapper, 'pw-secret-2');
    expect(wrapper.get('[data-testid="password-consent"]').text()).toContain('runs in the browser without a keychain');
    await fieldLabelled(wrapper, 'Save it anyway').setValue(true);
    await buttonNamed(wrapper, 'Save').trigger('click');
    await flushPromises();
    const sent = bridge.invokesOf('profiles.save').at(-1) as ProfileInput;
    expect(sent).toMatchObject({ password: 'pw-secret-2', insecureStorageConsent: true });
    expect(sent.sessionOnlyPassword).toBeUndefined();
    expect(wrapper.text()).toContain('Saved "Classroom Pi".');
  });

  it('with an OS keychain asks nothing and saves as before', async () => {
    const { wrapper, bridge } = await mountLab(App, { bridge: bridgeWith({ kind: 'os-keychain', secure: true }) });
    await typeNewProfile(wrapper, 'pw-secret-3');
    expect(wrapper.find('[data-testid="password-consent"]').exists()).toBe(false);
    await buttonNamed(wrapper, 'Save').trigger('click');
    await flushPromises();
    const sent = bridge.invokesOf('profiles.save').at(-1) as ProfileInput;
    expect(sent.insecureStorageConsent).toBeUndefined();
    expect(sent.sessionOnlyPassword).toBeUndefined();
  });
});
