// Switching the header's language switcher to Telugu changes every visible string on every page: after the switch,
// no text, aria-label, placeholder or title keeps English words beyond technical tokens and the test's own data.
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../../src-shared/contract/result';
import App from '../../../src-renderer/src/App.vue';
import { explorerBridge, giveElementsASize, makeMessage, makeNode } from '../explorer/explorer-fakes';
import { playgroundBridge } from '../playground/support';
import { FakeBridge, makePacketEntry } from '../support/fake-bridge';
import { mountLab } from '../support/mount-lab';
import { CODE_SELECTOR, TEXT_ATTRIBUTES, untranslatedWords } from './latin-words';

enableAutoUnmount(afterEach);
let restoreSize: () => void;
beforeEach(() => (restoreSize = giveElementsASize()));
afterEach(() => restoreSize());

/** Data, not words of the app: the fixtures' student, ids, addresses, profiles and clients, and the switcher's "English". */
const DATA_PHRASES = [
  'lab-test01nightlight_client',
  'lab-test01',
  'mqtt://127.0.0.1:1883',
  'playground-late-subscriber',
  'playground-publisher',
  'playground-subscriber',
  'other-student',
  'Built-in broker',
  'Late subscriber',
  'Publisher',
  'Subscriber',
  'Asha',
  'English',
];
const CODE = CODE_SELECTOR;

/** Every piece of text a student sees or a screen reader says, one string per text node or attribute. */
function visibleTexts(): string[] {
  const texts: string[] = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest(CODE) && node.textContent?.trim()) texts.push(node.textContent.trim());
  }
  for (const element of document.body.querySelectorAll('*')) {
    if (element.closest(CODE)) continue;
    for (const name of TEXT_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value?.trim()) texts.push(value.trim());
    }
  }
  return texts;
}

function englishLeft(): string[] {
  return visibleTexts().filter((text) => untranslatedWords(text, DATA_PHRASES).length > 0);
}

function withSettings(bridge: FakeBridge): FakeBridge {
  return bridge.handle('settings.update', ({ locale }) => ok({ locale: locale ?? 'en', activeProfileId: 'builtin', studentId: 'lab-test01' }));
}

async function switchToTelugu(wrapper: VueWrapper): Promise<void> {
  await wrapper.get('#language-switcher').setValue('te');
  await flushPromises();
  expect(document.documentElement.lang).toBe('te');
}

/** Mounts the page in English (which must show English, so the check can fail), then switches and checks again. */
async function expectTeluguEverywhere(bridge: FakeBridge, path: string, more?: (wrapper: VueWrapper) => Promise<void>) {
  const { wrapper } = await mountLab(App, { bridge: withSettings(bridge), path });
  expect(englishLeft().length).toBeGreaterThan(10);
  await switchToTelugu(wrapper);
  expect(englishLeft()).toEqual([]);
  if (more) {
    await more(wrapper);
    expect(englishLeft()).toEqual([]);
  }
  return wrapper;
}

function buttonWithText(wrapper: VueWrapper, text: string) {
  const found = wrapper.findAll('button').find((candidate) => candidate.text().includes(text));
  if (!found) throw new Error(`No button with "${text}"`);
  return found;
}

async function clickTab(wrapper: VueWrapper, name: string): Promise<void> {
  const tab = wrapper.findAll('[role="tab"]').find((candidate) => candidate.text().includes(name));
  if (!tab) throw new Error(`No tab "${name}"`);
  await tab.trigger('click');
  await flushPromises();
}

describe('the whole app in Telugu', () => {
  it('Explorer: topic tree, topic details and the wildcard lab', async () => {
    const telemetry = makeNode('lab-test01/telemetry', { ownCount: 2, subtreeCount: 2 });
    const bridge = explorerBridge({
      children: { '': [telemetry, makeNode('home', { childCount: 1, ownCount: 0, subtreeCount: 3, last: null })] },
      topics: { 'lab-test01/telemetry': [makeMessage(1, '{"light":312}'), makeMessage(2, '{"light":120}')] },
    });
    await expectTeluguEverywhere(bridge, '/explorer', async (wrapper) => {
      await wrapper.get('[data-topic="lab-test01/telemetry"]').trigger('click');
      await flushPromises();
      for (const tab of ['మార్పులు', 'చరిత్ర', 'పబ్లిష్']) await clickTab(wrapper, tab);
      await clickTab(wrapper, 'వైల్డ్‌కార్డ్ ల్యాబ్');
    });
  });

  it('Playground: clients, fault controls, the packet diagram and the experiments', async () => {
    const bridge = playgroundBridge({ entries: [makePacketEntry(), makePacketEntry({ seq: 2, direction: 'toClient', type: 'PUBACK', packetId: 1 })] });
    await expectTeluguEverywhere(bridge, '/playground', async (wrapper) => {
      for (const tab of ['పబ్లిష్', 'సబ్‌స్క్రైబ్', 'నెట్‌వర్క్']) await clickTab(wrapper, tab);
    });
  });

  it('Nightlight: device, sensor, server, queue, settings and the code panel', async () => {
    const bridge = new FakeBridge().handle('nightlight.getCode', ({ language, program }) =>
      ok({ language, program, fileName: 'app.py', text: 'import paho.mqtt.client as mqtt', howToRun: 'pip install paho-mqtt, then: python app.py' }),
    );
    await expectTeluguEverywhere(bridge, '/nightlight', async (wrapper) => {
      for (const tab of ['JavaScript', 'Arduino', 'mosquitto']) await clickTab(wrapper, tab);
    });
  });

  it('Board: ports, serial monitor, plotter, USB bridge and the LAN switch', async () => {
    await expectTeluguEverywhere(new FakeBridge(), '/board');
  });

  it('Lesson: profile, contents, quizzes, a step with its check and hints, reflection and assignment', async () => {
    await expectTeluguEverywhere(new FakeBridge(), '/lesson', async (wrapper) => {
      const entries = ['టెలిమెట్రీని అందుకునే సర్వర్‌ను నడపండి', 'ఒక సూచన చూపించు', 'రిటైన్డ్ మెసేజ్‌లు', 'పాఠం తర్వాత క్విజ్', 'ఆలోచించండి', 'అసైన్‌మెంట్'];
      for (const entry of entries) {
        await buttonWithText(wrapper, entry).trigger('click');
        await flushPromises();
        expect(englishLeft()).toEqual([]);
      }
    });
  });
});
