// Handlers for the explorer.* commands: each calls the Explorer service. Spread into createHandlers.
import type { HandlersFor } from '../../src-shared/contract/commands';
import type { explorerCommands } from '../../src-shared/contract/explorer';
import type { LabServices } from '../services/create-lab';

export function createExplorerHandlers(_lab: LabServices) {
  return {} satisfies HandlersFor<typeof explorerCommands>;
}
