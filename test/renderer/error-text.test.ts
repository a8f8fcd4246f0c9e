// Errors from the main side show in the student's language: the status pill and the Connection dialog show Telugu
// when the page is in Telugu, built from the same `errors.*` keys the main side made its English message from.
import { enableAutoUnmount, flushPromises, type DOMWrapper, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../src-renderer/src/App.vue';
import { localeBundles } from '../../src-renderer/src/i18n';
import { explainMqttError } from '../../src-main/services/mqtt/explain-mqtt-error';
import { fail, LabError, ok } from '../../src-shared/contract/result';
import { errorText } from '../../src-shared/i18n/error-text';
import { formatLabText } from '../../src-shared/i18n/format-lab-text';
import { explorerBridge } from './explorer/explorer-fakes';
import { FakeBridge, makeClientStatus } from './support/fake-bridge';
import { mountLab } from './support/mount-lab';

enableAutoUnmount(afterEach);

const telugu = localeBundles.te!.messages.errors;

function speaking(locale: 'en' | 'te', bridge: FakeBridge = new FakeBridge()): FakeBridge {
  return bridge.handle('settings.get', () => ok({ locale, activeProfileId: 'builtin', studentId: 'lab-test01' }));
}

function buttonNamed(wrapper: VueWrapper, name: string): DOMWrapper<HTMLButtonElement> {
  const button = wrapper.findAll('button').find((candidate) => candidate.text() === name);
  if (!button) throw new Error(`No button named "${name}"`);
  return button as DOMWrapper<HTMLButtonElement>;
}

/** A refused connection to a broker on this computer, explained by the main side's real code. */
/** Opens the Connection dialog of a Telugu page and presses Connect on test.mosquitto.org (plain). */
async function connectInTelugu(bridge: FakeBridge): Promise<VueWrapper> {
  const { wrapper } = await mountLab(App, { bridge });
  await buttonNamed(wrapper, 'కనెక్షన్').trigger('click');
  await flushPromises();
  await wrapper.get('input[type="radio"][value="mosquitto-plain"]').setValue(true);
  await buttonNamed(wrapper, 'కనెక్ట్ చేయి').trigger('click');
  await flushPromises();
  return wrapper;
}

const refused = explainMqttError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), { host: '127.0.0.1', port: 1884 });

// Mounting the whole app takes seconds on a busy machine; these check words, not speed.
describe('errors in the student language', { timeout: 30_000 }, () => {
  const status = makeClientStatus({ state: 'error', errorCode: refused.code, message: refused.message, messageText: refused.text });

  it('shows a connection error in Telugu in the status pill', async () => {
    const { wrapper, bridge } = await mountLab(App, { bridge: speaking('te') });
    bridge.emit('mqtt.statusChanged', status);
    await flushPromises();
    expect(wrapper.get('[data-testid="status-problem"]').text()).toBe(formatLabText(telugu.mqtt.refusedLocal, { at: '127.0.0.1:1884', port: 1884 }));
    expect(wrapper.text()).not.toContain('No broker is answering');
  });

  it('shows the same connection error in English when the page is English', async () => {
    const { wrapper, bridge } = await mountLab(App, { bridge: speaking('en') });
    bridge.emit('mqtt.statusChanged', status);
    await flushPromises();
    expect(wrapper.get('[data-testid="status-problem"]').text()).toBe(
      'No broker is answering at 127.0.0.1:1884. Is a broker running on this computer on port 1884? Start it, or try the built-in broker.',
    );
  });

  it('translates an error given inside another error (the retry sentence around the reason)', async () => {
    const text = errorText('errors.mqtt.keepsTrying', { reason: refused.text, seconds: 5 });
    const { wrapper, bridge } = await mountLab(App, { bridge: speaking('te') });
    bridge.emit('mqtt.statusChanged', makeClientStatus({ state: 'error', message: new LabError('CONNECTION_REFUSED', text).message, messageText: text }));
    await flushPromises();
    const reason = formatLabText(telugu.mqtt.refusedLocal, { at: '127.0.0.1:1884', port: 1884 });
    expect(wrapper.get('[data-testid="status-problem"]').text()).toBe(formatLabText(telugu.mqtt.keepsTrying, { reason, seconds: 5 }));
  });

  it('shows a refused connect in Telugu in the Connection dialog', async () => {
    const bridge = speaking('te', explorerBridge());
    const dnsFailed = new LabError('DNS_FAILED', errorText('errors.mqtt.dnsNotFound', { host: 'nohost.invalid' }));
    bridge.handle('connection.useProfile', () => ({ ok: false, error: dnsFailed.toInfo() }));
    const wrapper = await connectInTelugu(bridge);
    const alert = wrapper.get('dialog [role="alert"]');
    expect(alert.text()).toBe(formatLabText(telugu.mqtt.dnsNotFound, { host: 'nohost.invalid' }));
    expect(dnsFailed.message).toContain('"nohost.invalid" could not be found');
  });

  it('falls back to the English message when an error carries no key', async () => {
    const bridge = speaking('te', explorerBridge());
    bridge.handle('connection.useProfile', () => fail('UNAVAILABLE', 'An old sentence with no key.'));
    const wrapper = await connectInTelugu(bridge);
    expect(wrapper.get('dialog [role="alert"]').text()).toBe('An old sentence with no key.');
  });
});
