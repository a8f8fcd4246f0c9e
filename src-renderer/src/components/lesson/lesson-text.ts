// What the lesson's texts need filled in (the student's topics and client ids, example payloads) and the i18n
// keys of a step's parts and its check sentence. Pure: no bridge, no DOM.
import type { LessonActivity, LessonCheck, LessonStepId, LessonTarget } from '../../../../src-shared/contract/lesson';
import { nightlightNames } from '../../../../src-shared/contract/nightlight';
import type { LabText } from '../../../../src-shared/i18n/format-lab-text';

export type TextValues = Record<string, string | number>;

/** Values every step text may use: {id}, {telemetryTopic}, {commandTopic}, {clientId}, {serverClientId}, {on}, {off}, {example}. */
export function stepValues(studentId: string): TextValues {
  const names = nightlightNames(studentId);
  return {
    id: studentId,
    telemetryTopic: names.telemetryTopic,
    commandTopic: names.commandTopic,
    clientId: names.deviceClientId,
    serverClientId: names.serverClientId,
    on: '{"led_on": true}',
    off: '{"led_on": false}',
    example: '{"light": 120}',
  };
}

export function stepKey(id: LessonStepId, part: 'title' | 'explain' | 'todo'): string {
  return `lesson.steps.${id}.${part}`;
}

export function hintKey(id: LessonStepId, number: number): string {
  return `lesson.steps.${id}.hints.${number}`;
}

/** A check's sentence as a text to translate; the lab's own values (topics, counts, words) win over the step's defaults. */
export function checkText(check: LessonCheck, studentId: string, part: 'saw' | 'expected'): LabText {
  const defaults = { ...stepValues(studentId), expectedTopic: nightlightNames(studentId).telemetryTopic };
  return { key: `lesson.checks.${check.code}.${part}`, params: { ...defaults, ...check.params } };
}

export function activityKey(activity: LessonActivity): string {
  return activity.kind === 'question' ? 'lesson.activities.question' : `lesson.activities.${activity.kind}.${activity.id}`;
}

/** The "Take me there" button's words: by the page it goes to. */
export function goToKey(target: LessonTarget): string {
  return `lesson.step.goTo.${target.route.slice(1)}`;
}

export function routeLocation(target: LessonTarget) {
  return { path: target.route, query: { ...target.prefill } };
}
