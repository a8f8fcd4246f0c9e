// Playground clients: a fresh lab gets Publisher, Subscriber and Late subscriber; each card connects, publishes
// (JSON checked before sending, MQTT 5 extras only for MQTT 5), subscribes (a lowered QoS is said out loud) and saves settings.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlaygroundClient } from '../../../src-shared/contract/playground';
import { ok } from '../../../src-shared/contract/result';
import { makePlaygroundClient } from '../support/fake-bridge';
import { buttonNamed, card, mountPlayground, playgroundBridge, THREE_CLIENTS } from './support';

enableAutoUnmount(afterEach);

async function openTab(section: ReturnType<typeof card>, name: string) {
  await section.findAll('[role="tab"]').find((tab) => tab.text() === name)!.trigger('click');
}

describe('playground clients', () => {
  it('shows the clients side by side, each with a status in words, and adds another by name', async () => {
    const bridge = playgroundBridge().handle('playground.addClient', (input) =>
      ok(makePlaygroundClient({ key: 'client-4', name: input?.name ?? 'Client 4' })),
    );
    const { wrapper } = await mountPlayground(bridge);
    const names = () => wrapper.findAll('[data-testid="client-card"]').map((section) => section.get('h3').text());
    expect(names()).toEqual(['Publisher', 'Subscriber', 'Late subscriber']);
    const states = wrapper.findAll('[data-testid="client-state"]').map((state) => state.text());
    expect(states).toEqual(['Connected', 'Connected', 'Not connected']);

    await wrapper.get('#pg-add-name').setValue('Sensor');
    await buttonNamed(wrapper, 'Add a client').trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('playground.addClient')).toEqual([{ name: 'Sensor' }]);
    expect(names()).toEqual(['Publisher', 'Subscriber', 'Late subscriber', 'Sensor']);
  });

  it('connects a client to the chosen broker and shows the new state', async () => {
    const bridge = playgroundBridge().handle('playground.connect', ({ clientKey }) =>
      ok({ ...THREE_CLIENTS[2]!, key: clientKey, state: 'connected', sessionPresent: true }),
    );
    const { wrapper } = await mountPlayground(bridge);
    await buttonNamed(wrapper, 'Connect Late subscriber').trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('playground.connect')).toEqual([{ clientKey: 'late-subscriber', target: 'builtin' }]);
    const status = card(wrapper, 'Late subscriber').get('[role="status"]').text();
    expect(status).toContain('Connected');
    expect(status).toContain('session kept by the broker');
    expect(buttonNamed(wrapper, 'Disconnect Late subscriber').exists()).toBe(true);
  });

  it('checks JSON while typing, never sends invalid JSON, and sends valid JSON with QoS and retain', async () => {
    const bridge = playgroundBridge().handle('playground.publish', (input) => ok({ sizeBytes: input.payload.length, packetId: 1 }));
    const { wrapper } = await mountPlayground(bridge);
    const section = card(wrapper, 'Publisher');
    await openTab(section, 'Publish');
    await section.get('input[type="radio"][value="json"]').setValue(true);
    await section.get('#pg-publisher-pub-payload').setValue('{"temp": 21.5');
    expect(section.text()).toContain('This is not valid JSON:');
    expect(section.get('#pg-publisher-pub-payload').attributes('aria-invalid')).toBe('true');
    await buttonNamed(wrapper, 'Publish from Publisher').trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('playground.publish')).toEqual([]);

    await section.get('#pg-publisher-pub-payload').setValue('{"temp": 21.5}');
    expect(section.get('[data-testid="json-ok"]').text()).toBe('Valid JSON.');
    await section.get('#pg-publisher-pub-qos').setValue('2');
    await section.get('#pg-publisher-pub-retain').setValue(true);
    await buttonNamed(wrapper, 'Publish from Publisher').trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('playground.publish')).toEqual([
      { clientKey: 'publisher', topic: 'playground/temperature', payload: '{"temp": 21.5}', payloadFormat: 'json', qos: 2, retain: true },
    ]);
    expect(section.text()).toContain('Sent 14 bytes to "playground/temperature".');
  });

  it('shows the MQTT 5 extras only for an MQTT 5 client and sends them as properties', async () => {
    const clients = [makePlaygroundClient({ protocolVersion: 5, state: 'connected' }), makePlaygroundClient({ key: 'old', name: 'Old', state: 'connected' })];
    const bridge = playgroundBridge({ clients }).handle('playground.publish', () => ok({ sizeBytes: 4, packetId: 1 }));
    const { wrapper } = await mountPlayground(bridge);
    const v5 = card(wrapper, 'Publisher');
    const v4 = card(wrapper, 'Old');
    await openTab(v5, 'Publish');
    await openTab(v4, 'Publish');
    expect(v4.text()).not.toContain('MQTT 5 extras');
    expect(v5.text()).toContain('MQTT 5 extras');

    await v5.get('#pg-publisher-pub-expiry').setValue('60');
    await v5.get('#pg-publisher-pub-content-type').setValue('text/plain');
    await buttonNamed(wrapper, 'Add a property').trigger('click');
    await v5.get('[aria-label="Name of property 1"]').setValue('room');
    await v5.get('[aria-label="Value of property 1"]').setValue('kitchen');
    await buttonNamed(wrapper, 'Publish from Publisher').trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('playground.publish')).toEqual([
      expect.objectContaining({
        clientKey: 'publisher',
        properties: { messageExpirySeconds: 60, contentType: 'text/plain', userProperties: [{ key: 'room', value: 'kitchen' }] },
      }),
    ]);
  });

  it('subscribes and says when the broker lowered the QoS', async () => {
    const bridge = playgroundBridge().handle('playground.subscribe', ({ filter }) =>
      ok({ filter, requestedQos: 2, grantedQos: 1, downgraded: true }),
    );
    const { wrapper } = await mountPlayground(bridge);
    const section = card(wrapper, 'Subscriber');
    await openTab(section, 'Subscribe');
    await section.get('#pg-subscriber-sub-filter').setValue('playground/#');
    await section.get('#pg-subscriber-sub-qos').setValue('2');
    await buttonNamed(wrapper, 'Subscribe Subscriber').trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('playground.subscribe')).toEqual([{ clientKey: 'subscriber', filter: 'playground/#', qos: 2 }]);
    expect(section.get('[data-testid="subscription"]').text()).toContain('You asked for QoS 2, the broker gave QoS 1: it lowered it.');
  });

  it('saves a changed keep-alive and Last Will, and explains a keep-alive that is not a number', async () => {
    const bridge = playgroundBridge().handle('playground.updateClient', (input) => ok({ ...THREE_CLIENTS[0]!, ...input, key: input.clientKey } as PlaygroundClient));
    const { wrapper } = await mountPlayground(bridge);
    const section = card(wrapper, 'Publisher');
    await openTab(section, 'Settings');
    // setValue fires input and change, like typing and then leaving the field.
    await section.get('#pg-publisher-keepalive').setValue('abc');
    expect(section.text()).toContain('Type a whole number from 0 to 65535.');
    await section.get('#pg-publisher-keepalive').setValue('5');
    await section.get('#pg-publisher-will').setValue(true);
    await flushPromises();
    expect(bridge.invokesOf('playground.updateClient')).toEqual([
      { clientKey: 'publisher', keepaliveSeconds: 5 },
      { clientKey: 'publisher', will: { topic: 'playground/publisher/status', payload: 'offline', qos: 0, retain: false } },
    ]);
  });
});
