// Every English text the main side hands the UI as a key (see lab-text.ts), by the UI's namespace: each locale's
// <domain>.ts holds the same subtrees (English ones import these). Placeholders are {letters}; no '|' or '@'.
import { boardNotesEn } from './en/board-notes';
import { explorerNoticesEn } from './en/explorer-notices';
import { lessonWordsEn } from './en/lesson-words';
import { nightlightDeviceLogEn } from './en/nightlight-device-log';
import { nightlightNotesEn } from './en/nightlight-notes';
import { nightlightPayloadsEn } from './en/nightlight-payloads';
import { experimentTitlesEn, playgroundNotesEn } from './en/playground-notes';
import { playgroundResultsEn } from './en/playground-results';
import { playgroundStatusEn } from './en/playground-status';

export const labTextEn = {
  lesson: lessonWordsEn,
  nightlight: { ...nightlightNotesEn, ...nightlightPayloadsEn, ...nightlightDeviceLogEn },
  playground: { ...playgroundResultsEn, ...playgroundStatusEn, ...playgroundNotesEn, ...experimentTitlesEn },
  explorer: explorerNoticesEn,
  board: boardNotesEn,
};
