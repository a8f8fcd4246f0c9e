// Owns the lesson's file: student profiles and each one's progress (passed steps, done activities, answers, notes).
// Tolerant reads (a bad profile is skipped, not the whole file) and atomic, serialized writes. No MQTT, no checks.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { FIRST_LESSON_PROFILE_NAME, lessonCheckSchema, MAX_LESSON_PROFILES } from '../../../src-shared/contract/lesson';
import { LabError } from '../../../src-shared/contract/result';
import { errorText } from '../../../src-shared/i18n/error-text';
import { studentIdSchema } from '../../../src-shared/contract/schemas';
import { readJsonFile, writeFileAtomic } from '../../lib/atomic-file';

const progressSchema = z.object({
  /** Step id -> when it passed and what the check said then (null when that sentence is no longer known). A
   *  `check.words` from files before checks had one text shape is dropped, as zod drops unknown keys: no passing
   *  check ever had words. */
  passed: z.record(z.string(), z.object({ atMs: z.number(), check: lessonCheckSchema.nullable().catch(null) })).default({}),
  /** Activity keys like "playground-experiment:qos0-loss". */
  activities: z.array(z.string()).default([]),
  answers: z
    .record(z.string(), z.object({ optionId: z.string(), correct: z.boolean(), attempts: z.number(), answeredAtMs: z.number() }))
    .default({}),
  reflections: z.record(z.string(), z.string()).default({}),
  assignment: z.string().default(''),
});
export type StoredProgress = z.infer<typeof progressSchema>;

const storedProfileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  studentId: studentIdSchema,
  createdAtMs: z.number(),
  updatedAtMs: z.number(),
  progress: progressSchema,
});
export type StoredProfile = z.infer<typeof storedProfileSchema>;

const FILE_VERSION = 1;

export function emptyProgress(): StoredProgress {
  return progressSchema.parse({});
}

export class LessonStore {
  private saving: Promise<void> = Promise.resolve();

  private constructor(
    private readonly filePath: string,
    private readonly profiles: StoredProfile[],
    private activeId: string,
    private readonly now: () => number,
  ) {}

  /** Reads the file; without any valid profile it starts with one named "Student" for the lab's current ID. */
  static async open(filePath: string, studentId: string, now: () => number = Date.now): Promise<LessonStore> {
    const raw = (await readJsonFile(filePath).catch(() => undefined)) as { activeProfileId?: unknown; profiles?: unknown } | undefined;
    const list = Array.isArray(raw?.profiles) ? raw.profiles : [];
    const profiles = list.flatMap((item) => {
      const parsed = storedProfileSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
    const wanted = typeof raw?.activeProfileId === 'string' ? raw.activeProfileId : '';
    const store = new LessonStore(filePath, profiles, wanted, now);
    if (profiles.length === 0) await store.create(FIRST_LESSON_PROFILE_NAME, studentId);
    else if (!profiles.some((profile) => profile.id === wanted)) await store.select(profiles[0]!.id);
    return store;
  }

  get activeProfileId(): string {
    return this.activeId;
  }

  list(): readonly StoredProfile[] {
    return this.profiles;
  }

  active(): StoredProfile {
    return this.require(this.activeId);
  }

  require(profileId: string): StoredProfile {
    const profile = this.profiles.find((item) => item.id === profileId);
    if (!profile) throw new LabError('NOT_FOUND', errorText('errors.lesson.noStudentProfile', { id: profileId }), 'profileId');
    return profile;
  }

  async create(name: string, studentId: string): Promise<StoredProfile> {
    if (this.profiles.length >= MAX_LESSON_PROFILES) {
      throw new LabError('INVALID_INPUT', errorText('errors.lesson.tooManyProfiles', { max: MAX_LESSON_PROFILES }), 'name');
    }
    const atMs = this.now();
    const profile: StoredProfile = { id: `p-${randomBytes(5).toString('hex')}`, name, studentId, createdAtMs: atMs, updatedAtMs: atMs, progress: emptyProgress() };
    this.profiles.push(profile);
    this.activeId = profile.id;
    await this.save();
    return profile;
  }

  async select(profileId: string): Promise<StoredProfile> {
    const profile = this.require(profileId);
    this.activeId = profileId;
    await this.save();
    return profile;
  }

  async delete(profileId: string): Promise<void> {
    this.require(profileId);
    if (this.profiles.length === 1) {
      throw new LabError('INVALID_INPUT', errorText('errors.lesson.onlyProfile'), 'profileId');
    }
    this.profiles.splice(this.profiles.findIndex((item) => item.id === profileId), 1);
    if (this.activeId === profileId) this.activeId = this.profiles[0]!.id;
    await this.save();
  }

  /** Changes one profile in place and saves; returns what change returned. */
  async update<T>(profileId: string, change: (profile: StoredProfile) => T): Promise<T> {
    const profile = this.require(profileId);
    const result = change(profile);
    profile.updatedAtMs = this.now();
    await this.save();
    return result;
  }

  /** Resolves once everything changed so far is on disk. */
  flush(): Promise<void> {
    return this.saving;
  }

  private save(): Promise<void> {
    const text = `${JSON.stringify({ version: FILE_VERSION, activeProfileId: this.activeId, profiles: this.profiles }, null, 2)}\n`;
    // Chained, so two quick changes are written in order and the last one wins on disk.
    const next = this.saving.then(() => writeFileAtomic(this.filePath, text));
    this.saving = next.catch(() => undefined);
    return next;
  }
}
