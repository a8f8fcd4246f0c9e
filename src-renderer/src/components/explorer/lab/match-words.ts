// Turns explainMatch's level-by-level steps into i18n keys and values ("`+` matched `livingroom`"), and runs the
// wildcard lab over a list of topics. Pure: the components translate; the matching itself is src-shared's.
import { explainMatch, type MatchStep, type MatchStepOutcome } from '../../../../../src-shared/mqtt/topic-match';
import { filterHints } from '../../../../../src-shared/mqtt/topic-match';
import type { ErrorText } from '../../../../../src-shared/i18n/error-text';
import { describeInvalidFilter } from '../../../../../src-shared/mqtt/topic-rules';

export interface StepWords {
  key: string;
  values: Record<string, string | number>;
}

const STEP_KEYS: Record<MatchStepOutcome, string> = {
  equal: 'explorer.lab.step.equal',
  plus: 'explorer.lab.step.plus',
  hash: 'explorer.lab.step.hash',
  differs: 'explorer.lab.step.differs',
  'topic-too-short': 'explorer.lab.step.topicTooShort',
  'topic-too-long': 'explorer.lab.step.topicTooLong',
  dollar: 'explorer.lab.step.dollar',
};

/** '#' that took no level (matching "a" with "a/#") reads differently from '#' that took some. */
export function stepWords(step: MatchStep): StepWords {
  const values = {
    level: step.level,
    filterLevel: step.filterLevel ?? '',
    topicLevel: step.topicLevel ?? '',
    count: step.levelsTaken ?? 0,
  };
  if (step.outcome === 'hash' && (step.levelsTaken ?? 0) === 0) return { key: 'explorer.lab.step.hashParent', values };
  return { key: STEP_KEYS[step.outcome], values };
}

export interface LabRow {
  topic: string;
  matches: boolean;
  steps: MatchStep[];
}

export interface LabResult {
  /** Why the filter is not valid MQTT (then nothing is matched), or null; shown with errorText(). */
  problem: ErrorText | null;
  hints: string[];
  rows: LabRow[];
  matchCount: number;
}

/** Every topic marked match / no match with its explanation; an invalid filter matches nothing. */
export function runWildcardLab(filter: string, topics: readonly string[]): LabResult {
  const problem = filter === '' ? null : describeInvalidFilter(filter);
  const hints = filter === '' ? [] : filterHints(filter);
  if (filter === '' || problem) {
    return { problem, hints, rows: topics.map((topic) => ({ topic, matches: false, steps: [] })), matchCount: 0 };
  }
  const rows = topics.map((topic) => ({ topic, ...explainMatch(filter, topic) }));
  return { problem, hints, rows, matchCount: rows.filter((row) => row.matches).length };
}
