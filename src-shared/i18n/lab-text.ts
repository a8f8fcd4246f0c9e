// Typed message keys for texts the main side builds and the UI shows (check words, lab notes, experiment results,
// explorer notices), and their English, read from the same objects the English locale uses so the two cannot drift.
import { englishTemplateOf, englishTextOf } from './english-text';
import type { LabText, LabTextParams } from './format-lab-text';
import { labTextEn } from './lab-text-en';

/** Dotted paths to every string of a message tree: 'nightlight.labNotes.serverStopped'. */
type LeafPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${LeafPaths<T[K]>}`;
}[keyof T & string];

export type LabTextKey = LeafPaths<typeof labTextEn>;

/** A text with a typed key; a value may itself be a text (an LED state, a count in words, an error's reason). */
export interface LabSentence extends LabText {
  key: LabTextKey;
}

export function labText(key: LabTextKey, params?: LabTextParams): LabSentence {
  const sentence: LabSentence = { key };
  if (params && Object.keys(params).length > 0) sentence.params = { ...params };
  return sentence;
}

/** Every key, for tests and the contract's schema. */
export function listLabTextKeys(tree: object = labTextEn, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([name, value]) =>
    typeof value === 'string' ? [`${prefix}${name}`] : listLabTextKeys(value as object, `${prefix}${name}.`),
  );
}

export function englishTemplate(key: string): string | undefined {
  return key.startsWith('errors.') ? undefined : englishTemplateOf(key);
}

/** The English sentence for logs, tests, the CLI and exports (nested texts, errors too, made English first). */
export function englishOf(text: LabText): string {
  return englishTextOf(text);
}
