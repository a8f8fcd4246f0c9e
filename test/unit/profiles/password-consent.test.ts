// Saving a broker password where there is no OS keychain: refused without the user's consent ("Save it anyway"),
// written with it, and kept only in memory for this session when the user chose not to save it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProfileInput } from '../../../src-shared/contract/schemas';
import { ProfileStore } from '../../../src-main/services/profiles/profile-store';
import { PlainSecretStore, type SecretStore } from '../../../src-main/services/profiles/secret-store';

const PASSWORD = 'correct-horse-42';

function school(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return { id: 'school', name: 'School broker', kind: 'custom', host: '192.168.1.20', port: 1883, transport: 'mqtt', clientId: 'student-7', username: 'class9', ...overrides };
}

/** Seals by reversing, like a keychain that never writes the plain text. */
const keychain: SecretStore = {
  storage: 'os-keychain',
  seal: async (plain) => `sealed(${[...plain].reverse().join('')})`,
  unseal: async (sealed) => [...sealed.slice(7, -1)].reverse().join(''),
};

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mqtt-lab-consent-'));
  file = path.join(dir, 'profiles.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function onDisk(): string {
  return readFileSync(file, 'utf8');
}

describe('saving a password without an OS keychain', () => {
  it('tells the renderer what the storage is', () => {
    expect(new ProfileStore(file, new PlainSecretStore()).secretStorage()).toEqual({ kind: 'plain-file', secure: false });
    expect(new ProfileStore(file, keychain).secretStorage()).toEqual({ kind: 'os-keychain', secure: true });
  });

  it('is refused without consent, with a sentence that says what to do, and nothing is written', async () => {
    const store = new ProfileStore(file, new PlainSecretStore());
    await expect(store.save(school({ password: PASSWORD }))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'password',
      message: expect.stringMatching(/anyone who can read that file can read the password.*"Save it anyway"/),
      // The same sentence as a key, so the dialog can say it in Telugu.
      text: { key: 'errors.profiles.consentPlainFile' },
    });
    expect(await store.get('school')).toBeUndefined();
  });

  it('is saved with consent, and still there after a restart', async () => {
    await new ProfileStore(file, new PlainSecretStore()).save(school({ password: PASSWORD, insecureStorageConsent: true }));
    const again = new ProfileStore(file, new PlainSecretStore());
    expect((await again.get('school'))?.hasPassword).toBe(true);
    expect((await again.getWithPassword('school'))?.password).toBe(PASSWORD);
  });

  it('session only: used for connecting now, never written, gone after a restart', async () => {
    const store = new ProfileStore(file, new PlainSecretStore());
    const saved = await store.save(school({ password: PASSWORD, sessionOnlyPassword: true }));
    expect(saved).toMatchObject({ hasPassword: true, passwordSessionOnly: true });
    expect((await store.getWithPassword('school'))?.password).toBe(PASSWORD);
    expect(onDisk()).not.toContain(PASSWORD);
    expect(onDisk()).not.toContain(Buffer.from(PASSWORD).toString('base64'));
    expect(onDisk()).not.toContain('sealedPassword');
    const restarted = new ProfileStore(file, new PlainSecretStore());
    expect(await restarted.get('school')).toMatchObject({ hasPassword: false });
    expect((await restarted.getWithPassword('school'))?.password).toBeUndefined();
  });

  it('a session-only password replaces a saved one on disk; saving one later ends the session one', async () => {
    const store = new ProfileStore(file, new PlainSecretStore());
    await store.save(school({ password: 'old-saved-one', insecureStorageConsent: true }));
    await store.save(school({ password: PASSWORD, sessionOnlyPassword: true }));
    expect(onDisk()).not.toContain('sealedPassword');
    expect((await store.getWithPassword('school'))?.password).toBe(PASSWORD);
    await store.save(school({ password: 'now-saved', insecureStorageConsent: true }));
    expect((await store.get('school'))?.passwordSessionOnly).toBeUndefined();
    expect((await new ProfileStore(file, new PlainSecretStore()).getWithPassword('school'))?.password).toBe('now-saved');
  });

  it('with an OS keychain it saves without asking', async () => {
    await new ProfileStore(file, keychain).save(school({ password: PASSWORD }));
    expect(onDisk()).not.toContain(PASSWORD);
    expect((await new ProfileStore(file, keychain).getWithPassword('school'))?.password).toBe(PASSWORD);
  });

  it('keeping the saved password (none typed) needs no consent', async () => {
    const store = new ProfileStore(file, new PlainSecretStore());
    await expect(store.save(school({ name: 'Renamed' }))).resolves.toMatchObject({ name: 'Renamed', hasPassword: false });
  });
});
