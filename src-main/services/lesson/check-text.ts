// Turns a check code and its values into the English sentences a LessonCheck carries (the UI translates by code).
// Pure; the sentences themselves live in src-shared/contract/lesson-text-en.ts.
import type { LessonCheck, LessonCheckCode } from '../../../src-shared/contract/lesson';
import { lessonTextEn } from '../../../src-shared/contract/lesson-text-en';
import { englishParams } from '../../../src-shared/i18n/english-text';
import { formatLabText, type LabText, type LabTextParams } from '../../../src-shared/i18n/format-lab-text';
import { labText } from '../../../src-shared/i18n/lab-text';
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

/** params keep values that are texts (checkWord, payloadReason) as keys for the UI; the sentences say them in English. */
export function makeCheck(code: LessonCheckCode, params: LabTextParams = {}): LessonCheck {
  const text = lessonTextEn.checks[code];
  const english = englishParams(params);
  return { code, params: { ...params }, saw: formatLabText(text.saw, english), expected: formatLabText(text.expected, english) };
}

/** A payload as a short single line for a sentence: at most 80 characters. */
export function shortPayload(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine;
}
