// What the UI asks the model for: sorted pages of children, search by text or by MQTT filter (the shared
// matcher, $SYS rule included), and clear NOT_FOUND answers for topics the explorer has not seen.
import { describe, expect, it } from 'vitest';
import { ExplorerModel } from '../../../src-main/services/explorer/explorer-model';
import { childrenOf, searchTopics, topicDetail } from '../../../src-main/services/explorer/explorer-queries';

const T0 = 1_700_000_000_000;

function modelWith(entries: [topic: string, times: number, atMs: number][]): ExplorerModel {
  const model = new ExplorerModel(T0);
  for (const [topic, times, atMs] of entries) for (let index = 0; index < times; index++) model.ingest(topic, Buffer.from('1'), 0, false, T0 + atMs);
  return model;
}

const order = (model: ExplorerModel, sort: 'name' | 'count' | 'recent', parent: string | null = 'room') =>
  childrenOf(model, { parent, sort, offset: 0, limit: 100 }, T0 + 10_000).children.map((child) => child.name);

describe('childrenOf', () => {
  const model = modelWith([
    ['room/sensor10', 1, 300],
    ['room/sensor9', 5, 100],
    ['room/alpha', 3, 200],
  ]);

  it('sorts by name with numbers in number order, by count (most first) and by recent (newest first)', () => {
    expect(order(model, 'name')).toEqual(['alpha', 'sensor9', 'sensor10']);
    expect(order(model, 'count')).toEqual(['sensor9', 'alpha', 'sensor10']);
    expect(order(model, 'recent')).toEqual(['sensor10', 'alpha', 'sensor9']);
  });

  it('pages through many children and says how many there are', () => {
    const many = modelWith(Array.from({ length: 2500 }, (_, index) => [`big/t${index}`, 1, 0] as [string, number, number]));
    const page = childrenOf(many, { parent: 'big', sort: 'name', offset: 1000, limit: 500 }, T0);
    expect(page.total).toBe(2500);
    expect(page.children).toHaveLength(500);
    expect(page.children[0]!.name).toBe('t1000');
  });

  it('answers NOT_FOUND for a parent that is not in the tree', () => {
    expect(() => childrenOf(model, { parent: 'nowhere', sort: 'name', offset: 0, limit: 10 }, T0)).toThrow(expect.objectContaining({ code: 'NOT_FOUND', field: 'parent' }));
  });
});

describe('searchTopics', () => {
  const model = modelWith([
    ['home/livingroom/temp', 1, 0],
    ['home/kitchen/temp', 1, 0],
    ['home/kitchen/light', 1, 0],
    ['$SYS/broker/uptime', 1, 0],
    ['Home/Garage', 1, 0],
  ]);

  it('finds topics containing the text in any case, and only topics (not folder nodes)', () => {
    const result = searchTopics(model, { text: 'HOME/', includeNonMatching: false, limit: 10 }, T0);
    expect(result.results.map((item) => item.node.topic)).toEqual(['Home/Garage', 'home/kitchen/light', 'home/kitchen/temp', 'home/livingroom/temp']);
    expect(result).toMatchObject({ totalMatches: 4, totalTopics: 5, truncated: false });
  });

  it('matches an MQTT filter exactly like a broker: "#" never matches $SYS topics', () => {
    const all = searchTopics(model, { filter: '#', includeNonMatching: false, limit: 10 }, T0);
    expect(all.results.map((item) => item.node.topic)).not.toContain('$SYS/broker/uptime');
    expect(all.totalMatches).toBe(4);
    const temps = searchTopics(model, { filter: 'home/+/temp', includeNonMatching: false, limit: 10 }, T0);
    expect(temps.results.map((item) => item.node.topic)).toEqual(['home/kitchen/temp', 'home/livingroom/temp']);
    const sys = searchTopics(model, { filter: '$SYS/#', includeNonMatching: false, limit: 10 }, T0);
    expect(sys.results.map((item) => item.node.topic)).toEqual(['$SYS/broker/uptime']);
  });

  it('lists non-matching topics too for the wildcard lab, matches first, and says when the limit cut the list', () => {
    const result = searchTopics(model, { filter: 'home/kitchen/+', includeNonMatching: true, limit: 3 }, T0);
    expect(result.results.map((item) => [item.node.topic, item.matches])).toEqual([
      ['home/kitchen/light', true],
      ['home/kitchen/temp', true],
      ['$SYS/broker/uptime', false],
    ]);
    expect(result).toMatchObject({ totalMatches: 2, totalTopics: 5, truncated: true });
  });
});

describe('topicDetail', () => {
  it('answers NOT_FOUND with the topic named for a topic never seen', () => {
    const model = modelWith([['a/b', 1, 0]]);
    expect(() => topicDetail(model, { topic: 'a/c', maxBytesPerMessage: 10 }, T0)).toThrow(/has not seen the topic "a\/c"/);
  });

  it('returns a folder node with an empty history', () => {
    const model = modelWith([['a/b', 2, 0]]);
    expect(topicDetail(model, { topic: 'a', maxBytesPerMessage: 10 }, T0)).toMatchObject({ node: { ownCount: 0, subtreeCount: 2 }, messages: [], historyLength: 0 });
  });
});
