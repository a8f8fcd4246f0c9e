// Shows a text the main side sent as a key (a lab note, an experiment result, a notice, a check word) in the page's
// language: t(key, params), with word values translated first. Pure given t; components pass useI18n()'s t.
import type { LabText } from '../../../src-shared/i18n/format-lab-text';

type Translate = (key: string, values: Record<string, unknown>) => string;
export type ShownText = LabText & { words?: Record<string, LabText> };

/** The translated value of each word ('on' -> 'ఆన్'), to merge into a sentence's params. */
export function translatedWords(t: Translate, words: Record<string, LabText> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(words ?? {}).map(([name, word]) => [name, t(word.key, { ...word.params })]));
}

export function showLabText(t: Translate, text: ShownText): string {
  return t(text.key, { ...text.params, ...translatedWords(t, text.words) });
}

/** Sentences shown as one paragraph. */
export function showLabTexts(t: Translate, texts: readonly ShownText[]): string {
  return texts.map((text) => showLabText(t, text)).join(' ');
}
