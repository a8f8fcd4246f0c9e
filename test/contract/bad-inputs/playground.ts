// One bad input per playground.* command and the field its INVALID_INPUT error must name (see dispatcher-contract.test.ts).
import type { playgroundCommands } from '../../../src-shared/contract/playground';

export const playgroundBadInputs: Record<keyof typeof playgroundCommands, { input: unknown; field: string }> = {};
