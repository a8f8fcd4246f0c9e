// Grades quiz and step questions against the lesson's answers and records the answer in a profile's progress.
// Pure apart from the clock it is given.
import { QUIZ_QUESTIONS, type QuizAnswer, type QuizQuestionId } from '../../../src-shared/contract/lesson';
import { LabError } from '../../../src-shared/contract/result';
import { errorText } from '../../../src-shared/i18n/error-text';
import type { StoredProgress } from './lesson-store';

export function questionOf(questionId: QuizQuestionId) {
  return QUIZ_QUESTIONS.find((question) => question.id === questionId)!;
}

/** Records the answer (the last one counts) and returns it with its grade; an unknown option is refused. */
export function answerQuestion(progress: StoredProgress, questionId: QuizQuestionId, optionId: string, atMs: number): QuizAnswer {
  const question = questionOf(questionId);
  const options: readonly string[] = question.options;
  if (!options.includes(optionId)) {
    throw new LabError('INVALID_INPUT', errorText('errors.lesson.notAnAnswer', { optionId, options: options.join(', ') }), 'optionId');
  }
  const previous = progress.answers[questionId];
  const stored = { optionId, correct: optionId === question.correct, attempts: (previous?.attempts ?? 0) + 1, answeredAtMs: atMs };
  progress.answers[questionId] = stored;
  return { questionId, correctOptionId: question.correct, ...stored };
}

export function answersOf(progress: StoredProgress): QuizAnswer[] {
  return QUIZ_QUESTIONS.flatMap((question) => {
    const stored = progress.answers[question.id];
    return stored ? [{ questionId: question.id, correctOptionId: question.correct, ...stored }] : [];
  });
}
