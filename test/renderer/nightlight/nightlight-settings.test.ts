// The Nightlight page's device settings and store-and-forward queue (the whole app at /nightlight with a fake bridge):
// a new ID moves both programs, a refused value is explained next to its field, the queue shows what waits.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fail, ok } from '../../../src-shared/contract/result';
import type { DeviceState, ServerState } from '../../../src-shared/contract/nightlight';
import App from '../../../src-renderer/src/App.vue';
import { FakeBridge, makeDeviceState, makeServerState } from '../support/fake-bridge';
import { mountLab } from '../support/mount-lab';

enableAutoUnmount(afterEach);

function settingsBridge(): FakeBridge {
  let device = makeDeviceState();
  let server = makeServerState();
  return new FakeBridge()
    .handle('nightlight.getCode', ({ language, program }) => ok({ language, program, fileName: 'app.py', text: '', howToRun: '' }))
    .handle('nightlight.updateDevice', (patch) => {
      if (patch.telemetryTopic?.includes('+')) {
        return fail('INVALID_INPUT', `Topic "${patch.telemetryTopic}" contains '+': wildcards are for subscribing, not publishing.`, 'telemetryTopic');
      }
      return ok((device = { ...device, settings: { ...device.settings, ...patch } as DeviceState['settings'] }));
    })
    .handle('nightlight.updateServer', (patch) => ok((server = { ...server, settings: { ...server.settings, ...patch } as ServerState['settings'] })));
}

describe('device settings', () => {
  it('moves the device and the server to a new ID together', async () => {
    const { wrapper, bridge } = await mountLab(App, { bridge: settingsBridge(), path: '/nightlight' });
    const id = wrapper.get<HTMLInputElement>('#nl-student-id');
    expect(id.element.value).toBe('lab-test01');
    await id.setValue('anna-42');
    await flushPromises();
    expect(bridge.invokesOf('nightlight.updateDevice')).toEqual([{ studentId: 'anna-42' }]);
    expect(bridge.invokesOf('nightlight.updateServer')).toEqual([{ studentId: 'anna-42' }]);
  });

  it('explains a refused topic next to its field and keeps what was typed', async () => {
    const { wrapper } = await mountLab(App, { bridge: settingsBridge(), path: '/nightlight' });
    const topic = wrapper.get<HTMLInputElement>('#nl-telemetry-topic');
    await topic.setValue('lab/+/telemetry');
    await flushPromises();
    expect(wrapper.get('#nl-telemetry-topic-error').text()).toBe(
      `Topic "lab/+/telemetry" contains '+': wildcards are for subscribing, not publishing.`,
    );
    expect(topic.attributes('aria-invalid')).toBe('true');
    expect(topic.element.value).toBe('lab/+/telemetry');
  });

  it('turns on store-and-forward and explains both offline command policies', async () => {
    const { wrapper, bridge } = await mountLab(App, { bridge: settingsBridge(), path: '/nightlight' });
    await wrapper.get('#nl-store-forward').setValue(true);
    await wrapper.get('#nl-policy-keep-order').setValue(true);
    await flushPromises();
    expect(bridge.invokesOf('nightlight.updateDevice')).toEqual([{ storeAndForward: true }, { offlineCommandPolicy: 'keep-order' }]);
    expect(wrapper.get('#nl-policy-latest-wins-help').text()).toContain('Only the newest command');
    expect(wrapper.get('#nl-policy-keep-order-help').text()).toContain('in the order it came');
  });
});

describe('store-and-forward queue', () => {
  it('lists the readings waiting while the network is cut, oldest first', async () => {
    const { wrapper, bridge } = await mountLab(App, { bridge: settingsBridge(), path: '/nightlight' });
    expect(wrapper.find('[data-testid="queue-summary"]').exists()).toBe(false);
    const base = makeDeviceState();
    bridge.emit('nightlight.deviceChanged', makeDeviceState({
      networkUp: false,
      connection: null,
      settings: { ...base.settings, storeAndForward: true },
      queue: {
        length: 2,
        capacity: 500,
        droppedCount: 0,
        replaying: false,
        items: [
          { seq: 1, topic: 'lab-test01/telemetry', payload: '{"light": 100}', queuedAtMs: 1 },
          { seq: 2, topic: 'lab-test01/telemetry', payload: '{"light": 120}', queuedAtMs: 2 },
        ],
      },
    }));
    await flushPromises();
    expect(wrapper.get('[data-testid="device-connection"]').text()).toContain('Network cut');
    expect(wrapper.get('[data-testid="queue-summary"]').text()).toBe('2 of 500 readings waiting to be sent.');
    expect(wrapper.findAll('[aria-label="Waiting readings, oldest first"] code').map((code) => code.text())).toEqual([
      '{"light": 100}',
      '{"light": 120}',
    ]);
    expect(wrapper.findAll('button').find((button) => button.text() === 'Restore network')?.exists()).toBe(true);
  });
});
