// One bad input per nightlight.* command and the field its INVALID_INPUT error must name (see dispatcher-contract.test.ts).
import type { nightlightCommands } from '../../../src-shared/contract/nightlight';

export const nightlightBadInputs: Record<keyof typeof nightlightCommands, { input: unknown; field: string }> = {};
