// The console's lab notes as keys: note('powerOn') is `nightlight.labNotes.powerOn` with its values. Program output
// (what the lesson's code prints) never goes through here: it stays a plain string, exactly as printed.
import type { LabTextParams } from '../../../src-shared/i18n/format-lab-text';
import { labText, type LabSentence } from '../../../src-shared/i18n/lab-text';
import type { nightlightNotesEn } from '../../../src-shared/i18n/en/nightlight-notes';

export type LabNoteId = keyof typeof nightlightNotesEn.labNotes;

export function note(id: LabNoteId, params?: LabTextParams): LabSentence {
  return labText(`nightlight.labNotes.${id}`, params);
}

export { reasonOf } from '../../lib/reason-of';
