// What every web page of the app may do at run time: no navigation, no new windows, no webviews,
// no permissions; links leave the app only for https pages on the allowlist, in the user's browser.
import { app, shell, type Session, type WebContents } from 'electron';
import type { Logger } from '../lib/logger';

export interface AllowedSite {
  host: string;
  /** When set, only this path and what lies below it. */
  pathPrefix?: string;
}

/** Pages the lesson links to. Anything else a page asks to open is simply refused. */
export const EXTERNAL_LINK_ALLOWLIST: readonly AllowedSite[] = [
  { host: 'github.com', pathPrefix: '/microsoft/IoT-For-Beginners' },
  { host: 'microsoft.github.io', pathPrefix: '/IoT-For-Beginners' },
  { host: 'mosquitto.org' },
  { host: 'mqtt.org' },
  { host: 'docs.oasis-open.org', pathPrefix: '/mqtt' },
];

export type OpenExternal = (url: string) => Promise<void>;

function underPrefix(pathname: string, prefix: string | undefined): boolean {
  if (prefix === undefined) return true;
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/** Electron security checklist #15: only https, only exact hosts on the list, no credentials, no odd ports. */
export function isAllowedExternalUrl(url: string, allowlist: readonly AllowedSite[] = EXTERNAL_LINK_ALLOWLIST): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return false;
  return allowlist.some((site) => parsed.hostname === site.host && underPrefix(parsed.pathname, site.pathPrefix));
}

function openIfAllowed(url: string, openExternal: OpenExternal, logger: Logger): void {
  if (!isAllowedExternalUrl(url)) {
    logger.warn(`Refused to open ${url}: only https pages on the lesson's allowlist open in the browser.`);
    return;
  }
  openExternal(url).catch((error: unknown) => logger.warn(`The browser could not open ${url}`, error));
}

/** Locks down one WebContents. Installed for every WebContents the app ever creates. */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal, logger: Logger): void {
  // Electron security checklist #13: disable navigation. Allowlisted links go to the browser instead.
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    openIfAllowed(event.url, openExternal, logger);
  });
  // Subframes (there should be none) may not navigate either, nor may anything redirect.
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  // Electron security checklist #14: disable the creation of new windows.
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url, openExternal, logger);
    return { action: 'deny' };
  });
  // Electron security checklist #11/#12: no <webview> may ever be attached.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Electron security checklist #5: handle session permission requests. The lab needs none, so all are refused. */
export function denyAllPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
}

/**
 * Call before the app is ready, so even the first WebContents is covered. shell.openExternal is reached only through
 * openIfAllowed(), which passes https pages on the allowlist and nothing else (test/unit/app/security.test.ts).
 */
export function installWebContentsHardening(logger: Logger, openExternal: OpenExternal = (url) => shell.openExternal(url)): void { // eng-disable OPEN_EXTERNAL_JS_CHECK
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal, logger));
}
