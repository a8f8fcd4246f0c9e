// One bad input per lesson.* command and the field its INVALID_INPUT error must name (see dispatcher-contract.test.ts).
import type { lessonCommands } from '../../../src-shared/contract/lesson';

export const lessonBadInputs: Record<keyof typeof lessonCommands, { input: unknown; field: string }> = {
  'lesson.getState': { input: { extra: 1 }, field: 'extra' },
  'lesson.createProfile': { input: { name: 'Asha', studentId: 'has space' }, field: 'studentId' },
  'lesson.selectProfile': { input: { profileId: '' }, field: 'profileId' },
  'lesson.renameProfile': { input: { profileId: 'p-1', name: '   ' }, field: 'name' },
  'lesson.resetProgress': { input: { profileId: 7 }, field: 'profileId' },
  'lesson.deleteProfile': { input: {}, field: 'profileId' },
  'lesson.answerQuestion': { input: { questionId: 'pre-unknown', optionId: 'no' }, field: 'questionId' },
  'lesson.saveNotes': { input: { reflections: { 'many-devices': 'x'.repeat(5001) } }, field: 'reflections.many-devices' },
  'lesson.recordActivity': { input: { kind: 'explorer-exercise', id: 'no-such-exercise' }, field: 'id' },
  'lesson.exportProgress': { input: { format: 'pdf' }, field: 'format' },
};
