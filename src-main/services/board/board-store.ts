// The Board page's small file: paths the student typed, the generated LAN username/password/port (kept, so a flashed
// config.h keeps working after a restart) and the class's students (scrypt hashes only). Validated reads that keep a
// partly invalid file aside and drop only its bad entries; atomic writes.
import { randomBytes } from 'node:crypto';
import { copyFile } from 'node:fs/promises';
import { z } from 'zod';
import { studentIdSchema } from '../../../src-shared/contract/schemas';
import { readJsonFile, writeFileAtomic } from '../../lib/atomic-file';
import { silentLogger, type Logger } from '../../lib/logger';

export const MAX_REMEMBERED_PATHS = 20;
export const LAN_USERNAME = 'mqttlab-board';
/** 1883 is the lesson's port; when the loopback broker already has it, the LAN listener moves to the next free one. */
export const DEFAULT_LAN_PORT = 1883;

const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 16 characters from 54 (about 92 bits): easy to copy (no 0/O or 1/l/I), far too many to guess. */
export function generatePassword(random: (size: number) => Buffer = randomBytes): string {
  let password = '';
  while (password.length < 16) {
    for (const byte of random(32)) {
      // Bytes at or above 216 (4 * 54) are skipped so every character is equally likely.
      if (byte < 216 && password.length < 16) password += PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length];
    }
  }
  return password;
}

const pathSchema = z.string().min(1).max(1024);
const lanSchema = z.object({ username: z.string().min(1).max(64), password: z.string().min(8).max(128), port: z.number().int().min(1).max(65535) });
const MAX_STUDENTS = 500;
const studentSchema = z.object({
  id: studentIdSchema,
  salt: z.string().min(1).max(256),
  hash: z.string().min(1).max(256),
  addedAtMs: z.number(),
  blocked: z.boolean(),
});
const storedSchema = z.object({
  rememberedPaths: z.array(pathSchema).max(MAX_REMEMBERED_PATHS).default([]),
  lan: lanSchema.nullable().default(null),
  students: z
    .array(studentSchema)
    .max(MAX_STUDENTS)
    .default([])
    .refine((students) => new Set(students.map((student) => student.id)).size === students.length, 'two students with one ID'),
});
type Stored = z.infer<typeof storedSchema>;

/** Each part of a file that is not valid as a whole: keep what is valid, entry by entry (one bad student drops only that one). */
function salvage(raw: unknown): Stored {
  const record = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const entries = (value: unknown) => (Array.isArray(value) ? (value as unknown[]) : []);
  const rememberedPaths = entries(record.rememberedPaths).filter((path): path is string => pathSchema.safeParse(path).success);
  const students: StoredStudent[] = [];
  for (const entry of entries(record.students)) {
    const student = studentSchema.safeParse(entry);
    if (student.success && !students.some((kept) => kept.id === student.data.id)) students.push(student.data);
  }
  const lan = lanSchema.safeParse(record.lan);
  return {
    rememberedPaths: rememberedPaths.slice(0, MAX_REMEMBERED_PATHS),
    lan: lan.success ? lan.data : null,
    students: students.slice(0, MAX_STUDENTS),
  };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || 'file'}: ${issue.message}`)
    .join('; ');
}

export interface LanCredentials {
  username: string;
  password: string;
  /** The port asked for: the one used last time, so the board's config.h still matches. */
  port: number;
}

/** A student's login at rest: never the password itself. */
export interface StoredStudent {
  id: string;
  salt: string;
  hash: string;
  addedAtMs: number;
  blocked: boolean;
}

export class BoardStore {
  private data: Stored | null = null;
  private loading: Promise<void> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly filePath: string,
    private readonly logger: Logger = silentLogger,
  ) {}

  load(): Promise<void> {
    this.loading ??= this.read();
    return this.loading;
  }

  /**
   * A file that is not JSON is kept aside by readJsonFile; one that is JSON but partly not valid is copied aside too
   * (`<file>.corrupt-<time>`), so the next save, which writes only the valid parts, loses nothing the teacher made.
   */
  private async read(): Promise<void> {
    const raw = await readJsonFile(this.filePath).catch(() => undefined);
    const parsed = storedSchema.safeParse(raw ?? {});
    if (parsed.success) {
      this.data = parsed.data;
      return;
    }
    this.data = salvage(raw);
    const aside = `${this.filePath}.corrupt-${Date.now()}`;
    const kept = await copyFile(this.filePath, aside).then(
      () => `kept the file as it was in ${aside}`,
      () => 'could not keep a copy of it',
    );
    const dropped = entryCount(raw, 'students') - this.data.students.length;
    this.logger.warn(
      `Parts of the Board page's saved settings in ${this.filePath} were not valid (${describeIssues(parsed.error)}); ` +
        `using the valid parts (${dropped} student(s) dropped), ${kept}.`,
    );
  }

  rememberedPaths(): string[] {
    return [...(this.data?.rememberedPaths ?? [])];
  }

  async remember(path: string): Promise<void> {
    const paths = this.rememberedPaths().filter((existing) => existing !== path);
    await this.save({ rememberedPaths: [path, ...paths].slice(0, MAX_REMEMBERED_PATHS) });
  }

  async forget(path: string): Promise<void> {
    await this.save({ rememberedPaths: this.rememberedPaths().filter((existing) => existing !== path) });
  }

  /** The LAN credentials, generated (and saved) the first time they are needed. */
  async lanCredentials(): Promise<LanCredentials> {
    await this.load();
    if (this.data?.lan) return { ...this.data.lan };
    const lan = { username: LAN_USERNAME, password: generatePassword(), port: DEFAULT_LAN_PORT };
    await this.save({ lan });
    return { ...lan };
  }

  async updateLan(change: Partial<LanCredentials>): Promise<LanCredentials> {
    const lan = { ...(await this.lanCredentials()), ...change };
    await this.save({ lan });
    return { ...lan };
  }

  async students(): Promise<StoredStudent[]> {
    await this.load();
    return (this.data?.students ?? []).map((student) => ({ ...student }));
  }

  /** Adds the student, or replaces the one with the same id. */
  async putStudent(student: StoredStudent): Promise<StoredStudent[]> {
    const saved = await this.update((data) => {
      const others = data.students.filter((existing) => existing.id !== student.id);
      return { students: [...others, { ...student }].sort((a, b) => a.addedAtMs - b.addedAtMs) };
    });
    return saved.students.map((entry) => ({ ...entry }));
  }

  async removeStudent(id: string): Promise<StoredStudent[]> {
    const saved = await this.update((data) => ({ students: data.students.filter((existing) => existing.id !== id) }));
    return saved.students.map((entry) => ({ ...entry }));
  }

  private async save(change: Partial<Stored>): Promise<void> {
    await this.update(() => change);
  }

  /** Read, change and write in one turn of the queue, so two changes made at once both end up in the file. */
  private update(change: (data: Stored) => Partial<Stored>): Promise<Stored> {
    const run = this.queue.then(async () => {
      await this.load();
      const data: Stored = { ...(this.data as Stored), ...change(this.data as Stored) };
      this.data = data;
      await writeFileAtomic(this.filePath, `${JSON.stringify(data, null, 2)}\n`);
      return data;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function entryCount(raw: unknown, key: string): number {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[key] : undefined;
  return Array.isArray(value) ? value.length : 0;
}
