// Port choice for the built-in broker and the host: the asked-for port, else the next free ones, else any free port.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listenOnFreePort, PORT_SEARCH_SPAN } from '../../../src-main/lib/listen-on-free-port';
import { LabError } from '../../../src-shared/contract/result';

const servers: net.Server[] = [];

async function tryListen(port: number): Promise<net.Server | null> {
  const server = net.createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(null));
    server.listen(port, '127.0.0.1', () => {
      servers.push(server);
      resolve(server);
    });
  });
}

function portOf(server: net.Server): number {
  return (server.address() as net.AddressInfo).port;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('listenOnFreePort', () => {
  it('uses any free port when asked for port 0', async () => {
    const server = net.createServer();
    servers.push(server);
    expect(await listenOnFreePort(server, '127.0.0.1', 0, 'brokerMqtt')).toBe(portOf(server));
    expect(portOf(server)).toBeGreaterThan(0);
  });

  it('uses the asked-for port when it is free', async () => {
    const probe = (await tryListen(0)) as net.Server;
    const freePort = portOf(probe);
    await new Promise((resolve) => probe.close(resolve));
    const server = net.createServer();
    servers.push(server);
    expect(await listenOnFreePort(server, '127.0.0.1', freePort, 'brokerMqtt')).toBe(freePort);
  });

  it(`skips the taken port and the next ${PORT_SEARCH_SPAN}, then takes any free port`, async () => {
    const taken = portOf((await tryListen(0)) as net.Server);
    // Ports in the span that someone else already holds are just as taken for the broker.
    for (let port = taken + 1; port <= Math.min(taken + PORT_SEARCH_SPAN, 65535); port += 1) await tryListen(port);
    const server = net.createServer();
    servers.push(server);
    const actual = await listenOnFreePort(server, '127.0.0.1', taken, 'brokerMqtt');
    expect(actual === taken || (actual > taken && actual <= taken + PORT_SEARCH_SPAN)).toBe(false);
  });

  it('says in a key which server could not open, so the page can say it in Telugu too', async () => {
    const server = net.createServer();
    servers.push(server);
    // 192.0.2.1 is a documentation address no test machine has: listening there fails with EADDRNOTAVAIL.
    const failure = await listenOnFreePort(server, '192.0.2.1', 0, 'counterfit').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LabError);
    expect((failure as LabError).text).toEqual({ key: 'errors.listen.noAddress', params: { what: { key: 'errors.listen.what.counterfit' }, host: '192.0.2.1' } });
    expect((failure as LabError).message).toBe('MQTT Lab cannot open the CounterFit port on "192.0.2.1": this computer has no network address like that.');
  });
});
