// The sentences the explorer shows about its connection: connected, lost, back again (and what it kept), as keys
// (`explorer.notices.*`) the UI translates; English for logs and tests via englishOf. Pure; it decides nothing.
import type { ExplorerStats } from '../../../src-shared/contract/explorer';
import type { ClientStatus } from '../../../src-shared/contract/schemas';
import { englishOf, labText, type LabSentence } from '../../../src-shared/i18n/lab-text';

/** `"#", "lab/+"` as a value, or the words "no filters" as a text the UI translates. */
function filtersOf(filters: string[]): { filters: string | LabSentence } {
  return filters.length === 0 ? { filters: labText('explorer.notices.noFilters') } : { filters: filters.map((filter) => `"${filter}"`).join(', ') };
}

function kept(stats: ExplorerStats): LabSentence {
  return labText('explorer.notices.kept', { topics: stats.topicCount, messages: stats.messageCount });
}

export const connectionNotice = {
  connected(client: ClientStatus, filters: string[]): LabSentence[] {
    const listed = filtersOf(filters);
    return [labText('explorer.notices.connected', { url: client.brokerUrl, ...listed })];
  },

  lost(client: ClientStatus, stats: ExplorerStats): LabSentence[] {
    if (client.state === 'idle') return [labText('explorer.notices.disconnected', { url: client.brokerUrl }), kept(stats)];
    // The reason is the client's status sentence: its key when it has one, so it is translated too.
    const reason = client.messageText ?? client.message;
    const lost = reason
      ? labText('explorer.notices.lostBecause', { url: client.brokerUrl, reason })
      : labText('explorer.notices.lost', { url: client.brokerUrl });
    return [lost, kept(stats)];
  },

  reconnected(client: ClientStatus, filters: string[], stats: ExplorerStats, awayMs: number | null): LabSentence[] {
    const listed = filtersOf(filters);
    const back =
      awayMs === null
        ? labText('explorer.notices.reconnected', { url: client.brokerUrl, ...listed })
        : labText('explorer.notices.reconnectedAfter', { url: client.brokerUrl, seconds: (awayMs / 1000).toFixed(1), ...listed });
    return [back, kept(stats), labText('explorer.notices.missedWhileAway')];
  },
};

/** The status fields of a notice: its English and its sentences. */
export function noticeFields(sentences: LabSentence[]): { notice: string; noticeText: LabSentence[] } {
  return { notice: sentences.map((sentence) => englishOf(sentence)).join(' '), noticeText: sentences };
}
