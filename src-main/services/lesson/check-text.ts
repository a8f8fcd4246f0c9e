// Turns a check code and its values into the English sentences a LessonCheck carries (the UI translates by code).
// Pure; the sentences themselves live in src-shared/contract/lesson-text-en.ts.
import type { LessonCheck, LessonCheckCode } from '../../../src-shared/contract/lesson';
import { lessonTextEn } from '../../../src-shared/contract/lesson-text-en';

export type CheckParams = Record<string, string | number | boolean>;

/** Replaces {name} with params.name; a missing value stays visible as {name} so a gap is noticed, not hidden. */
export function fillTemplate(template: string, params: CheckParams): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function makeCheck(code: LessonCheckCode, params: CheckParams = {}): LessonCheck {
  const text = lessonTextEn.checks[code];
  return { code, params: { ...params }, saw: fillTemplate(text.saw, params), expected: fillTemplate(text.expected, params) };
}

/** A payload as a short single line for a sentence: at most 80 characters. */
export function shortPayload(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine;
}
