// The explorer model as the tree shows it: own and subtree counts, topics that are odd but valid MQTT
// ($SYS, Telugu, spaces, empty levels, 200 levels), retained markers, rates and which nodes changed.
import { describe, expect, it } from 'vitest';
import { ExplorerModel } from '../../../src-main/services/explorer/explorer-model';
import { childrenOf } from '../../../src-main/services/explorer/explorer-queries';

const T0 = 1_700_000_000_000;
const text = (value: string) => Buffer.from(value, 'utf8');

function modelWith(topics: string[]): ExplorerModel {
  const model = new ExplorerModel(T0);
  topics.forEach((topic, index) => model.ingest(topic, text(`m${index}`), 0, false, T0 + index));
  return model;
}

function names(model: ExplorerModel, parent: string | null): string[] {
  return childrenOf(model, { parent, sort: 'name', offset: 0, limit: 1000 }, T0).children.map((child) => child.name);
}

describe('ExplorerModel counts', () => {
  it('counts each message on its own topic and on every level above it', () => {
    const model = modelWith(['home/livingroom/light', 'home/livingroom/light', 'home/kitchen/temp', 'home']);
    const light = model.summarize(model.find('home/livingroom/light')!, T0);
    const livingroom = model.summarize(model.find('home/livingroom')!, T0);
    const home = model.summarize(model.find('home')!, T0);
    expect([light.ownCount, light.subtreeCount]).toEqual([2, 2]);
    expect([livingroom.ownCount, livingroom.subtreeCount, livingroom.childCount]).toEqual([0, 2, 1]);
    expect([home.ownCount, home.subtreeCount, home.childCount]).toEqual([1, 4, 2]);
    expect(model.stats(T0)).toMatchObject({ topicCount: 3, nodeCount: 5, messageCount: 4 });
  });

  it('keeps "/a", "a", "a/" and "a//b" apart, as a broker does', () => {
    const model = modelWith(['/a', 'a', 'a/', 'a//b']);
    expect(names(model, null)).toEqual(['', 'a']);
    expect(names(model, '')).toEqual(['a']);
    expect(names(model, 'a')).toEqual(['']);
    expect(names(model, 'a/')).toEqual(['b']);
    expect(model.find('/a')!.ownCount).toBe(1);
    expect(model.find('a/')!.ownCount).toBe(1);
    expect(model.find('a//b')!.ownCount).toBe(1);
    expect(model.stats(T0).topicCount).toBe(4);
  });

  it('holds $SYS, Telugu and spaces as ordinary levels', () => {
    const model = modelWith(['$SYS/broker/uptime', 'ఇల్లు/గది/వెలుగు', 'my home/living room']);
    expect(names(model, null)).toEqual(['$SYS', 'my home', 'ఇల్లు']);
    expect(model.find('ఇల్లు/గది/వెలుగు')).toMatchObject({ name: 'వెలుగు', depth: 3, ownCount: 1 });
    expect(model.find('my home/living room')).toMatchObject({ name: 'living room', ownCount: 1 });
  });

  it('handles a topic with 200 levels: depth 200, counted on all 200 nodes', () => {
    const topic = Array.from({ length: 200 }, (_, index) => `l${index}`).join('/');
    const model = modelWith([topic, topic]);
    const leaf = model.find(topic)!;
    expect(leaf.depth).toBe(200);
    expect(model.summarize(leaf, T0)).toMatchObject({ topic, ownCount: 2, subtreeCount: 2 });
    expect(model.find('l0')!.subtreeCount).toBe(2);
    expect(model.stats(T0).nodeCount).toBe(200);
    expect([...model.topics()].map((node) => node.topic)).toEqual([topic]);
  });

  it('clear() forgets every node and count; later messages start from one', () => {
    const model = modelWith(['a/b', 'a/c']);
    model.clear();
    expect(model.stats(T0)).toMatchObject({ topicCount: 0, nodeCount: 0, messageCount: 0, historyMessages: 0, historyBytesUsed: 0 });
    expect(model.find('a/b')).toBeUndefined();
    model.ingest('a/b', text('x'), 0, false, T0);
    expect(model.find('a')!.subtreeCount).toBe(1);
  });
});

describe('ExplorerModel retained, time and rate', () => {
  it('marks a topic retained on a retained message and unmarks it on an empty retained one', () => {
    const model = new ExplorerModel(T0);
    model.ingest('lab/door', text('open'), 1, true, T0);
    expect(model.summarize(model.find('lab/door')!, T0)).toMatchObject({ retained: true, last: { retain: true, qos: 1, preview: 'open' } });
    model.ingest('lab/door', Buffer.alloc(0), 0, true, T0 + 5);
    const node = model.summarize(model.find('lab/door')!, T0 + 5);
    expect(node).toMatchObject({ retained: false, last: { kind: 'empty', preview: '', sizeBytes: 0 } });
    model.ingest('lab/door', text('closed'), 0, true, T0 + 6);
    model.markRetainedCleared('lab/door');
    expect(model.find('lab/door')!.retained).toBe(false);
  });

  it('reports the time of the last message below a node', () => {
    const model = new ExplorerModel(T0);
    model.ingest('a/b', text('1'), 0, false, T0 + 1000);
    model.ingest('a/c', text('2'), 0, false, T0 + 2500);
    expect(model.summarize(model.find('a')!, T0 + 3000).lastMs).toBe(T0 + 2500);
    expect(model.summarize(model.find('a/b')!, T0 + 3000).lastMs).toBe(T0 + 1000);
  });

  it('estimates messages per second over about the last second, and falls to 0 when quiet', () => {
    const model = new ExplorerModel(T0);
    for (let ms = 0; ms < 3000; ms += 10) model.ingest('flood/x', text('1'), 0, false, T0 + ms);
    const rate = model.summarize(model.find('flood')!, T0 + 3000).messagesPerSecond;
    expect(rate).toBeGreaterThan(80);
    expect(rate).toBeLessThan(120);
    expect(model.stats(T0 + 3000).messagesPerSecond).toBeCloseTo(rate, 0);
    expect(model.summarize(model.find('flood')!, T0 + 20_000).messagesPerSecond).toBe(0);
  });

  it('lists each changed node once per epoch, including new ones, never the root', () => {
    const model = new ExplorerModel(T0);
    model.ingest('a/b', text('1'), 0, false, T0);
    model.ingest('a/b', text('2'), 0, false, T0);
    model.ingest('a/c', text('3'), 0, false, T0);
    expect(model.takeChanged().map((node) => node.topic).sort()).toEqual(['a', 'a/b', 'a/c']);
    expect(model.takeChanged()).toEqual([]);
    model.ingest('a/c', text('4'), 0, false, T0);
    expect(model.takeChanged().map((node) => node.topic).sort()).toEqual(['a', 'a/c']);
  });
});
