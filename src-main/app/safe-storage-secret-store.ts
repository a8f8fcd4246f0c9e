// Profile passwords sealed with Electron's safeStorage (the OS keychain). Never logs or returns a secret
// anywhere but to its caller. Where no keychain exists it falls back to the plain store and says so ('insecure-fallback').
import { safeStorage, type SafeStorage } from 'electron';
import { LabError } from '../../src-shared/contract/result';
import type { SecretStorageKind } from '../../src-shared/contract/secrets';
import { PlainSecretStore, type SecretStore } from '../services/profiles/secret-store';

export type SafeStorageApi = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

const SAFE_PREFIX = 'safe:';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export class SafeStorageSecretStore implements SecretStore {
  private readonly plain = new PlainSecretStore();

  private constructor(
    private readonly api: SafeStorageApi,
    /** Encryption works at all (possibly with a fixed key, see `keychain`). */
    private readonly available: boolean,
    /** The key is kept by an OS keychain, not built into Chromium. */
    private readonly keychain: boolean,
  ) {}

  /** Without a keychain (basic_text, or no encryption at all) the password is only obfuscated: the user must agree. */
  get storage(): SecretStorageKind {
    return this.keychain ? 'os-keychain' : 'insecure-fallback';
  }

  /**
   * Call after the app is ready: before that the keychain is not known.
   * On Linux the "basic_text" backend encrypts with a key built into Chromium, so it is not secure.
   */
  static async create(storage: SafeStorageApi = safeStorage, platform: NodeJS.Platform = process.platform) {
    const available = await storage.isAsyncEncryptionAvailable();
    const weakBackend = platform === 'linux' && ['basic_text', 'unknown'].includes(storage.getSelectedStorageBackend());
    return new SafeStorageSecretStore(storage, available, available && !weakBackend);
  }

  async seal(plain: string): Promise<string> {
    if (!this.available) return this.plain.seal(plain);
    const encrypted = await this.api.encryptStringAsync(plain);
    return SAFE_PREFIX + encrypted.toString('base64');
  }

  async unseal(sealed: string): Promise<string> {
    if (!sealed.startsWith(SAFE_PREFIX)) return this.plain.unseal(sealed);
    const encoded = sealed.slice(SAFE_PREFIX.length);
    if (!this.available || !BASE64.test(encoded)) throw cannotUnlock();
    try {
      const { result } = await this.api.decryptStringAsync(Buffer.from(encoded, 'base64'));
      return result;
    } catch {
      throw cannotUnlock();
    }
  }
}

function cannotUnlock(): LabError {
  return new LabError(
    'UNAVAILABLE',
    "The saved password for this broker can't be unlocked on this computer (it was saved by another user or on another computer). Type the password again and save the profile.",
    'password',
  );
}
