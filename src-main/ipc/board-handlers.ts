// Handlers for the board.* commands: each calls the Board service. Spread into createHandlers.
import type { HandlersFor } from '../../src-shared/contract/commands';
import type { boardCommands } from '../../src-shared/contract/board';
import type { LabServices } from '../services/create-lab';

export function createBoardHandlers(_lab: LabServices) {
  return {} satisfies HandlersFor<typeof boardCommands>;
}
