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
    expect(pill(wrapper).text()).toContain('Could not connect');
    // Screen readers hear the reason with the state; on screen it waits behind "Why?" so the header stays one line.
    expect(pill(wrapper).text()).toContain(message);
    expect(wrapper.get('[data-testid="status-problem"]').classes()).toContain('visually-hidden');
    bridge.emit('mqtt.statusChanged', makeClientStatus({ state: 'reconnecting', message }));
    await flushPromises();
    expect(pill(wrapper).text()).toContain('Reconnecting');
    expect(pill(wrapper).text()).not.toContain(message);
    expect(wrapper.find('[data-testid="status-why"]').exists()).toBe(false);
  });

  it('keeps a failed connect to one line, with the whole reason and a way to the Connection dialog behind "Why?"', async () => {
    const { wrapper, bridge } = await mountLab(App);
    const message = 'No broker is answering at 127.0.0.1:1884. Is a broker running on this computer on port 1884? Start it, or try the built-in broker.';
    bridge.emit('mqtt.statusChanged', makeClientStatus({ state: 'error', brokerUrl: 'mqtt://127.0.0.1:1884', message, errorCode: 'CONNECTION_REFUSED' }));
    await flushPromises();
    // Nothing visible but the state, the address and the button until the student asks.
    expect(wrapper.find('[data-testid="status-details"]').exists()).toBe(false);
    const why = wrapper.get('[data-testid="status-why"]');
    expect(why.element.tagName).toBe('BUTTON');
    expect(why.text()).toBe('Why?');
    expect(why.attributes('aria-expanded')).toBe('false');

    await why.trigger('click');
    const details = wrapper.get('[data-testid="status-details"]');
    expect(why.attributes('aria-expanded')).toBe('true');
    expect(why.attributes('aria-controls')).toBe(details.attributes('id'));
    expect(details.text()).toContain(message);

    const change = details.findAll('button').find((button) => button.text() === 'Change the connection')!;
    await change.trigger('click');
    await flushPromises();
    expect(wrapper.get('dialog').attributes('open')).toBeDefined();

    await wrapper.get('.wrap').trigger('keydown', { key: 'Escape' });
    expect(wrapper.find('[data-testid="status-details"]').exists()).toBe(false);
    expect(document.activeElement).toBe(why.element);
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
