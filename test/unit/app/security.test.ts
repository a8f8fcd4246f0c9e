// Run-time lockdown of every page: navigation, new windows, webviews, permissions and external links.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import {
  denyAllPermissions,
  hardenWebContents,
  installWebContentsHardening,
  isAllowedExternalUrl,
} from '../../../src-main/app/security';
import { silentLogger } from '../../../src-main/lib/logger';
import { app, FakeSession, FakeWebContents, resetFakeElectron, shell } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

function preventable(url = '') {
  return { url, preventDefault: vi.fn() };
}

let contents: FakeWebContents;
let openExternal: ReturnType<typeof vi.fn<(url: string) => Promise<void>>>;

beforeEach(() => {
  resetFakeElectron();
  contents = new FakeWebContents();
  openExternal = vi.fn(async () => {});
  hardenWebContents(contents as unknown as WebContents, openExternal, silentLogger);
});

describe('navigation and windows', () => {
  it('denies every navigation, including to our own origin', () => {
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://lab/other.html']) {
      const event = preventable(url);
      contents.emit('will-navigate', event);
      expect(event.preventDefault).toHaveBeenCalled();
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies subframe navigation, redirects and webview attachment', () => {
    for (const name of ['will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = preventable('https://evil.example/');
      contents.emit(name, event);
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
  });

  it('denies every new window; an allowlisted https link opens in the browser instead', () => {
    expect(contents.windowOpenHandler?.({ url: 'https://mosquitto.org/man/mosquitto-8.html' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://mosquitto.org/man/mosquitto-8.html');
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://lab/index.html' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('opens an allowlisted link clicked inside the page in the browser, and stays put', () => {
    const event = preventable('https://github.com/microsoft/IoT-For-Beginners/tree/main/1-getting-started');
    contents.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith(event.url);
  });

  it('logs instead of crashing when the browser cannot be opened', async () => {
    const logger = { ...silentLogger, warn: vi.fn() };
    const failing = new FakeWebContents();
    hardenWebContents(failing as unknown as WebContents, async () => Promise.reject(new Error('no browser')), logger);
    failing.windowOpenHandler?.({ url: 'https://mqtt.org/' });
    await vi.waitFor(() => expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('https://mqtt.org/'), expect.any(Error)));
  });

  it('hardens every WebContents the app creates, opening links with shell.openExternal', () => {
    installWebContentsHardening(silentLogger);
    const created = new FakeWebContents();
    app.emit('web-contents-created', {}, created);
    expect(created.windowOpenHandler?.({ url: 'https://mqtt.org/' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://mqtt.org/');
  });
});

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://mosquitto.org/',
    'https://mqtt.org/mqtt-specification/',
    'https://github.com/microsoft/IoT-For-Beginners',
    'https://github.com/microsoft/IoT-For-Beginners/blob/main/README.md',
    'https://docs.oasis-open.org/mqtt/mqtt/v3.1.1/os/mqtt-v3.1.1-os.html',
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));

  it.each([
    'http://mosquitto.org/',
    'https://mosquitto.org.evil.example/',
    'https://evil-mosquitto.org/',
    'https://user:secret@mosquitto.org/',
    'https://mosquitto.org:8443/',
    'https://github.com/microsoft/IoT-For-Beginners-fork',
    'https://github.com/attacker/repo',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'smb://mosquitto.org/share',
    'not a url',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});

describe('permissions', () => {
  it('denies every permission request and every permission check', () => {
    const target = new FakeSession();
    denyAllPermissions(target as unknown as Session);
    const request = target.setPermissionRequestHandler.mock.calls[0]?.[0] as (c: unknown, p: string, cb: (ok: boolean) => void) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'serial', 'openExternal']) {
      const callback = vi.fn();
      request(contents, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = target.setPermissionCheckHandler.mock.calls[0]?.[0] as (c: unknown, p: string) => boolean;
    expect(check(contents, 'serial')).toBe(false);
    expect(check(contents, 'clipboard-read')).toBe(false);
    const device = target.setDevicePermissionHandler.mock.calls[0]?.[0] as (details: unknown) => boolean;
    expect(device({ deviceType: 'serial' })).toBe(false);
  });
});
