// The host's web server: token on every request and socket, other origins refused, no path traversal,
// invokes reach the dispatcher and bus events reach the browser.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { EventBus } from '../../../src-main/ipc/event-bus';
import { silentLogger } from '../../../src-main/lib/logger';
import { startHostServer, type HostServer } from '../../../src-main/host/host-server';
import { resolveStaticPath } from '../../../src-main/host/static-files';

const TOKEN = 'a'.repeat(32);
let rendererDir: string;
let server: HostServer;
let bus: EventBus;

beforeEach(async () => {
  rendererDir = mkdtempSync(path.join(os.tmpdir(), 'host-test-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<h1>MQTT Lab</h1>');
  writeFileSync(path.join(os.tmpdir(), 'host-test-secret.txt'), 'do not serve');
  bus = new EventBus();
  server = await startHostServer({
    dispatch: async (name, input) => ({ ok: true, value: { echoed: name, input } }),
    bus,
    rendererDir,
    port: 0,
    token: TOKEN,
    logger: silentLogger,
  });
});

afterEach(async () => {
  await server.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

function openSocket(query: string, origin?: string): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/bridge${query}`, origin ? { origin } : {});
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

describe('host server', () => {
  it('serves the UI with the token and sets a cookie for the page assets', async () => {
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('MQTT Lab');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toContain('HttpOnly');
    const asset = await fetch(`http://127.0.0.1:${server.port}/index.html`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(asset.status).toBe(200);
  });

  it('refuses requests without the token and tells the user which address to open', async () => {
    const response = await fetch(`http://127.0.0.1:${server.port}/`);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('npm run serve');
    const wrong = await fetch(`http://127.0.0.1:${server.port}/?token=${'b'.repeat(32)}`);
    expect(wrong.status).toBe(403);
  });

  it('never serves a file outside the UI folder', async () => {
    expect(resolveStaticPath(rendererDir, '/../host-test-secret.txt')).toBeNull();
    expect(resolveStaticPath(rendererDir, '/%2e%2e/host-test-secret.txt')).toBeNull();
    expect(resolveStaticPath(rendererDir, '/..%2fhost-test-secret.txt')).toBeNull();
    expect(resolveStaticPath(rendererDir, '/')).toBe(path.join(rendererDir, 'index.html'));
    const response = await fetch(`http://127.0.0.1:${server.port}/..%2fhost-test-secret.txt?token=${TOKEN}`);
    expect(response.status).toBe(404);
  });

  it('refuses sockets without the token or from another web origin', async () => {
    await expect(openSocket('')).rejects.toThrow(/403/);
    await expect(openSocket(`?token=${TOKEN}`, 'https://evil.example')).rejects.toThrow(/403/);
    const ok = await openSocket(`?token=${TOKEN}`, `http://127.0.0.1:${server.port}`);
    ok.close();
  });

  it('answers invokes through the dispatcher and forwards bus events', async () => {
    const ws = await openSocket(`?token=${TOKEN}`);
    const frames: unknown[] = [];
    ws.on('message', (data) => frames.push(JSON.parse(data.toString())));
    ws.send(JSON.stringify({ type: 'invoke', id: 7, name: 'broker.getStatus', input: {} }));
    ws.send('not json');
    await expect.poll(() => frames.length).toBe(1);
    expect(frames[0]).toEqual({ type: 'result', id: 7, result: { ok: true, value: { echoed: 'broker.getStatus', input: {} } } });
    bus.publish('profiles.changed', { activeProfileId: 'builtin' });
    await expect.poll(() => frames.length).toBe(2);
    expect(frames[1]).toEqual({ type: 'event', name: 'profiles.changed', payload: { activeProfileId: 'builtin' } });
    ws.close();
  });
});
