// Owns the user's settings file (locale, active broker profile, student id): validated reads, atomic writes.
// A missing or corrupt file gives defaults; it never stores secrets or profiles.
import { LabError } from '../../../src-shared/contract/result';
import { errorText } from '../../../src-shared/i18n/error-text';
import { describeIssue } from '../../lib/describe-issue';
import { settingsSchema, type Settings } from '../../../src-shared/contract/schemas';
import { readJsonFile, writeFileAtomic } from '../../lib/atomic-file';
import { Emitter, type Disposable } from '../../lib/emitter';

type SettingsKey = keyof Settings;

/** Keeps every field that is valid on its own, so one bad value does not reset the others. */
function settingsFromUnknown(raw: unknown): Settings {
  const defaults = settingsSchema.parse({});
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return defaults;
  const result: Record<string, unknown> = { ...defaults };
  for (const key of Object.keys(settingsSchema.shape) as SettingsKey[]) {
    const parsed = settingsSchema.shape[key].safeParse((raw as Record<string, unknown>)[key]);
    if (parsed.success) result[key] = parsed.data;
  }
  return settingsSchema.parse(result);
}

export class SettingsStore {
  private cached: Settings | undefined;
  /** Serializes reads and writes so two quick updates never lose one another. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly emitter = new Emitter<{ changed: { next: Settings; previous: Settings } }>();

  constructor(private readonly filePath: string) {}

  /** After a saved update that changed something (a new student ID from the Lesson's profile bar, a new broker). */
  onChanged(listener: (next: Settings, previous: Settings) => void): Disposable {
    return this.emitter.on('changed', ({ next, previous }) => listener({ ...next }, { ...previous }));
  }

  get(): Promise<Settings> {
    return this.enqueue(async () => ({ ...(await this.load()) }));
  }

  update(patch: Partial<Settings>): Promise<Settings> {
    return this.enqueue(async () => {
      const current = await this.load();
      const parsed = settingsSchema.safeParse({ ...current, ...withoutUndefined(patch) });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const { field, sentence } = issue ? describeIssue(issue) : { field: '', sentence: errorText('errors.settings.notAllowed') };
        throw new LabError('INVALID_INPUT', errorText('errors.settings.notSaved', { reason: sentence }), field || undefined);
      }
      await this.write(parsed.data);
      this.cached = parsed.data;
      if (JSON.stringify(current) !== JSON.stringify(parsed.data)) this.emitter.emit('changed', { next: parsed.data, previous: current });
      return { ...parsed.data };
    });
  }

  private async load(): Promise<Settings> {
    if (!this.cached) {
      const raw = await readJsonFile(this.filePath).catch(() => undefined);
      this.cached = settingsFromUnknown(raw);
      // The student id is generated once; save it at once so it is the same after a restart.
      const savedId = (raw as { studentId?: unknown } | undefined)?.studentId;
      if (savedId !== this.cached.studentId) await this.write(this.cached);
    }
    return this.cached;
  }

  private async write(settings: Settings): Promise<void> {
    await writeFileAtomic(this.filePath, `${JSON.stringify(settings, null, 2)}\n`);
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function withoutUndefined(patch: Partial<Settings>): Partial<Settings> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<Settings>;
}
