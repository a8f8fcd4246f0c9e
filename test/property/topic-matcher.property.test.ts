// Random topics and filters against the pure matcher and validator (src-shared/mqtt): both must agree with an
// independent reference written here from MQTT 3.1.1 section 4.7 as regular expressions, on every input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainMatch, topicMatches } from '../../src-shared/mqtt/topic-match';
import { explainInvalidFilter, explainInvalidTopic } from '../../src-shared/mqtt/topic-rules';

const RUNS = 500;

// --- The reference, straight from the spec's sentences ---------------------------------------------------------
const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');
/** 4.7.3: at least one character, no U+0000, at most 65535 bytes. */
const basicOk = (text: string) => text.length > 0 && !text.includes('\u0000') && utf8Bytes(text) <= 65535;
/** 4.7.1.2/4.7.1.3: '+' and '#' only as a whole level; '#' only as the last level. */
const FILTER_SHAPE = /^(?:(?:[^+#/]*|\+)\/)*(?:[^+#/]*|\+|#)$/;
const referenceValidFilter = (filter: string) => basicOk(filter) && FILTER_SHAPE.test(filter);
/** 4.7.1: wildcards must not be used in a topic name. */
const referenceValidTopic = (topic: string) => basicOk(topic) && !/[+#]/.test(topic);

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** '+' is one level (possibly empty), a trailing '#' is the parent and any number of levels below (4.7.1.2). */
function referenceMatches(filter: string, topic: string): boolean {
  // 4.7.2: a filter starting with a wildcard does not match a topic starting with '$'.
  if (topic.startsWith('$') && (filter.startsWith('+') || filter.startsWith('#'))) return false;
  const levels = filter.split('/');
  let source = levels.map((level) => (level === '+' ? '[^/]*' : level === '#' ? '' : escapeRegex(level))).join('/');
  if (levels.at(-1) === '#') source = levels.length === 1 ? '[^]*' : `${source.slice(0, -1)}(?:/[^]*)?`;
  return new RegExp(`^${source}$`).test(topic);
}

// --- Generators: levels from an alphabet full of the characters that matter ------------------------------------
const levelChars = fc.constantFrom('a', 'b', 'A', '$', '+', '#', ' ', 'ఇ', 'ల్లు', '😀', '\u0000', '*', '.', '\\', '\n', 'é');
const anyLevel = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('', 'a', 'b', '+', '#', '$SYS', '$a', 'ఇల్లు', 'a+', '#a', 'x y') },
  { weight: 2, arbitrary: fc.array(levelChars, { maxLength: 4 }).map((chars) => chars.join('')) },
);
const wild = (levels: string[]) => levels.join('/');
const anyText = fc.array(anyLevel, { minLength: 1, maxLength: 6 }).map(wild);
const plainLevel = fc.constantFrom('', 'a', 'b', '$SYS', '$a', 'ఇల్లు', 'x y', '😀', 'a.b', '*');
const validTopic = fc.array(plainLevel, { minLength: 1, maxLength: 6 }).map(wild).filter((topic) => topic.length > 0);
const validFilter = fc
  .tuple(fc.array(fc.oneof(plainLevel, fc.constant('+')), { maxLength: 5 }), fc.constantFrom('', '#', '+', 'a', '$SYS'))
  .map(([levels, last]) => wild([...levels, last]))
  .filter((filter) => filter.length > 0);
/** A topic built from a filter by filling its wildcards, so matches are common rather than rare. */
const filterAndNearTopic = validFilter.chain((filter) =>
  fc
    .tuple(...filter.split('/').map((level) => (level === '+' || level === '#' ? fc.array(plainLevel, { minLength: level === '+' ? 1 : 0, maxLength: level === '+' ? 1 : 3 }) : fc.constant([level]))))
    .map((parts) => parts.flat().join('/'))
    .chain((near) => fc.tuple(fc.constant(filter), fc.oneof(fc.constant(near), validTopic)))
    .filter(([, topic]) => topic.length > 0),
);

describe('topic matcher agrees with the spec (MQTT 3.1.1 section 4.7)', () => {
  it('validator accepts exactly the filters the spec allows', () => {
    fc.assert(fc.property(fc.oneof(anyText, fc.string(), validFilter), (filter) => {
      expect(explainInvalidFilter(filter) === null).toBe(referenceValidFilter(filter));
    }), { numRuns: RUNS });
  });

  it('validator accepts exactly the topic names the spec allows, and every refusal is a readable sentence', () => {
    fc.assert(fc.property(fc.oneof(anyText, fc.string(), validTopic), (topic) => {
      const reason = explainInvalidTopic(topic);
      expect(reason === null).toBe(referenceValidTopic(topic));
      if (reason !== null) expect(reason).toMatch(/^(Topic|Filter)\b.{10,}/s);
    }), { numRuns: RUNS });
  });

  it('matches exactly when the reference does, and explainMatch says the same as topicMatches', () => {
    fc.assert(fc.property(fc.oneof(filterAndNearTopic, fc.tuple(validFilter, validTopic)), ([filter, topic]) => {
      const expected = referenceMatches(filter, topic);
      expect(topicMatches(filter, topic)).toBe(expected);
      expect(explainMatch(filter, topic).matches).toBe(expected);
    }), { numRuns: RUNS });
  });

  it('a valid filter without wildcards matches exactly the one topic equal to it', () => {
    const noWildcards = validTopic;
    fc.assert(fc.property(noWildcards, validTopic, (filter, topic) => {
      expect(topicMatches(filter, filter)).toBe(true);
      expect(topicMatches(filter, topic)).toBe(filter === topic);
    }), { numRuns: RUNS });
  });

  it("'#' matches every topic that does not start with '$', and none that does", () => {
    fc.assert(fc.property(validTopic, (topic) => {
      expect(topicMatches('#', topic)).toBe(!topic.startsWith('$'));
    }), { numRuns: RUNS });
  });

  it('the length limit is counted in UTF-8 bytes, at the boundary', () => {
    const ascii = 'a'.repeat(65535);
    expect(explainInvalidTopic(ascii)).toBeNull();
    expect(explainInvalidTopic(`${ascii}b`)).toMatch(/65535 bytes/);
    const telugu = 'ఇ'.repeat(21845); // 3 bytes each: 65535 bytes
    expect(explainInvalidFilter(telugu)).toBeNull();
    expect(explainInvalidFilter(`${telugu}a`)).toMatch(/65535 bytes/);
  });
});
