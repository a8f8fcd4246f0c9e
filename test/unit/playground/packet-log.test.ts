// The pure pieces behind the packet log: framing and summaries of raw MQTT bytes, entries from mqtt.js packets
// (never a password), the ordered batched log, the session store that marks resent PUBLISH packets dup=1, export text.
import mqttPacket from 'mqtt-packet';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LogEntry } from '../../../src-shared/contract/playground';
import { englishOf, labText } from '../../../src-shared/i18n/lab-text';
import { exportLog, formatEntry } from '../../../src-main/services/playground/export-text';
import { MalformedPacketError, PacketSplitter, summarizePacket } from '../../../src-main/services/playground/mqtt-framing';
import { draftFromMqttPacket, previewPayload } from '../../../src-main/services/playground/packet-entries';
import { PacketLog } from '../../../src-main/services/playground/packet-log';
import { SessionStore } from '../../../src-main/services/playground/session-store';

const who = { clientKey: 'publisher', clientName: 'Publisher' };

describe('MQTT framing', () => {
  it('splits a stream into whole packets, including a remaining length of several bytes', () => {
    const big = mqttPacket.generate({ cmd: 'publish', topic: 'lab/photo', payload: Buffer.alloc(20_000, 1), qos: 1, messageId: 9, retain: false, dup: false });
    const ping = mqttPacket.generate({ cmd: 'pingreq' });
    const splitter = new PacketSplitter();
    const stream = Buffer.concat([big, ping]);
    const packets = [...splitter.push(stream.subarray(0, 3)), ...splitter.push(stream.subarray(3, 15_000)), ...splitter.push(stream.subarray(15_000))];
    expect(packets).toEqual([big, ping]);
    expect(splitter.pendingBytes).toBe(0);
    expect(() => new PacketSplitter().push(Buffer.from([0x30, 0xff, 0xff, 0xff, 0xff]))).toThrow(MalformedPacketError);
  });

  it('summarizes an MQTT 5 PUBLISH past its properties, and a CONNECT by its protocol level', () => {
    const options = { protocolVersion: 5 as const };
    const publish = mqttPacket.generate(
      { cmd: 'publish', topic: 'lab/json', payload: '{"a":1}', qos: 2, messageId: 77, retain: true, dup: true, properties: { contentType: 'application/json' } },
      options,
    );
    expect(summarizePacket(publish, 5)).toMatchObject({ type: 'PUBLISH', qos: 2, retain: true, dup: true, packetId: 77, topic: 'lab/json' });
    expect(summarizePacket(publish, 5).payload?.toString()).toBe('{"a":1}');
    const connect = mqttPacket.generate({ cmd: 'connect', clientId: 'x', protocolVersion: 5, clean: true, keepalive: 5 }, options);
    expect(summarizePacket(connect, 4)).toMatchObject({ type: 'CONNECT', protocolLevel: 5 });
    expect(summarizePacket(mqttPacket.generate({ cmd: 'pubrel', messageId: 300 }), 4)).toMatchObject({ type: 'PUBREL', packetId: 300 });
  });
});

describe('packet entries', () => {
  it('copies every CONNECT field except the password', () => {
    const draft = draftFromMqttPacket(
      {
        cmd: 'connect',
        clientId: 'sensor-1',
        protocolVersion: 4,
        clean: false,
        keepalive: 5,
        username: 'student',
        password: Buffer.from('hunter2'),
        will: { topic: 'lab/status', payload: Buffer.from('offline'), qos: 1, retain: true },
      },
      'toBroker',
    );
    expect(draft).toMatchObject({ type: 'CONNECT', topic: 'lab/status', direction: 'toBroker' });
    expect(draft.fields).toMatchObject({ clientId: 'sensor-1', clean: false, keepalive: 5, username: 'student', 'will.payload': 'offline', 'will.qos': 1 });
    expect(JSON.stringify(draft)).not.toContain('hunter2');
    expect(Object.keys(draft.fields)).not.toContain('password');
  });

  it('shows binary payloads by size and cuts long text', () => {
    expect(previewPayload(Buffer.from([0xff, 0xfe, 0x00]))).toBe('<3 bytes>');
    expect(previewPayload('x'.repeat(500))).toHaveLength(121);
  });

  it('reads SUBACK grants and QoS 0 PUBLISH without a packet id', () => {
    expect(draftFromMqttPacket({ cmd: 'suback', messageId: 4, granted: [2, 128] }, 'toClient')).toMatchObject({ packetId: 4, grantedQos: [2, 128] });
    const qos0 = draftFromMqttPacket({ cmd: 'publish', topic: 't', payload: Buffer.from('v'), qos: 0, retain: false, dup: false, messageId: 0 }, 'toBroker');
    expect(qos0).toMatchObject({ packetId: null, qos: 0, payloadPreview: 'v', payloadBytes: 1 });
  });
});

describe('PacketLog', () => {
  afterEach(() => vi.useRealTimers());

  function publishDraft(payload: string) {
    return draftFromMqttPacket({ cmd: 'publish', topic: 't', payload: Buffer.from(payload), qos: 1, retain: false, dup: false, messageId: 1 }, 'toBroker');
  }

  it('hands entries on in order, batched, waiting briefly for a pending entry', () => {
    vi.useFakeTimers();
    const batches: LogEntry[][] = [];
    const log = new PacketLog({ emit: (entries) => batches.push(entries), batchIntervalMs: 50, maxWaitMs: 300 });
    const pending = log.addPending(who, publishDraft('first'));
    log.add(who, publishDraft('second'));
    vi.advanceTimersByTime(50);
    expect(batches).toEqual([]);
    pending?.complete({ proxyAction: 'dropped', delayMs: null });
    vi.advanceTimersByTime(50);
    expect(batches).toHaveLength(1);
    expect(batches[0]?.map((entry) => (entry.kind === 'packet' ? [entry.seq, entry.payloadPreview, entry.proxyAction] : null))).toEqual([
      [1, 'first', 'dropped'],
      [2, 'second', null],
    ]);
    log.addPending(who, publishDraft('never completed'));
    vi.advanceTimersByTime(400);
    expect(batches.at(-1)?.[0]).toMatchObject({ payloadPreview: 'never completed', proxyAction: null });
    log.dispose();
  });

  it('keeps only the newest entries and says how many it could not log', () => {
    vi.useFakeTimers();
    const batches: LogEntry[][] = [];
    const log = new PacketLog({ emit: (entries) => batches.push(entries), batchIntervalMs: 50, maxEntries: 10 });
    for (let index = 0; index < 15; index += 1) log.add(who, publishDraft(String(index)));
    vi.advanceTimersByTime(50);
    expect(batches[0]?.at(-1)).toMatchObject({ kind: 'note', event: 'problem' });
    const overflow = batches[0]?.at(-1);
    expect(overflow?.kind === 'note' && overflow.texts).toEqual([{ key: 'playground.notes.notLogged', params: { count: 5 } }]);
    expect(overflow?.kind === 'note' && englishOf(overflow.texts[0]!)).toBe(
      '5 packets were not logged: more arrived than the log can show. Pause, clear, or slow the publisher down.',
    );
    for (let index = 0; index < 10; index += 1) log.add(who, publishDraft(`later ${index}`));
    vi.advanceTimersByTime(50);
    expect(log.list()).toHaveLength(10);
    expect(log.list().at(-1)).toMatchObject({ payloadPreview: 'later 9' });
    log.dispose();
  });
});

describe('SessionStore', () => {
  it('marks a PUBLISH dup=1 when it is sent again, and survives mqtt.js closing it', async () => {
    const changes = vi.fn();
    const store = new SessionStore(changes);
    store.put({ cmd: 'publish', topic: 't', payload: Buffer.from('x'), qos: 1, messageId: 5, retain: false, dup: false });
    store.put({ cmd: 'pubrel', messageId: 6 });
    store.close();
    expect(store.size).toBe(2);
    const resent: Array<{ cmd: string; dup?: boolean }> = [];
    for await (const packet of store.createStream() as AsyncIterable<{ cmd: string; dup?: boolean }>) resent.push(packet);
    expect(resent).toEqual([expect.objectContaining({ cmd: 'publish', dup: true }), expect.objectContaining({ cmd: 'pubrel' })]);
    expect(store.describe()).toEqual(['5 (PUBLISH QoS 1)', '6 (PUBREL)']);
    store.del({ messageId: 5 }, () => undefined);
    expect(store.size).toBe(1);
    expect(changes).toHaveBeenCalledTimes(3);
  });
});

describe('export text', () => {
  it('writes one readable line per entry, with what the proxy did', () => {
    const entries: LogEntry[] = [
      { ...publishEntry(), seq: 1 },
      { kind: 'note', seq: 2, timeMs: 0, clientKey: 'publisher', clientName: 'Publisher', event: 'cut', texts: [labText('playground.notes.cut', { name: 'Publisher' })] },
    ];
    const { text, fileName } = exportLog(entries, Date.UTC(2026, 0, 2, 3, 4, 5));
    expect(fileName).toBe('mqtt-lab-packets-2026-01-02T03-04-05.txt');
    expect(formatEntry(entries[0] as LogEntry)).toMatch(/Publisher -> broker {2}PUBLISH {2}id=3 qos=1 dup=1 retain=0 topic="lab\/lamp" payload="on" {2}\[DROPPED by the proxy\]$/);
    expect(text.split('\n')).toHaveLength(5);
    expect(text).toContain('Publisher: -- Cut the network of Publisher: both sides are closed at once, like pulling the cable.');
  });
});

function publishEntry(): LogEntry {
  return {
    ...draftFromMqttPacket({ cmd: 'publish', topic: 'lab/lamp', payload: Buffer.from('on'), qos: 1, retain: false, dup: true, messageId: 3 }, 'toBroker'),
    proxyAction: 'dropped',
    seq: 0,
    timeMs: 0,
    clientKey: 'publisher',
    clientName: 'Publisher',
  };
}
