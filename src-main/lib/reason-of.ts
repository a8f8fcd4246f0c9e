// Why something failed, as a value for a sentence's {reason}: a LabError's key and values when it has them (so the
// UI translates the reason too), else the error's English words.
import { LabError } from '../../src-shared/contract/result';
import type { TextValue } from '../../src-shared/i18n/format-lab-text';

export function reasonOf(error: unknown): TextValue {
  if (error instanceof LabError && error.text) return error.text;
  return error instanceof Error ? error.message : String(error);
}
