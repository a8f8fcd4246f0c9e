// Progress saved by an older lab still opens: a step check in the old shape (word keys in `check.words` beside params)
// keeps its step passed and its sentence, and the next save writes the one shape the contract has now.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lessonStepSchema } from '../../../src-shared/contract/lesson';
import { ExerciseChecker } from '../../../src-main/services/lesson/exercise-checker';
import { LessonStore } from '../../../src-main/services/lesson/lesson-store';
import { buildSteps } from '../../../src-main/services/lesson/lesson-view';

const E5_SAW = 'The LED followed the commands to switch on.';

/** What the lab wrote before a check's params could hold texts: the word's English in params, its key in words. */
const OLD_FILE = {
  version: 1,
  activeProfileId: 'p-old',
  profiles: [
    {
      id: 'p-old',
      name: 'Asha',
      studentId: 'abc',
      createdAtMs: 1000,
      updatedAtMs: 2000,
      progress: {
        passed: {
          E2: { atMs: 1500, check: { code: 'e2-passed', params: { topic: 'abc/telemetry', count: 2, needed: 2, light: 400 }, saw: '2 readings arrived on `abc/telemetry`.', expected: 'Two readings on `abc/telemetry`. Done!' } },
          E5: {
            atMs: 1800,
            check: { code: 'e5-counting', params: { done: 'on' }, saw: E5_SAW, expected: 'The LED follows a command to switch on and one to switch off.', words: { done: { key: 'lesson.checkWords.on' } } },
          },
        },
        activities: [],
        answers: { 'check-security': { optionId: 'anyone', correct: true, attempts: 1, answeredAtMs: 1900 } },
        reflections: {},
        assignment: 'MQTT is light.',
      },
    },
  ],
};

describe('LessonStore with a file from an older lab', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function oldFile(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lesson-store-'));
    dirs.push(dir);
    const filePath = path.join(dir, 'progress.json');
    writeFileSync(filePath, JSON.stringify(OLD_FILE));
    return filePath;
  }

  it('keeps passed steps and what their checks said when a check still has its old words field', async () => {
    const filePath = oldFile();
    const store = await LessonStore.open(filePath, 'zzz');
    const profile = store.active();
    expect(profile).toMatchObject({ id: 'p-old', name: 'Asha', studentId: 'abc' });
    expect(profile.progress.assignment).toBe('MQTT is light.');

    const checker = new ExerciseChecker({ studentId: 'abc', seesClients: true, isLabClient: () => false, passed: new Set(), onPassed: () => {}, onRhythm: () => {} });
    const steps = buildSteps(profile, { checker, droppedAwaySeconds: null });
    const e5 = steps.find((step) => step.id === 'E5')!;
    expect(e5).toMatchObject({ state: 'passed', passedAtMs: 1800, check: { code: 'e5-counting', saw: E5_SAW } });
    expect(e5.check).not.toHaveProperty('words');
    expect(steps.find((step) => step.id === 'E2')).toMatchObject({ state: 'passed', check: { params: { count: 2, topic: 'abc/telemetry' } } });
    for (const step of steps) expect(lessonStepSchema.safeParse(step).success).toBe(true);

    await store.update(profile.id, () => {});
    await store.flush();
    const saved = readFileSync(filePath, 'utf8');
    expect(saved).not.toContain('"words"');
    expect(JSON.parse(saved).profiles[0].progress.passed.E5.check.saw).toBe(E5_SAW);
  });
});
