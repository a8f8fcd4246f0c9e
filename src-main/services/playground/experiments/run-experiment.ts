// Runs one experiment by id: sets up the kit, reports progress, turns what it saw into an ExperimentResult,
// and always cleans up its clients. Problems become a 'failed' result a student can read, never a crash.
import type { ExperimentId, ExperimentProgress, ExperimentResult, PlaygroundTarget } from '../../../../src-shared/contract/playground';
import { LabError } from '../../../../src-shared/contract/result';
import { labText } from '../../../../src-shared/i18n/lab-text';
import type { Logger } from '../../../lib/logger';
import type { ResolvedConnection } from '../../mqtt/resolve-connection';
import type { PlaygroundService } from '../playground-service';
import { qos0Loss, qos1LostPuback, qos2Loss, type ExperimentOutcome } from './delivery-experiments';
import { experimentInfo, experimentTitle } from './experiment-catalog';
import { ExperimentKit } from './experiment-kit';
import { said, told } from './result-text';
import { keepaliveWill, persistentSession, retained } from './session-experiments';

export interface RunExperimentDeps {
  service: PlaygroundService;
  resolveTarget: (target: PlaygroundTarget) => Promise<ResolvedConnection>;
  progress: (progress: ExperimentProgress) => void;
  logger: Logger;
}

const SCRIPTS: Record<ExperimentId, { steps: number; run: (kit: ExperimentKit) => Promise<ExperimentOutcome> }> = {
  'qos0-loss': { steps: 4, run: qos0Loss },
  'qos1-lost-puback': { steps: 4, run: qos1LostPuback },
  'qos2-loss': { steps: 4, run: qos2Loss },
  retained: { steps: 4, run: retained },
  'persistent-session': { steps: 2, run: persistentSession },
  'keepalive-will': { steps: 3, run: keepaliveWill },
};

export async function runExperiment(id: ExperimentId, target: PlaygroundTarget, deps: RunExperimentDeps): Promise<ExperimentResult> {
  const info = experimentInfo(id);
  const script = SCRIPTS[id];
  const resolved = await deps.resolveTarget(target);
  const kit = new ExperimentKit(id, target, deps.service, script.steps, deps.progress);
  const startedAt = Date.now();
  const base = { runId: kit.runId, experimentId: id, target, brokerUrl: resolved.displayUrl, expected: info.expected };
  const started = { number: info.number, title: experimentTitle(id), url: resolved.displayUrl };
  deps.service.note('experimentStarted', labText('playground.notes.experimentStarted', started));
  let result: ExperimentResult;
  try {
    const outcome = await script.run(kit);
    result = { ...base, ...outcome, durationMs: Date.now() - startedAt };
  } catch (error) {
    if (!(error instanceof LabError)) deps.logger.error(`Experiment ${id} failed unexpectedly`, error);
    // A LabError's words are an error's (its key when it has one); anything else is said here, as a key.
    const { observed, observedText, ...why } = told([said('failedUnexpected')], said('failedWhy'));
    // A LabError thrown with a plain English message has no key: the page then says "failed unexpectedly" in its language.
    const seen = error instanceof LabError ? { observed: error.message, observedText: error.text ? [error.text] : observedText } : { observed, observedText };
    result = {
      ...base,
      outcome: 'failed',
      ...seen,
      ...why,
      measurements: {},
      durationMs: Date.now() - startedAt,
    };
  } finally {
    await kit.cleanUp();
  }
  const verdict = labText(`playground.notes.verdicts.${result.outcome}`);
  deps.service.note('experimentFinished', labText('playground.notes.experimentFinished', { number: info.number, verdict }), ...(result.observedText ?? []));
  kit.finish(result.outcome === 'failed' ? 'failed' : 'finished', result.observed);
  return result;
}
