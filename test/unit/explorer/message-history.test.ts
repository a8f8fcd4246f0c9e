// History as the student sees it: the last N messages per topic, a total memory cap that drops the oldest
// messages anywhere first (never the counts), large and binary payloads kept whole and shown without silent cuts.
import { describe, expect, it } from 'vitest';
import { ExplorerModel } from '../../../src-main/services/explorer/explorer-model';
import { messageDetail, topicDetail } from '../../../src-main/services/explorer/explorer-queries';
import { MESSAGE_OVERHEAD_BYTES } from '../../../src-main/services/explorer/message-history';

const T0 = 1_700_000_000_000;
const text = (value: string) => Buffer.from(value, 'utf8');

function payloadsOf(model: ExplorerModel, topic: string): string[] {
  return topicDetail(model, { topic, maxBytesPerMessage: 1_000_000 }, T0).messages.map((message) => message.payload);
}

describe('per-topic history', () => {
  it('keeps the last 100 messages of a topic by default, oldest first, while counting all', () => {
    const model = new ExplorerModel(T0);
    for (let index = 0; index < 150; index++) model.ingest('a/b', text(`v${index}`), 0, false, T0 + index);
    const detail = topicDetail(model, { topic: 'a/b', maxBytesPerMessage: 100 }, T0);
    expect(detail.historyLength).toBe(100);
    expect(detail.historyLimit).toBe(100);
    expect(detail.messages[0]!.payload).toBe('v50');
    expect(detail.messages.at(-1)!.payload).toBe('v149');
    expect(detail.node.ownCount).toBe(150);
  });

  it('gives only newer messages with afterId, for live updates of an open topic', () => {
    const model = new ExplorerModel(T0);
    const first = model.ingest('a', text('1'), 0, false, T0);
    model.ingest('a', text('2'), 0, false, T0);
    expect(topicDetail(model, { topic: 'a', afterId: first.id, maxBytesPerMessage: 10 }, T0).messages.map((m) => m.payload)).toEqual(['2']);
  });

  it('applies a lower per-topic limit at once to every topic', () => {
    const model = new ExplorerModel(T0);
    for (let index = 0; index < 10; index++) {
      model.ingest('x', text(`x${index}`), 0, false, T0);
      model.ingest('y/z', text(`y${index}`), 0, false, T0);
    }
    model.setLimits({ perTopic: 3 });
    expect(payloadsOf(model, 'x')).toEqual(['x7', 'x8', 'x9']);
    expect(payloadsOf(model, 'y/z')).toEqual(['y7', 'y8', 'y9']);
    expect(model.stats(T0)).toMatchObject({ historyMessages: 6, perTopicHistoryLimit: 3, messageCount: 20 });
  });
});

describe('total memory cap', () => {
  it('drops the oldest messages across all topics first and keeps the used bytes under the cap', () => {
    const model = new ExplorerModel(T0);
    const size = 1000;
    const cost = size + MESSAGE_OVERHEAD_BYTES;
    model.setLimits({ totalBytes: cost * 5 });
    for (let index = 0; index < 8; index++) model.ingest(index % 2 ? 'odd' : 'even', Buffer.alloc(size, 65 + index), 0, false, T0 + index);
    const stats = model.stats(T0);
    expect(stats.historyMessages).toBe(5);
    expect(stats.historyBytesUsed).toBe(cost * 5);
    expect(stats.evictedByMemoryCap).toBe(3);
    expect(stats.messageCount).toBe(8);
    // Messages 0, 1, 2 went first: even keeps 4 and 6, odd keeps 3, 5 and 7.
    expect(payloadsOf(model, 'even').map((payload) => payload[0])).toEqual(['E', 'G']);
    expect(payloadsOf(model, 'odd').map((payload) => payload[0])).toEqual(['D', 'F', 'H']);
  });

  it('still shows what the last message of a topic was after the cap dropped it', () => {
    const model = new ExplorerModel(T0);
    model.setLimits({ totalBytes: 2 * (3 + MESSAGE_OVERHEAD_BYTES) });
    model.ingest('old/topic', text('old'), 1, true, T0);
    model.ingest('new/a', text('aaa'), 0, false, T0 + 1);
    model.ingest('new/b', text('bbb'), 0, false, T0 + 2);
    const old = model.summarize(model.find('old/topic')!, T0);
    expect(old).toMatchObject({ ownCount: 1, last: { preview: 'old', qos: 1, retain: true, sizeBytes: 3 } });
    expect(topicDetail(model, { topic: 'old/topic', maxBytesPerMessage: 10 }, T0).messages).toEqual([]);
    expect(() => messageDetail(model, { topic: 'old/topic', id: old.last!.id, maxBytes: 10 })).toThrow(/no longer kept/);
  });

  it('keeps a single message bigger than the whole cap (the one the student looks at), dropping all others', () => {
    const model = new ExplorerModel(T0);
    model.setLimits({ totalBytes: 1024 * 1024 });
    model.ingest('small', text('s'), 0, false, T0);
    model.ingest('big', Buffer.alloc(2 * 1024 * 1024, 1), 0, false, T0);
    expect(model.stats(T0).historyMessages).toBe(1);
    expect(topicDetail(model, { topic: 'big', maxBytesPerMessage: 0 }, T0).messages[0]).toMatchObject({ sizeBytes: 2 * 1024 * 1024, truncated: true });
  });
});

describe('payloads', () => {
  it('keeps a 10 MB payload whole: cut by default with its true size, whole on demand', () => {
    const model = new ExplorerModel(T0);
    const big = Buffer.alloc(10 * 1024 * 1024, 'a');
    const stored = model.ingest('big/file', big, 0, false, T0);
    big.fill('b');
    const preview = messageDetail(model, { topic: 'big/file', id: stored.id, maxBytes: 64 * 1024 });
    expect(preview).toMatchObject({ sizeBytes: 10 * 1024 * 1024, truncated: true, payloadEncoding: 'utf8' });
    expect(preview.payload.length).toBe(64 * 1024);
    const whole = messageDetail(model, { topic: 'big/file', id: stored.id, maxBytes: 16 * 1024 * 1024 });
    expect(whole.truncated).toBe(false);
    expect(whole.payload.length).toBe(10 * 1024 * 1024);
    expect(whole.payload[0]).toBe('a');
    expect(model.summarize(model.find('big/file')!, T0).last!.preview).toHaveLength(100);
  });

  it('shows non-UTF-8 bytes as base64 (hex preview in the tree), whole and exact', () => {
    const model = new ExplorerModel(T0);
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x80, 0xc3]);
    const stored = model.ingest('bin', bytes, 2, false, T0);
    const message = messageDetail(model, { topic: 'bin', id: stored.id, maxBytes: 100 });
    expect(message).toMatchObject({ payloadEncoding: 'base64', sizeBytes: 5, truncated: false, qos: 2 });
    expect(Buffer.from(message.payload, 'base64')).toEqual(bytes);
    expect(model.summarize(model.find('bin')!, T0).last).toMatchObject({ kind: 'binary', preview: 'ff fe 00 80 c3' });
  });

  it('cuts text on a character boundary, so Telugu never shows half a letter', () => {
    const model = new ExplorerModel(T0);
    const stored = model.ingest('te', text('వెలుగు'), 0, false, T0);
    const cut = messageDetail(model, { topic: 'te', id: stored.id, maxBytes: 7 });
    expect(cut).toMatchObject({ truncated: true, sizeBytes: 18, payload: 'వె' });
  });

  it('does not keep the network buffer alive or change when it is reused', () => {
    const model = new ExplorerModel(T0);
    const chunk = Buffer.from('hello world');
    const stored = model.ingest('t', chunk.subarray(0, 5), 0, false, T0);
    chunk.fill(0);
    expect(messageDetail(model, { topic: 't', id: stored.id, maxBytes: 100 }).payload).toBe('hello');
  });
});
