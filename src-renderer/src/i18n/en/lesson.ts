// English strings of the Lesson page (and the header's language switcher). Part of locales/en.ts; other locales mirror its keys.
// The lesson's content comes from src-shared/contract/lesson-text-en.ts; the page's own words (buttons, labels) live here.

import { lessonTextEn, toVueI18nMessages } from '../../../../src-shared/contract/lesson-text-en';
import { lessonWordsEn } from '../../../../src-shared/i18n/en/lesson-words';
import lessonQuiz from './lesson-quiz';

/** Plain strings instead of the literal types of `as const`, so another locale can say them in its own words. */
type Widen<T> = T extends string ? string : { -readonly [K in keyof T]: Widen<T[K]> };

/** The lesson's own text (steps, hints, check sentences, questions, reflections, assignment) is shared with the
 * main side's export, so both say the same. Feedback is per answer here (answerFeedback); the export's words stay there. */
function lessonContent() {
  const { steps, checks, questions, reflections, assignment } = lessonTextEn;
  const askable = Object.fromEntries(Object.entries(questions).map(([id, { text, options }]) => [id, { text, options }]));
  const content = { steps, checks, questions: askable as { [K in keyof typeof questions]: Omit<(typeof questions)[K], 'feedback'> }, reflections, assignment };
  return withIdPlaceholder(toVueI18nMessages(content)) as Widen<typeof content>;
}

/** The shared text writes the student's ID as <ID>; on screen it is the real one ({id}), and no HTML-like tag. */
function withIdPlaceholder<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('<ID>', '{id}') as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withIdPlaceholder(inner)])) as T;
}

export default {
  title: 'Lesson',
  description: 'Follow the MQTT lesson of IoT for Beginners step by step, with checks that tell you when each step works.',
  switcher: { label: 'Language' },
  progress: {
    summary: '{passed} of {total} steps done',
    barLabel: 'Lesson progress',
  },
  watch: {
    watching: 'Watching {filter} on {broker}',
    builtin: 'the built-in broker',
    notConnected: 'Not watching yet: {message}',
    notConnectedNoReason: 'Not watching yet: the lesson is not connected to the broker.',
    publicNote: 'On a public broker the lesson only sees messages, not who connects: some checks pass when your messages arrive.',
  },
  profiles: {
    title: 'Student',
    pick: 'Student profile',
    option: '{name} ({passed} of {total})',
    firstName: 'Student',
    yourId: 'Your ID: {id}',
    new: 'New student',
    rename: 'Rename',
    reset: 'Reset progress',
    delete: 'Delete profile',
    exportJson: 'Export for the teacher',
    exportHtml: 'Export as a web page',
    exported: 'Saved {name}.',
    print: 'Print',
    actions: 'Profile actions',
    teacher: 'For the teacher',
    nameLabel: 'Name',
    namePlaceholder: 'Asha',
    idLabel: 'ID for your topics (optional)',
    idHelp: 'Leave it empty and the lab makes one for you. It becomes the start of your topics, like ID/telemetry.',
    create: 'Create',
    save: 'Save name',
    cancel: 'Cancel',
    confirmReset: 'Reset all progress of {name}? Checks, answers, notes and the assignment are forgotten. This cannot be undone.',
    confirmResetYes: 'Yes, reset',
    confirmDelete: 'Delete the profile {name} and all of its progress? This cannot be undone.',
    confirmDeleteYes: 'Yes, delete',
  },
  contents: {
    label: 'Lesson contents',
    before: 'Before',
    steps: 'Steps',
    after: 'After',
    preQuiz: 'Quiz before the lesson',
    postQuiz: 'Quiz after the lesson',
    reflection: 'Think about it',
    assignment: 'Assignment',
    passed: 'done',
    inProgress: 'started',
    notStarted: 'not started',
  },
  step: {
    kind: { exercise: 'Exercise', concept: 'Idea' },
    heading: 'Step {number}: {title}',
    todo: 'What to do',
    goTo: {
      explorer: 'Take me to the Explorer',
      playground: 'Take me to the Playground',
      nightlight: 'Take me to the Nightlight',
      board: 'Take me to the Board',
    },
    goNote: 'Come back to this page when you are done: the check updates by itself.',
    hints: 'Hints',
    showHint: 'Show a hint',
    showNextHint: 'Show the next hint ({shown} of {total} shown)',
    allHints: 'All {total} hints are shown.',
    hintNumber: 'Hint {number}',
    previous: 'Previous step',
    next: 'Next step',
    activities: 'To complete',
    activityDone: 'done',
    activityTodo: 'not yet',
  },
  check: {
    title: 'Check',
    passed: 'Passed',
    notYet: 'Not yet',
    expectedLabel: 'What the step needs:',
  },
  ...lessonQuiz,
  ...lessonContent(),
  // Words inside check sentences (on, dark, why a payload failed), sent by the main side as keys.
  ...toVueI18nMessages(lessonWordsEn),
};
