// Pure MQTT filter matching (MQTT 3.1.1 / 5 section 4.7), with a level-by-level explanation for students.
// One module used by the explorer, the wildcard lab and the lesson checks; it must agree with a real broker.

export type MatchStepOutcome = 'equal' | 'plus' | 'hash' | 'differs' | 'topic-too-short' | 'topic-too-long' | 'dollar';

export interface MatchStep {
  /** 1-based level number. */
  level: number;
  filterLevel: string | null;
  topicLevel: string | null;
  outcome: MatchStepOutcome;
  /** For '#': how many topic levels it took (0 when it matched the parent, as in "a/#" against "a"). */
  levelsTaken?: number;
}

export interface MatchExplanation {
  matches: boolean;
  steps: MatchStep[];
}

/** Topics starting with '$' (like $SYS/...) are not matched by a filter starting with '+' or '#' (MQTT 4.7.2). */
function blockedByDollar(filter: string, topic: string): boolean {
  return topic.startsWith('$') && (filter.startsWith('+') || filter.startsWith('#'));
}

/** Fast path: does the (valid) filter match the (valid) topic? No allocation beyond the splits. */
export function topicMatches(filter: string, topic: string): boolean {
  if (blockedByDollar(filter, topic)) return false;
  const filterLevels = filter.split('/');
  const topicLevels = topic.split('/');
  for (let index = 0; index < filterLevels.length; index++) {
    const level = filterLevels[index];
    if (level === '#') return true;
    if (index >= topicLevels.length) return false;
    if (level !== '+' && level !== topicLevels[index]) return false;
  }
  return filterLevels.length === topicLevels.length;
}

/** Walks filter and topic level by level and says why they match or not. */
export function explainMatch(filter: string, topic: string): MatchExplanation {
  if (blockedByDollar(filter, topic)) {
    const steps: MatchStep[] = [
      { level: 1, filterLevel: filter.split('/')[0] ?? '', topicLevel: topic.split('/')[0] ?? '', outcome: 'dollar' },
    ];
    return { matches: false, steps };
  }
  const filterLevels = filter.split('/');
  const topicLevels = topic.split('/');
  const steps: MatchStep[] = [];
  for (let index = 0; index < filterLevels.length; index++) {
    const filterLevel = filterLevels[index] ?? '';
    const topicLevel = topicLevels[index] ?? null;
    if (filterLevel === '#') {
      const levelsTaken = Math.max(0, topicLevels.length - index);
      steps.push({ level: index + 1, filterLevel, topicLevel, outcome: 'hash', levelsTaken });
      return { matches: true, steps };
    }
    if (topicLevel === null) {
      steps.push({ level: index + 1, filterLevel, topicLevel, outcome: 'topic-too-short' });
      return { matches: false, steps };
    }
    const outcome = filterLevel === '+' ? 'plus' : filterLevel === topicLevel ? 'equal' : 'differs';
    steps.push({ level: index + 1, filterLevel, topicLevel, outcome });
    if (outcome === 'differs') return { matches: false, steps };
  }
  if (topicLevels.length > filterLevels.length) {
    const level = filterLevels.length + 1;
    steps.push({ level, filterLevel: null, topicLevel: topicLevels[filterLevels.length] ?? '', outcome: 'topic-too-long' });
    return { matches: false, steps };
  }
  return { matches: true, steps };
}

/**
 * Things that are valid MQTT but usually a mistake, as student hints (not errors): '*' is not a wildcard,
 * a leading '/' makes an empty first level, a trailing '/' an empty last one, spaces are part of the name.
 */
export function filterHints(text: string): string[] {
  const hints: string[] = [];
  if (text.includes('*')) hints.push(`'*' is not an MQTT wildcard: did you mean '+' (one level) or '#' (all levels below)?`);
  if (text.startsWith('/')) hints.push(`It starts with '/', which creates an empty first level: "/a" and "a" are different topics.`);
  if (text.length > 1 && text.endsWith('/')) hints.push(`It ends with '/', which creates an empty last level: "a/" and "a" are different topics.`);
  if (text.includes('//')) hints.push(`It has '//', an empty level in the middle.`);
  if (/^\s|\s$/.test(text)) hints.push('It starts or ends with a space, which is part of the topic name.');
  return hints;
}
