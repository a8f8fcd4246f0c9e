// Handlers for the lesson.* commands: each calls the Lesson service. Spread into createHandlers.
// Input is already parsed by the dispatcher; nothing here touches files or sockets itself.
import type { HandlersFor } from '../../src-shared/contract/commands';
import type { lessonCommands } from '../../src-shared/contract/lesson';
import type { LabServices } from '../services/create-lab';

export function createLessonHandlers(lab: LabServices) {
  const { lesson } = lab;
  return {
    'lesson.getState': async () => lesson.getState(),
    'lesson.createProfile': async ({ name, studentId }) => lesson.createProfile(name, studentId),
    'lesson.selectProfile': async ({ profileId }) => lesson.selectProfile(profileId),
    'lesson.renameProfile': async ({ profileId, name }) => lesson.renameProfile(profileId, name),
    'lesson.resetProgress': async ({ profileId }) => lesson.resetProgress(profileId),
    'lesson.deleteProfile': async ({ profileId }) => lesson.deleteProfile(profileId),
    'lesson.answerQuestion': async ({ questionId, optionId }) => lesson.answerQuestion(questionId, optionId),
    'lesson.saveNotes': async (notes) => lesson.saveNotes(notes),
    'lesson.recordActivity': async (activity) => lesson.recordActivity(activity),
    'lesson.exportProgress': async ({ format, profileId }) => lesson.exportProgress(format, profileId),
  } satisfies HandlersFor<typeof lessonCommands>;
}
