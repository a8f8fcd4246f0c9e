// The app:// scheme the Electron window loads the renderer from: serves files from out/renderer only,
// refuses anything outside it (../, encoded or not, symlinks), and sends the CSP with every response.
import { englishErrorMessage, errorText, type ErrorKey, type ErrorParams } from '../../src-shared/i18n/error-text';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { protocol, session as electronSession, type Session } from 'electron';
import type { Disposable } from '../lib/emitter';
import { CONTENT_SECURITY_POLICY } from './csp';

/** An HTTP body for a refused request: plain English (a browser shows it as text), from the shared sentences. */
function english(key: ErrorKey, params: ErrorParams): string {
  return englishErrorMessage(errorText(key, params));
}

export const APP_SCHEME = 'app';
export const APP_HOST = 'lab';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** True for URLs of our own renderer, and nothing else (not file://, not http://localhost, not app://other). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    // Node's URL gives a custom scheme the origin "null", so compare scheme and host instead.
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.port === '';
  } catch {
    return false;
  }
}

/**
 * Electron security checklist #18: avoid file://, prefer a custom protocol.
 * Must run before the app is ready. `standard` gives the scheme a real origin (relative URLs, storage);
 * `secure` makes it a secure context. No `corsEnabled` and no `bypassCSP`: other origins cannot read it
 * and our CSP always applies.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves out/renderer on app://lab for the given session (the default one unless told otherwise). */
export function serveAppProtocol(rendererDir: string, target: Session = electronSession.defaultSession): Disposable {
  target.protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir));
  return { dispose: () => target.protocol.unhandle(APP_SCHEME) };
}

function respond(status: number, body: string | Uint8Array, contentType = 'text/plain; charset=utf-8'): Response {
  return new Response(body as BodyInit, {
    status,
    headers: {
      'Content-Type': contentType,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/**
 * Maps a request URL to a file path under rendererDir, or null when the request is not ours or tries
 * to leave the folder. Chromium already folds plain "../", so this also catches %2e%2e, %2f and backslashes.
 */
export function resolveRequestPath(rendererDir: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  if (decoded.split(/[/\\]/).some((segment) => segment === '..')) return null;
  const relative = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const root = path.resolve(rendererDir);
  const resolved = path.resolve(root, `.${path.sep}${relative.replace(/^[/\\]+/, '')}`);
  return isInside(root, resolved) ? resolved : null;
}

async function readInside(root: string, filePath: string): Promise<Uint8Array | 'outside' | 'missing'> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(filePath)]);
    // A symlink inside out/renderer must not lead outside it either.
    if (!isInside(realRoot, realFile)) return 'outside';
    return await readFile(realFile);
  } catch {
    return 'missing';
  }
}

/** The protocol handler itself: pure Request -> Response, so tests can call it without Electron. */
export function createAppRequestHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return respond(405, english('errors.app.onlyGet', { method: request.method }));
    }
    const filePath = resolveRequestPath(root, request.url);
    if (filePath === null) return respond(403, english('errors.app.notAFile', { url: request.url }));
    let body = await readInside(root, filePath);
    let servedPath = filePath;
    // Routes of the single-page app (no file extension) load the app itself, so a reload keeps working.
    if (body === 'missing' && path.extname(filePath) === '') {
      servedPath = path.join(root, 'index.html');
      body = await readInside(root, servedPath);
    }
    if (body === 'outside') return respond(403, english('errors.app.outside', { url: request.url }));
    if (body === 'missing') return respond(404, english('errors.app.missing', { path: new URL(request.url).pathname }));
    const contentType = MIME_TYPES[path.extname(servedPath).toLowerCase()] ?? 'application/octet-stream';
    return respond(200, request.method === 'HEAD' ? '' : body, contentType);
  };
}
