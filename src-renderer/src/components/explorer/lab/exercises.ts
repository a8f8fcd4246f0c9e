// The wildcard lab's built-in exercises ("write a filter that matches these topics and not these") and the check.
// Topics use the student's own <ID>, like the nightlight's <ID>/telemetry and <ID>/commands. Pure.
import { topicMatches } from '../../../../../src-shared/mqtt/topic-match';
import type { ErrorText } from '../../../../../src-shared/i18n/error-text';
import { describeInvalidFilter } from '../../../../../src-shared/mqtt/topic-rules';

export interface Exercise {
  id: string;
  /** i18n keys of the task and of a hint shown after a wrong try. */
  taskKey: string;
  hintKey: string;
  mustMatch: string[];
  mustNotMatch: string[];
  /** One filter that solves it (tests use it; the page shows it only on request). */
  solution: string;
}

export function builtInExercises(studentId: string): Exercise[] {
  const id = studentId;
  return [
    {
      id: 'telemetry',
      taskKey: 'explorer.exercises.telemetry.task',
      hintKey: 'explorer.exercises.telemetry.hint',
      mustMatch: [`${id}/telemetry`],
      mustNotMatch: [`${id}/commands`, `other-student/telemetry`],
      solution: `${id}/telemetry`,
    },
    {
      id: 'everything-mine',
      taskKey: 'explorer.exercises.everythingMine.task',
      hintKey: 'explorer.exercises.everythingMine.hint',
      mustMatch: [`${id}/telemetry`, `${id}/commands`, `${id}/debug/led`],
      mustNotMatch: [`other-student/telemetry`, `${id}-2/telemetry`],
      solution: `${id}/#`,
    },
    {
      id: 'all-telemetry',
      taskKey: 'explorer.exercises.allTelemetry.task',
      hintKey: 'explorer.exercises.allTelemetry.hint',
      mustMatch: [`${id}/telemetry`, `other-student/telemetry`, `nightlight-3/telemetry`],
      mustNotMatch: [`${id}/commands`, `${id}/telemetry/raw`],
      solution: '+/telemetry',
    },
    {
      id: 'every-temperature',
      taskKey: 'explorer.exercises.everyTemperature.task',
      hintKey: 'explorer.exercises.everyTemperature.hint',
      mustMatch: ['home/livingroom/temperature', 'home/kitchen/temperature'],
      mustNotMatch: ['home/kitchen/humidity', 'home/temperature', 'school/lab1/temperature'],
      solution: 'home/+/temperature',
    },
    {
      id: 'system-topics',
      taskKey: 'explorer.exercises.systemTopics.task',
      hintKey: 'explorer.exercises.systemTopics.hint',
      mustMatch: ['$SYS/broker/uptime', '$SYS/broker/clients/connected'],
      mustNotMatch: [`${id}/telemetry`, 'home/kitchen/light'],
      solution: '$SYS/#',
    },
  ];
}

export interface ExerciseCheck {
  /** The filter is not valid MQTT: the reason, and nothing else is checked. */
  problem: ErrorText | null;
  /** Topics that should have matched and did not, and the other way round. */
  missed: string[];
  wronglyMatched: string[];
  solved: boolean;
}

export function checkExercise(filter: string, exercise: Exercise): ExerciseCheck {
  const problem = describeInvalidFilter(filter);
  if (problem) return { problem, missed: [], wronglyMatched: [], solved: false };
  const missed = exercise.mustMatch.filter((topic) => !topicMatches(filter, topic));
  const wronglyMatched = exercise.mustNotMatch.filter((topic) => topicMatches(filter, topic));
  return { problem: null, missed, wronglyMatched, solved: missed.length === 0 && wronglyMatched.length === 0 };
}

/** Topics to play with when the explorer has seen none yet (offline, or before subscribing). */
export function sampleTopics(studentId: string): string[] {
  return [
    `${studentId}/telemetry`,
    `${studentId}/commands`,
    'other-student/telemetry',
    'home/livingroom/temperature',
    'home/livingroom/humidity',
    'home/kitchen/temperature',
    'home/kitchen/light',
    'home/temperature',
    'school/lab1/temperature',
    'school/lab1/door/open',
    '/leading/slash',
    '$SYS/broker/uptime',
    '$SYS/broker/clients/connected',
  ];
}
