// The Board page's small file: paths the student typed, the generated LAN username/password/port (kept, so a flashed
// config.h keeps working after a restart) and the class's students (scrypt hashes only). Validated reads, atomic writes.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { readJsonFile, writeFileAtomic } from '../../lib/atomic-file';

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

const storedSchema = z.object({
  rememberedPaths: z.array(z.string().min(1).max(1024)).max(MAX_REMEMBERED_PATHS).catch([]),
  lan: z
    .object({ username: z.string().min(1).max(64), password: z.string().min(8).max(128), port: z.number().int().min(1).max(65535) })
    .nullable()
    .catch(null),
  students: z
    .array(
      z.object({
        id: z.string().min(1).max(64),
        salt: z.string().min(1).max(256),
        hash: z.string().min(1).max(256),
        addedAtMs: z.number(),
        blocked: z.boolean(),
      }),
    )
    .max(500)
    .catch([])
    .default([]),
});
type Stored = z.infer<typeof storedSchema>;

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
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly filePath: string) {}

  async load(): Promise<void> {
    if (this.data) return;
    const raw = await readJsonFile(this.filePath).catch(() => undefined);
    const parsed = storedSchema.safeParse(raw ?? {});
    this.data = parsed.success ? parsed.data : { rememberedPaths: [], lan: null, students: [] };
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
    const others = (await this.students()).filter((existing) => existing.id !== student.id);
    const students = [...others, { ...student }].sort((a, b) => a.addedAtMs - b.addedAtMs);
    await this.save({ students });
    return students;
  }

  async removeStudent(id: string): Promise<StoredStudent[]> {
    const students = (await this.students()).filter((existing) => existing.id !== id);
    await this.save({ students });
    return students;
  }

  private save(change: Partial<Stored>): Promise<void> {
    const run = this.queue.then(async () => {
      await this.load();
      this.data = { ...(this.data as Stored), ...change };
      await writeFileAtomic(this.filePath, `${JSON.stringify(this.data, null, 2)}\n`);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
