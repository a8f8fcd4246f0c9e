// The teacher's class on the LAN broker, as the Board service runs it: a student gets a password shown once with their
// config.h, only a scrypt hash is kept (on disk and for the broker), kicking blocks until a new password, removal.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { passwordMatches } from '../../../src-main/services/broker/student-password';
import { createBoard, type BoardHarness } from './support/board-harness';

let harness: BoardHarness | undefined;
afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
});

const CLIENT = { clientId: 'alphanightlight_client', username: 'alpha', studentId: 'alpha', address: '192.168.1.31:50123', connectedSinceMs: 1, messagesIn: 3, refused: 0 };

describe('LAN class', () => {
  it('adds a student: the password is in the answer and in their config.h, never in the status or on disk', async () => {
    harness = await createBoard();
    await harness.service.setLanBroker(true);
    const login = await harness.service.addLanStudent('alpha');
    expect(login.username).toBe('alpha');
    expect(login.password).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(login.config.configH).toContain('const string ID = "alpha";');
    expect(login.config.configH).toContain('const char *MQTT_USERNAME = "alpha";');
    expect(login.config.configH).toContain(`const char *MQTT_PASSWORD = "${login.password}";`);
    // Their login takes only their own client ids: the config.h says which, next to CLIENT_NAME.
    expect(login.config.configH).toMatch(/only client ids of your ID: ID \+ "nightlight_client"[\s\S]*rc=2[\s\S]*\nconst string CLIENT_NAME = ID \+ "nightlight_client";/);
    expect(login.lan.students).toEqual([{ id: 'alpha', addedAtMs: expect.any(Number), blocked: false }]);

    const state = harness.service.getState().lan;
    expect(JSON.stringify(state)).not.toContain(login.password);
    const onDisk = readFileSync(path.join(harness.dataDir, 'board.json'), 'utf8');
    expect(onDisk).not.toContain(login.password);
    const sent = harness.lan.studentLists.at(-1)!;
    expect(JSON.stringify(sent)).not.toContain(login.password);
    expect(await passwordMatches(sent[0]!, login.password)).toBe(true);
  });

  it('refuses a second student with the same ID, and the shared login name', async () => {
    harness = await createBoard();
    await harness.service.addLanStudent('alpha');
    await expect(harness.service.addLanStudent('alpha')).rejects.toThrow(/already a student "alpha".*New password/);
    await expect(harness.service.addLanStudent('mqttlab-board')).rejects.toThrow(/shared board login/);
  });

  it('students are kept across a restart and sent to the broker when LAN mode switches on', async () => {
    harness = await createBoard();
    const dataDir = harness.dataDir;
    const login = await harness.service.addLanStudent('alpha');
    await harness.service.dispose();
    harness = await createBoard({ dataDir });
    expect(harness.service.getState().lan.students.map((student) => student.id)).toEqual(['alpha']);
    await harness.service.setLanBroker(true);
    const students = harness.lan.calls[0]!.students!;
    expect(await passwordMatches(students[0]!, login.password)).toBe(true);
  });

  it("kicking a student's board disconnects it and blocks the student until a new password", async () => {
    harness = await createBoard();
    await harness.service.setLanBroker(true);
    await harness.service.addLanStudent('alpha');
    harness.lan.status = { ...harness.lan.status, clients: [CLIENT], lanClients: 1 };
    const after = await harness.service.kickLanClient('alphanightlight_client');
    expect(harness.lan.kicked).toEqual(['alphanightlight_client']);
    expect(after.students[0]!.blocked).toBe(true);
    expect(harness.lan.studentLists.at(-1)![0]!.blocked).toBe(true);

    const renewed = await harness.service.renewLanStudentPassword('alpha');
    expect(renewed.student.blocked).toBe(false);
    expect(await passwordMatches(harness.lan.studentLists.at(-1)![0]!, renewed.password)).toBe(true);
  });

  it('says so when the client to kick is gone or the student does not exist, and removes students', async () => {
    harness = await createBoard();
    await expect(harness.service.kickLanClient('nobody')).rejects.toThrow(/not connected through the local network/);
    await expect(harness.service.removeLanStudent('ghost')).rejects.toThrow(/no student "ghost"/);
    await harness.service.addLanStudent('alpha');
    const after = await harness.service.removeLanStudent('alpha');
    expect(after.students).toEqual([]);
    expect(harness.lan.studentLists.at(-1)).toEqual([]);
  });
});

describe('LAN class: changes one at a time', () => {
  it('a double-clicked Add makes one student with one password; the second click says the student exists', async () => {
    harness = await createBoard();
    const results = await Promise.allSettled([harness.service.addLanStudent('delta'), harness.service.addLanStudent('delta')]);
    const added = results.filter((result) => result.status === 'fulfilled');
    const refused = results.filter((result) => result.status === 'rejected');
    expect(added).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(String((refused[0] as PromiseRejectedResult).reason)).toMatch(/already a student "delta"/);
    const password = (added[0] as PromiseFulfilledResult<{ password: string }>).value.password;
    expect(await passwordMatches(harness.lan.studentLists.at(-1)![0]!, password)).toBe(true);
  });

  it('students added at the same time are all kept, in memory and on disk', async () => {
    harness = await createBoard();
    const dataDir = harness.dataDir;
    await Promise.all(['alpha', 'bravo', 'charlie'].map((id) => harness!.service.addLanStudent(id)));
    expect(harness.service.getState().lan.students.map((student) => student.id).sort()).toEqual(['alpha', 'bravo', 'charlie']);
    await harness.service.dispose();
    harness = await createBoard({ dataDir });
    expect(harness.service.getState().lan.students.map((student) => student.id).sort()).toEqual(['alpha', 'bravo', 'charlie']);
  });
});
