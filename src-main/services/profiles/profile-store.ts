// Owns saved broker profiles: the defaults (always present), the user's own profiles and their sealed passwords.
// Passwords are sealed with the SecretStore and never appear in list()/get() output: only hasPassword does. Without an
// OS keychain a password is written only with the user's consent; otherwise it is kept in memory for this session.
import { z } from 'zod';
import { LabError } from '../../../src-shared/contract/result';
import { errorText } from '../../../src-shared/i18n/error-text';
import { describeIssue } from '../../lib/describe-issue';
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
import type { SecretStorage } from '../../../src-shared/contract/secrets';
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

function toPublic({ sealedPassword, ...profile }: StoredProfile, sessionPassword?: string): BrokerProfile {
  const sessionOnly = sealedPassword === undefined && sessionPassword !== undefined;
  return { ...profile, hasPassword: sealedPassword !== undefined || sessionOnly, ...(sessionOnly ? { passwordSessionOnly: true } : {}) };
}

function consentNeeded(kind: SecretStorage['kind']): LabError {
  const key = kind === 'plain-file' ? 'errors.profiles.consentPlainFile' : 'errors.profiles.consentNoKeychain';
  return new LabError('INVALID_INPUT', errorText(key), 'password');
}

export class ProfileStore {
  private file: ProfileFile | undefined;
  /** Passwords the user chose not to write to disk: kept here until the lab closes. */
  private readonly sessionPasswords = new Map<string, string>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly filePath: string,
    private readonly secrets: SecretStore,
  ) {}

  list(): Promise<BrokerProfile[]> {
    return this.enqueue(async () => this.merged(await this.load()).map((stored) => this.publicOf(stored)));
  }

  secretStorage(): SecretStorage {
    return { kind: this.secrets.storage, secure: this.secrets.storage === 'os-keychain' };
  }

  get(id: string): Promise<BrokerProfile | undefined> {
    return this.enqueue(async () => {
      const stored = this.find(await this.load(), id);
      return stored ? this.publicOf(stored) : undefined;
    });
  }

  /** For the main side only (connecting): the profile plus its unsealed password. */
  getWithPassword(id: string): Promise<{ profile: BrokerProfile; password: string | undefined } | undefined> {
    return this.enqueue(async () => {
      const stored = this.find(await this.load(), id);
      if (!stored) return undefined;
      const sessionPassword = this.sessionPasswords.get(stored.id);
      return { profile: this.publicOf(stored), password: sessionPassword ?? (await this.unsealFor(stored)) };
    });
  }

  save(input: ProfileInput): Promise<BrokerProfile> {
    return this.enqueue(async () => {
      const file = await this.load();
      const parsed = parseInput(input);
      const existing = this.find(file, parsed.id);
      const { password, insecureStorageConsent, sessionOnlyPassword, ...fields } = parsed;
      const stored: StoredProfile = { ...lockDefaultFields(fields, this.defaultsOf(file)), sealedPassword: existing?.sealedPassword };
      if (!stored.clientId.trim()) stored.clientId = defaultClientId();
      if (typeof password === 'string' && !sessionOnlyPassword && this.secrets.storage !== 'os-keychain' && !insecureStorageConsent) {
        throw consentNeeded(this.secrets.storage);
      }
      if (password === null || (typeof password === 'string' && sessionOnlyPassword)) stored.sealedPassword = undefined;
      else if (typeof password === 'string') stored.sealedPassword = await this.secrets.seal(password);
      if (stored.sealedPassword === undefined) delete stored.sealedPassword;
      const others = file.profiles.filter((profile) => profile.id !== stored.id);
      await this.write({ ...file, profiles: [...others, stored] });
      // Only after the write worked: a session password replaces whatever was saved, a saved one ends the session one.
      if (typeof password === 'string' && sessionOnlyPassword) this.sessionPasswords.set(stored.id, password);
      else if (password !== undefined) this.sessionPasswords.delete(stored.id);
      return this.publicOf(stored);
    });
  }

  /** Deletes a saved profile; for a default profile it only forgets the user's changes. */
  remove(id: string): Promise<void> {
    return this.enqueue(async () => {
      if (id === BUILTIN_PROFILE_ID) {
        throw new LabError('INVALID_INPUT', errorText('errors.profiles.builtinDelete'), 'id');
      }
      const file = await this.load();
      if (!this.find(file, id)) throw new LabError('NOT_FOUND', errorText('errors.profiles.noneToDelete', { id }), 'id');
      await this.write({ ...file, profiles: file.profiles.filter((profile) => profile.id !== id) });
      this.sessionPasswords.delete(id);
    });
  }

  private publicOf(stored: StoredProfile): BrokerProfile {
    return toPublic(stored, this.sessionPasswords.get(stored.id));
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
      throw new LabError('UNAVAILABLE', errorText('errors.profiles.passwordLocked', { name: stored.name }), 'password');
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
  const { field, sentence } = issue ? describeIssue(issue) : { field: '', sentence: errorText('errors.profiles.someField') };
  throw new LabError('INVALID_INPUT', errorText('errors.profiles.notSaved', { reason: sentence }), field || undefined);
}

/** Default profiles keep their kind; the built-in one also keeps its address, which the broker decides. */
function lockDefaultFields(fields: Omit<StoredProfile, 'sealedPassword'>, defaults: StoredProfile[]): StoredProfile {
  const original = defaults.find((profile) => profile.id === fields.id);
  if (!original) return { ...fields, kind: fields.kind === 'builtin' ? 'custom' : fields.kind };
  if (original.id !== BUILTIN_PROFILE_ID) return { ...fields, kind: original.kind };
  return { ...fields, kind: original.kind, host: original.host, port: original.port, transport: original.transport, caFile: '' };
}
