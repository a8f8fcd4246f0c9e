// Matcher, validator and hints checked against the examples in the MQTT 3.1.1 spec, section 4.7.
import { describe, expect, it } from 'vitest';
import { explainMatch, filterHints, topicMatches } from '../../../src-shared/mqtt/topic-match';
import { explainInvalidFilter, explainInvalidTopic } from '../../../src-shared/mqtt/topic-rules';

const SPEC_CASES: Array<[filter: string, topic: string, matches: boolean]> = [
  ['sport/tennis/player1/#', 'sport/tennis/player1', true],
  ['sport/tennis/player1/#', 'sport/tennis/player1/ranking', true],
  ['sport/tennis/player1/#', 'sport/tennis/player1/score/wimbledon', true],
  ['sport/#', 'sport', true],
  ['#', 'sport/tennis', true],
  ['sport/tennis/+', 'sport/tennis/player1', true],
  ['sport/tennis/+', 'sport/tennis/player2', true],
  ['sport/tennis/+', 'sport/tennis/player1/ranking', false],
  ['sport/+', 'sport', false],
  ['sport/+', 'sport/', true],
  ['+/+', '/finance', true],
  ['/+', '/finance', true],
  ['+', '/finance', false],
  ['#', '$SYS/broker/load', false],
  ['+/monitor/Clients', '$SYS/monitor/Clients', false],
  ['$SYS/#', '$SYS/monitor/Clients', true],
  ['$SYS/monitor/+', '$SYS/monitor/Clients', true],
  ['abc/telemetry', 'abc/telemetry', true],
  ['abc/telemetry', 'abc/commands', false],
  ['ACCOUNTS', 'Accounts', false],
  ['+/telemetry', 'abc/telemetry', true],
];

describe('topicMatches', () => {
  it.each(SPEC_CASES)('%s against %s -> %s', (filter, topic, matches) => {
    expect(topicMatches(filter, topic)).toBe(matches);
    expect(explainMatch(filter, topic).matches).toBe(matches);
  });
});

describe('explainMatch', () => {
  it('says which level differs', () => {
    const { steps } = explainMatch('abc/telemetry', 'abc/commands');
    expect(steps.at(-1)).toEqual({ level: 2, filterLevel: 'telemetry', topicLevel: 'commands', outcome: 'differs' });
  });

  it("says what '+' and '#' matched", () => {
    const plus = explainMatch('home/+/temp', 'home/livingroom/temp');
    expect(plus.steps[1]).toMatchObject({ outcome: 'plus', topicLevel: 'livingroom' });
    const hash = explainMatch('home/#', 'home/kitchen/light');
    expect(hash.steps.at(-1)).toMatchObject({ outcome: 'hash', levelsTaken: 2 });
  });

  it('explains $ topics and length mismatches', () => {
    expect(explainMatch('#', '$SYS/x').steps[0]?.outcome).toBe('dollar');
    expect(explainMatch('a/b/c', 'a/b').steps.at(-1)?.outcome).toBe('topic-too-short');
    expect(explainMatch('a/b', 'a/b/c').steps.at(-1)?.outcome).toBe('topic-too-long');
  });
});

describe('validation from the spec', () => {
  it.each(['#', 'sport/tennis/#', '+', '+/tennis/#', 'sport/+/player1', '/+', 'a/b c/ధ'])('accepts the filter %s', (filter) => {
    expect(explainInvalidFilter(filter)).toBeNull();
  });

  it.each([
    ['sport/tennis#', "'#' must be a whole level"],
    ['sport/tennis/#/ranking', "it must be the last level"],
    ['sport+', "'+' must be a whole level"],
    ['', 'empty'],
  ])('refuses the filter %s and says why', (filter, reason) => {
    expect(explainInvalidFilter(filter)).toContain(reason);
  });

  it('refuses wildcards in a topic to publish to', () => {
    expect(explainInvalidTopic('lab/+/temp')).toBe(`Topic "lab/+/temp" contains '+': wildcards are for subscribing, not publishing.`);
    expect(explainInvalidTopic('lab/#')).toContain("contains '#'");
    expect(explainInvalidTopic('ధ/telemetry')).toBeNull();
  });

  it('hints at valid but surprising filters', () => {
    expect(filterHints('lab/*')[0]).toContain('did you mean');
    expect(filterHints('/abc/telemetry')[0]).toContain('empty first level');
    expect(filterHints('abc/telemetry')).toEqual([]);
  });
});
