// Student logins on the LAN listener, with the real broker worker and real mqtt.js on 127.0.0.1: which client ids a
// student may use (their own ID's, never a longer ID that starts with theirs), nothing outside `<ID>/` ever reaches
// them, and password checks (scrypt) run at most two at a time, the rest refused with rc=3.
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, connectClient, waitFor } from './support/broker-test-kit';
import { classBroker, collect, connackCode, PASSWORD_A, PASSWORD_B, settle, student, TEACHER } from './support/lan-class-kit';

afterEach(closeAll);

describe("LAN mode for a class: a student's client ids", () => {
  it('accepts <ID>nightlight_client, <ID>nightlight_server and <ID>.<name>; refuses the rest with rc=2', async () => {
    const { lanPort } = await classBroker();
    const alpha = { username: 'alpha', password: PASSWORD_A };
    for (const clientId of ['alphanightlight_client', 'alphanightlight_server', 'alpha.laptop', 'alpha:explorer']) {
      expect(await connackCode(lanPort, { ...alpha, clientId }), clientId).toBe(0);
    }
    for (const clientId of ['bravonightlight_client', 'bravo.laptop', 'alpha', 'alphax', 'mqttjs_1234', 'dash']) {
      expect(await connackCode(lanPort, { ...alpha, clientId }), clientId).toBe(2);
    }
    // No client id at all (the broker would make one up): refused too.
    expect(await connackCode(lanPort, { ...alpha, clientId: '', clean: true })).toBe(2);
    // The teacher's shared login keeps any client id.
    expect(await connackCode(lanPort, { ...TEACHER, clientId: 'any-board' })).toBe(0);
  });

  it('an ID that is the start of another ID gets no client id of the longer one', async () => {
    const { lanPort } = await classBroker([await student('lab-a', PASSWORD_A), await student('lab-ab', PASSWORD_B)]);
    const short = { username: 'lab-a', password: PASSWORD_A };
    const long = { username: 'lab-ab', password: PASSWORD_B };
    expect(await connackCode(lanPort, { ...short, clientId: 'lab-abnightlight_client' })).toBe(2);
    expect(await connackCode(lanPort, { ...short, clientId: 'lab-ab.laptop' })).toBe(2);
    expect(await connackCode(lanPort, { ...short, clientId: 'lab-anightlight_client' })).toBe(0);
    expect(await connackCode(lanPort, { ...long, clientId: 'lab-abnightlight_client' })).toBe(0);
    expect(await connackCode(lanPort, { ...long, clientId: 'lab-anightlight_client' })).toBe(2);
  });

  it("a student's board that reconnects replaces its own old connection", async () => {
    const { broker, lanPort } = await classBroker();
    const login = { username: 'alpha', password: PASSWORD_A, clientId: 'alphanightlight_client' };
    const old = await connectClient(`mqtt://127.0.0.1:${lanPort}`, login);
    const closed = new Promise<void>((resolve) => old.once('close', () => resolve()));
    const fresh = await connectClient(`mqtt://127.0.0.1:${lanPort}`, login);
    await closed;
    expect(fresh.connected).toBe(true);
    await waitFor(() => broker.getLanStatus().clients.length === 1, 5000, 'one listed client');
  });

  it("a session left under a student's client id by a loopback client gives the student only its own topics", async () => {
    const { lanPort, loopbackPort } = await classBroker();
    const lab = await connectClient(`mqtt://127.0.0.1:${loopbackPort}`, { clientId: 'alpha.dash', clean: false });
    await lab.subscribeAsync('#', { qos: 1 });
    await lab.endAsync();
    const publisher = await connectClient(`mqtt://127.0.0.1:${loopbackPort}`);
    await publisher.publishAsync('bravo/secret', 'not for alpha', { qos: 1 });
    await publisher.publishAsync('alpha/commands', 'on', { qos: 1 });

    const alpha = await connectClient(`mqtt://127.0.0.1:${lanPort}`, { username: 'alpha', password: PASSWORD_A, clientId: 'alpha.dash', clean: false });
    const seen = collect(alpha);
    await alpha.subscribeAsync('alpha/#', { qos: 1 });
    await publisher.publishAsync('bravo/telemetry', 'live, not for alpha', { qos: 1 });
    await publisher.publishAsync('alpha/commands', 'off', { qos: 1 });
    await waitFor(() => seen.includes('alpha/commands off'), 5000, "alpha's own live message");
    await settle();
    expect(seen.filter((message) => !message.startsWith('alpha/'))).toEqual([]);
  });
});

describe('LAN mode for a class: password checks', () => {
  it('checks at most two student passwords at a time; the others get rc=3 and get in when they try again', async () => {
    const { lanPort } = await classBroker();
    const codes = await Promise.all(
      Array.from({ length: 12 }, (_, index) => connackCode(lanPort, { username: 'alpha', password: PASSWORD_A, clientId: `alpha.board${index}` })),
    );
    expect(codes.every((code) => code === 0 || code === 3), codes.join(',')).toBe(true);
    expect(codes.filter((code) => code === 3).length, codes.join(',')).toBeGreaterThan(0);
    expect(codes.filter((code) => code === 0).length, codes.join(',')).toBeGreaterThanOrEqual(2);
    // The limit is on checks running, not a count: a board that tries again gets in.
    expect(await connackCode(lanPort, { username: 'alpha', password: PASSWORD_A, clientId: 'alpha.board0' })).toBe(0);
    // The shared login needs no scrypt and is never refused for it.
    expect(await connackCode(lanPort, { ...TEACHER, clientId: 'teacher-board' })).toBe(0);
  });
});
