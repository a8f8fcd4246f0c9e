// The main window: its locked-down webPreferences and what it loads (app://lab, never file:// or http).
// It must not decide what the window may do at run time: that is security.ts.
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import type { Logger } from '../lib/logger';
import { APP_ENTRY_URL } from './app-protocol';

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'MQTT Lab',
    // Shown on ready-to-show so students never see a blank white flash.
    show: false,
    webPreferences: {
      preload: preloadPath,
      // Electron security checklist #3: enable context isolation.
      contextIsolation: true,
      // Electron security checklist #4: enable process sandboxing.
      sandbox: true,
      // Electron security checklist #2: do not enable Node.js integration for remote content.
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      // Electron security checklist #6: do not disable webSecurity.
      webSecurity: true,
      // Electron security checklist #8: do not enable allowRunningInsecureContent.
      allowRunningInsecureContent: false,
      // Electron security checklist #9: do not enable experimental features.
      experimentalFeatures: false,
      // Electron security checklist #12: no <webview> at all, so there are no webview options to verify.
      webviewTag: false,
      // Electron security checklist #13: dropping a file on the window must not navigate to it.
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** Creates the window and loads the renderer through the app protocol (Electron security checklist #18). */
export function createMainWindow(preloadPath: string, logger: Logger): BrowserWindow {
  // Electronegativity reads only literal options at this call, so it cannot see mainWindowOptions(): contextIsolation
  // and sandbox are on there (test/unit/app/window.test.ts), and a middle-click (auxclick) cannot open a window because
  // security.ts's setWindowOpenHandler denies every new window.
  const window = new BrowserWindow(mainWindowOptions(preloadPath)); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => logger.error(`The window could not load ${APP_ENTRY_URL}`, error));
  return window;
}
