// Shows a text the main side sent as a key (a lab note, an experiment result, a notice, a status, an error) in the
// page's language: t(key, params), where a value that is itself a keyed text (an error's reason inside a lab note, a
// word like "on") is translated first, at any depth. Pure given t; components pass useI18n()'s t.
import { isKeyedText, type LabText } from '../../../src-shared/i18n/format-lab-text';

type Translate = (key: string, values: Record<string, unknown>) => string;
type HasKey = (key: string) => boolean;
export type ShownText = LabText;

/** The text in this locale, or undefined when the locale lacks its key or the key of a value inside it. */
export function translateText(t: Translate, has: HasKey, text: LabText): string | undefined {
  if (!has(text.key)) return undefined;
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(text.params ?? {})) {
    const shown = isKeyedText(value) ? translateText(t, has, value) : value;
    if (shown === undefined) return undefined;
    values[name] = shown;
  }
  return t(text.key, values);
}

/** A text whose keys the main side checked against the English tree (the contract refuses unknown ones). */
export function showLabText(t: Translate, text: ShownText): string {
  return translateText(t, () => true, text) ?? text.key;
}

/** Sentences shown as one paragraph. */
export function showLabTexts(t: Translate, texts: readonly ShownText[]): string {
  return texts.map((text) => showLabText(t, text)).join(' ');
}
