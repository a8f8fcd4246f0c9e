// One bad input per explorer.* command and the field its INVALID_INPUT error must name (see dispatcher-contract.test.ts).
import type { explorerCommands } from '../../../src-shared/contract/explorer';

export const explorerBadInputs: Record<keyof typeof explorerCommands, { input: unknown; field: string }> = {
  'explorer.getState': { input: { extra: 1 }, field: 'extra' },
  'explorer.addSubscription': { input: { filter: 'home/#/temp' }, field: 'filter' },
  'explorer.removeSubscription': { input: { filter: '' }, field: 'filter' },
  'explorer.setView': { input: { expanded: 'home' }, field: 'expanded' },
  'explorer.getChildren': { input: { parent: null, sort: 'size' }, field: 'sort' },
  'explorer.search': { input: { filter: 'home/te+mp' }, field: 'filter' },
  'explorer.getTopic': { input: { topic: 42 }, field: 'topic' },
  'explorer.getMessage': { input: { topic: 'a/b', id: -1 }, field: 'id' },
  'explorer.setHistoryLimits': { input: { perTopic: 0 }, field: 'perTopic' },
  'explorer.clearRetained': { input: { topic: 'home/+/light' }, field: 'topic' },
  'explorer.restoreRetained': { input: { undoToken: '' }, field: 'undoToken' },
  'explorer.exportHistory': { input: { topic: 'a/b', format: 'xml' }, field: 'format' },
  'explorer.clearTree': { input: { everything: true }, field: 'everything' },
};
