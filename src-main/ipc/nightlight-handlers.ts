// Handlers for the nightlight.* commands: each calls the Nightlight service. Spread into createHandlers.
import type { HandlersFor } from '../../src-shared/contract/commands';
import type { nightlightCommands } from '../../src-shared/contract/nightlight';
import type { LabServices } from '../services/create-lab';

export function createNightlightHandlers(_lab: LabServices) {
  return {} satisfies HandlersFor<typeof nightlightCommands>;
}
