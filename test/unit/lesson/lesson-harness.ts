// Test helpers for the lesson: the whole lab (real built-in broker in a worker, nightlight, playground) on a data
// folder, reached through the dispatcher like the UI, with lesson.progressChanged events recorded. Not a test file.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandInput, CommandName, CommandOutput } from '../../../src-shared/contract/commands';
import type { LessonState, LessonStep, LessonStepId } from '../../../src-shared/contract/lesson';
import { createDispatcher } from '../../../src-main/ipc/dispatcher';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { silentLogger } from '../../../src-main/lib/logger';
import { createNodeBrokerFork } from '../../../src-main/services/broker/node-fork';
import { createLab, type LabServices } from '../../../src-main/services/create-lab';
import { PlainSecretStore } from '../../../src-main/services/profiles/secret-store';
import { waitFor } from '../mqtt/service-harness';

const here = path.dirname(fileURLToPath(import.meta.url));
const WORKER_SOURCE = path.resolve(here, '../../../src-main/services/broker/broker-worker.ts');

export type Call = <K extends CommandName>(name: K, input: CommandInput<K>) => Promise<CommandOutput<K>>;

export interface LessonLab {
  lab: LabServices;
  call: Call;
  /** The error a command failed with (throws when it succeeded). */
  failure: <K extends CommandName>(name: K, input: CommandInput<K>) => Promise<{ code: string; message: string; field?: string }>;
  progressEvents: LessonState[];
  dataDir: string;
}

export function newDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'lesson-'));
}

export async function startLessonLab(dataDir: string, studentId: string): Promise<LessonLab> {
  const lab = await createLab({
    dataDir,
    forkBrokerWorker: createNodeBrokerFork(WORKER_SOURCE, ['--import', 'tsx']),
    secretStore: new PlainSecretStore(),
    logger: silentLogger,
    brokerTcpPort: 0,
    brokerWsPort: 0,
    counterfitPort: 0,
  });
  await lab.settings.update({ studentId });
  const progressEvents: LessonState[] = [];
  lab.bus.subscribe((name, payload) => name === 'lesson.progressChanged' && progressEvents.push(payload as LessonState));
  const dispatch = createDispatcher(createHandlers(lab, { version: 'test', shell: 'browser' }), silentLogger);
  const call: Call = async (name, input) => {
    const result = await dispatch(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
    return result.value as CommandOutput<typeof name>;
  };
  const failure: LessonLab['failure'] = async (name, input) => {
    const result = await dispatch(name, input);
    if (result.ok) throw new Error(`${name} succeeded but should have failed`);
    return result.error;
  };
  await lab.start();
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
