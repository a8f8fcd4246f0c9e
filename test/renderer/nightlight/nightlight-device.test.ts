// The Nightlight page's device side (the whole app at /nightlight with a fake bridge): the sensor sends what the
// student sets, the LED glows and says so when a command switches it, and the consoles show the lesson's exact lines.
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../src-shared/contract/result';
import type { ConsoleLine, DeviceState } from '../../../src-shared/contract/nightlight';
import App from '../../../src-renderer/src/App.vue';
import { FakeBridge, makeDeviceState } from '../support/fake-bridge';
import { mountLab } from '../support/mount-lab';

enableAutoUnmount(afterEach);
afterEach(() => vi.useRealTimers());

function answeringBridge(): FakeBridge {
  let device = makeDeviceState();
  const bridge = new FakeBridge();
  bridge.handle('nightlight.setLight', ({ light }) => ok((device = { ...device, light })));
  bridge.handle('nightlight.updateDevice', (patch) => ok((device = { ...device, settings: { ...device.settings, ...patch } as DeviceState['settings'] })));
  bridge.handle('nightlight.getCode', ({ language, program }) => ok({ language, program, fileName: 'app.py', text: '', howToRun: '' }));
  return bridge;
}

async function openNightlight(bridge = answeringBridge()) {
  return mountLab(App, { bridge, path: '/nightlight' });
}

function line(seq: number, text: string, kind: ConsoleLine['kind'] = 'output'): ConsoleLine {
  return { seq, atMs: Date.UTC(2025, 0, 1, 12, 0, seq), text, kind };
}

function consoleTexts(wrapper: VueWrapper, testId: string): string[] {
  return wrapper.get(`[data-testid="${testId}"]`).findAll('.text').map((node) => node.element.textContent ?? '');
}

describe('light sensor', () => {
  it('sends the level from the slider, the number box and a preset', async () => {
    const { wrapper, bridge } = await openNightlight();
    await wrapper.get('#nl-light-slider').setValue('100');
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 60));
    await wrapper.get('#nl-light-number').setValue('250');
    await new Promise((resolve) => setTimeout(resolve, 60));
    const covered = wrapper.findAll('button').find((button) => button.text() === 'Covered by a hand (0)');
    await covered!.trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('nightlight.setLight')).toEqual([{ light: 100 }, { light: 250 }, { light: 0 }]);
    expect((wrapper.get('#nl-light-number').element as HTMLInputElement).value).toBe('0');
  });

  it('sends a fast drag as at most one value per 50 ms, ending on the last one', async () => {
    const { wrapper, bridge } = await openNightlight();
    vi.useFakeTimers();
    for (const value of [10, 20, 30, 40, 350]) await wrapper.get('#nl-light-slider').setValue(String(value));
    expect(bridge.invokesOf('nightlight.setLight')).toEqual([{ light: 10 }]);
    await vi.advanceTimersByTimeAsync(60);
    expect(bridge.invokesOf('nightlight.setLight')).toEqual([{ light: 10 }, { light: 350 }]);
  });

  it('explains a typed level that is out of range and does not send it', async () => {
    const { wrapper, bridge } = await openNightlight();
    await wrapper.get('#nl-light-number').setValue('2000');
    await flushPromises();
    expect(wrapper.text()).toContain('Type a whole number from 0 (dark) to 1023 (bright). "2000" is not one.');
    expect(bridge.invokesOf('nightlight.setLight')).toEqual([]);
  });
});

describe('LED', () => {
  it('glows and says so when a command switches it on, and logs who switched it', async () => {
    const { wrapper, bridge } = await openNightlight();
    const led = () => wrapper.get('[data-testid="nightlight-led"]');
    expect(led().attributes('data-state')).toBe('off');
    expect(led().get('svg').attributes('aria-label')).toBe('Yellow LED: LED off');

    const atMs = Date.UTC(2025, 0, 1, 12, 30, 5);
    bridge.emit('nightlight.deviceChanged', makeDeviceState({
      light: 100,
      led: { on: true, changedAtMs: atMs, source: 'command' },
      ledLog: [{ atMs, on: true, source: 'command', detail: '{"led_on": true} on lab-test01/commands' }],
    }));
    await flushPromises();

    expect(led().attributes('data-state')).toBe('on');
    expect(led().get('svg').attributes('aria-label')).toBe('Yellow LED: LED on');
    expect(led().find('.halo').exists()).toBe(true);
    expect(wrapper.get('[data-testid="led-announcement"]').text()).toMatch(/^LED on\. by a command at \d{2}:\d{2}:\d{2}$/);
    const entry = wrapper.get('[data-testid="led-switch-log"] li');
    expect(entry.text()).toContain('ON');
    expect(entry.text()).toContain('a command');
    expect(entry.text()).toContain('{"led_on": true} on lab-test01/commands');
  });

  it('stays dark when the device has no power, whatever the last command said', async () => {
    const { wrapper, bridge } = await openNightlight();
    bridge.emit('nightlight.deviceChanged', makeDeviceState({ powered: false, led: { on: true, changedAtMs: 1, source: 'command' } }));
    await flushPromises();
    expect(wrapper.get('[data-testid="nightlight-led"]').attributes('data-state')).toBe('off');
    expect(wrapper.get('[data-testid="nightlight-led"] svg').attributes('aria-label')).toBe('Yellow LED: No power');
  });
});

describe('consoles', () => {
  it("shows the device's lines exactly, two spaces included, and the server's bad-payload line as a problem", async () => {
    const { wrapper, bridge } = await openNightlight();
    bridge.emit('nightlight.consoleAppended', {
      target: 'device',
      cleared: false,
      lines: [line(1, 'MQTT connected!'), line(2, 'Light level: 0'), line(3, 'Sending telemetry  {"light": 0}')],
    });
    bridge.emit('nightlight.consoleAppended', {
      target: 'server',
      cleared: false,
      lines: [
        line(1, "Message received: {'light': 0}"),
        line(2, "Sending message: {'led_on': True}"),
        line(3, 'Payload "bright" is not JSON: expected {"light": N}. Skipped it and kept going.', 'error'),
      ],
    });
    await flushPromises();

    expect(consoleTexts(wrapper, 'device-console')).toEqual(['MQTT connected!', 'Light level: 0', 'Sending telemetry  {"light": 0}']);
    expect(consoleTexts(wrapper, 'server-console')).toEqual([
      "Message received: {'light': 0}",
      "Sending message: {'led_on': True}",
      'Payload "bright" is not JSON: expected {"light": N}. Skipped it and kept going.',
    ]);
    const problem = wrapper.get('[data-testid="server-console"]').findAll('[data-testid="console-line"]')[2]!;
    expect(problem.classes()).toContain('line--error');
    expect(problem.text()).toMatch(/^Problem:/);
  });

  it('empties a console when asked and when the lab says it was cleared', async () => {
    const bridge = answeringBridge().handle('nightlight.clearConsole', () => ok({ done: true as const }));
    const { wrapper } = await openNightlight(bridge);
    bridge.emit('nightlight.consoleAppended', { target: 'device', cleared: false, lines: [line(1, 'Light level: 5')] });
    await flushPromises();
    await wrapper.get('[aria-label="Clear the Device console"]').trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('nightlight.clearConsole')).toEqual([{ target: 'device' }]);
    expect(consoleTexts(wrapper, 'device-console')).toEqual([]);
    bridge.emit('nightlight.consoleAppended', { target: 'device', cleared: true, lines: [line(9, 'Light level: 9')] });
    await flushPromises();
    expect(consoleTexts(wrapper, 'device-console')).toEqual(['Light level: 9']);
  });
});
