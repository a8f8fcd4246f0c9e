// The lesson's fixed structure: step order, what each concept step needs done, where "Take me there" goes.
// Pure data and small helpers; no state, no I/O.
import type { ExperimentId } from '../../../src-shared/contract/playground';
import {
  CONCEPT_STEP_IDS,
  EXERCISE_STEP_IDS,
  type ExplorerExerciseId,
  type LessonActivity,
  type LessonStepId,
  type LessonTarget,
  type ObservationId,
  type QuizQuestionId,
} from '../../../src-shared/contract/lesson';
import { lessonTextEn } from '../../../src-shared/contract/lesson-text-en';

export type ExerciseStepId = (typeof EXERCISE_STEP_IDS)[number];
export type ConceptStepId = (typeof CONCEPT_STEP_IDS)[number];

/** An activity without its done flag: how progress remembers it ("playground-experiment:qos0-loss"). */
export type ActivityRef =
  | { kind: 'explorer-exercise'; id: ExplorerExerciseId }
  | { kind: 'playground-experiment'; id: ExperimentId }
  | { kind: 'observation'; id: ObservationId }
  | { kind: 'question'; id: QuizQuestionId };

export function activityKey(activity: ActivityRef): string {
  return `${activity.kind}:${activity.id}`;
}

const exercise = (id: ExplorerExerciseId): ActivityRef => ({ kind: 'explorer-exercise', id });
const experiment = (id: ExperimentId): ActivityRef => ({ kind: 'playground-experiment', id });
const observation = (id: ObservationId): ActivityRef => ({ kind: 'observation', id });
const question = (id: QuizQuestionId): ActivityRef => ({ kind: 'question', id });

/** What each concept step needs; all of it. */
export const CONCEPT_ACTIVITIES: Record<ConceptStepId, ActivityRef[]> = {
  'broker-topics-wildcards': [exercise('everything-mine'), exercise('all-telemetry'), exercise('every-temperature')],
  qos: [experiment('qos0-loss'), experiment('qos1-lost-puback'), experiment('qos2-loss')],
  retained: [experiment('retained')],
  'keepalive-will': [experiment('keepalive-will')],
  sessions: [experiment('persistent-session')],
  'telemetry-frequency': [observation('telemetry-rate-changed')],
  'connectivity-loss': [observation('store-and-forward-replayed'), question('check-connectivity')],
  'command-topics': [question('check-command-topics')],
  security: [question('check-security')],
};

const STEP_TARGETS: Record<LessonStepId, LessonTarget> = {
  E1: { route: '/nightlight', prefill: { section: 'device' } },
  E2: { route: '/nightlight', prefill: { section: 'device' } },
  E3: { route: '/nightlight', prefill: { section: 'server' } },
  E4: { route: '/nightlight', prefill: { section: 'server', light: '0' } },
  E5: { route: '/nightlight', prefill: { section: 'device', light: '0' } },
  E6: { route: '/nightlight', prefill: { section: 'device', light: '0' } },
  'broker-topics-wildcards': { route: '/explorer', prefill: { section: 'wildcards', exercise: 'everything-mine' } },
  qos: { route: '/playground', prefill: { experiment: 'qos0-loss' } },
  retained: { route: '/playground', prefill: { experiment: 'retained' } },
  'keepalive-will': { route: '/playground', prefill: { experiment: 'keepalive-will' } },
  sessions: { route: '/playground', prefill: { experiment: 'persistent-session' } },
  'telemetry-frequency': { route: '/nightlight', prefill: { section: 'device', telemetryIntervalMs: '1000' } },
  'connectivity-loss': { route: '/nightlight', prefill: { section: 'device', storeAndForward: 'true' } },
  'command-topics': { route: '/nightlight', prefill: { section: 'server', multiDevice: 'true' } },
  security: { route: '/explorer', prefill: { section: 'connection' } },
};

export const ALL_STEP_IDS: LessonStepId[] = [...EXERCISE_STEP_IDS, ...CONCEPT_STEP_IDS];

export function isExerciseStep(id: string): id is ExerciseStepId {
  return (EXERCISE_STEP_IDS as readonly string[]).includes(id);
}

export function targetOf(id: LessonStepId): LessonTarget {
  const target = STEP_TARGETS[id];
  return { route: target.route, prefill: { ...target.prefill } };
}

export function hintCountOf(id: LessonStepId): number {
  return Object.keys(lessonTextEn.steps[id].hints).length;
}

export function activitiesOf(id: LessonStepId, done: ReadonlySet<string>): LessonActivity[] {
  if (isExerciseStep(id)) return [];
  return CONCEPT_ACTIVITIES[id].map((activity) => ({ ...activity, done: done.has(activityKey(activity)) }) as LessonActivity);
}

/** Concept steps a newly done activity belongs to. */
export function conceptStepsUsing(activity: ActivityRef): ConceptStepId[] {
  const key = activityKey(activity);
  return (CONCEPT_STEP_IDS as readonly ConceptStepId[]).filter((id) => CONCEPT_ACTIVITIES[id].some((item) => activityKey(item) === key));
}
