// The Lesson: student profiles and their saved progress, the live checker fed by the watcher, the nightlight's device
// and finished playground experiments, and the batched lesson.progressChanged event. Owns no page logic or text.
import path from 'node:path';
import type { ExplorerExerciseId, LessonState, QuizAnswer, QuizQuestionId, ReflectionId } from '../../../src-shared/contract/lesson';
import type { DeviceState } from '../../../src-shared/contract/nightlight';
import type { ExperimentId, ExperimentProgress } from '../../../src-shared/contract/playground';
import { newStudentId, type BrokerProfile, type Settings } from '../../../src-shared/contract/schemas';
import type { Disposable } from '../../lib/emitter';
import type { Logger } from '../../lib/logger';
import { makeCheck } from './check-text';
import { ExerciseChecker } from './exercise-checker';
import { emptyProgress, LessonStore, type StoredProfile } from './lesson-store';
import { activityKey, CONCEPT_ACTIVITIES, conceptStepsUsing, isExerciseStep, type ActivityRef } from './lesson-steps';
import { buildSteps, profileSummary, type LiveFacts } from './lesson-view';
import { LessonWatcher, type LessonWatcherDeps } from './lesson-watcher';
import { progressHtml, progressJson, type ExportFile } from './progress-export';
import { answerQuestion, answersOf } from './quiz';
import type { RhythmEvent } from './telemetry-rhythm';
import { Coalescer } from './coalescer';

export interface LessonServiceDeps {
  dataDir: string;
  clients: LessonWatcherDeps['clients'];
  settings: { get(): Promise<Settings>; update(patch: Partial<Settings>): Promise<Settings> };
  getProfile: (profileId: string) => Promise<BrokerProfile | undefined>;
  onExperimentProgressed: (listener: (progress: ExperimentProgress) => void) => Disposable;
  deviceState: () => DeviceState;
  onDeviceChanged: (listener: (device: DeviceState) => void) => Disposable;
  publish: (state: LessonState) => void;
  /** Another student's profile was picked: lab parts that followed the old ID (the virtual nightlight) move to the new one. */
  followStudentId?: (previousId: string, nextId: string) => Promise<void>;
  logger: Logger;
  now?: () => number;
  /** How often settings are re-read (ID or broker changed elsewhere) and timeouts are checked. */
  pollMs?: number;
  /** lesson.progressChanged at most once per this many ms. */
  eventIntervalMs?: number;
}

export type RecordedActivity = { kind: 'explorer-exercise'; id: ExplorerExerciseId } | { kind: 'playground-experiment'; id: ExperimentId };

export class LessonService {
  private readonly now: () => number;
  private readonly watcher: LessonWatcher;
  private readonly events: Coalescer;
  private readonly disposables: Disposable[] = [];
  private live: LiveFacts;
  private watchKey = '';
  private lastPublished = '';
  private following: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;

  private constructor(
    private readonly deps: LessonServiceDeps,
    private readonly store: LessonStore,
  ) {
    this.now = deps.now ?? Date.now;
    this.watcher = new LessonWatcher({ clients: deps.clients, logger: deps.logger, now: this.now });
    this.events = new Coalescer(deps.eventIntervalMs ?? 100, () => this.publishIfChanged());
    this.live = this.freshLive(store.active(), false);
  }

  static async create(deps: LessonServiceDeps): Promise<LessonService> {
    const { studentId } = await deps.settings.get();
    const store = await LessonStore.open(path.join(deps.dataDir, 'lesson', 'progress.json'), studentId, deps.now);
    return new LessonService(deps, store);
  }

  /** Starts watching: the active profile's ID on the lab's active broker. */
  async start(): Promise<void> {
    this.disposables.push(
      this.deps.onExperimentProgressed((progress) => {
        if (progress.state === 'finished') void this.markActivity(this.store.activeProfileId, { kind: 'playground-experiment', id: progress.experimentId });
      }),
      this.deps.onDeviceChanged((device) => {
        this.live.checker.deviceChanged(device);
        this.events.mark();
      }),
    );
    this.timer = setInterval(() => this.poll(), this.deps.pollMs ?? 1000);
    await this.follow();
  }

  getState(): LessonState {
    const profile = this.store.active();
    return {
      profiles: this.store.list().map(profileSummary),
      activeProfileId: profile.id,
      studentId: profile.studentId,
      steps: buildSteps(profile, this.live),
      answers: answersOf(profile.progress),
      reflections: { ...profile.progress.reflections },
      assignment: profile.progress.assignment,
      watch: this.watcher.state(),
    };
  }

  async createProfile(name: string, studentId?: string): Promise<LessonState> {
    return this.useActiveProfile(() => this.store.create(name, studentId ?? newStudentId()));
  }

  async selectProfile(profileId: string): Promise<LessonState> {
    return this.useActiveProfile(() => this.store.select(profileId));
  }

  async renameProfile(profileId: string, name: string): Promise<LessonState> {
    await this.store.update(profileId, (profile) => (profile.name = name));
    return this.changed();
  }

  async deleteProfile(profileId: string): Promise<LessonState> {
    const wasActive = profileId === this.store.activeProfileId;
    if (wasActive) return this.useActiveProfile(() => this.store.delete(profileId));
    await this.store.delete(profileId);
    return this.changed();
  }

  async resetProgress(profileId: string = this.store.activeProfileId): Promise<LessonState> {
    await this.store.update(profileId, (profile) => (profile.progress = emptyProgress()));
    // The live checker forgets what it counted too, so the student starts the exercises again from nothing.
    if (profileId === this.store.activeProfileId) this.watchKey = '';
    await this.follow();
    return this.changed();
  }

  async answerQuestion(questionId: QuizQuestionId, optionId: string): Promise<{ answer: QuizAnswer; state: LessonState }> {
    const profileId = this.store.activeProfileId;
    const answer = await this.store.update(profileId, (profile) => answerQuestion(profile.progress, questionId, optionId, this.now()));
    if (answer.correct) await this.markActivity(profileId, { kind: 'question', id: questionId });
    return { answer, state: this.changed() };
  }

  async saveNotes(notes: { reflections?: Partial<Record<ReflectionId, string>>; assignment?: string }): Promise<LessonState> {
    await this.store.update(this.store.activeProfileId, (profile) => {
      for (const [id, text] of Object.entries(notes.reflections ?? {})) if (text !== undefined) profile.progress.reflections[id] = text;
      if (notes.assignment !== undefined) profile.progress.assignment = notes.assignment;
    });
    return this.changed();
  }

  async recordActivity(activity: RecordedActivity): Promise<LessonState> {
    await this.markActivity(this.store.activeProfileId, activity);
    return this.changed();
  }

  exportProgress(format: 'json' | 'html', profileId: string = this.store.activeProfileId): ExportFile {
    const profile = this.store.require(profileId);
    const live = profileId === this.store.activeProfileId ? this.live : this.freshLive(profile, false);
    const steps = buildSteps(profile, live);
    return format === 'json' ? progressJson(profile, steps, this.now()) : progressHtml(profile, steps, this.now());
  }

  /** Resolves once every change so far is saved. */
  flush(): Promise<void> {
    return this.store.flush();
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    clearInterval(this.timer);
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.events.dispose();
    await this.watcher.dispose();
    await this.following.catch(() => undefined);
    await this.store.flush().catch(() => undefined);
  }

  /** The poll marks a change every second; only a state that really differs becomes an event. */
  private publishIfChanged(): void {
    const state = this.getState();
    const text = JSON.stringify(state);
    if (text === this.lastPublished) return;
    this.lastPublished = text;
    this.deps.publish(state);
  }

  private changed(): LessonState {
    this.events.mark();
    return this.getState();
  }

  /**
   * Changes which profile is active, then the active profile's ID becomes the lab's ID, and the checker follows it.
   * The change and the new ID happen in the follow queue: a once-a-second follow running in between would otherwise
   * read the old ID from settings and write it into the new profile.
   */
  private async useActiveProfile(changeActive: () => Promise<unknown>): Promise<LessonState> {
    await this.inFollowQueue(async () => {
      await changeActive();
      const previousId = (await this.deps.settings.get()).studentId;
      const nextId = this.store.active().studentId;
      await this.deps.settings.update({ studentId: nextId });
      if (previousId !== nextId) {
        await this.deps.followStudentId?.(previousId, nextId).catch((error) => this.deps.logger.warn('Lab parts could not follow the new ID', error));
      }
    });
    await this.follow();
    return this.changed();
  }

  private poll(): void {
    this.live.checker.tick(this.now());
    this.events.mark();
    void this.follow();
  }

  /** Re-reads settings and the broker profile; a new ID, broker or profile means a fresh checker and watch. One at a time. */
  private follow(): Promise<void> {
    const next = this.inFollowQueue(() => this.followOnce());
    return next.catch((error) => this.deps.logger.warn('The lesson could not follow the lab settings', error));
  }

  /** Runs after everything queued before it; the queue goes on even when a run fails (the caller sees the failure). */
  private inFollowQueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.following.then(work);
    this.following = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async followOnce(): Promise<void> {
    if (this.disposed) return;
    const settings = await this.deps.settings.get();
    let profile = this.store.active();
    // The lab's ID is the truth: changed elsewhere (settings.update), it becomes the active student's ID.
    if (settings.studentId !== profile.studentId) {
      await this.store.update(profile.id, (stored) => (stored.studentId = settings.studentId));
      profile = this.store.active();
    }
    const broker = await this.deps.getProfile(settings.activeProfileId);
    const profileKind = broker?.kind ?? 'builtin';
    const key = `${profile.id}|${profile.studentId}|${settings.activeProfileId}`;
    if (key === this.watchKey || this.disposed) return;
    this.watchKey = key;
    this.live = this.freshLive(profile, profileKind === 'builtin');
    this.live.checker.deviceChanged(this.deps.deviceState());
    this.events.mark();
    const target = { profileId: settings.activeProfileId, profileKind, studentId: profile.studentId };
    await this.watcher.watch(target, {
      clientConnected: (clientId) => this.fromWatch(() => this.live.checker.clientConnected(clientId)),
      clientSubscribed: (clientId, filters) => this.fromWatch(() => this.live.checker.clientSubscribed(clientId, filters)),
      message: (topic, text, atMs) => this.fromWatch(() => this.live.checker.message(topic, text, atMs)),
      statusChanged: () => this.events.mark(),
    });
  }

  private fromWatch(work: () => void): void {
    work();
    this.events.mark();
  }

  private freshLive(profile: StoredProfile, seesClients: boolean): LiveFacts {
    const profileId = profile.id;
    const passed = new Set(Object.keys(profile.progress.passed).filter(isExerciseStep));
    const live: LiveFacts = { droppedAwaySeconds: null, checker: undefined as unknown as ExerciseChecker };
    live.checker = new ExerciseChecker({
      studentId: profile.studentId,
      seesClients,
      isLabClient: (clientId) => this.watcher.isLabClient(clientId),
      passed,
      onPassed: (step, check) => void this.savePass(profileId, step, check),
      onRhythm: (event) => this.rhythm(profileId, live, event),
    });
    return live;
  }

  private rhythm(profileId: string, live: LiveFacts, event: RhythmEvent): void {
    if (event.kind === 'rate-changed') void this.markActivity(profileId, { kind: 'observation', id: 'telemetry-rate-changed' });
    else if (event.kind === 'replayed') void this.markActivity(profileId, { kind: 'observation', id: 'store-and-forward-replayed' });
    else live.droppedAwaySeconds = Math.round(event.awayMs / 1000);
  }

  private async savePass(profileId: string, step: string, check: ReturnType<typeof makeCheck>): Promise<void> {
    try {
      await this.store.update(profileId, (profile) => {
        profile.progress.passed[step] ??= { atMs: this.now(), check };
      });
    } catch (error) {
      this.deps.logger.warn(`The lesson could not save that ${step} passed`, error);
    }
    this.events.mark();
  }

  /** Notes a done activity once, and passes every concept step whose activities are now all done. */
  private async markActivity(profileId: string, activity: ActivityRef): Promise<void> {
    const key = activityKey(activity);
    try {
      await this.store.update(profileId, (profile) => {
        const done = new Set(profile.progress.activities);
        if (done.has(key)) return;
        done.add(key);
        profile.progress.activities = [...done];
        for (const step of conceptStepsUsing(activity)) {
          if (CONCEPT_ACTIVITIES[step].every((item) => done.has(activityKey(item)))) {
            profile.progress.passed[step] ??= { atMs: this.now(), check: makeCheck('concept-passed') };
          }
        }
      });
    } catch (error) {
      this.deps.logger.warn(`The lesson could not save the activity ${key}`, error);
    }
    this.events.mark();
  }
}
