// Atomic JSON files: a temp file left by a process killed before its rename is swept on the next read, while temp
// files of processes still running (another write in flight) are left alone; quick writes never share a temp file.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readJsonFile, writeFileAtomic } from '../../../src-main/lib/atomic-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'atomic-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function finishedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('atomic JSON files', () => {
  it('sweeps the temp files of a killed process when the file is next read, and keeps those of live ones', async () => {
    const file = path.join(dir, 'settings.json');
    await writeFileAtomic(file, '{"locale":"te"}\n');
    const dead = `settings.json.${await finishedPid()}.1700000000000-3.tmp`;
    const deadOldStyle = `settings.json.${await finishedPid()}.1700000000000.tmp`;
    const live = `settings.json.${process.ppid}.1700000000000-4.tmp`;
    const other = 'profiles.json.1.1700000000000-1.tmp';
    for (const name of [dead, deadOldStyle, live, other]) writeFileSync(path.join(dir, name), '{"half":');

    expect(await readJsonFile(file)).toEqual({ locale: 'te' });
    expect(readdirSync(dir).sort()).toEqual([other, 'settings.json', live].sort());
  });

  it('many quick writes of one file end with the last one and leave no temp file', async () => {
    const file = path.join(dir, 'queue.json');
    await Promise.all(Array.from({ length: 20 }, (_unused, index) => writeFileAtomic(file, JSON.stringify({ index }))));
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(dir)).toEqual(['queue.json']);
  });
});
