// One bad input per lesson.* command and the field its INVALID_INPUT error must name (see dispatcher-contract.test.ts).
import type { lessonCommands } from '../../../src-shared/contract/lesson';

export const lessonBadInputs: Record<keyof typeof lessonCommands, { input: unknown; field: string }> = {};
