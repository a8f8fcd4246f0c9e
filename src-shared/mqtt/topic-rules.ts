// Pure MQTT topic and filter validation (MQTT 3.1.1 section 4.7, MQTT 5 section 4.7).
// Returns a student-readable reason, or null when valid. No runtime-specific imports.

const MAX_TOPIC_BYTES = 65535;

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function commonProblems(text: string, what: 'Topic' | 'Filter'): string | null {
  if (text.length === 0) return `${what} is empty. Type something like "lab/room1/temperature".`;
  if (text.includes('\u0000')) return `${what} "${text}" contains a null character, which MQTT does not allow.`;
  if (utf8Length(text) > MAX_TOPIC_BYTES) return `${what} is longer than MQTT's limit of 65535 bytes.`;
  return null;
}

/** Why a topic cannot be published to, or null when it can. */
export function explainInvalidTopic(topic: string): string | null {
  const common = commonProblems(topic, 'Topic');
  if (common) return common;
  for (const wildcard of ['+', '#'] as const) {
    if (topic.includes(wildcard)) {
      return `Topic "${topic}" contains '${wildcard}': wildcards are for subscribing, not publishing.`;
    }
  }
  return null;
}

/** Why a filter cannot be subscribed to, or null when it can. */
export function explainInvalidFilter(filter: string): string | null {
  const common = commonProblems(filter, 'Filter');
  if (common) return common;
  const levels = filter.split('/');
  for (const [index, level] of levels.entries()) {
    const position = `level ${index + 1} ("${level}")`;
    if (level.includes('#') && level !== '#') {
      return `Filter "${filter}": '#' must be a whole level on its own, but ${position} mixes it with other characters. Use "${levels.slice(0, index).concat('#').join('/')}".`;
    }
    if (level === '#' && index !== levels.length - 1) {
      return `Filter "${filter}": '#' matches everything below it, so it must be the last level. Move it to the end or use '+' for one level.`;
    }
    if (level.includes('+') && level !== '+') {
      return `Filter "${filter}": '+' must be a whole level on its own, but ${position} mixes it with other characters. Write "+" between two slashes.`;
    }
  }
  return null;
}
