// The renderer's tree model: rows of the top level and expanded nodes, new nodes slotted in by name, count order,
// the empty first level of "/a", and collapsing forgets everything below.
import { describe, expect, it } from 'vitest';
import { parentTopic, TopicTreeModel } from '../../../src-renderer/src/components/explorer/tree/tree-model';
import { makeNode } from './explorer-fakes';

const topics = (model: TopicTreeModel) => model.rows().map((row) => `${row.depth}:${row.topic}`);

describe('TopicTreeModel', () => {
  it('slots a new node in name order (room2 before room10) and says the rows grew', () => {
    const model = new TopicTreeModel();
    model.setChildren(null, [makeNode('room1'), makeNode('room10')]);
    expect(model.applyChanged([makeNode('room2')], 1_000)).toBe(true);
    model.sortDirty();
    expect(topics(model)).toEqual(['1:room1', '1:room2', '1:room10']);
    expect(model.applyChanged([makeNode('room2', { ownCount: 5 })], 2_000)).toBe(false);
  });

  it('ignores changes under a node that is not expanded, and sorts by count when asked', () => {
    const model = new TopicTreeModel();
    model.setChildren(null, [makeNode('a', { subtreeCount: 1, childCount: 1 }), makeNode('b', { subtreeCount: 3 })]);
    model.applyChanged([makeNode('a/x')], 1_000);
    expect(topics(model)).toEqual(['1:a', '1:b']);
    model.setSort('count');
    expect(topics(model)).toEqual(['1:b', '1:a']);
  });

  it('gives the display rows the same order and positions as rows(), with each node, its name and when it changed', () => {
    const model = new TopicTreeModel();
    model.setChildren(null, [makeNode('home', { childCount: 2 }), makeNode('lab')]);
    model.expanded.add('home');
    model.setChildren('home', [makeNode('home/kitchen'), makeNode('home/attic')]);
    model.applyChanged([makeNode('home/kitchen', { lastMs: 5_000 })], 6_000);
    const shown = model.displayRows();
    expect(shown.map(({ topic, depth, expanded, position, siblings }) => ({ topic, depth, expanded, position, siblings }))).toEqual(
      model.rows().map(({ topic, depth, expanded, position, siblings }) => ({ topic, depth, expanded, position, siblings })),
    );
    expect(shown.map((row) => row.label)).toEqual(['home', 'attic', 'kitchen', 'lab']);
    const kitchen = shown.find((row) => row.topic === 'home/kitchen')!;
    expect(kitchen).toMatchObject({ changedAtMs: 6_000, changedBatch: 1, node: { lastMs: 5_000 } });
    expect(shown.find((row) => row.topic === 'lab')).toMatchObject({ changedAtMs: 0, changedBatch: 0 });
  });

  it('puts "/a" under the empty first level and forgets children on collapse', () => {
    expect(parentTopic(makeNode('/a'))).toBe('');
    const model = new TopicTreeModel();
    model.setChildren(null, [makeNode('', { childCount: 1 })]);
    model.expanded.add('');
    model.setChildren('', [makeNode('/a', { childCount: 1 })]);
    model.expanded.add('/a');
    model.setChildren('/a', [makeNode('/a/b')]);
    expect(topics(model)).toEqual(['1:', '2:/a', '3:/a/b']);
    model.collapse('');
    expect(topics(model)).toEqual(['1:']);
    expect(model.expanded.has('/a')).toBe(false);
    expect(model.nodes.has('/a/b')).toBe(false);
  });
});
