// The header tells the student how the lab client and the built-in broker are doing, and when the host is lost.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../src-renderer/src/App.vue';
import { makeBrokerStatus, makeClientStatus } from './support/fake-bridge';
import { mountLab } from './support/mount-lab';

enableAutoUnmount(afterEach);

function pill(wrapper: Awaited<ReturnType<typeof mountLab>>['wrapper']) {
  return wrapper.get('[role="status"][aria-label="Lab connection"]');
}

describe('connection status pill', () => {
  it('says "Not connected" before the lab client has connected', async () => {
    const { wrapper } = await mountLab(App);
    expect(pill(wrapper).text()).toContain('Not connected');
    expect(pill(wrapper).attributes('aria-live')).toBe('polite');
  });

  it('shows "Connected" and the broker URL after mqtt.statusChanged for the lab client', async () => {
    const { wrapper, bridge } = await mountLab(App);
    bridge.emit('mqtt.statusChanged', makeClientStatus({ state: 'connected', brokerUrl: 'mqtt://127.0.0.1:1884' }));
    await flushPromises();
    expect(pill(wrapper).text()).toContain('Connected');
    expect(pill(wrapper).text()).toContain('mqtt://127.0.0.1:1884');
  });

  it("ignores other clients' status", async () => {
    const { wrapper, bridge } = await mountLab(App);
    bridge.emit('mqtt.statusChanged', makeClientStatus({ clientName: 'explorer', state: 'connected', brokerUrl: 'mqtt://x:1' }));
    await flushPromises();
    expect(pill(wrapper).text()).toContain('Not connected');
    expect(pill(wrapper).text()).not.toContain('mqtt://x:1');
  });

  it('shows the readable error message in the error state', async () => {
    const { wrapper, bridge } = await mountLab(App);
    const message = 'Could not find a broker called "nohost.invalid". Check the spelling of the host.';
    bridge.emit(
      'mqtt.statusChanged',
      makeClientStatus({ state: 'error', brokerUrl: 'mqtt://nohost.invalid:1883', message, errorCode: 'DNS_FAILED' }),
    );
    await flushPromises();
    expect(pill(wrapper).text()).toContain('Error');
    expect(pill(wrapper).text()).toContain(message);
    bridge.emit('mqtt.statusChanged', makeClientStatus({ state: 'reconnecting', message }));
    await flushPromises();
    expect(pill(wrapper).text()).toContain('Reconnecting');
    expect(pill(wrapper).text()).not.toContain(message);
  });
});

describe('broker badge', () => {
  it('shows the ports really used and how often the broker restarted', async () => {
    const { wrapper, bridge } = await mountLab(App);
    bridge.emit(
      'broker.statusChanged',
      makeBrokerStatus({ tcpPort: 1884, requestedTcpPort: 1883, restarts: 2, message: 'The broker stopped unexpectedly.' }),
    );
    await flushPromises();
    const badge = wrapper.get('[role="group"][aria-label="Built-in broker"]');
    expect(badge.text()).toContain('MQTT 1884 (1883 was taken)');
    expect(badge.text()).toContain('WebSocket 8083');
    expect(badge.text()).toContain('restarted 2 times: The broker stopped unexpectedly.');
  });
});

describe('broker badge with ports picked freely', () => {
  it('does not claim a port was taken when any free port was asked for', async () => {
    const { wrapper, bridge } = await mountLab(App);
    bridge.emit('broker.statusChanged', makeBrokerStatus({ tcpPort: 45169, requestedTcpPort: 0, wsPort: 42169, requestedWsPort: 0 }));
    await flushPromises();
    const badge = wrapper.get('[role="group"][aria-label="Built-in broker"]');
    expect(badge.text()).toContain('MQTT 45169');
    expect(badge.text()).not.toContain('was taken');
  });
});

describe('lab host link', () => {
  it('says it lost the host, and reloads the lab state when the host is back', async () => {
    const { wrapper, bridge } = await mountLab(App);
    expect(wrapper.find('[data-testid="host-link"]').exists()).toBe(false);
    bridge.setLink({ state: 'lost', failedAttempts: 1 });
    await flushPromises();
    expect(wrapper.get('[data-testid="host-link"]').text()).toContain('Lost contact with the lab host. Trying again...');
    const loadsBefore = bridge.invokesOf('profiles.list').length;
    bridge.setLink({ state: 'open', failedAttempts: 0 });
    await flushPromises();
    expect(wrapper.find('[data-testid="host-link"]').exists()).toBe(false);
    expect(bridge.invokesOf('profiles.list').length).toBe(loadsBefore + 1);
  });
});
