// The selected topic's details: JSON pretty-printed and highlighted as spans (never as HTML), hex for binary,
// a large payload loaded whole on demand, the diff against the previous message, and clear-retained with Undo.
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../src-shared/contract/result';
import type { ExplorerMessage } from '../../../src-shared/contract/explorer';
import App from '../../../src-renderer/src/App.vue';
import { tokenizeJson, tokensToText } from '../../../src-renderer/src/components/explorer/payload/json-tokens';
import { hexDump } from '../../../src-renderer/src/components/explorer/payload/hex-dump';
import { mountLab } from '../support/mount-lab';
import { explorerBridge, giveElementsASize, makeMessage, makeNode } from './explorer-fakes';

enableAutoUnmount(afterEach);
let restoreSize: () => void;
beforeEach(() => (restoreSize = giveElementsASize()));
afterEach(() => {
  restoreSize();
  vi.useRealTimers();
});

const TOPIC = 'lab-test01/telemetry';

async function openTopic(messages: ExplorerMessage[], retained = false) {
  const bridge = explorerBridge({ children: { '': [makeNode(TOPIC, { depth: 1, retained })] }, topics: { [TOPIC]: messages } });
  const mounted = await mountLab(App, { bridge });
  await mounted.wrapper.get(`[data-topic="${TOPIC}"]`).trigger('click');
  await flushPromises();
  return mounted;
}

function button(wrapper: VueWrapper, name: string) {
  const found = wrapper.findAll('button').find((candidate) => candidate.text() === name);
  if (!found) throw new Error(`No button "${name}"`);
  return found;
}

describe('payload views', () => {
  it('pretty-prints JSON keeping numbers exactly as sent', () => {
    const tokens = tokenizeJson('{"light":1.50,"on":true,"tags":[],"where":{"room":"a\\"b"}}')!;
    expect(tokensToText(tokens)).toBe('{\n  "light": 1.50,\n  "on": true,\n  "tags": [],\n  "where": {\n    "room": "a\\"b"\n  }\n}');
    expect(tokens.filter((token) => token.kind === 'key').map((token) => token.text)).toEqual(['"light"', '"on"', '"tags"', '"where"', '"room"']);
    expect(tokenizeJson('{"light": 3')).toBeNull();
  });

  it('shows JSON highlighted as text spans, so markup in a payload is never run as HTML', async () => {
    const { wrapper } = await openTopic([makeMessage(1, '{"light":312,"note":"<img src=x onerror=alert(1)>"}')]);
    const json = wrapper.get('[data-testid="payload-json"]');
    expect(json.text()).toBe('{\n  "light": 312,\n  "note": "<img src=x onerror=alert(1)>"\n}');
    expect(json.find('img').exists()).toBe(false);
    expect(json.get('.tok-number').text()).toBe('312');
    expect(json.findAll('.tok-key').map((key) => key.text())).toEqual(['"light"', '"note"']);

    await button(wrapper, 'Hex').trigger('click');
    expect(wrapper.get('[data-testid="payload-hex"] .hex-line').text()).toContain('7b 22 6c 69 67 68 74 22');
  });

  it('shows binary payloads as a hex dump with offsets and printable characters', async () => {
    const bytes = Uint8Array.from([0xff, 0xd8, 0x41, 0x42, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0x43]);
    const base64 = btoa(String.fromCharCode(...bytes));
    expect(hexDump(bytes)[0]).toEqual({ offset: '00000000', hex: 'ff d8 41 42 00 01 02 03 04 05 06 07 08 09 0a 0b', ascii: '..AB............' });
    const { wrapper } = await openTopic([makeMessage(1, base64, { payloadEncoding: 'base64', sizeBytes: bytes.length })]);
    const lines = wrapper.findAll('[data-testid="payload-hex"] .hex-line').map((line) => line.text());
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('00000010');
    expect(wrapper.find('[data-testid="payload-json"]').exists()).toBe(false);
  });

  it('says how big a cut payload really is and loads the whole message on request', async () => {
    const whole = `{"light":${'1'.repeat(30)}}`;
    const cut = makeMessage(1, whole.slice(0, 10), { sizeBytes: whole.length, truncated: true });
    const { wrapper, bridge } = await openTopic([cut]);
    bridge.handle('explorer.getMessage', () => ok(makeMessage(1, whole)));
    expect(wrapper.get('[data-testid="large-payload"]').text()).toContain('Large payload: 40 bytes. Showing the first 10 bytes.');
    await button(wrapper, 'Load the whole message').trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('explorer.getMessage')).toEqual([{ topic: TOPIC, id: 1, maxBytes: 40 }]);
    expect(wrapper.find('[data-testid="large-payload"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="payload-json"]').text()).toContain('"light": 1111');
  });

  it('shows what changed since the message before, line by line', async () => {
    const { wrapper } = await openTopic([makeMessage(1, '{"light":300,"on":false}'), makeMessage(2, '{"light":280,"on":false}')]);
    await wrapper.get('#details-changes-tab').trigger('click');
    const lines = wrapper.findAll('[data-testid="payload-diff"] .line').map((line) => [line.classes()[1], line.text()]);
    expect(lines).toEqual([
      ['same', '{'],
      ['removed', '−removed line:  "light": 300,'],
      ['added', '+new line:  "light": 280,'],
      ['same', '"on": false'],
      ['same', '}'],
    ]);
  });
});

describe('history', () => {
  it('lists messages newest first and shows an older one when picked', async () => {
    const { wrapper } = await openTopic([makeMessage(1, '{"light":300}'), makeMessage(2, '{"light":280}')]);
    await wrapper.get('#details-history-tab').trigger('click');
    const rows = wrapper.findAll('[data-testid="history-row"] button');
    expect(rows.map((row) => row.get('.preview').text())).toEqual(['{"light":280}', '{"light":300}']);
    await rows[1]!.trigger('click');
    expect(wrapper.get('#details-message-panel').text()).toContain('You are looking at an older message.');
    expect(wrapper.get('[data-testid="payload-json"]').text()).toContain('"light": 300');
    await button(wrapper, 'Back to the latest').trigger('click');
    expect(wrapper.get('[data-testid="payload-json"]').text()).toContain('"light": 280');
  });
});

describe('clear retained', () => {
  it('asks first, clears, and Undo within the time puts the message back', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { wrapper, bridge } = await openTopic([makeMessage(1, '21.5', { retain: true })], true);
    bridge.handle('explorer.clearRetained', ({ topic }) => ok({ topic, undoToken: 'undo-1', undoSeconds: 10 }));
    bridge.handle('explorer.restoreRetained', () => ok({ topic: TOPIC, sizeBytes: 4 }));
    await wrapper.get('#details-publish-tab').trigger('click');

    await button(wrapper, 'Clear retained message').trigger('click');
    expect(wrapper.text()).toContain(`Clear the retained message on "${TOPIC}"?`);
    expect(bridge.invokesOf('explorer.clearRetained')).toEqual([]);
    await button(wrapper, 'Yes, clear it').trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('explorer.clearRetained')).toEqual([{ topic: TOPIC }]);
    expect(wrapper.get('[data-testid="undo-clear"]').text()).toContain('You can undo this for 10 s.');

    await button(wrapper, 'Undo').trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('explorer.restoreRetained')).toEqual([{ undoToken: 'undo-1' }]);
    expect(wrapper.find('[data-testid="undo-clear"]').exists()).toBe(false);
  });

  it('takes the Undo away when its time is up', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { wrapper, bridge } = await openTopic([makeMessage(1, '21.5', { retain: true })], true);
    bridge.handle('explorer.clearRetained', ({ topic }) => ok({ topic, undoToken: 'undo-1', undoSeconds: 5 }));
    await wrapper.get('#details-publish-tab').trigger('click');
    await button(wrapper, 'Clear retained message').trigger('click');
    await button(wrapper, 'Yes, clear it').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="undo-clear"]').exists()).toBe(true);
    vi.advanceTimersByTime(5_001);
    await flushPromises();
    expect(wrapper.find('[data-testid="undo-clear"]').exists()).toBe(false);
  });
});

describe('copy and export', () => {
  it('says so when the clipboard is not allowed, instead of failing silently', async () => {
    const { wrapper } = await openTopic([makeMessage(1, '21.5')]);
    const clipboard = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new Error('denied')) } });
    try {
      await button(wrapper, 'Copy topic').trigger('click');
      await flushPromises();
      expect(wrapper.text()).toContain('Could not copy: the app was not allowed to use the clipboard.');
    } finally {
      if (clipboard) Object.defineProperty(navigator, 'clipboard', clipboard);
    }
  });

  it('downloads the history as CSV through a Blob link', async () => {
    const { wrapper, bridge } = await openTopic([makeMessage(1, '21.5'), makeMessage(2, '22.0')]);
    bridge.handle('explorer.exportHistory', () =>
      ok({ fileName: 'lab-test01_telemetry.csv', mimeType: 'text/csv', text: 'receivedAt,topic\n', messageCount: 2 }),
    );
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:fake');
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await wrapper.get('#details-history-tab').trigger('click');
    await button(wrapper, 'Download CSV').trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('explorer.exportHistory')).toEqual([{ topic: TOPIC, format: 'csv' }]);
    expect(created).toHaveBeenCalledOnce();
    expect(clicked).toHaveBeenCalledOnce();
    expect(wrapper.text()).toContain('Saved 2 messages to lab-test01_telemetry.csv.');
    vi.restoreAllMocks();
  });
});
