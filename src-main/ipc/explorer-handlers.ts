// Handlers for the explorer.* commands: each calls the Explorer service. Spread into createHandlers.
import type { HandlersFor } from '../../src-shared/contract/commands';
import type { explorerCommands } from '../../src-shared/contract/explorer';
import type { LabServices } from '../services/create-lab';

export function createExplorerHandlers(lab: LabServices) {
  const { explorer } = lab;
  return {
    'explorer.getState': async () => explorer.getState(),
    'explorer.addSubscription': async ({ filter, qos }) => explorer.addSubscription(filter, qos),
    'explorer.removeSubscription': async ({ filter }) => explorer.removeSubscription(filter),
    'explorer.setView': async ({ expanded, selected }) => {
      explorer.setView(expanded, selected);
      return { done: true as const };
    },
    'explorer.getChildren': async (input) => explorer.getChildren(input),
    'explorer.search': async (input) => explorer.search(input),
    'explorer.getTopic': async (input) => explorer.getTopic(input),
    'explorer.getMessage': async (input) => explorer.getMessage(input),
    'explorer.setHistoryLimits': async (input) => explorer.setHistoryLimits(input),
    'explorer.clearRetained': async ({ topic }) => explorer.clearRetained(topic),
    'explorer.restoreRetained': async ({ undoToken }) => explorer.restoreRetained(undoToken),
    'explorer.exportHistory': async ({ topic, format }) => explorer.exportHistory(topic, format),
    'explorer.clearTree': async () => explorer.clearTree(),
  } satisfies HandlersFor<typeof explorerCommands>;
}
