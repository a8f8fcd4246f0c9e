// Turns a check code and its values into the English sentences a LessonCheck carries (the UI translates by code).
// Pure; the sentences themselves live in src-shared/contract/lesson-text-en.ts.
import type { LessonCheck, LessonCheckCode } from '../../../src-shared/contract/lesson';
import { lessonTextEn } from '../../../src-shared/contract/lesson-text-en';
import type { LabText } from '../../../src-shared/i18n/format-lab-text';
import { englishOf, labText } from '../../../src-shared/i18n/lab-text';
import type { lessonWordsEn } from '../../../src-shared/i18n/en/lesson-words';
import type { PayloadReason } from './lesson-payloads';

export type CheckWord = keyof typeof lessonWordsEn.checkWords;

/** 'on', 'off', 'dark', 'bright' as a text the UI translates. */
export function checkWord(word: CheckWord): LabText {
  return labText(`lesson.checkWords.${word}`);
}

/** Why a payload was not understood, as a text the UI translates. */
export function payloadReason(reason: PayloadReason): LabText {
  return labText(`lesson.payloadReasons.${reason}`);
}

export type CheckParams = Record<string, string | number | boolean>;

/** Replaces {name} with params.name; a missing value stays visible as {name} so a gap is noticed, not hidden. */
export function fillTemplate(template: string, params: CheckParams): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** `words` are values that are texts themselves: params (and the English sentences) carry their English, and
 * `words` their keys, which the UI translates. */
export function makeCheck(code: LessonCheckCode, params: CheckParams = {}, words: Record<string, LabText> = {}): LessonCheck {
  const text = lessonTextEn.checks[code];
  const english: CheckParams = { ...params };
  for (const [name, word] of Object.entries(words)) english[name] = englishOf(word);
  const check: LessonCheck = { code, params: english, saw: fillTemplate(text.saw, english), expected: fillTemplate(text.expected, english) };
  if (Object.keys(words).length > 0) check.words = { ...words };
  return check;
}

/** A payload as a short single line for a sentence: at most 80 characters. */
export function shortPayload(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine;
}
