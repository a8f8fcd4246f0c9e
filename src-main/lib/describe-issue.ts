// Turns the first zod issue of a bad command input into the field at fault and a translatable sentence.
// Schema messages written with englishError() and custom issues with an error text keep their own key;
// zod's built-in English messages become one of the generic `errors.input.*` sentences.
import { z } from 'zod';
import type { ErrorMessage } from '../../src-shared/contract/result';
import { errorText, errorTextForEnglish, isErrorText, type ErrorKey, type ErrorParams, type ErrorText } from '../../src-shared/i18n/error-text';

type Issue = z.core.$ZodIssue;

const TYPE_WORDS: Record<string, ErrorKey> = {
  string: 'errors.input.type.string',
  number: 'errors.input.type.number',
  int: 'errors.input.type.int',
  boolean: 'errors.input.type.boolean',
  object: 'errors.input.type.object',
  array: 'errors.input.type.array',
};

const zodEnglish = z.locales.en();

/** zod's own English sentence for an issue: when a message equals it, the schema gave no words of its own. */
function isZodDefault(issue: Issue): boolean {
  const made = zodEnglish.localeError(issue as Parameters<typeof zodEnglish.localeError>[0]);
  return (typeof made === 'string' ? made : made?.message) === issue.message;
}

function sizeText(issue: Issue & { code: 'too_small' | 'too_big' }, field: string): ErrorText | undefined {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const params: ErrorParams = small ? { field, minimum: limit } : { field, maximum: limit };
  if (issue.origin === 'string') return errorText(small ? 'errors.input.tooShort' : 'errors.input.tooLongText', params);
  if (issue.origin === 'array' || issue.origin === 'set') return errorText(small ? 'errors.input.tooFewItems' : 'errors.input.tooManyItems', params);
  if (issue.origin === 'number' || issue.origin === 'int') return errorText(small ? 'errors.input.tooSmall' : 'errors.input.tooBig', params);
  return undefined;
}

function genericText(issue: Issue, field: string): ErrorText {
  switch (issue.code) {
    case 'too_small':
    case 'too_big':
      return sizeText(issue, field) ?? errorText('errors.input.invalid', { field, detail: issue.message });
    case 'invalid_value':
      return errorText('errors.input.oneOf', { field, values: issue.values.map((value) => JSON.stringify(value)).join(', ') });
    case 'not_multiple_of':
      return issue.divisor === 1 ? errorText('errors.input.notInteger', { field }) : errorText('errors.input.invalid', { field, detail: issue.message });
    default:
      return errorText('errors.input.invalid', { field, detail: issue.message });
  }
}

/** The field (dotted path) and the sentence for one issue: an error text, or a schema's own English words not in errors-en. */
export function describeIssue(issue: Issue): { field: string; sentence: ErrorMessage } {
  const field = issue.path.map(String).join('.');
  const carried: unknown = issue.code === 'custom' ? issue.params?.errorText : undefined;
  if (isErrorText(carried)) return { field, sentence: carried };
  const known = errorTextForEnglish(issue.message);
  if (known) return { field, sentence: known };
  if (issue.code === 'invalid_type') {
    const type = TYPE_WORDS[issue.expected];
    const expected = type ? errorText(type) : issue.expected;
    const what = field ? `"${field}"` : errorText('errors.input.theInput');
    return { field, sentence: errorText('errors.input.wrongType', { what, expected }) };
  }
  if (issue.code === 'unrecognized_keys') {
    const fields = issue.keys.join(', ');
    return { field: fields, sentence: errorText('errors.input.unknownFields', { fields }) };
  }
  return { field, sentence: isZodDefault(issue) ? genericText(issue, field) : issue.message };
}
