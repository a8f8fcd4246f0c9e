// ProfileStore: defaults always present, saved profiles survive a restart, passwords stay on the main side.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProfileInput } from '../../../src-shared/contract/schemas';
import { ProfileStore } from '../../../src-main/services/profiles/profile-store';
import { PlainSecretStore, type SecretStore } from '../../../src-main/services/profiles/secret-store';

const DEFAULT_IDS = ['builtin', 'mosquitto-1883', 'mosquitto-tls-8883', 'mosquitto-ws-8080', 'mosquitto-wss-8081'];

function schoolProfile(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    id: 'school',
    name: 'School broker',
    kind: 'custom',
    host: '192.168.1.20',
    port: 1883,
    transport: 'mqtt',
    clientId: 'student-7',
    username: 'class9',
    ...overrides,
  };
}

describe('ProfileStore', () => {
  let dir: string;
  let file: string;
  const secrets = new PlainSecretStore();

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'mqtt-lab-profiles-'));
    file = path.join(dir, 'profiles.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the built-in broker and the four test.mosquitto.org profiles on first run', async () => {
    const profiles = await new ProfileStore(file, secrets).list();
    expect(profiles.map((profile) => profile.id)).toEqual(DEFAULT_IDS);
    const byId = Object.fromEntries(profiles.map((profile) => [profile.id, profile]));
    expect(byId.builtin).toMatchObject({ kind: 'builtin', host: '127.0.0.1', transport: 'mqtt' });
    expect(byId['mosquitto-1883']).toMatchObject({ host: 'test.mosquitto.org', port: 1883, transport: 'mqtt' });
    expect(byId['mosquitto-tls-8883']).toMatchObject({ port: 8883, transport: 'mqtts', verifyCertificate: true });
    expect(byId['mosquitto-ws-8080']).toMatchObject({ port: 8080, transport: 'ws', path: '/mqtt' });
    expect(byId['mosquitto-wss-8081']).toMatchObject({ port: 8081, transport: 'wss' });
    expect(byId.builtin?.clientId).toMatch(/^mqttlab-[a-z0-9]{6}$/);
  });

  it('keeps the same default client id after a restart, and another install gets another one', async () => {
    const first = await new ProfileStore(file, secrets).get('builtin');
    const again = await new ProfileStore(file, secrets).get('builtin');
    const otherInstall = await new ProfileStore(path.join(dir, 'other.json'), secrets).get('builtin');
    expect(again?.clientId).toBe(first?.clientId);
    expect(otherInstall?.clientId).not.toBe(first?.clientId);
  });

  it('keeps a saved profile after a restart, without ever listing its password', async () => {
    await new ProfileStore(file, secrets).save(schoolProfile({ password: 'hunter2', insecureStorageConsent: true }));
    const store = new ProfileStore(file, secrets);
    const listed = await store.list();
    expect(listed.map((profile) => profile.id)).toEqual([...DEFAULT_IDS, 'school']);
    expect(listed.find((profile) => profile.id === 'school')).toMatchObject({ host: '192.168.1.20', username: 'class9', hasPassword: true });
    expect(JSON.stringify(listed)).not.toContain('hunter2');
    expect(JSON.stringify(await store.get('school'))).not.toContain('hunter2');
    expect((await store.getWithPassword('school'))?.password).toBe('hunter2');
  });

  it('keeps the password when it is left out, clears it with null, replaces it with a string', async () => {
    const store = new ProfileStore(file, secrets);
    await store.save(schoolProfile({ password: 'first', insecureStorageConsent: true }));
    expect(await store.save(schoolProfile({ name: 'Renamed' }))).toMatchObject({ name: 'Renamed', hasPassword: true });
    expect((await store.getWithPassword('school'))?.password).toBe('first');
    await store.save(schoolProfile({ password: 'second', insecureStorageConsent: true }));
    expect((await store.getWithPassword('school'))?.password).toBe('second');
    expect(await store.save(schoolProfile({ password: null }))).toMatchObject({ hasPassword: false });
    expect((await new ProfileStore(file, secrets).getWithPassword('school'))?.password).toBeUndefined();
  });

  it('stores the password only in sealed form', async () => {
    const sealing: SecretStore = {
      storage: 'os-keychain',
      seal: async (plain) => `sealed(${[...plain].reverse().join('')})`,
      unseal: async (sealed) => [...sealed.slice(7, -1)].reverse().join(''),
    };
    await new ProfileStore(file, sealing).save(schoolProfile({ password: 'open-sesame' }));
    expect(readFileSync(file, 'utf8')).not.toContain('open-sesame');
    expect((await new ProfileStore(file, sealing).getWithPassword('school'))?.password).toBe('open-sesame');
  });

  it('refuses to delete the built-in broker and keeps it listed', async () => {
    const store = new ProfileStore(file, secrets);
    await expect(store.remove('builtin')).rejects.toMatchObject({ name: 'LabError', code: 'INVALID_INPUT' });
    expect((await store.list()).map((profile) => profile.id)).toContain('builtin');
  });

  it('deletes a saved profile for good, and says so when the profile does not exist', async () => {
    const store = new ProfileStore(file, secrets);
    await store.save(schoolProfile());
    await store.remove('school');
    expect(await new ProfileStore(file, secrets).get('school')).toBeUndefined();
    await expect(store.remove('school')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets a student change a public profile, and deleting it brings the original back', async () => {
    const store = new ProfileStore(file, secrets);
    const original = await store.get('mosquitto-1883');
    await store.save({ ...original!, clientId: 'my-own-id', kind: 'custom' });
    expect(await new ProfileStore(file, secrets).get('mosquitto-1883')).toMatchObject({ clientId: 'my-own-id', kind: 'public' });
    await store.remove('mosquitto-1883');
    expect(await store.get('mosquitto-1883')).toEqual(original);
  });

  it('keeps the built-in broker pointed at this computer even if a save says otherwise', async () => {
    const store = new ProfileStore(file, secrets);
    const builtin = await store.get('builtin');
    const saved = await store.save({ ...builtin!, host: 'example.com', keepaliveSeconds: 30 });
    expect(saved).toMatchObject({ host: '127.0.0.1', kind: 'builtin', keepaliveSeconds: 30 });
  });

  it('refuses an invalid profile with the field at fault', async () => {
    const store = new ProfileStore(file, secrets);
    await expect(store.save(schoolProfile({ port: 70000 }))).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'port' });
    expect(await store.get('school')).toBeUndefined();
  });

  it('gives a new profile without a client id a unique one', async () => {
    const saved = await new ProfileStore(file, secrets).save(schoolProfile({ clientId: '' }));
    expect(saved.clientId).toMatch(/^mqttlab-[a-z0-9]{6}$/);
  });

  it('starts over with the defaults when the file is corrupt', async () => {
    writeFileSync(file, 'not json at all');
    expect((await new ProfileStore(file, secrets).list()).map((profile) => profile.id)).toEqual(DEFAULT_IDS);
  });
});
