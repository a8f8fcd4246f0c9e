// Maps an experiment id to its strings in the playground.experiments.list table, so titles and reasons are translated.
import { experimentIdSchema, type ExperimentId } from '../../../../src-shared/contract/playground';

/** qos1-lost-puback becomes playground.experiments.list.qos1LostPuback */
export function experimentKey(id: ExperimentId): string {
  const camel = id.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
  return `playground.experiments.list.${camel}`;
}

export const EXPERIMENT_IDS: readonly ExperimentId[] = experimentIdSchema.options;
