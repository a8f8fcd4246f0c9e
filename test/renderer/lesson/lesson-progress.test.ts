// The Lesson page's own progress (the whole app at /lesson with a fake bridge): quiz answers get feedback written for
// the answer given, notes are saved after a pause, and switching or resetting a profile shows that profile's progress.
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QUIZ_QUESTIONS, type LessonState, type QuizQuestionId } from '../../../src-shared/contract/lesson';
import { ok } from '../../../src-shared/contract/result';
import App from '../../../src-renderer/src/App.vue';
import { NOTES_SAVE_DELAY_MS } from '../../../src-renderer/src/components/lesson/notes-draft';
import { FakeBridge, makeLessonState } from '../support/fake-bridge';
import { mountLab } from '../support/mount-lab';

enableAutoUnmount(afterEach);
afterEach(() => vi.useRealTimers());

/** A bridge that answers questions and saves notes the way the lab does, keeping one state. */
function answeringBridge(initial: LessonState = makeLessonState()) {
  let state = initial;
  const bridge = new FakeBridge();
  bridge.handle('lesson.getState', () => ok(state));
  bridge.handle('lesson.answerQuestion', ({ questionId, optionId }) => {
    const question = QUIZ_QUESTIONS.find((candidate) => candidate.id === questionId)!;
    const previous = state.answers.find((answer) => answer.questionId === questionId);
    const answer = {
      questionId: questionId as QuizQuestionId,
      optionId,
      correct: optionId === question.correct,
      correctOptionId: question.correct,
      attempts: (previous?.attempts ?? 0) + 1,
      answeredAtMs: 1,
    };
    state = { ...state, answers: [...state.answers.filter((item) => item.questionId !== questionId), answer] };
    return ok({ answer, state });
  });
  bridge.handle('lesson.saveNotes', ({ reflections, assignment }) => {
    state = { ...state, reflections: { ...state.reflections, ...reflections }, assignment: assignment ?? state.assignment };
    return ok(state);
  });
  return bridge;
}

async function openSection(wrapper: VueWrapper, name: string): Promise<void> {
  await wrapper.findAll('nav button').find((button) => button.text() === name)!.trigger('click');
  await flushPromises();
}

function question(wrapper: VueWrapper, id: string) {
  return wrapper.get(`form[data-question="${id}"]`);
}

describe('quizzes', () => {
  it('gives feedback for the answer given, and asks for a choice before checking', async () => {
    const bridge = answeringBridge();
    const { wrapper } = await mountLab(App, { bridge, path: '/lesson' });
    expect(wrapper.get('[data-testid="lesson-content"] h2').text()).toBe('Quiz before the lesson');

    const http = question(wrapper, 'pre-always-http');
    await http.trigger('submit');
    expect(http.text()).toContain('Pick an answer first.');
    expect(bridge.invokesOf('lesson.answerQuestion')).toEqual([]);

    await http.get('input[value="yes"]').setValue(true);
    await http.trigger('submit');
    await flushPromises();
    expect(bridge.invokesOf('lesson.answerQuestion')).toEqual([{ questionId: 'pre-always-http', optionId: 'yes' }]);
    const wrong = http.get('[data-testid="quiz-feedback"]');
    expect(wrong.attributes('data-correct')).toBe('false');
    expect(wrong.text()).toContain('Not quite.');
    expect(wrong.text()).toContain('a small device often uses something lighter');

    await http.get('input[value="no"]').setValue(true);
    await http.trigger('submit');
    await flushPromises();
    const right = http.get('[data-testid="quiz-feedback"]');
    expect(right.attributes('data-correct')).toBe('true');
    expect(right.text()).toContain('Right.');
    expect(right.text()).toContain('Answered 2 times');
    expect(wrapper.get('[data-testid="quiz-score"]').text()).toBe('1 of 3 right');
  });

  it('has one feedback line per option of every question', async () => {
    const { wrapper } = await mountLab(App, { bridge: answeringBridge(), path: '/lesson' });
    const vm = wrapper.vm as unknown as { $t: (key: string) => string; $te: (key: string) => boolean };
    for (const item of QUIZ_QUESTIONS) {
      for (const option of item.options) expect(vm.$te(`lesson.answerFeedback.${item.id}.${option}`), `${item.id}.${option}`).toBe(true);
    }
  });
});

describe('notes', () => {
  it('saves a reflection once, after the student pauses typing', async () => {
    const bridge = answeringBridge();
    const { wrapper } = await mountLab(App, { bridge, path: '/lesson' });
    await openSection(wrapper, 'Think about it');
    vi.useFakeTimers();
    const box = wrapper.get('textarea[data-reflection="many-devices"]');
    await box.setValue('It');
    await box.setValue('It keeps');
    await box.setValue('It keeps a list of subscriptions');
    expect(bridge.invokesOf('lesson.saveNotes')).toEqual([]);
    expect(wrapper.get('[data-testid="lesson-save-state"]').text()).toBe('Not saved yet');

    await vi.advanceTimersByTimeAsync(NOTES_SAVE_DELAY_MS + 10);
    expect(bridge.invokesOf('lesson.saveNotes')).toEqual([{ reflections: { 'many-devices': 'It keeps a list of subscriptions' } }]);
    expect(wrapper.get('[data-testid="lesson-save-state"]').text()).toBe('Saved');
  });
});

describe('profiles', () => {
  it('switches to another student and shows their own notes and answers', async () => {
    const asha = makeLessonState({ reflections: { 'many-devices': 'Asha wrote this' } });
    const ravi = makeLessonState({
      activeProfileId: 'p-ravi',
      studentId: 'ravi-01',
      profiles: [...asha.profiles, { id: 'p-ravi', name: 'Ravi', studentId: 'ravi-01', createdAtMs: 0, updatedAtMs: 0, passedCount: 3, stepCount: 15 }],
      reflections: { 'many-devices': 'Ravi wrote this' },
    });
    const bridge = answeringBridge({ ...asha, profiles: ravi.profiles });
    bridge.handle('lesson.selectProfile', () => ok(ravi));
    const { wrapper } = await mountLab(App, { bridge, path: '/lesson' });
    await openSection(wrapper, 'Think about it');
    const box = () => wrapper.get('textarea[data-reflection="many-devices"]').element as HTMLTextAreaElement;
    expect(box().value).toBe('Asha wrote this');
    expect(wrapper.get('#lesson-profile').findAll('option').map((option) => option.text())).toEqual(['Asha (0 of 15)', 'Ravi (3 of 15)']);

    await wrapper.get('#lesson-profile').setValue('p-ravi');
    await flushPromises();
    expect(bridge.invokesOf('lesson.selectProfile')).toEqual([{ profileId: 'p-ravi' }]);
    expect(wrapper.get('[data-testid="lesson-student-id"]').text()).toBe('Your ID: ravi-01');
    // A new profile starts at its first unfinished part: the quiz before the lesson.
    await openSection(wrapper, 'Think about it');
    expect(box().value).toBe('Ravi wrote this');
  });

  it('resets progress only after the student confirms', async () => {
    const bridge = answeringBridge(makeLessonState({ assignment: 'My comparison' }));
    bridge.handle('lesson.resetProgress', () => ok(makeLessonState()));
    const { wrapper } = await mountLab(App, { bridge, path: '/lesson' });
    const button = (text: string) => wrapper.findAll('button').find((candidate) => candidate.text() === text)!;

    await button('Reset progress').trigger('click');
    expect(wrapper.get('form[data-mode="reset"]').text()).toContain('Reset all progress of Asha?');
    await button('Cancel').trigger('click');
    expect(wrapper.find('form[data-mode="reset"]').exists()).toBe(false);
    expect(bridge.invokesOf('lesson.resetProgress')).toEqual([]);

    await button('Reset progress').trigger('click');
    await button('Yes, reset').trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('lesson.resetProgress')).toEqual([{}]);
    await openSection(wrapper, 'Assignment');
    expect((wrapper.get('#lesson-assignment').element as HTMLTextAreaElement).value).toBe('');
  });

  it('creates a profile and shows the lab\'s reason when a name is refused', async () => {
    const bridge = answeringBridge();
    bridge.handle('lesson.createProfile', () => ({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Give the profile a name, like "Asha".', field: 'name' },
    }));
    const { wrapper } = await mountLab(App, { bridge, path: '/lesson' });
    await wrapper.findAll('button').find((candidate) => candidate.text() === 'New student')!.trigger('click');
    await flushPromises();
    expect(document.activeElement).toBe(wrapper.get('#lesson-profile-name').element);
    await wrapper.get('form[data-mode="create"]').trigger('submit');
    await flushPromises();
    expect(bridge.invokesOf('lesson.createProfile')).toEqual([{ name: '' }]);
    expect(wrapper.get('form[data-mode="create"]').text()).toContain('Give the profile a name, like "Asha".');
    expect(wrapper.get('#lesson-profile-name').attributes('aria-invalid')).toBe('true');
  });
});
