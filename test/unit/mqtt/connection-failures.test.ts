// What a student sees when a connection cannot be made or is lost: readable errors, retrying in the background,
// automatic resubscribe after a broker restart, and no retries left behind after dispose.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../support/mosquitto';
import { startTestBroker, type TestBroker } from '../../support/test-broker';
import { createHarness, profileFor, sleep, waitFor, type Harness } from './service-harness';
import { makeSelfSignedCertificate } from './tls-fixture';

describe('MqttClientService when things go wrong', () => {
  const brokers: TestBroker[] = [];
  const harnesses: Harness[] = [];
  const folders: string[] = [];

  async function broker(options: Parameters<typeof startTestBroker>[0] = {}): Promise<TestBroker> {
    const started = await startTestBroker(options);
    brokers.push(started);
    return started;
  }
  function harness(...args: Parameters<typeof createHarness>): Harness {
    const created = createHarness(...args);
    harnesses.push(created);
    return created;
  }
  afterEach(async () => {
    await Promise.all(harnesses.splice(0).map((item) => item.service.dispose()));
    await Promise.all(brokers.splice(0).map((item) => item.close()));
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('explains a refused connection, keeps trying, and connects once a broker appears', async () => {
    const port = await freePort();
    const lab = harness({ test: { profile: profileFor({ port }) } });
    const failure = lab.service.connect('lab', 'test');
    await expect(failure).rejects.toMatchObject({
      name: 'LabError',
      code: 'CONNECTION_REFUSED',
      message: expect.stringContaining(`No broker is answering at 127.0.0.1:${port}.`),
    });
    expect(lab.service.list()[0]).toMatchObject({ state: 'error', errorCode: 'CONNECTION_REFUSED', message: expect.stringContaining('keeps trying') });
    await broker({ port });
    await waitFor(() => lab.service.list()[0]?.state === 'connected', 'the client to connect by itself');
  });

  it('mentions the internet and the built-in broker for a remote host that refuses', async () => {
    const { explainMqttError } = await import('../../../src-main/services/mqtt/explain-mqtt-error');
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(explainMqttError(refused, { host: 'test.mosquitto.org', port: 1883 })).toEqual({
      code: 'CONNECTION_REFUSED',
      message: 'No broker is answering at test.mosquitto.org:1883. Is the internet reachable? Try the built-in broker.',
      text: { key: 'errors.mqtt.refusedRemote', params: { at: 'test.mosquitto.org:1883' } },
    });
  });

  it('reports a host name that does not exist as DNS_FAILED', async () => {
    const lab = harness({ nowhere: { profile: profileFor({ host: 'no-such-broker.invalid', port: 1883 }) } });
    await expect(lab.service.connect('lab', 'nowhere')).rejects.toMatchObject({
      code: 'DNS_FAILED',
      message: expect.stringContaining('"no-such-broker.invalid"'),
    });
  });

  it('explains a wrong password and stops retrying it', async () => {
    const secured = await broker({ aedes: {
      authenticate: (_client, username, password, done) => done(null, username === 'class9' && password?.toString() === 'right'),
    } });
    const lab = harness({
      wrong: { profile: profileFor({ port: secured.port, username: 'class9' }), password: 'wrong' },
      right: { profile: profileFor({ id: 'right', port: secured.port, username: 'class9' }), password: 'right' },
    });
    await expect(lab.service.connect('lab', 'wrong')).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    const status = lab.service.list()[0];
    expect(status).toMatchObject({ state: 'error', errorCode: 'AUTH_FAILED' });
    expect(status?.message).not.toContain('keeps trying');
    const statusCount = lab.statuses.length;
    await sleep(2500);
    expect(lab.statuses.length).toBe(statusCount);
    expect(await lab.service.connect('lab', 'right')).toMatchObject({ state: 'connected' });
  });

  it('rejects an untrusted certificate with a hint, and accepts it with the CA file or without verification', async () => {
    const certificate = makeSelfSignedCertificate();
    folders.push(certificate.dir);
    const secure = await broker({ tls: { key: certificate.key, cert: certificate.cert } });
    const tlsProfile = profileFor({ port: secure.port, transport: 'mqtts' });
    const lab = harness({
      strict: { profile: tlsProfile },
      trusted: { profile: { ...tlsProfile, id: 'trusted', caFile: certificate.certPath } },
      relaxed: { profile: { ...tlsProfile, id: 'relaxed', verifyCertificate: false } },
    });
    await expect(lab.service.connect('lab', 'strict')).rejects.toMatchObject({
      code: 'TLS_REJECTED',
      message: expect.stringMatching(/CA file.*verify certificate/),
    });
    expect(await lab.service.connect('lab', 'trusted')).toMatchObject({ state: 'connected', brokerUrl: `mqtts://127.0.0.1:${secure.port}` });
    expect(await lab.service.connect('lab', 'relaxed')).toMatchObject({ state: 'connected' });
  });

  it('reconnects and resubscribes by itself after the broker restarts on the same port', async () => {
    const first = await broker();
    const lab = harness({ test: { profile: profileFor({ port: first.port }) } });
    await lab.service.connect('explorer', 'test');
    await lab.service.subscribe('explorer', 'lab/#', 1);
    await first.close();
    brokers.splice(brokers.indexOf(first), 1);
    await waitFor(() => lab.service.list()[0]?.state !== 'connected', 'the client to notice');
    await sleep(2500);
    expect(['offline', 'reconnecting', 'error']).toContain(lab.service.list()[0]?.state);
    expect(lab.service.list()[0]?.message).toMatch(/keeps trying|No broker is answering/);

    await broker({ port: first.port });
    await waitFor(() => lab.service.list()[0]?.state === 'connected', 'the reconnect', 8000);
    await lab.service.connect('lab', 'test');
    // The resubscribe is sent right after CONNACK; publish until the first message shows it is in place.
    await waitFor(() => {
      void lab.service.publish({ clientName: 'lab', topic: 'lab/after-restart', payload: 'back', payloadEncoding: 'utf8', qos: 1, retain: false });
      return lab.messagesOf('explorer').some((message) => message.payloadText === 'back');
    }, 'a message through the renewed subscription', 5000);
  });

  it('stops every retry on dispose: a broker started later sees no connection', async () => {
    const port = await freePort();
    const lab = harness({ test: { profile: profileFor({ port }) } });
    await expect(lab.service.connect('lab', 'test')).rejects.toMatchObject({ code: 'CONNECTION_REFUSED' });
    await lab.service.dispose();
    const late = await broker({ port });
    await sleep(2600);
    expect(late.openConnections()).toBe(0);
  });

  it('says the built-in broker is not running instead of trying to connect', async () => {
    const lab = harness({ builtin: { profile: profileFor({ id: 'builtin', kind: 'builtin', port: 1883 }) } });
    await expect(lab.service.connect('lab', 'builtin')).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('built-in broker is not running') });
    expect(lab.service.list()[0]).toMatchObject({ state: 'error', errorCode: 'UNAVAILABLE', profileId: 'builtin' });
  });
});
