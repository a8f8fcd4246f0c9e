// What the Electron shell tells the UI about where passwords go: the OS keychain, or Linux's basic_text / no
// encryption (insecure: saving then needs consent, which the profile store enforces). Uses the mocked electron module.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SafeStorageSecretStore } from '../../../src-main/app/safe-storage-secret-store';
import { ProfileStore } from '../../../src-main/services/profiles/profile-store';
import { PlainSecretStore } from '../../../src-main/services/profiles/secret-store';
import { resetFakeElectron, safeStorage } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(() => resetFakeElectron());

describe('secret storage kind', () => {
  it('is the OS keychain with one, on every platform', async () => {
    expect((await SafeStorageSecretStore.create(safeStorage, 'darwin')).storage).toBe('os-keychain');
    expect((await SafeStorageSecretStore.create(safeStorage, 'win32')).storage).toBe('os-keychain');
    expect((await SafeStorageSecretStore.create(safeStorage, 'linux')).storage).toBe('os-keychain');
  });

  it("is the insecure fallback on Linux without a keyring (basic_text) and where encryption is unavailable", async () => {
    safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    expect((await SafeStorageSecretStore.create(safeStorage, 'linux')).storage).toBe('insecure-fallback');
    resetFakeElectron();
    safeStorage.isAsyncEncryptionAvailable.mockResolvedValue(false);
    expect((await SafeStorageSecretStore.create(safeStorage, 'win32')).storage).toBe('insecure-fallback');
  });

  it('is a plain file in the headless host', () => {
    expect(new PlainSecretStore().storage).toBe('plain-file');
  });

  it('with basic_text, saving a password needs consent; with it, safeStorage seals it', async () => {
    safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mqtt-lab-kind-'));
    try {
      const store = new ProfileStore(path.join(dir, 'profiles.json'), await SafeStorageSecretStore.create(safeStorage, 'linux'));
      expect(store.secretStorage()).toEqual({ kind: 'insecure-fallback', secure: false });
      const input = { id: 'school', name: 'School', kind: 'custom' as const, host: 'h', port: 1883, transport: 'mqtt' as const, clientId: 'c', password: 'pw-1' };
      await expect(store.save(input)).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'password' });
      expect(safeStorage.encryptStringAsync).not.toHaveBeenCalled();
      await store.save({ ...input, insecureStorageConsent: true });
      expect(safeStorage.encryptStringAsync).toHaveBeenCalledWith('pw-1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
