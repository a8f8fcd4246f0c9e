// What an experiment saw and why, and its progress steps, as keys (`playground.results.*`, `playground.runSteps.*`)
// with their English. Payloads and counts are values, shown as sent; the words around them are translated by the UI.
import type { LabText, LabTextParams } from '../../../../src-shared/i18n/format-lab-text';
import { englishOf, labText, type LabSentence } from '../../../../src-shared/i18n/lab-text';
import type { playgroundNotesEn } from '../../../../src-shared/i18n/en/playground-notes';
import type { playgroundResultsEn } from '../../../../src-shared/i18n/en/playground-results';
import type { playgroundStatusEn } from '../../../../src-shared/i18n/en/playground-status';

type ResultId = Exclude<keyof typeof playgroundResultsEn.results, 'times'>;
type StepId = keyof typeof playgroundResultsEn.runSteps;
type Values = Record<string, string | number>;

/** A result sentence; a value may be a text itself, like times(2). */
export function said(id: ResultId, params?: LabTextParams): LabSentence {
  return labText(`playground.results.${id}`, params);
}

/** What an experiment waits for, in words: `playground.waits.*`. */
export function waitFor(id: keyof typeof playgroundStatusEn.waits, params?: Values): LabSentence {
  return labText(`playground.waits.${id}`, params);
}

export function step(id: StepId, params?: Values): LabSentence {
  return labText(`playground.runSteps.${id}`, params);
}

/** The name of one of the experiment's own clients, "Publisher (experiment)": `playground.experimentClients.*`. */
export function clientNamed(id: keyof typeof playgroundNotesEn.experimentClients): LabSentence {
  return labText(`playground.experimentClients.${id}`);
}

/** once, twice, N times. */
export function times(count: number): LabText {
  if (count === 1) return labText('playground.results.times.once');
  if (count === 2) return labText('playground.results.times.twice');
  return labText('playground.results.times.many', { count });
}

/** The result's English (observed, explanation) next to the same sentences as keys. */
export function told(observed: LabSentence[], explanation: LabSentence) {
  return {
    observed: observed.map((sentence) => englishOf(sentence)).join(' '),
    explanation: englishOf(explanation),
    observedText: observed,
    explanationText: explanation,
  };
}
