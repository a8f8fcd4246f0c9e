// The main window's webPreferences: the Electron security checklist settings, and what it loads.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow, mainWindowOptions } from '../../../src-main/app/window';
import { silentLogger } from '../../../src-main/lib/logger';
import { BrowserWindow, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(() => resetFakeElectron());

describe('main window', () => {
  it('isolates, sandboxes and keeps Node and insecure content out of the renderer', () => {
    const preferences = mainWindowOptions('/app/out/preload/index.cjs').webPreferences;
    expect(preferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('creates the window with those options and loads the renderer over app://, shown once ready', async () => {
    const window = createMainWindow('/app/out/preload/index.cjs', silentLogger);
    const created = BrowserWindow.created[0];
    expect(created).toBeDefined();
    expect((created?.options.webPreferences as Record<string, unknown>).sandbox).toBe(true);
    expect(created?.loadURL).toHaveBeenCalledWith('app://lab/index.html');
    expect(created?.options.show).toBe(false);
    (window as unknown as BrowserWindow).emit('ready-to-show');
    expect(created?.show).toHaveBeenCalledTimes(1);
  });

  it('logs a failed load instead of leaving an unhandled rejection', async () => {
    const logger = { ...silentLogger, error: vi.fn() };
    BrowserWindow.nextLoadError = new Error('ERR_FAILED');
    createMainWindow('/p', logger);
    await vi.waitFor(() =>
      expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('app://lab/index.html'), expect.any(Error)),
    );
  });
});
