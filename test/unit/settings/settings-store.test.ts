// SettingsStore: defaults when the file is missing or corrupt, updates that survive a restart, refusal of bad values.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LabError } from '../../../src-shared/contract/result';
import { SettingsStore } from '../../../src-main/services/settings/settings-store';

describe('SettingsStore', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'mqtt-lab-settings-'));
    file = path.join(dir, 'settings.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives English and the built-in broker when there is no file yet', async () => {
    expect(await new SettingsStore(file).get()).toMatchObject({ locale: 'en', activeProfileId: 'builtin' });
  });

  it('gives the student an id once and keeps it after a restart', async () => {
    const first = await new SettingsStore(file).get();
    expect(first.studentId).toMatch(/^lab-[a-z0-9]{6}$/);
    expect((await new SettingsStore(file).get()).studentId).toBe(first.studentId);
    await new SettingsStore(file).update({ studentId: 'ravi-42' });
    expect((await new SettingsStore(file).get()).studentId).toBe('ravi-42');
  });

  it('keeps an update after a restart', async () => {
    await new SettingsStore(file).update({ locale: 'te' });
    await new SettingsStore(file).update({ activeProfileId: 'mosquitto-1883' });
    expect(await new SettingsStore(file).get()).toMatchObject({ locale: 'te', activeProfileId: 'mosquitto-1883' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ locale: 'te', activeProfileId: 'mosquitto-1883' });
  });

  it('falls back to defaults for a corrupt file and keeps the broken copy aside', async () => {
    writeFileSync(file, '{"locale": "te", ');
    expect(await new SettingsStore(file).get()).toMatchObject({ locale: 'en', activeProfileId: 'builtin' });
    expect(readdirSync(dir).some((name) => name.startsWith('settings.json.corrupt-'))).toBe(true);
  });

  it('keeps the valid fields of a file with one bad value', async () => {
    writeFileSync(file, JSON.stringify({ locale: 'fr', activeProfileId: 'mosquitto-1883' }));
    expect(await new SettingsStore(file).get()).toMatchObject({ locale: 'en', activeProfileId: 'mosquitto-1883' });
  });

  it('refuses an unknown language with a LabError and leaves the file alone', async () => {
    const store = new SettingsStore(file);
    await store.update({ locale: 'te' });
    const failure = store.update({ locale: 'fr' as never });
    await expect(failure).rejects.toBeInstanceOf(LabError);
    await expect(failure).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'locale' });
    expect((await new SettingsStore(file).get()).locale).toBe('te');
  });

  it('does not lose either of two quick updates', async () => {
    const store = new SettingsStore(file);
    await Promise.all([store.update({ locale: 'te' }), store.update({ activeProfileId: 'mosquitto-ws-8080' })]);
    expect(await new SettingsStore(file).get()).toMatchObject({ locale: 'te', activeProfileId: 'mosquitto-ws-8080' });
  });
});
