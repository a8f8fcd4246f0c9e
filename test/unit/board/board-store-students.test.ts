// The class list on disk (board.json, real files in a temp folder): IDs are checked like everywhere else (3 to 32
// letters, digits, - or _), one bad entry drops only itself with a log line, and the file as it was is kept aside.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../../src-main/lib/logger';
import { BoardStore, type StoredStudent } from '../../../src-main/services/board/board-store';

let dir: string;
let file: string;
let warnings: string[];
const logger: Logger = { debug() {}, info() {}, warn: (message) => warnings.push(message), error() {} };

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mqtt-lab-board-store-'));
  file = path.join(dir, 'board.json');
  warnings = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function entry(id: unknown, addedAtMs = 1): Record<string, unknown> {
  return { id, salt: 'c2FsdA==', hash: 'aGFzaA==', addedAtMs, blocked: false };
}

const keptAside = () => readdirSync(dir).filter((name) => name.startsWith('board.json.corrupt-'));
const LAN = { username: 'mqttlab-board', password: 'k7Qm2xPz9RtW4vNs', port: 1883 };

describe('BoardStore: the class list on disk', () => {
  it('drops only the students whose entry is not valid, says so in the log and keeps the original file aside', async () => {
    const original = `${JSON.stringify({
      rememberedPaths: ['/dev/ttyUSB0'],
      lan: LAN,
      students: [entry('alpha', 1), entry('has space', 2), entry('ab', 3), entry('x'.repeat(40), 4), { id: 'nohash' }, entry('bravo', 5)],
    })}\n`;
    writeFileSync(file, original);
    const store = new BoardStore(file, logger);
    expect((await store.students()).map((student) => student.id)).toEqual(['alpha', 'bravo']);
    // Nothing else in the file is lost with them.
    expect(store.rememberedPaths()).toEqual(['/dev/ttyUSB0']);
    expect(await store.lanCredentials()).toEqual(LAN);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/4 student\(s\) dropped.*corrupt-/);

    // The next save writes only the valid students; the kept file still has everything the teacher made.
    await store.putStudent(entry('charlie', 6) as unknown as StoredStudent);
    expect((await new BoardStore(file).students()).map((student) => student.id)).toEqual(['alpha', 'bravo', 'charlie']);
    expect(keptAside()).toHaveLength(1);
    expect(readFileSync(path.join(dir, keptAside()[0]!), 'utf8')).toBe(original);
  });

  it('keeps a valid file as it is: no copy, no log line', async () => {
    writeFileSync(file, JSON.stringify({ rememberedPaths: [], lan: null, students: [entry('lab-4k2x9q')] }));
    const store = new BoardStore(file, logger);
    expect((await store.students()).map((student) => student.id)).toEqual(['lab-4k2x9q']);
    expect(warnings).toEqual([]);
    expect(keptAside()).toEqual([]);
  });

  it('keeps two students added at the same moment', async () => {
    const store = new BoardStore(file, logger);
    await Promise.all([store.putStudent(entry('alpha', 1) as unknown as StoredStudent), store.putStudent(entry('bravo', 2) as unknown as StoredStudent)]);
    expect((await new BoardStore(file).students()).map((student) => student.id)).toEqual(['alpha', 'bravo']);
  });
});
