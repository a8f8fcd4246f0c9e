// One bad input per board.* command and the field its INVALID_INPUT error must name (see dispatcher-contract.test.ts).
import type { boardCommands } from '../../../src-shared/contract/board';

export const boardBadInputs: Record<keyof typeof boardCommands, { input: unknown; field: string }> = {};
