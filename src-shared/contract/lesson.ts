// Commands and events of the Lesson page: student profiles, the steps that check themselves, quizzes, notes, export.
// Pure schemas and the lesson's fixed structure (ids, links, correct answers); the English text is in lesson-text-en.ts.
import { z } from 'zod';
import { englishError } from '../i18n/error-text';
import { labTextParamsSchema } from './lab-sentence';
import { errorTextSchema, studentIdSchema } from './schemas';
import { experimentIdSchema } from './playground';

/** The lesson's exercises in order: connect, send telemetry, run a server, send commands, obey them, the whole loop. */
export const EXERCISE_STEP_IDS = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6'] as const;
/** The ideas around the exercises; each passes when the student completes its linked lab activities. */
export const CONCEPT_STEP_IDS = [
  'broker-topics-wildcards',
  'qos',
  'retained',
  'keepalive-will',
  'sessions',
  'telemetry-frequency',
  'connectivity-loss',
  'command-topics',
  'security',
] as const;
export const lessonStepIdSchema = z.enum([...EXERCISE_STEP_IDS, ...CONCEPT_STEP_IDS]);
export type LessonStepId = z.infer<typeof lessonStepIdSchema>;

/** The explorer's wildcard-lab exercises (ids of src-renderer/.../explorer/lab/exercises.ts). */
export const explorerExerciseIdSchema = z.enum(['telemetry', 'everything-mine', 'all-telemetry', 'every-temperature', 'system-topics']);
export type ExplorerExerciseId = z.infer<typeof explorerExerciseIdSchema>;

/** Things the checker sees happen by itself (no button): telemetry at a new rate, readings replayed after an outage. */
export const observationIdSchema = z.enum(['telemetry-rate-changed', 'store-and-forward-replayed']);
export type ObservationId = z.infer<typeof observationIdSchema>;

/** The questions: pre-lecture quiz, post-lecture quiz, and one check question for some concept steps. */
export const QUIZ_QUESTIONS = [
  { id: 'pre-always-online', set: 'pre', options: ['yes', 'no'], correct: 'no' },
  { id: 'pre-always-http', set: 'pre', options: ['yes', 'no'], correct: 'no' },
  { id: 'pre-cloud-decides', set: 'pre', options: ['yes', 'no'], correct: 'no' },
  { id: 'post-telemetry-name', set: 'post', options: ['telemetry', 'commands', 'retained'], correct: 'telemetry' },
  { id: 'post-offline-command', set: 'post', options: ['always', 'never', 'depends'], correct: 'depends' },
  { id: 'post-message-queues', set: 'post', options: ['yes', 'no'], correct: 'no' },
  { id: 'check-connectivity', set: 'step', options: ['resend-all-in-order', 'latest-only', 'drop-all'], correct: 'latest-only' },
  { id: 'check-command-topics', set: 'step', options: ['one-shared', 'per-device', 'wildcard'], correct: 'per-device' },
  { id: 'check-security', set: 'step', options: ['private', 'anyone', 'teacher-only'], correct: 'anyone' },
] as const;
export type QuizQuestionId = (typeof QUIZ_QUESTIONS)[number]['id'];
export const quizQuestionIdSchema = z.enum(QUIZ_QUESTIONS.map((question) => question.id) as [QuizQuestionId, ...QuizQuestionId[]]);
export const quizSetSchema = z.enum(['pre', 'post', 'step']);

/** The reflection questions; the student's notes are saved per id. */
export const REFLECTION_IDS = ['many-devices', 'several-sensors', 'assured-delivery', 'unheard-messages', 'command-order'] as const;
export const reflectionIdSchema = z.enum(REFLECTION_IDS);
export type ReflectionId = z.infer<typeof reflectionIdSchema>;
export const MAX_REFLECTION_CHARS = 5000;
export const MAX_ASSIGNMENT_CHARS = 20_000;
/** Student profiles on one computer (a class set); more are refused with an explanation. */
export const MAX_LESSON_PROFILES = 100;
/** The name of the profile the lab makes when there is none; the UI shows it in the student's language. */
export const FIRST_LESSON_PROFILE_NAME = 'Student';

/**
 * One thing a step needs done. explorer-exercise / playground-experiment: the UI reports completion with
 * lesson.recordActivity (experiments are also seen on the main side when they finish); observation: the checker
 * sees it on the broker; question: answered with lesson.answerQuestion.
 */
export const lessonActivitySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('explorer-exercise'), id: explorerExerciseIdSchema, done: z.boolean() }),
  z.object({ kind: z.literal('playground-experiment'), id: experimentIdSchema, done: z.boolean() }),
  z.object({ kind: z.literal('observation'), id: observationIdSchema, done: z.boolean() }),
  z.object({ kind: z.literal('question'), id: quizQuestionIdSchema, done: z.boolean() }),
]);
export type LessonActivity = z.infer<typeof lessonActivitySchema>;

export const lessonRouteSchema = z.enum(['/explorer', '/playground', '/nightlight', '/board', '/lesson']);

/**
 * Where "Take me there" goes. prefill keys are query parameters of that route, values as text:
 * /explorer: section ('topics' | 'wildcards' | 'connection'), exercise (an explorer exercise id), filter.
 * /playground: experiment (an experiment id).
 * /nightlight: section ('device' | 'server' | 'code'), light, telemetryIntervalMs, storeAndForward, multiDevice, language.
 * /board: section ('port' | 'monitor' | 'plot' | 'bridge' | 'lan').
 * Each view applies what it understands (src-renderer/src/lib/use-prefill.ts) and drops it from the address;
 * test/renderer/lesson/take-me-there.test.ts fails when a step sends a key or value its view does not apply.
 */
export const lessonTargetSchema = z.object({
  route: lessonRouteSchema,
  prefill: z.record(z.string(), z.string()),
});
export type LessonTarget = z.infer<typeof lessonTargetSchema>;

/** Every sentence a check can say; the UI translates `lesson.checks.<code>.saw` and `.expected` with params (English in lesson-text-en.ts). */
export const LESSON_CHECK_CODES = [
  'watch-offline',
  'e1-waiting',
  'e1-waiting-external',
  'e1-other-client',
  'e1-client-seen',
  'e1-telemetry-seen',
  'e2-waiting',
  'e2-counting',
  'e2-bad-payload',
  'e2-wrong-topic',
  'e2-passed',
  'e3-waiting',
  'e3-waiting-external',
  'e3-wrong-filter',
  'e3-subscribed',
  'e3-answering',
  'e4-waiting',
  'e4-wrong-topic',
  'e4-bad-payload',
  'e4-wrong-answer',
  'e4-counting',
  'e4-passed',
  'e5-waiting',
  'e5-not-following',
  'e5-counting',
  'e5-passed',
  'e5-passed-unseen-led',
  'e6-waiting',
  'e6-progress',
  'e6-passed',
  'concept-todo',
  'concept-passed',
  'frequency-seen',
  'connectivity-dropped',
] as const;
export const lessonCheckCodeSchema = z.enum(LESSON_CHECK_CODES);
export type LessonCheckCode = z.infer<typeof lessonCheckCodeSchema>;

export const lessonStepStateSchema = z.enum(['not-started', 'in-progress', 'passed']);
export type LessonStepState = z.infer<typeof lessonStepStateSchema>;

export const lessonCheckSchema = z.object({
  code: lessonCheckCodeSchema,
  /** Values for the sentence: topic, expectedTopic, light, count, clientId, filter, ...; a word ('on', 'dark', why a
   *  payload was not understood) is a text itself, which the UI translates as it does any nested text. */
  params: labTextParamsSchema,
  /** English: what the lab saw, e.g. "I see telemetry on `abc/telemetry` but your server answers on `abc/command`." */
  saw: z.string(),
  /** English: what the step needs, e.g. "The lesson's server answers on `abc/commands`." */
  expected: z.string(),
});
export type LessonCheck = z.infer<typeof lessonCheckSchema>;

export const lessonStepSchema = z.object({
  id: lessonStepIdSchema,
  kind: z.enum(['exercise', 'concept']),
  /** 1-based order on the page. */
  number: z.number(),
  state: lessonStepStateSchema,
  /** When it first passed; a passed step stays passed until the progress is reset. */
  passedAtMs: z.number().nullable(),
  check: lessonCheckSchema,
  /** Concept steps: what to complete (all of them). Exercise steps: empty. */
  activities: z.array(lessonActivitySchema),
  target: lessonTargetSchema,
  /** Hints the UI shows one at a time: `lesson.steps.<id>.hints.<n>` for n in 1..hintCount. */
  hintCount: z.number(),
});
export type LessonStep = z.infer<typeof lessonStepSchema>;

export const quizAnswerSchema = z.object({
  questionId: quizQuestionIdSchema,
  optionId: z.string(),
  correct: z.boolean(),
  correctOptionId: z.string(),
  /** How many times it was answered (the last answer counts). */
  attempts: z.number(),
  answeredAtMs: z.number(),
});
export type QuizAnswer = z.infer<typeof quizAnswerSchema>;

export const lessonProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The <ID> of this student's topics; selecting the profile makes it the lab's studentId. */
  studentId: studentIdSchema,
  createdAtMs: z.number(),
  updatedAtMs: z.number(),
  passedCount: z.number(),
  stepCount: z.number(),
});
export type LessonProfile = z.infer<typeof lessonProfileSchema>;

/** What the checker is watching: its own MQTT client "lesson" on the lab's active broker. */
export const lessonWatchSchema = z.object({
  connected: z.boolean(),
  profileId: z.string(),
  profileKind: z.enum(['builtin', 'public', 'custom']),
  brokerUrl: z.string(),
  /** `<ID>/#`. */
  filter: z.string(),
  /** True on the built-in broker: client connects and subscriptions are seen too ($SYS announcements). */
  seesClients: z.boolean(),
  message: z.string().nullable(),
  /** The message as an `errors.*` key, when it has one (the UI translates it). */
  messageText: errorTextSchema().optional(),
});
export type LessonWatch = z.infer<typeof lessonWatchSchema>;

export const lessonStateSchema = z.object({
  profiles: z.array(lessonProfileSchema),
  activeProfileId: z.string(),
  studentId: studentIdSchema,
  steps: z.array(lessonStepSchema),
  answers: z.array(quizAnswerSchema),
  reflections: z.record(z.string(), z.string()),
  assignment: z.string(),
  watch: lessonWatchSchema,
});
export type LessonState = z.infer<typeof lessonStateSchema>;

const noInput = z.object({}).strict().default({});
const profileIdSchema = z.string().min(1, englishError('errors.lesson.pickProfile')).max(64);
const profileNameSchema = z.string().trim().min(1, englishError('errors.lesson.profileName')).max(60, englishError('errors.lesson.profileNameLength'));

export const lessonCommands = {
  'lesson.getState': { input: noInput, output: lessonStateSchema },
  /** Creates and selects a profile; studentId defaults to a fresh one. */
  'lesson.createProfile': {
    input: z.object({ name: profileNameSchema, studentId: studentIdSchema.optional() }).strict(),
    output: lessonStateSchema,
  },
  /** Makes the profile active and its studentId the lab's (settings.studentId), so the whole lab follows it. */
  'lesson.selectProfile': { input: z.object({ profileId: profileIdSchema }).strict(), output: lessonStateSchema },
  'lesson.renameProfile': { input: z.object({ profileId: profileIdSchema, name: profileNameSchema }).strict(), output: lessonStateSchema },
  /** Forgets steps, answers, notes and assignment of the profile (the active one when absent). */
  'lesson.resetProgress': { input: z.object({ profileId: profileIdSchema.optional() }).strict(), output: lessonStateSchema },
  /** The last profile cannot be deleted. */
  'lesson.deleteProfile': { input: z.object({ profileId: profileIdSchema }).strict(), output: lessonStateSchema },
  'lesson.answerQuestion': {
    input: z.object({ questionId: quizQuestionIdSchema, optionId: z.string().min(1, englishError('errors.lesson.pickAnswer')).max(40) }).strict(),
    output: z.object({ answer: quizAnswerSchema, state: lessonStateSchema }),
  },
  /** Saves notes; only the fields given change. */
  'lesson.saveNotes': {
    input: z
      .object({
        reflections: z.partialRecord(reflectionIdSchema, z.string().max(MAX_REFLECTION_CHARS, englishError('errors.lesson.reflectionLength', { max: MAX_REFLECTION_CHARS }))).optional(),
        assignment: z.string().max(MAX_ASSIGNMENT_CHARS, englishError('errors.lesson.assignmentLength', { max: MAX_ASSIGNMENT_CHARS })).optional(),
      })
      .strict(),
    output: lessonStateSchema,
  },
  /** The UI says a wildcard exercise was solved or a playground experiment finished. */
  'lesson.recordActivity': {
    input: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('explorer-exercise'), id: explorerExerciseIdSchema }).strict(),
      z.object({ kind: z.literal('playground-experiment'), id: experimentIdSchema }).strict(),
    ]),
    output: lessonStateSchema,
  },
  /** The progress for the teacher: JSON (machine-readable) or a printable HTML page. */
  'lesson.exportProgress': {
    input: z.object({ format: z.enum(['json', 'html']), profileId: profileIdSchema.optional() }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.string(), text: z.string() }),
  },
} as const;

export const lessonEvents = {
  /** The whole lesson state, coalesced: at most ~10 per second. */
  'lesson.progressChanged': lessonStateSchema,
} as const;
