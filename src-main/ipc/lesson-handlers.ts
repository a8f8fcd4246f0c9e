// Handlers for the lesson.* commands: each calls the Lesson service. Spread into createHandlers.
// Input is already parsed by the dispatcher; nothing here touches files or sockets itself.
import type { HandlersFor } from '../../src-shared/contract/commands';
import type { lessonCommands } from '../../src-shared/contract/lesson';
import { LabError } from '../../src-shared/contract/result';
import type { LabServices } from '../services/create-lab';

function notYet(): never {
  throw new LabError('UNAVAILABLE', 'The lesson is not ready yet.');
}

export function createLessonHandlers(_lab: LabServices) {
  return {
    'lesson.getState': async () => notYet(),
    'lesson.createProfile': async () => notYet(),
    'lesson.selectProfile': async () => notYet(),
    'lesson.renameProfile': async () => notYet(),
    'lesson.resetProgress': async () => notYet(),
    'lesson.deleteProfile': async () => notYet(),
    'lesson.answerQuestion': async () => notYet(),
    'lesson.saveNotes': async () => notYet(),
    'lesson.recordActivity': async () => notYet(),
    'lesson.exportProgress': async () => notYet(),
  } satisfies HandlersFor<typeof lessonCommands>;
}
