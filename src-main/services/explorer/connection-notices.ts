// The sentences the explorer shows about its connection: connected, lost, back again (and what it kept).
// Pure text building; it decides nothing.
import type { ExplorerStats } from '../../../src-shared/contract/explorer';
import type { ClientStatus } from '../../../src-shared/contract/schemas';

function quoted(filters: string[]): string {
  return filters.length === 0 ? 'no filters' : filters.map((filter) => `"${filter}"`).join(', ');
}

function kept(stats: ExplorerStats): string {
  return `The tree kept its ${stats.topicCount} topics and ${stats.messageCount} counted messages.`;
}

export const connectionNotice = {
  connected(client: ClientStatus, filters: string[]): string {
    return `Connected to ${client.brokerUrl} and subscribed to ${quoted(filters)}.`;
  },

  lost(client: ClientStatus, stats: ExplorerStats): string {
    if (client.state === 'idle') return `Disconnected from ${client.brokerUrl}. ${kept(stats)}`;
    const why = client.message ? ` (${client.message})` : '';
    return `Lost the connection to ${client.brokerUrl}${why}. The explorer keeps trying. ${kept(stats)}`;
  },

  reconnected(client: ClientStatus, filters: string[], stats: ExplorerStats, awayMs: number | null): string {
    const away = awayMs === null ? '' : ` after ${(awayMs / 1000).toFixed(1)} s`;
    return (
      `Reconnected to ${client.brokerUrl}${away} and subscribed again to ${quoted(filters)}. ${kept(stats)} ` +
      'Messages published while the explorer was away were not received (retained ones come again).'
    );
  },
};
