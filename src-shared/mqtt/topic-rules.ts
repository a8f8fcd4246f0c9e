// Pure MQTT topic and filter validation (MQTT 3.1.1 section 4.7, MQTT 5 section 4.7).
// Returns a student-readable reason (an `errors.*` text, or its English sentence), or null when valid. No runtime-specific imports.
import { englishErrorMessage, errorText, type ErrorText } from '../i18n/error-text';

const MAX_TOPIC_BYTES = 65535;

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function commonProblems(text: string, what: 'topic' | 'filter'): ErrorText | null {
  if (text.length === 0) return errorText(`errors.${what}.empty`);
  if (text.includes('\u0000')) return errorText(`errors.${what}.nullCharacter`, { [what]: text });
  if (utf8Length(text) > MAX_TOPIC_BYTES) return errorText(`errors.${what}.tooLong`);
  return null;
}

/** Why a topic cannot be published to, as a translatable text, or null when it can. */
export function describeInvalidTopic(topic: string): ErrorText | null {
  const common = commonProblems(topic, 'topic');
  if (common) return common;
  for (const wildcard of ['+', '#'] as const) {
    if (topic.includes(wildcard)) return errorText('errors.topic.wildcard', { topic, wildcard });
  }
  return null;
}

/** Why a filter cannot be subscribed to, as a translatable text, or null when it can. */
export function describeInvalidFilter(filter: string): ErrorText | null {
  const common = commonProblems(filter, 'filter');
  if (common) return common;
  const levels = filter.split('/');
  for (const [index, text] of levels.entries()) {
    const level = index + 1;
    if (text.includes('#') && text !== '#') {
      const suggestion = levels.slice(0, index).concat('#').join('/');
      return errorText('errors.filter.hashMixed', { filter, level, text, suggestion });
    }
    if (text === '#' && index !== levels.length - 1) return errorText('errors.filter.hashNotLast', { filter });
    if (text.includes('+') && text !== '+') return errorText('errors.filter.plusMixed', { filter, level, text });
  }
  return null;
}

/** Why a topic cannot be published to, in English, or null when it can. */
export function explainInvalidTopic(topic: string): string | null {
  const problem = describeInvalidTopic(topic);
  return problem && englishErrorMessage(problem);
}

/** Why a filter cannot be subscribed to, in English, or null when it can. */
export function explainInvalidFilter(filter: string): string | null {
  const problem = describeInvalidFilter(filter);
  return problem && englishErrorMessage(problem);
}
