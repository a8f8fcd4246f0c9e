// Fault controls on a client's Network tab send exactly the fault a student asked for, explain bad numbers
// without sending anything, and show what is still armed.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Fault, PlaygroundClient } from '../../../src-shared/contract/playground';
import { ok } from '../../../src-shared/contract/result';
import { makePlaygroundClient } from '../support/fake-bridge';
import { buttonNamed, card, mountPlayground, playgroundBridge, THREE_CLIENTS } from './support';

enableAutoUnmount(afterEach);

function faultBridge() {
  const bridge = playgroundBridge();
  bridge.handle('playground.injectFault', ({ clientKey, fault }) => {
    const client = THREE_CLIENTS.find((candidate) => candidate.key === clientKey)!;
    const faults = { ...client.faults, blackHole: fault.kind === 'blackHole' ? fault.on : client.faults.blackHole };
    return ok<PlaygroundClient>({ ...client, faults });
  });
  return bridge;
}

async function openNetworkTab(name: string) {
  const bridge = faultBridge();
  const { wrapper } = await mountPlayground(bridge);
  const section = card(wrapper, name);
  await section.findAll('[role="tab"]').find((tab) => tab.text() === 'Network')!.trigger('click');
  return { wrapper, bridge, section };
}

function sentFaults(bridge: ReturnType<typeof faultBridge>): Array<{ clientKey: string; fault: Fault }> {
  return bridge.invokesOf('playground.injectFault') as Array<{ clientKey: string; fault: Fault }>;
}

describe('fault controls', () => {
  it('cuts the connection, switches the black hole and goes back to a perfect network, each explained', async () => {
    const { wrapper, bridge, section } = await openNetworkTab('Subscriber');
    expect(section.text()).toContain('Pulls the cable');
    expect(section.text()).toContain('Packets vanish in both directions but nothing closes');

    await buttonNamed(wrapper, 'Cut the connection now for Subscriber').trigger('click');
    await section.get('#pg-subscriber-net-blackhole').setValue(true);
    await buttonNamed(wrapper, 'Back to a perfect network for Subscriber').trigger('click');
    await flushPromises();

    expect(sentFaults(bridge)).toEqual([
      { clientKey: 'subscriber', fault: { kind: 'cut' } },
      { clientKey: 'subscriber', fault: { kind: 'blackHole', on: true } },
      { clientKey: 'subscriber', fault: { kind: 'clear' } },
    ]);
  });

  it('drops the next N packets of a chosen type in a chosen direction, and sets a delay', async () => {
    const { bridge, section } = await openNetworkTab('Publisher');
    await section.get('#pg-publisher-net-drop-count').setValue('2');
    await section.get('#pg-publisher-net-drop-direction').setValue('toClient');
    await section.get('#pg-publisher-net-drop-type').setValue('PUBACK');
    await section.findAll('button').find((button) => button.text() === 'Drop them')!.trigger('click');
    await section.get('#pg-publisher-net-delay').setValue('500');
    await section.findAll('button').find((button) => button.text() === 'Set delay')!.trigger('click');
    await flushPromises();

    expect(sentFaults(bridge)).toEqual([
      { clientKey: 'publisher', fault: { kind: 'drop', direction: 'toClient', count: 2, onlyType: 'PUBACK' } },
      { clientKey: 'publisher', fault: { kind: 'delay', delayMs: 500 } },
    ]);
  });

  it('explains a count that is not 1 to 100 and sends nothing', async () => {
    const { bridge, section } = await openNetworkTab('Publisher');
    await section.get('#pg-publisher-net-drop-count').setValue('0');
    await section.findAll('button').find((button) => button.text() === 'Drop them')!.trigger('click');
    await flushPromises();
    expect(section.text()).toContain('Type a whole number from 1 to 100.');
    expect(sentFaults(bridge)).toEqual([]);
  });

  it('shows armed faults as words on the card: black hole badge and packets still to drop', async () => {
    const armed = makePlaygroundClient({
      state: 'connected',
      faults: { blackHole: true, dropToBroker: { remaining: 0, onlyType: null }, dropToClient: { remaining: 1, onlyType: 'PUBACK' }, delayMs: 0 },
    });
    const { wrapper } = await mountPlayground(playgroundBridge({ clients: [armed] }));
    const section = card(wrapper, 'Publisher');
    expect(section.get('[role="status"]').text()).toContain('Connected');
    expect(section.get('[role="status"]').text()).toContain('black hole on');
    await section.findAll('[role="tab"]').find((tab) => tab.text() === 'Network')!.trigger('click');
    expect(section.get('[data-testid="drop-pending"]').text()).toBe('1 more packet (PUBACK) will be dropped, broker to client.');
    expect((section.get('#pg-publisher-net-blackhole').element as HTMLInputElement).checked).toBe(true);
  });

  it('shows the lab\'s explanation when a fault cannot be applied', async () => {
    const bridge = playgroundBridge().handle('playground.injectFault', () => ({
      ok: false,
      error: { code: 'NOT_CONNECTED', message: 'Late subscriber is not connected, so there is no connection to cut.' },
    }));
    const { wrapper } = await mountPlayground(bridge);
    const section = card(wrapper, 'Late subscriber');
    await section.findAll('[role="tab"]').find((tab) => tab.text() === 'Network')!.trigger('click');
    await buttonNamed(wrapper, 'Cut the connection now for Late subscriber').trigger('click');
    await flushPromises();
    expect(section.get('[role="alert"]').text()).toBe('Late subscriber is not connected, so there is no connection to cut.');
  });
});
