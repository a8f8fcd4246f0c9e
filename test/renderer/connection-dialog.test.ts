// The Connection dialog: saving a custom profile, field errors next to their field, the write-only password.
import { enableAutoUnmount, flushPromises, type DOMWrapper, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../src-renderer/src/App.vue';
import { fail, ok } from '../../src-shared/contract/result';
import type { ProfileInput } from '../../src-shared/contract/schemas';
import { FakeBridge, makeClientStatus, makeProfile } from './support/fake-bridge';
import { mountLab } from './support/mount-lab';
import { explorerBridge } from './explorer/explorer-fakes';

enableAutoUnmount(afterEach);

const SECRET = 'hunter2-very-secret';

function buttonNamed(wrapper: VueWrapper, name: string): DOMWrapper<HTMLButtonElement> {
  const button = wrapper.findAll('button').find((candidate) => candidate.text() === name);
  if (!button) throw new Error(`No button named "${name}"`);
  return button as DOMWrapper<HTMLButtonElement>;
}

/** The control a <label for> names, found the way a screen reader would. */
function fieldLabelled(wrapper: VueWrapper, label: string): Omit<DOMWrapper<HTMLInputElement>, 'exists'> {
  const element = wrapper.findAll('label').find((candidate) => candidate.text() === label);
  const id = element?.attributes('for');
  if (!id) throw new Error(`No label "${label}"`);
  return wrapper.get<HTMLInputElement>(`#${id}`);
}

/** A bridge whose profiles.save acts like the lab's: an empty host is refused with field "host". */
function bridgeWithSave(): FakeBridge {
  const bridge = new FakeBridge();
  bridge.handle('profiles.save', (input) => {
    if (!input.host) return fail('INVALID_INPUT', 'Type the broker host, like "test.mosquitto.org" or "192.168.1.20".', 'host');
    const { password, ...rest } = input as ProfileInput;
    return ok(makeProfile({ ...rest, kind: 'custom', hasPassword: typeof password === 'string' }));
  });
  return bridge;
}

async function openNewProfile(wrapper: VueWrapper): Promise<void> {
  await buttonNamed(wrapper, 'Connection').trigger('click');
  await flushPromises();
  expect(wrapper.get('dialog').attributes('open')).toBeDefined();
  await buttonNamed(wrapper, 'New custom profile').trigger('click');
}

describe('connection dialog', () => {
  it('lists the profiles with the one in use marked', async () => {
    const { wrapper } = await mountLab(App);
    await buttonNamed(wrapper, 'Connection').trigger('click');
    await flushPromises();
    const picker = wrapper.get('dialog fieldset');
    expect(picker.text()).toContain('Built-in broker');
    expect(picker.text()).toContain('test.mosquitto.org');
    const checked = picker.get<HTMLInputElement>('input[type="radio"][value="builtin"]');
    expect(checked.element.checked).toBe(true);
  });

  it('shows a field error from the bridge next to that field, then saves the custom profile', async () => {
    const { wrapper, bridge } = await mountLab(App, { bridge: bridgeWithSave() });
    await openNewProfile(wrapper);
    await fieldLabelled(wrapper, 'Profile name').setValue('Classroom Pi');
    await buttonNamed(wrapper, 'Save').trigger('click');
    await flushPromises();

    const host = fieldLabelled(wrapper, 'Broker host');
    expect(host.attributes('aria-invalid')).toBe('true');
    const errorId = host.attributes('aria-describedby')?.split(' ')[0] ?? '';
    expect(wrapper.get(`#${errorId}`).text()).toContain('Type the broker host');
    expect(wrapper.findAll('[data-testid="field-error"]')).toHaveLength(1);

    await host.setValue('192.168.1.20');
    await fieldLabelled(wrapper, 'Port').setValue('1884');
    await fieldLabelled(wrapper, 'Password').setValue(SECRET);
    await buttonNamed(wrapper, 'Save').trigger('click');
    await flushPromises();

    const sent = bridge.invokesOf('profiles.save').at(-1) as ProfileInput;
    expect(sent).toMatchObject({ name: 'Classroom Pi', kind: 'custom', host: '192.168.1.20', port: 1884, password: SECRET });
    expect(sent.clientId).toMatch(/^mqtt-lab-[0-9a-f]{8}$/);
    expect(wrapper.text()).toContain('Saved "Classroom Pi".');
    expect(wrapper.get('dialog fieldset').text()).toContain('Classroom Pi');
    expect(wrapper.findAll('[data-testid="field-error"]')).toHaveLength(0);
  });

  it('never renders the password: the box is emptied after saving and only "password saved" is shown', async () => {
    const { wrapper } = await mountLab(App, { bridge: bridgeWithSave() });
    await openNewProfile(wrapper);
    await fieldLabelled(wrapper, 'Broker host').setValue('broker.example.com');
    await fieldLabelled(wrapper, 'Password').setValue(SECRET);
    await buttonNamed(wrapper, 'Save').trigger('click');
    await flushPromises();

    const password = fieldLabelled(wrapper, 'Password');
    expect(password.attributes('type')).toBe('password');
    expect(password.element.value).toBe('');
    expect(wrapper.text()).toContain('A password is saved.');
    const everyValue = wrapper.findAll<HTMLInputElement>('input').map((input) => input.element.value);
    expect(everyValue).not.toContain(SECRET);
    expect(document.body.innerHTML).not.toContain(SECRET);
  });

  it('warns when certificate verification is turned off', async () => {
    // The Explorer page behind the dialog needs its commands answered, or it shows its own alert.
    const { wrapper } = await mountLab(App, { bridge: explorerBridge() });
    await openNewProfile(wrapper);
    await fieldLabelled(wrapper, 'Transport').setValue('mqtts');
    expect(fieldLabelled(wrapper, 'Port').element.value).toBe('8883');
    const verify = fieldLabelled(wrapper, "Verify the broker's certificate");
    expect(verify.element.checked).toBe(true);
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
    await verify.setValue(false);
    expect(wrapper.get('[role="alert"]').text()).toContain('Verification is off');
  });

  it('connects to a public profile and closes, focus going back to the Connection button', async () => {
    const bridge = new FakeBridge();
    bridge.handle('connection.useProfile', ({ profileId }) =>
      ok(makeClientStatus({ profileId, state: 'connecting', brokerUrl: 'mqtt://test.mosquitto.org:1883' })),
    );
    const { wrapper } = await mountLab(App, { bridge });
    const opener = buttonNamed(wrapper, 'Connection');
    opener.element.focus();
    await opener.trigger('click');
    await flushPromises();
    await wrapper.get('input[type="radio"][value="mosquitto-plain"]').setValue(true);
    await buttonNamed(wrapper, 'Connect').trigger('click');
    await flushPromises();

    expect(bridge.invokesOf('connection.useProfile')).toEqual([{ profileId: 'mosquitto-plain' }]);
    expect(wrapper.get('dialog').attributes('open')).toBeUndefined();
    expect(document.activeElement).toBe(opener.element);
    expect(wrapper.get('[aria-label="Lab connection"]').text()).toContain('Connecting');
  });
});
