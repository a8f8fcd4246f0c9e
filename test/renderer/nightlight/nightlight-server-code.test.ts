// The Nightlight page's server panel, the loop strip, "Show me the code" and the hardware-only mode (the whole app at
// /nightlight with a fake bridge): what a student clicks reaches the lab, and what the lab reports is shown.
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../src-shared/contract/result';
import type { CodeLanguage, CodeProgram, ServerState } from '../../../src-shared/contract/nightlight';
import App from '../../../src-renderer/src/App.vue';
import { FakeBridge, makeClientStatus, makeDeviceState, makeNightlightSnapshot, makeServerState } from '../support/fake-bridge';
import { mountLab } from '../support/mount-lab';

enableAutoUnmount(afterEach);

const CODE: Record<CodeLanguage, { fileName: string; text: string }> = {
  python: { fileName: 'app.py', text: "import paho.mqtt.client as mqtt\nid = 'lab-test01'" },
  javascript: { fileName: 'app.mjs', text: "import mqtt from 'mqtt';" },
  arduino: { fileName: 'main.cpp', text: '#include <PubSubClient.h>' },
  mosquitto: { fileName: 'commands.sh', text: "mosquitto_sub -h 127.0.0.1 -t 'lab-test01/commands'" },
};

function codeBridge(): FakeBridge {
  let server = makeServerState();
  return new FakeBridge()
    .handle('nightlight.getCode', ({ language, program }) =>
      ok({ language, program: program as CodeProgram, ...CODE[language], howToRun: `run ${CODE[language].fileName}` }),
    )
    .handle('nightlight.startServer', () => ok((server = { ...server, running: true })))
    .handle('nightlight.updateServer', (patch) => ok((server = { ...server, settings: { ...server.settings, ...patch } as ServerState['settings'] })));
}

function tab(wrapper: VueWrapper, name: string) {
  const found = wrapper.findAll('[role="tab"]').find((candidate) => candidate.text() === name);
  if (!found) throw new Error(`No tab "${name}"`);
  return found;
}

function tabNames(wrapper: VueWrapper): string[] {
  return wrapper.findAll('[role="tab"]').map((candidate) => candidate.text());
}

describe('show me the code', () => {
  it('asks for the device in Python first, then the language of the tab the student picks', async () => {
    const { wrapper, bridge } = await mountLab(App, { bridge: codeBridge(), path: '/nightlight' });
    expect(tabNames(wrapper)).toEqual(['Python (paho-mqtt)', 'JavaScript (mqtt.js)', 'Arduino (Wio Terminal)', 'mosquitto commands']);
    expect(wrapper.get('[data-testid="code-text"]').text()).toBe("import paho.mqtt.client as mqtt\nid = 'lab-test01'");
    await tab(wrapper, 'JavaScript (mqtt.js)').trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('nightlight.getCode').at(-1)).toEqual({ language: 'javascript', program: 'device' });
    expect(wrapper.get('[data-testid="code-text"]').text()).toBe("import mqtt from 'mqtt';");
    expect(tab(wrapper, 'JavaScript (mqtt.js)').attributes('aria-selected')).toBe('true');
    expect(wrapper.text()).toContain('run app.mjs');
  });

  it('moves between tabs with the arrow keys', async () => {
    const { wrapper } = await mountLab(App, { bridge: codeBridge(), path: '/nightlight' });
    await tab(wrapper, 'Python (paho-mqtt)').trigger('keydown', { key: 'ArrowLeft' });
    await flushPromises();
    expect(tab(wrapper, 'mosquitto commands').attributes('aria-selected')).toBe('true');
    expect(document.activeElement?.textContent?.trim()).toBe('mosquitto commands');
    expect(wrapper.get('[data-testid="code-text"]').text()).toContain('mosquitto_sub');
  });

  it('has no Arduino tab for the server, and falls back to Python from it', async () => {
    const { wrapper, bridge } = await mountLab(App, { bridge: codeBridge(), path: '/nightlight' });
    await tab(wrapper, 'Arduino (Wio Terminal)').trigger('click');
    await flushPromises();
    const serverChoice = wrapper.findAll('input[name="nl-code-program"]').find((input) => input.attributes('value') === 'server');
    await serverChoice!.setValue(true);
    await flushPromises();
    expect(tabNames(wrapper)).not.toContain('Arduino (Wio Terminal)');
    expect(bridge.invokesOf('nightlight.getCode').at(-1)).toEqual({ language: 'python', program: 'server' });
  });
});

describe('server panel', () => {
  it('starts the server and changes the threshold', async () => {
    const { wrapper, bridge } = await mountLab(App, { bridge: codeBridge(), path: '/nightlight' });
    const start = wrapper.findAll('button').find((button) => button.text() === 'Start server');
    await start!.trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('nightlight.startServer')).toEqual([{}]);
    expect(wrapper.findAll('button').some((button) => button.text() === 'Stop server')).toBe(true);
    await wrapper.get('#nl-threshold').setValue('250');
    await flushPromises();
    expect(bridge.invokesOf('nightlight.updateServer')).toEqual([{ threshold: 250 }]);
    expect(wrapper.text()).toContain('LED on when light < 250');
  });

  it('shows the light it received on the gauge and says which side of the threshold it is', async () => {
    const { wrapper, bridge } = await mountLab(App, { bridge: codeBridge(), path: '/nightlight' });
    bridge.emit('nightlight.lightSampled', { cleared: false, points: [{ atMs: 1, deviceId: 'lab-test01', light: 100, ledOn: true }] });
    await flushPromises();
    const gauge = wrapper.get('[role="meter"]');
    expect(gauge.attributes('aria-valuenow')).toBe('100');
    expect(gauge.attributes('aria-valuetext')).toBe('100 is below 300: dark, LED on');
  });
});

describe('loop strip', () => {
  it('lights the telemetry hop when the device sends, and the command hop when the server answers', async () => {
    const { wrapper, bridge } = await mountLab(App, { bridge: codeBridge(), path: '/nightlight' });
    const hop = (id: string) => wrapper.get(`[data-testid="loop-${id}"]`);
    expect(hop('telemetry').classes()).not.toContain('hop--lit');
    bridge.emit('nightlight.deviceChanged', makeDeviceState({ light: 100, lastTelemetry: { payload: '{"light": 100}', atMs: 5, sent: true } }));
    await flushPromises();
    expect(hop('telemetry').classes()).toContain('hop--lit');
    expect(hop('telemetry').text()).toContain('{"light": 100}');

    const running = makeServerState({ running: true, subscribedFilter: 'lab-test01/telemetry', connection: makeClientStatus({ state: 'connected' }) });
    bridge.emit('nightlight.serverChanged', running);
    bridge.emit('nightlight.lightSampled', { cleared: false, points: [{ atMs: 6, deviceId: 'lab-test01', light: 100, ledOn: true }] });
    bridge.emit('nightlight.serverChanged', { ...running, counts: { received: 1, answered: 1, rejected: 0 } });
    await flushPromises();
    expect(hop('command').classes()).toContain('hop--lit');
    expect(hop('command').text()).toContain('{"led_on": true}');
  });
});

describe('hardware only', () => {
  it('shows the CounterFit address and the HTTP calls instead of the device console', async () => {
    const snapshot = makeNightlightSnapshot({
      device: makeDeviceState({ settings: { ...makeDeviceState().settings, mode: 'hardware-only' }, connection: null }),
      counterfit: { state: 'running', host: '127.0.0.1', port: 5001, requestedPort: 5000, url: 'http://127.0.0.1:5001' },
      httpCalls: [{ seq: 1, atMs: 1, method: 'GET', path: '/sensor_value?port=0', status: 200, summary: 'read the light sensor (pin 0): 400' }],
    });
    const bridge = codeBridge().handle('nightlight.getState', () => ok(snapshot));
    const { wrapper } = await mountLab(App, { bridge, path: '/nightlight' });
    expect(wrapper.get('[data-testid="counterfit-address"]').text()).toContain('http://127.0.0.1:5001');
    expect(wrapper.text()).toContain('port 5000 was taken');
    expect(wrapper.text()).toContain("CounterFitConnection.init('127.0.0.1', 5001)");
    expect(wrapper.get('[data-testid="http-calls"]').text()).toContain('GET /sensor_value?port=0 → 200');
    expect(wrapper.find('[data-testid="device-console"]').exists()).toBe(false);
    bridge.emit('nightlight.httpCallsReceived', {
      calls: [{ seq: 2, atMs: 2, method: 'POST', path: '/actuator_value?port=5', status: 200, summary: 'LED (pin 5) on' }],
    });
    await flushPromises();
    expect(wrapper.get('[data-testid="http-calls"] li').text()).toContain('POST /actuator_value?port=5 → 200');
  });

  it('switches the mode when the student picks "your code is the device"', async () => {
    const bridge = codeBridge().handle('nightlight.updateDevice', (patch) => ok(makeDeviceState({ settings: { ...makeDeviceState().settings, ...patch } as never })));
    const { wrapper } = await mountLab(App, { bridge, path: '/nightlight' });
    const hardware = wrapper.findAll('input[name="nl-mode"]').find((input) => input.attributes('value') === 'hardware-only');
    await hardware!.setValue(true);
    await flushPromises();
    expect(bridge.invokesOf('nightlight.updateDevice')).toEqual([{ mode: 'hardware-only' }]);
    expect(wrapper.get('h2#nl-device-title').text()).toBe('Light sensor and LED for your code');
  });
});
