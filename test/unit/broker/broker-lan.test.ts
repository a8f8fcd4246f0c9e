// LAN mode of the built-in broker, tested on 127.0.0.1 only (the bind host is injected; the app uses 0.0.0.0):
// a second listener that needs the generated credentials, loopback unchanged, off disconnects LAN clients.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { BrokerService, LanListenerStatus } from '../../../src-main/services/broker/broker-service';
import { credentialsMatch } from '../../../src-main/services/broker/lan-listener';
import { closeAll, connectClient, createTestBroker, tcpUrl, waitFor } from './support/broker-test-kit';
import { connackCode } from './support/lan-class-kit';

const CREDENTIALS = { username: 'mqttlab-board', password: 'k7Qm2xPz9RtW4vNs' };

afterEach(closeAll);

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

async function lanBroker(): Promise<{ broker: BrokerService; lan: LanListenerStatus; loopbackPort: number }> {
  const broker = createTestBroker({ lanHost: '127.0.0.1' });
  const status = await broker.start();
  const lan = await broker.setLan({ port: 0, ...CREDENTIALS });
  return { broker, lan, loopbackPort: status.tcpPort! };
}

describe('built-in broker: LAN mode', () => {
  it('is off until asked', async () => {
    const broker = createTestBroker({ lanHost: '127.0.0.1' });
    await broker.start();
    expect(broker.getLanStatus()).toEqual({ state: 'off', port: null, lanClients: 0, clients: [] });
  });

  it('opens a second port that accepts only the generated username and password', async () => {
    const { lan, loopbackPort } = await lanBroker();
    expect(lan).toMatchObject({ state: 'on', lanClients: 0 });
    expect(lan.port).not.toBe(loopbackPort);
    const port = lan.port!;
    expect(await connackCode(port)).toBe(5);
    expect(await connackCode(port, { username: CREDENTIALS.username, password: 'wrong-password!!' })).toBe(4);
    expect(await connackCode(port, { username: 'someone', password: CREDENTIALS.password })).toBe(4);
    expect(await connackCode(port, CREDENTIALS)).toBe(0);
  });

  it('leaves loopback as it was: no credentials needed there', async () => {
    const { loopbackPort } = await lanBroker();
    expect(await connackCode(loopbackPort)).toBe(0);
  });

  it('counts LAN clients and carries their messages to loopback clients', async () => {
    const { broker, lan, loopbackPort } = await lanBroker();
    const local = await connectClient(`mqtt://127.0.0.1:${loopbackPort}`);
    await local.subscribeAsync('lab-x/telemetry');
    const received = new Promise<string>((resolve) => local.once('message', (_topic, payload) => resolve(payload.toString())));
    const board = await connectClient(`mqtt://127.0.0.1:${lan.port}`, { ...CREDENTIALS, clientId: 'lab-xnightlight_client' });
    await waitFor(() => broker.getLanStatus().lanClients === 1, 3000, 'one LAN client');
    await board.publishAsync('lab-x/telemetry', '{"light":652}');
    expect(await received).toBe('{"light":652}');
  });

  it('switching off disconnects LAN clients and closes the port; loopback clients stay', async () => {
    const { broker, lan, loopbackPort } = await lanBroker();
    const local = await connectClient(`mqtt://127.0.0.1:${loopbackPort}`);
    const board = await connectClient(`mqtt://127.0.0.1:${lan.port}`, CREDENTIALS);
    const closed = new Promise<void>((resolve) => board.once('close', () => resolve()));
    expect(await broker.setLan(null)).toEqual({ state: 'off', port: null, lanClients: 0, clients: [] });
    await closed;
    expect(await refusesConnections(lan.port!)).toBe(true);
    expect(local.connected).toBe(true);
  });

  it('a new password drops clients that logged in with the old one', async () => {
    const { broker, lan } = await lanBroker();
    const board = await connectClient(`mqtt://127.0.0.1:${lan.port}`, CREDENTIALS);
    const closed = new Promise<void>((resolve) => board.once('close', () => resolve()));
    const renewed = await broker.setLan({ port: 0, username: CREDENTIALS.username, password: 'a-brand-new-pass' });
    await closed;
    expect(await connackCode(renewed.port!, CREDENTIALS)).toBe(4);
    expect(await connackCode(renewed.port!, { username: CREDENTIALS.username, password: 'a-brand-new-pass' })).toBe(0);
  });

  it('comes back on the same LAN port after the broker restarts', async () => {
    const { broker, lan } = await lanBroker();
    await broker.restart();
    await waitFor(() => broker.getLanStatus().state === 'on', 5000, 'LAN mode to be back');
    expect(broker.getLanStatus().port).toBe(lan.port);
    expect(await connackCode(lan.port!, CREDENTIALS)).toBe(0);
    expect(tcpUrl(broker.getStatus())).toMatch(/^mqtt:\/\/127\.0\.0\.1:\d+$/);
  });

  it('compares credentials exactly', () => {
    expect(credentialsMatch(CREDENTIALS, CREDENTIALS.username, Buffer.from(CREDENTIALS.password))).toBe(true);
    expect(credentialsMatch(CREDENTIALS, CREDENTIALS.username, Buffer.from(`${CREDENTIALS.password} `))).toBe(false);
    expect(credentialsMatch(CREDENTIALS, undefined, undefined)).toBe(false);
  });
});
