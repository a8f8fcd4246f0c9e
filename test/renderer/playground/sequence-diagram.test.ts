// The live sequence diagram: one arrow per captured packet with its key fields, a resent PUBLISH marked dup=1,
// lost packets ending in a cross, cuts drawn as breaks, every field on keyboard focus, and only visible rows drawn.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../src-shared/contract/result';
import { makeNoteEntry, makePacketEntry } from '../support/fake-bridge';
import { buttonNamed, mountPlayground, playgroundBridge } from './support';

enableAutoUnmount(afterEach);

const QOS1_WITH_LOST_ACK = [
  makePacketEntry({ seq: 1, timeMs: 1000, packetId: 1, qos: 1, topic: 'lab/t', payloadPreview: 'the lamp is on now', payloadBytes: 18 }),
  makePacketEntry({ seq: 2, timeMs: 1010, clientKey: 'subscriber', clientName: 'Subscriber', direction: 'toClient', packetId: 7, qos: 1 }),
  makePacketEntry({ seq: 3, timeMs: 1020, direction: 'toClient', type: 'PUBACK', packetId: 1, qos: null, topic: null, proxyAction: 'dropped' }),
  makeNoteEntry({ seq: 4, timeMs: 1500, event: 'cut' }),
  makePacketEntry({ seq: 5, timeMs: 2500, packetId: 1, qos: 1, dup: true, fields: { messageId: 1 } }),
];

function labels(wrapper: Awaited<ReturnType<typeof mountPlayground>>['wrapper']): string[] {
  return wrapper.findAll('[data-testid="diagram-row"]').map((row) => row.attributes('aria-label') ?? '');
}

describe('sequence diagram', () => {
  it('draws an arrow per packet with its fields, marks the resent copy dup=1, crosses out the lost PUBACK and breaks at the cut', async () => {
    const { wrapper } = await mountPlayground(playgroundBridge({ entries: QOS1_WITH_LOST_ACK }));
    const arrows = wrapper.findAll('[data-testid="arrow-label"]').map((label) => label.text());
    expect(arrows).toEqual(['PUBLISH id 1 QoS 1 "the lamp is o…"', 'PUBLISH id 7 QoS 1 "21.5"', 'PUBACK id 1 lost', 'PUBLISH id 1 QoS 1 dup=1 "21.5"']);

    const rows = wrapper.findAll('[data-testid="diagram-row"]');
    expect(rows[4]!.find('.part--dup').text()).toBe('dup=1');
    expect(labels(wrapper)[4]).toBe('PUBLISH id 1 QoS 1 dup=1 "21.5", from Publisher to Broker, at 1.500 s. Arrived.');
    expect(rows[2]!.find('path.cross').exists()).toBe(true);
    expect(rows[2]!.find('path.head').exists()).toBe(false);
    expect(labels(wrapper)[2]).toContain('Dropped on the way: it never arrived.');
    expect(rows[3]!.find('path.break').exists()).toBe(true);
    expect(rows[3]!.text()).toContain('connection cut');

    // Lifeline heads: the broker between the clients.
    expect(wrapper.findAll('.heads .head').map((head) => head.text())).toEqual(['Publisher', 'Broker', 'Subscriber']);
  });

  it('adds packets as they are captured and shows every field of the focused arrow in a tooltip', async () => {
    const bridge = playgroundBridge({ entries: QOS1_WITH_LOST_ACK.slice(0, 1) });
    const { wrapper } = await mountPlayground(bridge);
    bridge.emit('playground.packetsCaptured', { entries: QOS1_WITH_LOST_ACK.slice(1) });
    await flushPromises();
    expect(wrapper.findAll('[data-testid="diagram-row"]')).toHaveLength(5);

    const last = wrapper.findAll('[data-testid="diagram-row"]')[4]!;
    expect(last.attributes('tabindex')).toBe('0');
    await last.trigger('focus');
    const tooltip = wrapper.get('[data-testid="packet-tooltip"]');
    expect(last.attributes('aria-describedby')).toBe(tooltip.attributes('id'));
    const fields = Object.fromEntries(
      tooltip.findAll('dt').map((term, index) => [term.text(), tooltip.findAll('dd')[index]!.text()]),
    );
    expect(fields).toMatchObject({ Packet: 'PUBLISH', 'Packet id': '1', QoS: '1', 'Dup (resent copy)': 'yes', messageId: '1' });

    await wrapper.get('[data-testid="sequence-diagram"]').trigger('keydown', { key: 'Escape' });
    expect(wrapper.find('[data-testid="packet-tooltip"]').exists()).toBe(false);
  });

  it('moves between arrows with the arrow keys', async () => {
    const { wrapper } = await mountPlayground(playgroundBridge({ entries: QOS1_WITH_LOST_ACK }));
    const rows = () => wrapper.findAll('[data-testid="diagram-row"]');
    await rows()[4]!.trigger('focus');
    await wrapper.get('[data-testid="sequence-diagram"]').trigger('keydown', { key: 'ArrowUp' });
    await flushPromises();
    expect(rows()[3]!.attributes('tabindex')).toBe('0');
    expect(rows()[4]!.attributes('tabindex')).toBe('-1');
    expect(document.activeElement?.getAttribute('data-index')).toBe('3');
  });

  it('draws only the rows in view when thousands of packets were captured', async () => {
    const many = Array.from({ length: 3000 }, (_, index) => makePacketEntry({ seq: index + 1, timeMs: 1000 + index, packetId: (index % 100) + 1, qos: 1 }));
    const { wrapper } = await mountPlayground(playgroundBridge({ entries: many }));
    const drawn = wrapper.findAll('[data-testid="diagram-row"]');
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.length).toBeLessThan(60);
    expect(wrapper.text()).toContain('3000 entries');
  });

  it('pauses capture, clears, and exports the log as a text file', async () => {
    const bridge = playgroundBridge({ entries: QOS1_WITH_LOST_ACK })
      .handle('playground.pauseCapture', ({ paused }) => ok({ paused }))
      .handle('playground.clearPackets', () => ok({ done: true }))
      .handle('playground.exportPackets', () => ok({ fileName: 'packets.txt', text: '0.000 Publisher -> broker PUBLISH' }));
    const { wrapper } = await mountPlayground(bridge);
    const createUrl = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:packets');
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);

    await buttonNamed(wrapper, 'Pause').trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('playground.pauseCapture')).toEqual([{ paused: true }]);
    expect(wrapper.text()).toContain('Paused: packets still flow');
    expect(buttonNamed(wrapper, 'Resume').attributes('aria-pressed')).toBe('true');

    await buttonNamed(wrapper, 'Export as text').trigger('click');
    await flushPromises();
    expect(createUrl).toHaveBeenCalledOnce();
    const anchor = click.mock.contexts[0] as HTMLAnchorElement;
    expect(anchor.download).toBe('packets.txt');

    await buttonNamed(wrapper, 'Clear').trigger('click');
    await flushPromises();
    expect(wrapper.findAll('[data-testid="diagram-row"]')).toHaveLength(0);
    expect(wrapper.text()).toContain('No packets yet.');
    vi.restoreAllMocks();
  });

  it('starts over from the lab host\'s new log when the link to a restarted host comes back', async () => {
    let log = QOS1_WITH_LOST_ACK;
    const bridge = playgroundBridge().handle('playground.listPackets', () => ok({ entries: log, paused: false }));
    const { wrapper } = await mountPlayground(bridge);
    expect(wrapper.findAll('[data-testid="diagram-row"]')).toHaveLength(5);
    log = [makePacketEntry({ seq: 1, type: 'PINGREQ', packetId: null, qos: null, payloadPreview: null })];
    bridge.setLink({ state: 'lost' });
    bridge.setLink({ state: 'open' });
    await flushPromises();
    expect(wrapper.findAll('[data-testid="arrow-label"]').map((label) => label.text())).toEqual(['PINGREQ']);
  });
});
