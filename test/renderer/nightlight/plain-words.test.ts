// Words a 14-year-old can read on the Nightlight page, in English and Telugu: the server's flicker setting says what it
// does (no "Hysteresis"/"హిస్టెరిసిస్") with a one-line explanation tied to its field, and the client id field is
// written in Telugu script with the MQTT term kept, in the Nightlight settings and the Connection dialog alike.
import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../src-shared/contract/result';
import App from '../../../src-renderer/src/App.vue';
import { localeBundles } from '../../../src-renderer/src/i18n';
import { FakeBridge } from '../support/fake-bridge';
import { mountLab } from '../support/mount-lab';

enableAutoUnmount(afterEach);

function speaking(locale: 'en' | 'te'): FakeBridge {
  return new FakeBridge()
    .handle('settings.get', () => ok({ locale, activeProfileId: 'builtin', studentId: 'lab-test01' }))
    .handle('nightlight.getCode', ({ language, program }) => ok({ language, program, fileName: 'app.py', text: '', howToRun: '' }));
}

async function labelOf(wrapper: Awaited<ReturnType<typeof mountLab>>['wrapper'], id: string): Promise<string> {
  return wrapper.get(`label[for="${id}"]`).text();
}

// Mounting the whole app takes seconds on a busy machine; these check words, not speed.
describe('plain words on the Nightlight page', { timeout: 30_000 }, () => {
  it('names the flicker setting by what it does, in English', async () => {
    const { wrapper } = await mountLab(App, { bridge: speaking('en'), path: '/nightlight' });
    expect(await labelOf(wrapper, 'nl-hysteresis')).toBe('Off margin (stops flicker)');
    expect(wrapper.text()).not.toMatch(/hysteresis/i);
    const help = wrapper.get(`#${wrapper.get('#nl-hysteresis').attributes('aria-describedby')}`).text();
    expect(help).toContain('before a lit LED goes off again');
  });

  it('names it in plain Telugu, and writes client id in Telugu script with the MQTT term kept', async () => {
    const { wrapper } = await mountLab(App, { bridge: speaking('te'), path: '/nightlight' });
    const flicker = await labelOf(wrapper, 'nl-hysteresis');
    expect(flicker).toBe('ఆఫ్ అంతరం (మినుకు ఆపుతుంది)');
    expect(wrapper.text()).not.toContain('హిస్టెరిసిస్');
    expect(await labelOf(wrapper, 'nl-client-id')).toBe('క్లయింట్ ID (client id)');
    expect(wrapper.text()).not.toContain('Client id');
  });

  it('uses the same Telugu words for the client id in the Connection dialog and the Playground', () => {
    const te = localeBundles.te!.messages as unknown as Record<string, Record<string, Record<string, unknown>>>;
    const label = 'క్లయింట్ ID (client id)';
    expect((te.form!.clientId as { label: string }).label).toBe(label);
    expect(te.dialog!.summaryClientId).toBe(label);
    expect(te.form!.newClientId).toBe('కొత్త క్లయింట్ ID తయారు చేయి');
  });
});
