// Texts the nightlight's device, the built-in broker and the serial monitor build on the main side (what a CounterFit
// call did, why the LED switched, why the broker could not start or runs in memory, the monitor's own notes) reach the
// page as keys: in Telugu the student reads Telugu, while pins, payloads, topics, ports and folders stay as they are.
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import type { Component } from 'vue';
import type { MonitorLine } from '../../../src-shared/contract/board';
import type { HttpCall, LedSwitch } from '../../../src-shared/contract/nightlight';
import { englishErrorMessage, errorText } from '../../../src-shared/i18n/error-text';
import { englishOf, labText } from '../../../src-shared/i18n/lab-text';
import { explainListenError } from '../../../src-main/lib/listen-on-free-port';
import { callSummary } from '../../../src-main/services/nightlight/counterfit-endpoint';
import { ledCause } from '../../../src-main/services/nightlight/lab-notes';
import { bridgePlugin } from '../../../src-renderer/src/bridge';
import BrokerBadge from '../../../src-renderer/src/components/BrokerBadge.vue';
import MonitorLog from '../../../src-renderer/src/components/board/MonitorLog.vue';
import CounterfitPanel from '../../../src-renderer/src/components/nightlight/CounterfitPanel.vue';
import LedSwitchLog from '../../../src-renderer/src/components/nightlight/LedSwitchLog.vue';
import { createLabI18n } from '../../../src-renderer/src/i18n';
import { FakeBridge, makeBrokerStatus } from '../support/fake-bridge';

function render(component: Component, props: Record<string, unknown>, locale: string): string {
  const wrapper = mount(component, { props, global: { plugins: [createLabI18n(locale)] } });
  const text = wrapper.text();
  wrapper.unmount();
  return text;
}

async function renderBadge(status: ReturnType<typeof makeBrokerStatus>, locale: string): Promise<string> {
  const bridge = new FakeBridge();
  const wrapper = mount(BrokerBadge, { global: { plugins: [createPinia(), createLabI18n(locale), bridgePlugin(bridge)] } });
  bridge.emit('broker.statusChanged', status);
  await flushPromises();
  const text = wrapper.text();
  wrapper.unmount();
  return text;
}

function call(seq: number, method: string, path: string, status: number, summaryText: HttpCall['summaryText']): HttpCall {
  return { seq, atMs: seq, method, path, status, summary: englishOf(summaryText!), summaryText };
}

describe('nightlight device texts in Telugu', () => {
  it('says what each CounterFit call did in Telugu, with pins, values and requests as sent', () => {
    const calls = [
      call(1, 'POST', '/connect', 200, callSummary('connected')),
      call(2, 'GET', '/sensor_value?port=0', 200, callSummary('readLight', { pin: 0, value: 321 })),
      call(3, 'POST', '/actuator_value?port=5', 200, callSummary('ledOn', { pin: 5 })),
      call(4, 'POST', '/actuator_value', 404, callSummary('noActuator', { pin: callSummary('noPin') })),
    ];
    const props = { status: { state: 'running', host: '127.0.0.1', port: 5000, requestedPort: 5000, url: 'http://127.0.0.1:5000' }, calls };
    const english = render(CounterfitPanel, props, 'en');
    expect(english).toContain('read the light sensor (pin 0): 321');
    expect(english).toContain('no actuator on pin (none)');
    const telugu = render(CounterfitPanel, props, 'te');
    expect(telugu).toContain('లైట్ సెన్సార్‌ను (పిన్ 0) చదివింది: 321');
    expect(telugu).toContain('LED (పిన్ 5) ఆన్');
    expect(telugu).toContain('ఒక ప్రోగ్రామ్ కనెక్ట్ అయింది (CounterFitConnection.init)');
    expect(telugu).toContain('పిన్ (ఏదీ లేదు) పై యాక్చుయేటర్ లేదు');
    expect(telugu).toContain('GET /sensor_value?port=0 → 200');
    expect(telugu).not.toMatch(/read the light|a program connected|no actuator|\(none\)/);
  });

  it('says why the LED switched in Telugu, with the command\'s JSON and topic exactly as they came', () => {
    const entry = (atMs: number, on: boolean, source: LedSwitch['source'], cause: LedSwitch['detailText'] | string): LedSwitch =>
      typeof cause === 'string' ? { atMs, on, source, detail: cause } : { atMs, on, source, detail: englishOf(cause!), detailText: cause };
    const log = [
      entry(1, true, 'local-rule', ledCause('darkRule', { light: 250, threshold: 300 })),
      entry(2, false, 'command', ledCause('command', { payload: '{"led_on": false}', topic: 'abc/commands' })),
      entry(3, true, 'http', 'POST /actuator_value?port=5 {"value":true}'),
      entry(4, false, 'power', ledCause('powerOff')),
    ];
    expect(log[1]!.detail).toBe('{"led_on": false} on abc/commands');
    expect(render(LedSwitchLog, { log }, 'en')).toContain('{"led_on": false} on abc/commands');
    const telugu = render(LedSwitchLog, { log }, 'te');
    expect(telugu).toContain('abc/commands పై {"led_on": false}');
    expect(telugu).toContain('కాంతి 250 < 300');
    expect(telugu).toContain('పవర్ ఆఫ్');
    expect(telugu).toContain('POST /actuator_value?port=5 {"value":true}');
    expect(telugu).not.toMatch(/ on abc\/commands|light 250|power off/);
  });
});

describe('built-in broker texts in Telugu', () => {
  it('says why the broker could not start in Telugu', async () => {
    const why = explainListenError(Object.assign(new Error('listen EADDRNOTAVAIL'), { code: 'EADDRNOTAVAIL' }), '192.0.2.1', 1883, 'brokerMqtt');
    const status = makeBrokerStatus({ state: 'failed', tcpPort: null, wsPort: null, message: englishErrorMessage(why), messageTexts: [why] });
    expect(await renderBadge(status, 'en')).toContain('MQTT Lab cannot open the built-in broker\'s MQTT port on "192.0.2.1"');
    const telugu = await renderBadge(status, 'te');
    expect(telugu).toContain('MQTT Lab "192.0.2.1" పై అంతర్నిర్మిత బ్రోకర్ యొక్క MQTT పోర్ట్‌ను తెరవలేదు');
    expect(telugu).not.toMatch(/cannot open|network address/);
  });

  it('says in Telugu that a locked store makes the running broker keep things in memory, and not that a port moved twice', async () => {
    const locked = errorText('errors.broker.storeInUse', { dir: '/data/broker/store' });
    const moved = errorText('errors.broker.portMoved', { kind: 'MQTT', requested: 1883, actual: 1884 });
    const status = makeBrokerStatus({ tcpPort: 1884, message: [locked, moved].map(englishErrorMessage).join(' '), messageTexts: [locked, moved] });
    const english = await renderBadge(status, 'en');
    expect(english).toContain('is in use by another program');
    expect(english).not.toContain('so the broker listens on 1884');
    const telugu = await renderBadge(status, 'te');
    expect(telugu).toContain('బ్రోకర్ స్టోర్ /data/broker/store ను మరో ప్రోగ్రామ్ వాడుతోంది');
    expect(telugu).toContain('మెమరీలో మాత్రమే');
    expect(telugu).not.toMatch(/in use by another|in memory only/);
  });
});

describe('serial monitor notes in Telugu', () => {
  it('shows the lab\'s own notes in Telugu and the board\'s lines exactly as it printed them', () => {
    const connected = labText('board.monitorNotes.connected', { path: '/dev/ttyACM0', baud: 9600 });
    const lines: MonitorLine[] = [
      { seq: 1, atMs: 0, kind: 'note', text: englishOf(connected), note: connected, binary: false, cut: false },
      { seq: 2, atMs: 1, kind: 'in', text: 'Connecting to WiFi..', binary: false, cut: false },
    ];
    const props = { lines, version: 1, showTime: false, emptyText: '', follow: true };
    expect(render(MonitorLog, props, 'en')).toContain('Connected to /dev/ttyACM0 at 9600 baud.');
    const telugu = render(MonitorLog, props, 'te');
    expect(telugu).toContain('/dev/ttyACM0 కు 9600 బాడ్ వద్ద కనెక్ట్ అయింది.');
    expect(telugu).toContain('Connecting to WiFi..');
    expect(telugu).not.toContain('Connected to');
  });
});
