// One bad input per explorer.* command and the field its INVALID_INPUT error must name (see dispatcher-contract.test.ts).
import type { explorerCommands } from '../../../src-shared/contract/explorer';

export const explorerBadInputs: Record<keyof typeof explorerCommands, { input: unknown; field: string }> = {};
