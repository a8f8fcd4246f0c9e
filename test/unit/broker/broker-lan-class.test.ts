// LAN mode for a class, with the real broker worker, real mqtt.js and Debian's mosquitto_sub/mosquitto_pub over TCP on
// 127.0.0.1: a student's login may publish and subscribe only under `<ID>/`; loopback and the teacher's login keep full
// access; the list of LAN clients is live; a kick, a removal or a block disconnects.
import { spawn } from 'node:child_process';
import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, connectClient, createTestBroker, waitFor } from './support/broker-test-kit';
import { classBroker, collect, connackCode, PASSWORD_A, PASSWORD_B, settle, student, TEACHER } from './support/lan-class-kit';

afterEach(closeAll);

function run(command: string, args: string[], timeoutMs = 15_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('LAN mode for a class: per-student topics', () => {
  it('a student subscribes under their own ID, and gets SUBACK 0x80 for B/# and #', async () => {
    const { lanPort, loopbackPort } = await classBroker();
    const alpha = await connectClient(`mqtt://127.0.0.1:${lanPort}`, { username: 'alpha', password: PASSWORD_A, clientId: 'alphanightlight_client' });
    // mqtt.js rejects a SUBSCRIBE with any 0x80 in its SUBACK and attaches the packet.
    const refused = await alpha.subscribeAsync(['alpha/commands', 'bravo/#', '#', '+/telemetry']).catch((error: { packet?: { granted: number[] } }) => error);
    expect(refused).toHaveProperty('packet.granted', [0, 0x80, 0x80, 0x80]);
    const seen = collect(alpha);
    const teacher = await connectClient(`mqtt://127.0.0.1:${loopbackPort}`);
    await teacher.publishAsync('bravo/telemetry', 'not for alpha');
    await teacher.publishAsync('alpha/commands', 'on');
    await waitFor(() => seen.length > 0, 5000, 'alpha to get its command');
    await settle();
    expect(seen).toEqual(['alpha/commands on']);
    expect(alpha.connected).toBe(true);
  });

  it("a student's publish outside their ID is acknowledged and dropped; inside it arrives", async () => {
    const { lanPort, loopbackPort } = await classBroker();
    const watcher = await connectClient(`mqtt://127.0.0.1:${loopbackPort}`);
    await watcher.subscribeAsync('#');
    const seen = collect(watcher);
    const alpha = await connectClient(`mqtt://127.0.0.1:${lanPort}`, { username: 'alpha', password: PASSWORD_A, clientId: 'alpha.laptop' });
    await alpha.publishAsync('bravo/commands', 'off', { qos: 1 });
    await alpha.publishAsync('bravo/commands', 'off', { qos: 2, retain: true });
    await alpha.publishAsync('alpha/telemetry', '{"light":640}', { qos: 1 });
    await waitFor(() => seen.length > 0, 5000, 'alpha/telemetry at the watcher');
    await settle();
    expect(seen).toEqual(['alpha/telemetry {"light":640}']);
    expect(alpha.connected).toBe(true);
    // The dropped retained message was not stored either.
    const late = await connectClient(`mqtt://127.0.0.1:${loopbackPort}`);
    const lateSeen = collect(late);
    await late.subscribeAsync('bravo/#');
    await settle();
    expect(lateSeen).toEqual([]);
  });

  it("the teacher's shared login and loopback clients keep full access", async () => {
    const { lanPort } = await classBroker();
    const teacher = await connectClient(`mqtt://127.0.0.1:${lanPort}`, TEACHER);
    const granted = await teacher.subscribeAsync(['#']);
    expect(granted[0]!.qos).toBe(0);
  });

  it('mosquitto_sub with a student login is refused B/# and #; mosquitto_pub reaches only the student\'s own topics', async () => {
    const { lanPort, loopbackPort } = await classBroker();
    const login = ['-h', '127.0.0.1', '-p', String(lanPort), '-u', 'alpha', '-P', PASSWORD_A, '-i', 'alpha.mosquitto'];
    const denied = await run('mosquitto_sub', [...login, '-t', 'bravo/#', '-t', '#', '-W', '2', '-v']);
    expect(`${denied.stdout}${denied.stderr}`).toMatch(/denied/i);

    const watcher = await connectClient(`mqtt://127.0.0.1:${loopbackPort}`);
    await watcher.subscribeAsync('#');
    const seen = collect(watcher);
    expect((await run('mosquitto_pub', [...login, '-t', 'bravo/commands', '-m', 'off', '-q', '1'])).code).toBe(0);
    expect((await run('mosquitto_pub', [...login, '-t', 'alpha/telemetry', '-m', 'hello', '-q', '1'])).code).toBe(0);
    await waitFor(() => seen.length > 0, 5000, 'alpha/telemetry at the watcher');
    await settle();
    expect(seen).toEqual(['alpha/telemetry hello']);

    // Retained, so the subscriber gets it however long it takes to start.
    await watcher.publishAsync('alpha/commands', 'on', { qos: 1, retain: true });
    const allowed = await run('mosquitto_sub', [...login, '-t', 'alpha/#', '-C', '1', '-W', '10', '-v']);
    expect(allowed.stdout.trim()).toBe('alpha/commands on');
  });

  it('a wrong student password gets rc=4; a blocked student gets rc=5', async () => {
    const { broker, lanPort } = await classBroker();
    expect(await connackCode(lanPort, { username: 'alpha', password: PASSWORD_B })).toBe(4);
    expect(await connackCode(lanPort, { username: 'charlie', password: PASSWORD_A })).toBe(4);
    await broker.setLanStudents([await student('alpha', PASSWORD_A, true)]);
    expect(await connackCode(lanPort, { username: 'alpha', password: PASSWORD_A })).toBe(5);
    expect(await connackCode(lanPort, { username: 'bravo', password: PASSWORD_B })).toBe(4);
  });
});

describe('LAN mode for a class: who is connected, and kicking', () => {
  it('lists each LAN client with its ID, address, time and messages in, and a kick disconnects it', async () => {
    const { broker, lanPort, loopbackPort } = await classBroker();
    await connectClient(`mqtt://127.0.0.1:${loopbackPort}`, { clientId: 'explorer-local' });
    const before = Date.now();
    const alpha = await connectClient(`mqtt://127.0.0.1:${lanPort}`, { username: 'alpha', password: PASSWORD_A, clientId: 'alphanightlight_client' });
    await alpha.publishAsync('alpha/telemetry', '1', { qos: 1 });
    await alpha.publishAsync('bravo/telemetry', '2', { qos: 1 });
    await waitFor(() => broker.getLanStatus().clients[0]?.messagesIn === 2, 5000, 'two messages counted');
    const [listed] = broker.getLanStatus().clients;
    expect(broker.getLanStatus().clients).toHaveLength(1);
    expect(listed).toMatchObject({ clientId: 'alphanightlight_client', username: 'alpha', studentId: 'alpha', messagesIn: 2, refused: 1 });
    expect(listed!.address).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(listed!.connectedSinceMs).toBeGreaterThanOrEqual(before - 1000);

    const closed = new Promise<void>((resolve) => alpha.once('close', () => resolve()));
    expect(await broker.kickLanClient('alphanightlight_client')).toBe(1);
    await closed;
    await waitFor(() => broker.getLanStatus().clients.length === 0, 5000, 'the list to empty');
    expect(await broker.kickLanClient('explorer-local')).toBe(0);
  });

  it("removing a student disconnects that student's clients only", async () => {
    const broker = createTestBroker({ lanHost: '127.0.0.1' });
    await broker.start();
    const bravoLogin = await student('bravo', PASSWORD_B);
    const lanPort = (await broker.setLan({ port: 0, ...TEACHER, students: [await student('alpha', PASSWORD_A), bravoLogin] })).port!;
    const alpha = await connectClient(`mqtt://127.0.0.1:${lanPort}`, { username: 'alpha', password: PASSWORD_A, clientId: 'alpha.laptop' });
    const bravo = await connectClient(`mqtt://127.0.0.1:${lanPort}`, { username: 'bravo', password: PASSWORD_B, clientId: 'bravonightlight_client' });
    const closed = new Promise<void>((resolve) => alpha.once('close', () => resolve()));
    await broker.setLanStudents([bravoLogin]);
    await closed;
    expect(bravo.connected).toBe(true);
    // The list reaches the parent at most 4 times a second: wait for the one that no longer has alpha.
    const onlyBravo = () => broker.getLanStatus().clients.map((client) => client.studentId).join(',') === 'bravo';
    await waitFor(onlyBravo, 5000, 'only bravo left in the list');
    expect(broker.getLanStatus().clients.map((client) => client.studentId)).toEqual(['bravo']);
  });
});

describe("LAN mode for a class: a student cannot take over another client's session", () => {
  it("a student reusing an offline loopback session's client id gets rc=2, and that session keeps its queued message", async () => {
    const { lanPort, loopbackPort } = await classBroker();
    const dash = await connectClient(`mqtt://127.0.0.1:${loopbackPort}`, { clientId: 'dash', clean: false });
    await dash.subscribeAsync('#', { qos: 1 });
    await dash.endAsync();
    const publisher = await connectClient(`mqtt://127.0.0.1:${loopbackPort}`);
    await publisher.publishAsync('bravo/secret', 'for dash only', { qos: 1 });

    expect(await connackCode(lanPort, { username: 'alpha', password: PASSWORD_A, clientId: 'dash', clean: false })).toBe(2);

    // The queued message is still there for the real owner.
    const back = mqtt.connect(`mqtt://127.0.0.1:${loopbackPort}`, { clientId: 'dash', clean: false, reconnectPeriod: 0 });
    try {
      const seen = collect(back);
      await waitFor(() => seen.length > 0, 5000, 'dash to get its queued message');
      expect(seen).toEqual(['bravo/secret for dash only']);
    } finally {
      await back.endAsync(true);
    }
  });

  it('a student reusing a connected loopback client id gets rc=2 and the loopback client stays connected', async () => {
    const { lanPort, loopbackPort } = await classBroker();
    const explorer = await connectClient(`mqtt://127.0.0.1:${loopbackPort}`, { clientId: 'teacher-explorer' });
    // Even a client id in alpha's own form is not alpha's while a loopback client holds it.
    const device = await connectClient(`mqtt://127.0.0.1:${loopbackPort}`, { clientId: 'alphanightlight_client' });
    let closes = 0;
    explorer.on('close', () => (closes += 1));
    device.on('close', () => (closes += 1));
    expect(await connackCode(lanPort, { username: 'alpha', password: PASSWORD_A, clientId: 'teacher-explorer' })).toBe(2);
    expect(await connackCode(lanPort, { username: 'alpha', password: PASSWORD_A, clientId: 'alphanightlight_client' })).toBe(2);
    await settle(500);
    expect(closes).toBe(0);
    expect(explorer.connected && device.connected).toBe(true);
  });
});
