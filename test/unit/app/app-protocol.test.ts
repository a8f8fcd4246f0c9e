// The app:// protocol: serves out/renderer with the CSP, and nothing outside it however the path is spelled.
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  createAppRequestHandler,
  isAppUrl,
  registerAppScheme,
  resolveRequestPath,
  serveAppProtocol,
} from '../../../src-main/app/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/app/csp';
import { protocol, resetFakeElectron, session } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let base: string;
let rendererDir: string;
let handle: (request: Request) => Promise<Response>;

beforeEach(async () => {
  resetFakeElectron();
  base = await mkdtemp(path.join(tmpdir(), 'mqtt-lab-protocol-'));
  rendererDir = path.join(base, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>MQTT Lab</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log("lab")');
  await writeFile(path.join(base, 'secret.txt'), 'TOP SECRET');
  handle = createAppRequestHandler(rendererDir);
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('app protocol handler', () => {
  it('serves the renderer with the CSP header and the right content type', async () => {
    const response = await handle(new Request(APP_ENTRY_URL));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>MQTT Lab</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');

    const script = await handle(new Request('app://lab/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    'app://lab/..%2f..%2fsecret.txt',
    'app://lab/..%2Fsecret.txt',
    'app://lab/%2e%2e%2fsecret.txt',
    'app://lab/assets/..%5c..%5csecret.txt',
    'app://lab/%2e%2e%5csecret.txt',
  ])('refuses the traversal %s and leaks nothing', async (url) => {
    const response = await handle(new Request(url));
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('TOP SECRET');
  });

  it('refuses plain ../ and absolute paths before touching the disk', () => {
    expect(resolveRequestPath(rendererDir, 'app://lab/x/..%2F..%2F..%2Fetc/passwd')).toBeNull();
    expect(resolveRequestPath(rendererDir, 'app://lab/%00index.html')).toBeNull();
    expect(resolveRequestPath(rendererDir, 'app://lab/%E0%A4%A')).toBeNull();
    expect(resolveRequestPath(rendererDir, 'app://lab//etc/passwd')).toBe(path.join(rendererDir, 'etc', 'passwd'));
  });

  it('refuses a symlink that leads outside the renderer folder', async () => {
    await symlink(path.join(base, 'secret.txt'), path.join(rendererDir, 'assets', 'escape.txt'));
    const response = await handle(new Request('app://lab/assets/escape.txt'));
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('TOP SECRET');
  });

  it('refuses other hosts and other schemes', async () => {
    expect((await handle(new Request('app://evil/index.html'))).status).toBe(403);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('http://lab/index.html')).toBe(false);
    expect(isAppUrl('app://lab:99/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl('app://lab/index.html')).toBe(true);
  });

  it('answers 404 for a missing asset, and the app itself for a route of the single-page app', async () => {
    expect((await handle(new Request('app://lab/assets/missing.js'))).status).toBe(404);
    const route = await handle(new Request('app://lab/explorer'));
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>MQTT Lab</title>');
  });

  it('serves index.html for the bare origin and refuses writes', async () => {
    expect(await (await handle(new Request('app://lab/'))).text()).toContain('MQTT Lab');
    expect((await handle(new Request('app://lab/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('scheme registration', () => {
  it('registers app:// as standard and secure, without bypassing CSP or opening CORS', () => {
    registerAppScheme();
    const [schemes] = protocol.registerSchemesAsPrivileged.mock.calls[0] as [{ scheme: string; privileges: Record<string, boolean> }[]];
    expect(schemes).toHaveLength(1);
    expect(schemes[0]?.scheme).toBe('app');
    expect(schemes[0]?.privileges).toMatchObject({ standard: true, secure: true });
    expect(schemes[0]?.privileges.bypassCSP).toBeFalsy();
    expect(schemes[0]?.privileges.corsEnabled).toBeFalsy();
  });

  it('installs the handler on the session and removes it on dispose', async () => {
    const served = serveAppProtocol(rendererDir);
    const target = session.defaultSession.protocol;
    expect(target.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = target.handle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
    expect((await handler(new Request(APP_ENTRY_URL))).headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    served.dispose();
    expect(target.unhandle).toHaveBeenCalledWith('app');
  });
});
