// The Electron app lifecycle: single instance, security hooks, the app protocol, the IPC adapter, windows,
// and a clean quit that waits for the lab to close its clients and broker. Which services exist is main.ts's call.
import { englishErrorMessage, errorText } from '../../src-shared/i18n/error-text';
import path from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import type { Dispatch } from '../ipc/dispatcher';
import type { EventBus } from '../ipc/event-bus';
import type { Disposable } from '../lib/emitter';
import type { Logger } from '../lib/logger';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { registerIpcAdapter } from './ipc-electron';
import { denyAllPermissions, installWebContentsHardening } from './security';
import { createMainWindow } from './window';

export interface AppPaths {
  preload: string;
  renderer: string;
  brokerWorker: string;
}

/** Where the build puts each piece, relative to main's own output folder (out/main). */
export function resolveAppPaths(mainDir: string): AppPaths {
  return {
    preload: path.join(mainDir, '..', 'preload', 'index.cjs'),
    renderer: path.join(mainDir, '..', 'renderer'),
    brokerWorker: path.join(mainDir, 'broker-worker.js'),
  };
}

export interface LabRuntime {
  lab: { bus: Pick<EventBus, 'subscribe'>; start(): Promise<void>; dispose(): Promise<void> };
  dispatch: Dispatch;
}

export interface LabContext {
  dataDir: string;
  version: string;
  paths: AppPaths;
}

export interface ElectronAppOptions {
  mainDir: string;
  logger: Logger;
  /** Builds the lab once Electron is ready. */
  buildLab(context: LabContext): Promise<LabRuntime>;
  /** A broker that will not stop must not keep the app from quitting. */
  disposeTimeoutMs?: number;
}

async function withTimeout(work: Promise<void>, timeoutMs: number): Promise<'done' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    return await Promise.race([work.then(() => 'done' as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function focus(window: BrowserWindow | undefined): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

class ElectronApp {
  private readonly windows = new Set<BrowserWindow>();
  private runtime: Promise<LabRuntime> | undefined;
  private ipc: Disposable | undefined;
  private quitState: 'running' | 'disposing' | 'done' = 'running';
  private readonly paths: AppPaths;

  constructor(private readonly options: ElectronAppOptions) {
    this.paths = resolveAppPaths(options.mainDir);
  }

  run(): void {
    registerAppScheme();
    installWebContentsHardening(this.options.logger);
    if (!app.requestSingleInstanceLock()) {
      // Two labs would fight over port 1883 and the same files: hand over to the first one.
      app.quit();
      return;
    }
    app.on('second-instance', () => focus(this.windows.values().next().value));
    app.on('window-all-closed', () => app.quit());
    app.on('before-quit', (event) => this.onBeforeQuit(event));
    app.whenReady().then(
      () => this.start(),
      (error: unknown) => this.fail(error),
    );
  }

  private async start(): Promise<void> {
    const { logger } = this.options;
    denyAllPermissions(session.defaultSession);
    serveAppProtocol(this.paths.renderer);
    const context = { dataDir: app.getPath('userData'), version: app.getVersion(), paths: this.paths };
    this.runtime = this.options.buildLab(context);
    let runtime: LabRuntime;
    try {
      runtime = await this.runtime;
    } catch (error) {
      this.fail(error);
      return;
    }
    if (this.quitState !== 'running') return;
    this.ipc = registerIpcAdapter({ dispatch: runtime.dispatch, bus: runtime.lab.bus, ownWindows: () => [...this.windows], logger });
    this.openWindow();
    // A broker that cannot start (port taken) is shown as a status in the window, not a crash.
    await runtime.lab.start().catch((error: unknown) => logger.error('The lab did not start completely', error));
  }

  private openWindow(): void {
    const window = createMainWindow(this.paths.preload, this.options.logger);
    this.windows.add(window);
    window.on('closed', () => this.windows.delete(window));
  }

  private onBeforeQuit(event: { preventDefault(): void }): void {
    if (this.quitState === 'done') return;
    // Quit waits until the broker and every client are closed, so port 1883 is free for the next start.
    event.preventDefault();
    if (this.quitState === 'disposing') return;
    this.quitState = 'disposing';
    void this.disposeThenExit();
  }

  private async disposeThenExit(): Promise<void> {
    const { logger, disposeTimeoutMs = 5000 } = this.options;
    try {
      this.ipc?.dispose();
      const runtime = await this.runtime?.catch(() => undefined);
      if (runtime && (await withTimeout(runtime.lab.dispose(), disposeTimeoutMs)) === 'timeout') {
        logger.warn(`The lab did not close within ${disposeTimeoutMs} ms; quitting anyway.`);
      }
    } catch (error) {
      logger.error('Closing the lab failed', error);
    } finally {
      this.quitState = 'done';
      app.exit(0);
    }
  }

  private fail(error: unknown): void {
    this.options.logger.error('MQTT Lab could not start', error);
    const reason = error instanceof Error ? error.message : String(error);
    // Before the page (and its language) exists, so in English, from the same sentences the UI translates.
    dialog.showErrorBox(englishErrorMessage(errorText('errors.app.startFailedTitle')), englishErrorMessage(errorText('errors.app.startFailed', { reason })));
    this.quitState = 'done';
    app.exit(1);
  }
}

/** Starts the desktop app. Call once, at the top level of main.ts, before the app is ready. */
export function runElectronApp(options: ElectronAppOptions): void {
  new ElectronApp(options).run();
}
