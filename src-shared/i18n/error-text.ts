// Error texts as data: an `errors.*` key, typed from the English object, and its values. The main side formats the
// English message from them; the renderer translates the same key. Pure; no runtime-specific imports.
import { englishTemplateOf, englishTextOf } from './english-text';
import type { ErrorsEn } from './errors-en';
import { isKeyedText, type LabText } from './format-lab-text';

type LeafKeys<T, Prefix extends string> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafKeys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every error key the UI can translate, like 'errors.mqtt.refusedLocal': a typo does not compile. */
export type ErrorKey = LeafKeys<ErrorsEn, 'errors.'>;

/** Values for a template's {placeholders}; a value may itself be a keyed text, an error or a lab text (translated first). */
export type ErrorParams = Record<string, string | number | LabText>;

export interface ErrorText {
  key: ErrorKey;
  params?: ErrorParams;
}

export function errorText(key: ErrorKey, params?: ErrorParams): ErrorText {
  return params === undefined ? { key } : { key, params };
}

/** A keyed text given where an error's sentence goes (an error text, or a status sentence from lab-text). */
export function isErrorText(value: unknown): value is ErrorText {
  return isKeyedText(value);
}

/** The English template of an `errors.*` key, or undefined when the key is not one of ours. */
export function englishErrorTemplate(key: string): string | undefined {
  return key.startsWith('errors.') ? englishTemplateOf(key) : undefined;
}

/** The English sentence of an error text: what LabError.message carries (logs, CLI, tests, fallback). */
export function englishErrorMessage(text: LabText): string {
  return englishTextOf(text);
}

const schemaMessages = new Map<string, ErrorText>();

/**
 * A fixed schema message (zod's .min(1, message) and the like) in English. zod keeps only the words, so they are
 * remembered here and errorTextForEnglish() finds the key again when the dispatcher reports the issue.
 */
export function englishError(key: ErrorKey, params?: ErrorParams): string {
  const text = errorText(key, params);
  const english = englishErrorMessage(text);
  schemaMessages.set(english, text);
  return english;
}

/** The error text a schema message was made from with englishError(), if it was. */
export function errorTextForEnglish(message: string): ErrorText | undefined {
  return schemaMessages.get(message);
}
