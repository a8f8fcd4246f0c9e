// The console's lab notes and the LED switch log's causes as keys: note('powerOn') is `nightlight.labNotes.powerOn`
// with its values. Program output (what the lesson's code prints) never goes through here: it stays a plain string.
import type { LabTextParams } from '../../../src-shared/i18n/format-lab-text';
import { labText, type LabSentence } from '../../../src-shared/i18n/lab-text';
import type { nightlightDeviceLogEn } from '../../../src-shared/i18n/en/nightlight-device-log';
import type { nightlightNotesEn } from '../../../src-shared/i18n/en/nightlight-notes';

export type LabNoteId = keyof typeof nightlightNotesEn.labNotes;
export type LedCauseId = keyof typeof nightlightDeviceLogEn.ledSwitches;

/** Why the LED switched: words as a key, or a request shown exactly as sent (an HTTP call has no words to translate). */
export type LedCause = LabSentence | string;

export function note(id: LabNoteId, params?: LabTextParams): LabSentence {
  return labText(`nightlight.labNotes.${id}`, params);
}

export function ledCause(id: LedCauseId, params?: LabTextParams): LabSentence {
  return labText(`nightlight.ledSwitches.${id}`, params);
}

export { reasonOf } from '../../lib/reason-of';
