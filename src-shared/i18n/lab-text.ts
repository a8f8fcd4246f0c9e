// Typed message keys for texts the main side builds and the UI shows (check words, lab notes, experiment results,
// explorer notices), and their English, read from the same objects the English locale uses so the two cannot drift.
import { formatLabText, type LabText } from './format-lab-text';
import { labTextEn } from './lab-text-en';

/** Dotted paths to every string of a message tree: 'nightlight.labNotes.serverStopped'. */
type LeafPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${LeafPaths<T[K]>}`;
}[keyof T & string];

export type LabTextKey = LeafPaths<typeof labTextEn>;

/** A text with a typed key; `words` are values that are themselves texts (an LED state, a count in words). */
export interface LabSentence extends LabText {
  key: LabTextKey;
  words?: Record<string, LabText>;
}

export function labText(key: LabTextKey, params?: LabText['params'], words?: Record<string, LabText>): LabSentence {
  const sentence: LabSentence = { key };
  if (params && Object.keys(params).length > 0) sentence.params = { ...params };
  if (words && Object.keys(words).length > 0) sentence.words = { ...words };
  return sentence;
}

/** Every key, for tests and the contract's schema. */
export function listLabTextKeys(tree: object = labTextEn, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([name, value]) =>
    typeof value === 'string' ? [`${prefix}${name}`] : listLabTextKeys(value as object, `${prefix}${name}.`),
  );
}

export function englishTemplate(key: string): string | undefined {
  const found = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), labTextEn);
  return typeof found === 'string' ? found : undefined;
}

/** The English sentence for logs, tests, the CLI and exports; an unknown key shows itself rather than nothing. */
export function englishOf(text: LabText & { words?: Record<string, LabText> }): string {
  const template = englishTemplate(text.key);
  if (template === undefined) return text.key;
  const words = Object.fromEntries(Object.entries(text.words ?? {}).map(([name, word]) => [name, englishOf(word)]));
  return formatLabText(template, { ...text.params, ...words });
}
