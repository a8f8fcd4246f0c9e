// The diagram stays readable with many lifelines: lanes never squeeze below a readable width (the diagram scrolls
// sideways instead), name tags carry whole names, arrow labels are shortened after a whole field to stay in their lane,
// and the clients of earlier experiments hide behind a switch.
import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../src-shared/contract/playground';
import { labText } from '../../../src-shared/i18n/lab-text';
import {
  arrowGeometry,
  diagramWidthPx,
  headMaxWidthPx,
  labelRoomPx,
  LANE_MIN_PX,
  orderLifelines,
  placeLifelines,
} from '../../../src-renderer/src/components/playground/diagram-geometry';
import { earlierExperimentClients } from '../../../src-renderer/src/components/playground/earlier-clients';
import { estimateTextWidth, fitLabelParts } from '../../../src-renderer/src/components/playground/label-fit';
import { makeNoteEntry, makePacketEntry } from '../support/fake-bridge';
import { mountPlayground, playgroundBridge } from './support';

enableAutoUnmount(afterEach);

const VIEW_PX = 660;

function started(seq: number, number: number): LogEntry {
  return makeNoteEntry({
    seq,
    timeMs: 1000 + seq,
    clientKey: '',
    clientName: '',
    event: 'experimentStarted',
    texts: [labText('playground.notes.experimentStarted', { number, title: labText('playground.experiments.list.retained.title'), url: 'mqtt://127.0.0.1:1883' })],
  });
}

const EXPERIMENT_NAMES = {
  publisher: 'Publisher (experiment)',
  subscriber: 'Subscriber (experiment)',
  subscriberSessionKept: 'Subscriber, session kept (experiment)',
  lateSubscriber: 'Late subscriber (experiment)',
  sensor: 'Sensor (experiment)',
  watcher: 'Watcher (experiment)',
};

/** A packet from one of an experiment's own clients (named by the lab, so its name is a key). */
function fromExperiment(seq: number, key: string, clientKey: keyof typeof EXPERIMENT_NAMES): LogEntry {
  const names = EXPERIMENT_NAMES;
  return makePacketEntry({
    seq,
    timeMs: 1000 + seq,
    clientKey: key,
    clientName: names[clientKey],
    clientNameText: labText(`playground.experimentClients.${clientKey}`),
    type: 'CONNECT',
    packetId: null,
    qos: null,
    topic: null,
    payloadPreview: null,
    payloadBytes: null,
    fields: { clean: true, keepalive: 60 },
  });
}

const TWO_EXPERIMENTS: LogEntry[] = [
  makePacketEntry({ seq: 1, timeMs: 1001 }),
  started(2, 4),
  fromExperiment(3, 'exp-publisher', 'publisher'),
  fromExperiment(4, 'exp-late-subscriber', 'lateSubscriber'),
  started(5, 6),
  fromExperiment(6, 'exp-sensor', 'sensor'),
  fromExperiment(7, 'exp-watcher', 'watcher'),
];

describe('lifelines when there are many', () => {
  it('keeps every lane at least LANE_MIN_PX wide and makes the diagram wider than the view instead of squeezing', () => {
    const ids = orderLifelines(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    const width = diagramWidthPx(ids.length, VIEW_PX);
    expect(width).toBeGreaterThan(VIEW_PX);
    const lines = placeLifelines(ids, width);
    const steps = lines.slice(1).map((line, index) => line.x - lines[index]!.x);
    for (const step of steps) expect(step).toBeGreaterThanOrEqual(LANE_MIN_PX - 0.001);
    expect(lines.at(-1)!.x).toBeLessThanOrEqual(width - 50);
    // A name tag fits its lane with room to spare, and is wide enough for a wrapped name.
    expect(headMaxWidthPx(lines)).toBeGreaterThanOrEqual(96);
    expect(headMaxWidthPx(lines)).toBeLessThan(steps[0]!);
  });

  it('uses just the view when a few lifelines fit, spreading them over it', () => {
    const ids = orderLifelines(['publisher', 'subscriber']);
    expect(diagramWidthPx(ids.length, VIEW_PX)).toBe(VIEW_PX);
    const lines = placeLifelines(ids, VIEW_PX);
    expect(lines[1]!.x - lines[0]!.x).toBeGreaterThan(LANE_MIN_PX);
  });
});

describe('arrow labels stay in their lane', () => {
  const connack = [{ text: 'CONNACK' }, { text: 'session present=0' }, { text: 'code 0' }];

  it('leaves a label that fits alone', () => {
    expect(fitLabelParts(connack, 400)).toEqual(connack);
  });

  it('cuts a long label after a whole field (never inside "session present=0") with an ellipsis, and the result fits', () => {
    const fitted = fitLabelParts(connack, 200);
    expect(fitted.map((part) => part.text).join(' ')).toBe('CONNACK session present=0…');
    expect(estimateTextWidth(fitted.map((part) => part.text).join(' '))).toBeLessThanOrEqual(200);
    expect(fitLabelParts(connack, 150).map((part) => part.text).join(' ')).toBe('CONNACK…');
  });

  it('always keeps the packet type and what the network did to it', () => {
    const lost = [{ text: 'PUBLISH' }, { text: 'id 12' }, { text: 'QoS 1' }, { text: 'dup=1', tone: 'dup' as const }, { text: '"lamp on"', tone: 'payload' as const }, { text: 'lost', tone: 'lost' as const }];
    const fitted = fitLabelParts(lost, 150);
    expect(fitted[0]!.text).toMatch(/^PUBLISH/);
    expect(fitted.filter((part) => part.tone === 'dup' || part.tone === 'lost')).toEqual([{ text: 'dup=1', tone: 'dup' }, { text: 'lost', tone: 'lost' }]);
    expect(fitted.map((part) => part.text).join(' ')).toMatch(/^PUBLISH( id 12)?… dup=1 lost$/);
    // Nothing left out, nothing to mark: a packet with only what must stay gets no ellipsis, however tight.
    expect(fitLabelParts([{ text: 'PINGREQ' }, { text: 'lost', tone: 'lost' as const }], 20).map((part) => part.text)).toEqual(['PINGREQ', 'lost']);
  });

  it('gives a label the lane between its two lifelines, less a margin', () => {
    const lines = placeLifelines(orderLifelines(['p', 's']), VIEW_PX);
    const arrow = arrowGeometry(makePacketEntry({ clientKey: 's' }), lines)!;
    expect(labelRoomPx(arrow)).toBeLessThan(Math.abs(lines[2]!.x - lines[1]!.x));
    expect(labelRoomPx(arrow)).toBeGreaterThan(Math.abs(lines[2]!.x - lines[1]!.x) - 20);
  });
});

describe('clients of earlier experiments', () => {
  it('are the lab-named clients seen only before the newest experiment started', () => {
    const earlier = earlierExperimentClients(TWO_EXPERIMENTS, new Set(['publisher']));
    expect([...earlier.entries].map((entry) => entry.seq)).toEqual([3, 4]);
    expect(earlier.count).toBe(2);
    expect(earlierExperimentClients(TWO_EXPERIMENTS.slice(0, 4), new Set()).count).toBe(0);
    expect(earlierExperimentClients([makePacketEntry()], new Set()).entries.size).toBe(0);
  });

  it('hides only the earlier rows of a client key the newest experiment uses again, and names each row by its own client', async () => {
    // Experiments reuse keys: "exp-subscriber" is "Subscriber" in experiment 1 and "Subscriber, session kept" in 5.
    const entries = [
      started(1, 1),
      fromExperiment(2, 'exp-subscriber', 'subscriber'),
      fromExperiment(3, 'exp-publisher', 'publisher'),
      started(4, 5),
      fromExperiment(5, 'exp-subscriber', 'subscriberSessionKept'),
      fromExperiment(6, 'exp-publisher', 'publisher'),
    ];
    expect(earlierExperimentClients(entries, new Set()).count).toBe(2);
    const { wrapper } = await mountPlayground(playgroundBridge({ entries }));
    const heads = () => wrapper.findAll('.heads li').map((head) => head.text());
    const labels = () => wrapper.findAll('[data-testid="diagram-row"]').map((row) => row.attributes('aria-label') ?? '');
    expect(heads()).toContain('Subscriber, session kept (experiment)');
    expect(heads()).not.toContain('Subscriber (experiment)');
    expect(labels()).toHaveLength(4);
    expect(labels()[2]).toContain('Subscriber, session kept (experiment)');

    await wrapper.get('[data-testid="show-earlier"]').setValue(true);
    expect(labels()).toHaveLength(6);
    expect(labels()[1]).toContain('to Broker');
    expect(labels()[1]).toMatch(/Subscriber \(experiment\)/);
    expect(labels()[4]).toContain('Subscriber, session kept (experiment)');
  });

  it('hide behind a switch, with their packets; the name tags say whole names to a screen reader', async () => {
    const { wrapper } = await mountPlayground(playgroundBridge({ entries: TWO_EXPERIMENTS }));
    const heads = () => wrapper.findAll('.heads li').map((head) => head.text());
    expect(wrapper.get('.heads ul').attributes('aria-label')).toBe('Lifelines: the broker and each client');
    expect(heads()).toEqual(['Publisher', 'Subscriber', 'Broker', 'Sensor (experiment)', 'Watcher (experiment)']);
    expect(wrapper.findAll('[data-testid="diagram-row"]')).toHaveLength(5);
    expect(wrapper.text()).toContain('they and their packets are hidden');

    const toggle = wrapper.get('[data-testid="show-earlier"]');
    expect(wrapper.get('label[for="pg-diagram-earlier"]').text()).toBe('Show the clients of earlier experiments (2)');
    await toggle.setValue(true);
    expect(heads()).toEqual(['Publisher', 'Subscriber', 'Publisher (experiment)', 'Broker', 'Late subscriber (experiment)', 'Sensor (experiment)', 'Watcher (experiment)']);
    expect(wrapper.findAll('[data-testid="diagram-row"]')).toHaveLength(7);
    // Seven lifelines do not fit the test DOM's 760 px: the diagram is drawn wider, to scroll sideways.
    expect(Number(wrapper.get('[data-testid="sequence-diagram"]').attributes('width'))).toBeGreaterThan(760);
  });

  it('shortens an arrow label in a narrow lane (next to the broker) but keeps the whole of it in the row\'s spoken label', async () => {
    const entries = [...TWO_EXPERIMENTS, makePacketEntry({ seq: 8, timeMs: 1010, clientKey: 'exp-late-subscriber', clientName: 'Late subscriber (experiment)', clientNameText: labText('playground.experimentClients.lateSubscriber'), direction: 'toClient', type: 'CONNACK', packetId: null, qos: null, topic: null, payloadPreview: null, payloadBytes: null, sessionPresent: false, reasonCode: 0 })];
    const { wrapper } = await mountPlayground(playgroundBridge({ entries }));
    await wrapper.get('[data-testid="show-earlier"]').setValue(true);
    const row = wrapper.findAll('[data-testid="diagram-row"]').at(-1)!;
    const label = row.get('[data-testid="arrow-label"]').text();
    expect(label).toMatch(/^CONNACK( session present=0)?…$/);
    expect(row.attributes('aria-label')).toMatch(/^CONNACK session present=0 code 0, from Broker to Late subscriber \(experiment\)/);
  });
});
