// Handlers for the playground.* commands: each calls the Playground service. Spread into createHandlers.
import type { HandlersFor } from '../../src-shared/contract/commands';
import type { playgroundCommands } from '../../src-shared/contract/playground';
import type { LabServices } from '../services/create-lab';

export function createPlaygroundHandlers(_lab: LabServices) {
  return {} satisfies HandlersFor<typeof playgroundCommands>;
}
