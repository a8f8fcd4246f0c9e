// Handlers for the lesson.* commands: each calls the Lesson service. Spread into createHandlers.
import type { HandlersFor } from '../../src-shared/contract/commands';
import type { lessonCommands } from '../../src-shared/contract/lesson';
import type { LabServices } from '../services/create-lab';

export function createLessonHandlers(_lab: LabServices) {
  return {} satisfies HandlersFor<typeof lessonCommands>;
}
