// Profile passwords sealed with the OS keychain through safeStorage; honest about when that is not secure.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SafeStorageSecretStore } from '../../../src-main/app/safe-storage-secret-store';
import { PlainSecretStore } from '../../../src-main/services/profiles/secret-store';
import { LabError } from '../../../src-shared/contract/result';
import { resetFakeElectron, safeStorage } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(() => resetFakeElectron());

describe('SafeStorageSecretStore', () => {
  it('round-trips a password and never stores it readable', async () => {
    const store = await SafeStorageSecretStore.create(safeStorage, 'darwin');
    const sealed = await store.seal('hunter2-ü');
    expect(sealed).not.toContain('hunter2');
    expect(Buffer.from(sealed.slice(sealed.indexOf(':') + 1), 'base64').toString('utf8')).not.toContain('hunter2');
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledWith('hunter2-ü');
    await expect(store.unseal(sealed)).resolves.toBe('hunter2-ü');
  });

  it('is secure with a real keychain, and not with Linux basic_text or before ready', async () => {
    expect((await SafeStorageSecretStore.create(safeStorage, 'darwin')).storage).toBe('os-keychain');
    expect((await SafeStorageSecretStore.create(safeStorage, 'linux')).storage).toBe('os-keychain');
    safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    expect((await SafeStorageSecretStore.create(safeStorage, 'linux')).storage).toBe('insecure-fallback');
    safeStorage.getSelectedStorageBackend.mockReturnValue('unknown');
    expect((await SafeStorageSecretStore.create(safeStorage, 'linux')).storage).toBe('insecure-fallback');
  });

  it('falls back to the plain store, and says it is not secure, when there is no encryption at all', async () => {
    safeStorage.isAsyncEncryptionAvailable.mockResolvedValue(false);
    const store = await SafeStorageSecretStore.create(safeStorage, 'win32');
    expect(store.storage).toBe('insecure-fallback');
    const sealed = await store.seal('pw');
    expect(safeStorage.encryptStringAsync).not.toHaveBeenCalled();
    await expect(new PlainSecretStore().unseal(sealed)).resolves.toBe('pw');
    await expect(store.unseal(sealed)).resolves.toBe('pw');
  });

  it('explains, as a LabError on the password field, a password it cannot unlock', async () => {
    const store = await SafeStorageSecretStore.create(safeStorage, 'darwin');
    safeStorage.decryptStringAsync.mockRejectedValueOnce(new Error('Error while decrypting the ciphertext provided'));
    const attempt = store.unseal(await store.seal('pw'));
    await expect(attempt).rejects.toBeInstanceOf(LabError);
    await expect(store.unseal('safe:not base64!')).rejects.toMatchObject({ code: 'UNAVAILABLE', field: 'password' });
  });

  it('uses the Electron safeStorage by default', async () => {
    const store = await SafeStorageSecretStore.create(undefined, 'darwin');
    await store.seal('pw');
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledTimes(1);
  });
});
