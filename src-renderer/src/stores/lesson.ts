// The Lesson page's state and the only caller of lesson.* commands: profiles, steps and their live checks (from
// lesson.progressChanged), quiz answers, notes (debounced drafts), which section is open and how many hints are shown.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { CommandInput, CommandName, CommandOutput } from '../../../src-shared/contract/commands';
import type { LessonState, LessonStep, LessonStepId, QuizAnswer, QuizQuestionId, ReflectionId } from '../../../src-shared/contract/lesson';
import type { LabErrorInfo } from '../../../src-shared/contract/result';
import { hostLinkOf, useBridge } from '../bridge';
import { createNotesDraft } from '../components/lesson/notes-draft';
import { callInto } from './bridge-call';
import { useNightlightStore } from './nightlight';

/** Everything the page can show on its right side: a step, the two quizzes, the reflection and the assignment. */
export type LessonSection = LessonStepId | 'pre-quiz' | 'post-quiz' | 'reflection' | 'assignment';
type StateCommand = { [K in CommandName]: CommandOutput<K> extends LessonState ? K : never }[CommandName];

export const useLessonStore = defineStore('lesson', () => {
  const bridge = useBridge();
  const state = shallowRef<LessonState | null>(null);
  const error = ref<LabErrorInfo | null>(null);
  /** Errors of the profile forms and of answering, shown next to them. */
  const profileError = ref<LabErrorInfo | null>(null);
  const quizError = ref<LabErrorInfo | null>(null);
  const notesError = ref<LabErrorInfo | null>(null);
  const loaded = ref(false);
  const busy = ref(false);
  const section = ref<LessonSection | null>(null);
  /** Hints shown per step, per profile visit; they open one at a time. */
  const hintsShown = ref<Partial<Record<LessonStepId, number>>>({});
  const nightlight = useNightlightStore();
  /** Counts states taken in, so an answer that was overtaken on the way does not undo a newer one. */
  let applied = 0;
  const notes = createNotesDraft(async (patch) => Boolean(await callInto(bridge, notesError, 'lesson.saveNotes', patch)));

  const steps = computed(() => state.value?.steps ?? []);
  const activeProfile = computed(() => state.value?.profiles.find((profile) => profile.id === state.value?.activeProfileId) ?? null);
  const passedCount = computed(() => steps.value.filter((step) => step.state === 'passed').length);
  const answers = computed(() => new Map<QuizQuestionId, QuizAnswer>((state.value?.answers ?? []).map((answer) => [answer.questionId, answer])));

  function stepById(id: LessonStepId): LessonStep | undefined {
    return steps.value.find((step) => step.id === id);
  }

  /** A new state from the lab; another profile (or a reset: `fresh`) starts the page's own memory afresh. */
  function apply(next: LessonState, fresh = false): void {
    applied++;
    const previous = state.value;
    state.value = next;
    // Another student: the nightlight's device and server move to their <ID>, so the checks watch what runs.
    if (previous && previous.studentId !== next.studentId) void nightlight.setStudentId(next.studentId);
    if (fresh || !previous || previous.activeProfileId !== next.activeProfileId) {
      notes.replace(next);
      hintsShown.value = {};
      if (previous) section.value = firstSection(next);
    } else notes.adopt(next);
    section.value ??= firstSection(next);
  }

  function firstSection(next: LessonState): LessonSection {
    if (!next.answers.some((answer) => answer.questionId.startsWith('pre-'))) return 'pre-quiz';
    return next.steps.find((step) => step.state !== 'passed')?.id ?? 'post-quiz';
  }

  bridge.on('lesson.progressChanged', apply);
  hostLinkOf(bridge).onChange((info) => {
    // The host may have restarted: what it saved on disk is the truth now.
    if (info.state === 'open' && loaded.value) void load();
  });

  async function load(): Promise<void> {
    const before = applied;
    const next = await callInto(bridge, error, 'lesson.getState', {});
    if (!next) return;
    // A newer state (an event, or a profile just created) arrived while this one was on its way: keep the newer.
    if (applied === before) apply(next);
    loaded.value = true;
  }

  /** Runs a command that answers with the whole lesson state; notes typed so far are saved first (to the right profile). */
  async function stateCall<K extends StateCommand>(name: K, input: CommandInput<K>, slot = profileError, fresh = false): Promise<boolean> {
    busy.value = true;
    try {
      await notes.flush();
      const next = await callInto(bridge, slot, name, input);
      if (next) apply(next as LessonState, fresh);
      return Boolean(next);
    } finally {
      busy.value = false;
    }
  }

  async function answerQuestion(questionId: QuizQuestionId, optionId: string): Promise<QuizAnswer | undefined> {
    const outcome = await callInto(bridge, quizError, 'lesson.answerQuestion', { questionId, optionId });
    if (!outcome) return undefined;
    apply(outcome.state);
    return outcome.answer;
  }

  function showNextHint(stepId: LessonStepId): void {
    const total = stepById(stepId)?.hintCount ?? 0;
    const shown = hintsShown.value[stepId] ?? 0;
    if (shown < total) hintsShown.value = { ...hintsShown.value, [stepId]: shown + 1 };
  }

  /** The file for the teacher; undefined with `error` set when the lab could not make it. */
  function exportProgress(format: 'json' | 'html') {
    return callInto(bridge, error, 'lesson.exportProgress', { format });
  }

  return {
    state,
    error,
    profileError,
    quizError,
    notesError,
    loaded,
    busy,
    section,
    hintsShown,
    steps,
    activeProfile,
    passedCount,
    answers,
    reflections: notes.reflections,
    assignment: notes.assignment,
    notesSaveState: notes.saveState,
    stepById,
    load,
    select: (next: LessonSection) => void (section.value = next),
    showNextHint,
    answerQuestion,
    createProfile: (name: string, studentId?: string) =>
      stateCall('lesson.createProfile', studentId ? { name, studentId } : { name }),
    selectProfile: (profileId: string) => stateCall('lesson.selectProfile', { profileId }),
    renameProfile: (profileId: string, name: string) => stateCall('lesson.renameProfile', { profileId, name }),
    deleteProfile: (profileId: string) => stateCall('lesson.deleteProfile', { profileId }),
    resetProgress: () => stateCall('lesson.resetProgress', {}, profileError, true),
    recordActivity: (activity: CommandInput<'lesson.recordActivity'>) => stateCall('lesson.recordActivity', activity, error),
    setReflection: (id: ReflectionId, text: string) => notes.setReflection(id, text),
    setAssignment: (text: string) => notes.setAssignment(text),
    flushNotes: () => notes.flush(),
    exportProgress,
  };
});
