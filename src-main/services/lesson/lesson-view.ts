// Builds what the Lesson page shows from a profile's saved progress and the live checker: each step's state and check,
// profile summaries. Pure; called at most ~10 times a second, never per message.
import type { LessonCheck, LessonProfile, LessonStep, LessonStepId } from '../../../src-shared/contract/lesson';
import { makeCheck } from './check-text';
import type { ExerciseChecker } from './exercise-checker';
import type { StoredProfile } from './lesson-store';
import { activitiesOf, ALL_STEP_IDS, hintCountOf, isExerciseStep, targetOf, type ConceptStepId } from './lesson-steps';

/** What the live checker knows beyond the steps themselves, for the concept steps' sentences. */
export interface LiveFacts {
  checker: ExerciseChecker;
  /** The device came back after this long away, and its readings from that time were lost. */
  droppedAwaySeconds: number | null;
}

export function passedCount(profile: StoredProfile): number {
  return ALL_STEP_IDS.filter((id) => profile.progress.passed[id]).length;
}

export function profileSummary(profile: StoredProfile): LessonProfile {
  return {
    id: profile.id,
    name: profile.name,
    studentId: profile.studentId,
    createdAtMs: profile.createdAtMs,
    updatedAtMs: profile.updatedAtMs,
    passedCount: passedCount(profile),
    stepCount: ALL_STEP_IDS.length,
  };
}

function conceptCheck(id: ConceptStepId, done: number, total: number, live: LiveFacts): { check: LessonCheck; started: boolean } {
  const gapMs = live.checker.steadyGapMs;
  if (id === 'telemetry-frequency' && gapMs !== null) {
    return { check: makeCheck('frequency-seen', { seconds: Math.round(gapMs / 100) / 10 }), started: true };
  }
  if (id === 'connectivity-loss' && live.droppedAwaySeconds !== null && done < total) {
    return { check: makeCheck('connectivity-dropped', { seconds: live.droppedAwaySeconds }), started: true };
  }
  return { check: makeCheck('concept-todo', { done, total }), started: done > 0 };
}

function stepOf(id: LessonStepId, number: number, profile: StoredProfile, live: LiveFacts): LessonStep {
  const done = new Set(profile.progress.activities);
  const activities = activitiesOf(id, done);
  const base = { id, kind: isExerciseStep(id) ? 'exercise' : 'concept', number, activities, target: targetOf(id), hintCount: hintCountOf(id) } as const;
  const passed = profile.progress.passed[id];
  if (passed) return { ...base, state: 'passed', passedAtMs: passed.atMs, check: passed.check ?? makeCheck('concept-passed') };
  if (isExerciseStep(id)) {
    const view = live.checker.view(id);
    return { ...base, state: view.state, passedAtMs: null, check: view.check };
  }
  const finished = activities.filter((activity) => activity.done).length;
  const { check, started } = conceptCheck(id, finished, activities.length, live);
  return { ...base, state: started ? 'in-progress' : 'not-started', passedAtMs: null, check };
}

export function buildSteps(profile: StoredProfile, live: LiveFacts): LessonStep[] {
  return ALL_STEP_IDS.map((id, index) => stepOf(id, index + 1, profile, live));
}
