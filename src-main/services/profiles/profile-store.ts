// Owns saved broker profiles: the defaults (always present), the user's own profiles and their sealed passwords.
// Passwords are sealed with the SecretStore and never appear in list()/get() output: only hasPassword does.
import { z } from 'zod';
import { LabError } from '../../../src-shared/contract/result';
import {
  brokerProfileSchema,
  profileInputSchema,
  type BrokerProfile,
  type ProfileInput,
} from '../../../src-shared/contract/schemas';
import { readJsonFile, writeFileAtomic } from '../../lib/atomic-file';
import {
  BUILTIN_PROFILE_ID,
  DEFAULT_PROFILE_IDS,
  defaultClientId,
  defaultProfiles,
  randomClientIdSuffix,
} from './default-profiles';
import type { SecretStore } from './secret-store';

const storedProfileSchema = brokerProfileSchema.omit({ hasPassword: true }).extend({ sealedPassword: z.string().optional() });
type StoredProfile = z.infer<typeof storedProfileSchema>;

interface ProfileFile {
  version: 1;
  /** Shared by the default profiles so their client id stays the same across restarts. */
  clientIdSuffix: string;
  profiles: StoredProfile[];
}

/** Keeps every valid profile from whatever was on disk; an entry that fails validation is skipped, not fatal. */
function parseFile(raw: unknown): ProfileFile | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const record = raw as Record<string, unknown>;
  const suffix = typeof record.clientIdSuffix === 'string' && /^[a-z0-9]{1,16}$/.test(record.clientIdSuffix)
    ? record.clientIdSuffix
    : randomClientIdSuffix();
  const profiles: StoredProfile[] = [];
  for (const entry of Array.isArray(record.profiles) ? record.profiles : []) {
    const parsed = storedProfileSchema.safeParse(entry);
    if (parsed.success) profiles.push(parsed.data);
  }
  return { version: 1, clientIdSuffix: suffix, profiles };
}

function toPublic({ sealedPassword, ...profile }: StoredProfile): BrokerProfile {
  return { ...profile, hasPassword: sealedPassword !== undefined };
}

export class ProfileStore {
  private file: ProfileFile | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly filePath: string,
    private readonly secrets: SecretStore,
  ) {}

  list(): Promise<BrokerProfile[]> {
    return this.enqueue(async () => this.merged(await this.load()).map(toPublic));
  }

  get(id: string): Promise<BrokerProfile | undefined> {
    return this.enqueue(async () => {
      const stored = this.find(await this.load(), id);
      return stored ? toPublic(stored) : undefined;
    });
  }

  /** For the main side only (connecting): the profile plus its unsealed password. */
  getWithPassword(id: string): Promise<{ profile: BrokerProfile; password: string | undefined } | undefined> {
    return this.enqueue(async () => {
      const stored = this.find(await this.load(), id);
      if (!stored) return undefined;
      return { profile: toPublic(stored), password: await this.unsealFor(stored) };
    });
  }

  save(input: ProfileInput): Promise<BrokerProfile> {
    return this.enqueue(async () => {
      const file = await this.load();
      const parsed = parseInput(input);
      const existing = this.find(file, parsed.id);
      const { password, ...fields } = parsed;
      const stored: StoredProfile = { ...lockDefaultFields(fields, this.defaultsOf(file)), sealedPassword: existing?.sealedPassword };
      if (!stored.clientId.trim()) stored.clientId = defaultClientId();
      if (password === null) stored.sealedPassword = undefined;
      else if (typeof password === 'string') stored.sealedPassword = await this.secrets.seal(password);
      if (stored.sealedPassword === undefined) delete stored.sealedPassword;
      const others = file.profiles.filter((profile) => profile.id !== stored.id);
      await this.write({ ...file, profiles: [...others, stored] });
      return toPublic(stored);
    });
  }

  /** Deletes a saved profile; for a default profile it only forgets the user's changes. */
  remove(id: string): Promise<void> {
    return this.enqueue(async () => {
      if (id === BUILTIN_PROFILE_ID) {
        throw new LabError('INVALID_INPUT', 'The built-in broker profile cannot be deleted: the lab always needs it. Pick another profile instead.', 'id');
      }
      const file = await this.load();
      if (!this.find(file, id)) throw new LabError('NOT_FOUND', `There is no broker profile "${id}" to delete.`, 'id');
      await this.write({ ...file, profiles: file.profiles.filter((profile) => profile.id !== id) });
    });
  }

  private defaultsOf(file: ProfileFile): StoredProfile[] {
    return defaultProfiles(defaultClientId(file.clientIdSuffix)).map(({ hasPassword: _unused, ...profile }) => profile);
  }

  /** Defaults first (with the user's changes), then the user's own profiles in the order they were made. */
  private merged(file: ProfileFile): StoredProfile[] {
    const saved = new Map(file.profiles.map((profile) => [profile.id, profile]));
    const defaults = this.defaultsOf(file).map((profile) => saved.get(profile.id) ?? profile);
    return [...defaults, ...file.profiles.filter((profile) => !DEFAULT_PROFILE_IDS.has(profile.id))];
  }

  private find(file: ProfileFile, id: string): StoredProfile | undefined {
    return this.merged(file).find((profile) => profile.id === id);
  }

  private async unsealFor(stored: StoredProfile): Promise<string | undefined> {
    if (stored.sealedPassword === undefined) return undefined;
    try {
      return await this.secrets.unseal(stored.sealedPassword);
    } catch {
      throw new LabError(
        'UNAVAILABLE',
        `The saved password of profile "${stored.name}" could not be unlocked on this computer. Type the password again and save the profile.`,
        'password',
      );
    }
  }

  private async load(): Promise<ProfileFile> {
    if (this.file) return this.file;
    const loaded = parseFile(await readJsonFile(this.filePath).catch(() => undefined));
    if (loaded) {
      this.file = loaded;
    } else {
      // First run (or an unreadable file): fix the default client id now so it survives a restart.
      this.file = { version: 1, clientIdSuffix: randomClientIdSuffix(), profiles: [] };
      await this.write(this.file).catch(() => undefined);
    }
    return this.file;
  }

  private async write(file: ProfileFile): Promise<void> {
    await writeFileAtomic(this.filePath, `${JSON.stringify(file, null, 2)}\n`);
    this.file = file;
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function parseInput(input: ProfileInput): z.output<typeof profileInputSchema> {
  const parsed = profileInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || undefined;
  throw new LabError('INVALID_INPUT', `The profile was not saved: ${issue?.message ?? 'some field is not valid'}.`, field);
}

/** Default profiles keep their kind; the built-in one also keeps its address, which the broker decides. */
function lockDefaultFields(fields: Omit<StoredProfile, 'sealedPassword'>, defaults: StoredProfile[]): StoredProfile {
  const original = defaults.find((profile) => profile.id === fields.id);
  if (!original) return { ...fields, kind: fields.kind === 'builtin' ? 'custom' : fields.kind };
  if (original.id !== BUILTIN_PROFILE_ID) return { ...fields, kind: original.kind };
  return { ...fields, kind: original.kind, host: original.host, port: original.port, transport: original.transport, caFile: '' };
}
