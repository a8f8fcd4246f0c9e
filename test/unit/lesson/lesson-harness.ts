// Test helpers for the lesson: the whole lab (real built-in broker in a worker, nightlight, playground) on a data
// folder, reached through the dispatcher like the UI, with lesson.progressChanged events recorded. Not a test file.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LessonState, LessonStep, LessonStepId } from '../../../src-shared/contract/lesson';
import type { LabServices } from '../../../src-main/services/create-lab';
import { startRealLab, type Call, type RealLab } from '../../support/real-lab';
import { waitFor } from '../mqtt/service-harness';

export type { Call };

export interface LessonLab {
  lab: LabServices;
  call: Call;
  failure: RealLab['failure'];
  progressEvents: LessonState[];
  dataDir: string;
}

export function newDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'lesson-'));
}

export async function startLessonLab(dataDir: string, studentId: string): Promise<LessonLab> {
  const progressEvents: LessonState[] = [];
  const { lab, call, failure } = await startRealLab(dataDir, studentId, {
    beforeStart: (created) => created.bus.subscribe((name, payload) => name === 'lesson.progressChanged' && progressEvents.push(payload as LessonState)),
  });
  return { lab, call, failure, progressEvents, dataDir };
}

export function stepOf(state: LessonState, id: LessonStepId): LessonStep {
  const step = state.steps.find((item) => item.id === id);
  if (!step) throw new Error(`no step ${id}`);
  return step;
}

/** Polls lesson.getState until the step is in the wanted state; the error names what the check said last. */
export async function waitForStep(call: Call, id: LessonStepId, wanted: LessonStep['state'] = 'passed', timeoutMs = 15_000): Promise<LessonStep> {
  let last: LessonStep | undefined;
  try {
    return await waitForAsync(async () => {
      last = stepOf(await call('lesson.getState', {}), id);
      return last.state === wanted ? last : undefined;
    }, timeoutMs);
  } catch {
    throw new Error(`${id} did not become ${wanted}; it is ${last?.state}: ${last?.check.saw} / ${last?.check.expected}`);
  }
}

export async function waitForAsync<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export { waitFor };
