// How profile passwords are sealed at rest. The Electron shell provides a safeStorage-backed store;
// this file holds the interface and the plain fallback for the headless host. It never logs secrets.
import type { SecretStorageKind } from '../../../src-shared/contract/secrets';

export interface SecretStore {
  /** What the UI is told (see src-shared/contract/secrets.ts); only 'os-keychain' saves without consent. */
  readonly storage: SecretStorageKind;
  seal(plain: string): Promise<string>;
  unseal(sealed: string): Promise<string>;
}

const PLAIN_PREFIX = 'plain:';

/**
 * No encryption at all: base64 only keeps passwords from being read over a shoulder.
 * Used where there is no OS keychain (the headless host); `storage: 'plain-file'` lets the UI say so.
 */
export class PlainSecretStore implements SecretStore {
  readonly storage: SecretStorageKind = 'plain-file';

  async seal(plain: string): Promise<string> {
    return PLAIN_PREFIX + Buffer.from(plain, 'utf8').toString('base64');
  }

  async unseal(sealed: string): Promise<string> {
    if (!sealed.startsWith(PLAIN_PREFIX)) {
      throw new Error('This password was sealed by a different secret store (for example the desktop app keychain).');
    }
    return Buffer.from(sealed.slice(PLAIN_PREFIX.length), 'base64').toString('utf8');
  }
}
