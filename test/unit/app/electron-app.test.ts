// The desktop app lifecycle with a fake Electron: single instance, start order, and a quit that closes the lab exactly once.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveAppPaths, runElectronApp, type LabRuntime } from '../../../src-main/app/electron-app';
import { EventBus } from '../../../src-main/ipc/event-bus';
import { silentLogger } from '../../../src-main/lib/logger';
import { app, BrowserWindow, dialog, ipcMain, resetFakeElectron, session } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const order: string[] = [];

function fakeRuntime() {
  const lab = {
    bus: new EventBus(),
    // Records what already existed when the lab started: the window and the IPC channels must come first.
    start: vi.fn(async () => {
      order.push(`lab.start windows=${BrowserWindow.created.length} channels=${ipcMain.handlers.size > 0}`);
    }),
    dispose: vi.fn(async () => {
      order.push('lab.dispose');
    }),
  };
  return { lab, dispatch: vi.fn(async () => ({ ok: true as const, value: null })) };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

function quitEvent() {
  return { preventDefault: vi.fn() };
}

let runtime: ReturnType<typeof fakeRuntime>;
let buildLab: ReturnType<typeof vi.fn<() => Promise<LabRuntime>>>;
type LogMock = ReturnType<typeof vi.fn<(message: string, details?: unknown) => void>>;
let logger: typeof silentLogger & { warn: LogMock; error: LogMock };

function start(options: { disposeTimeoutMs?: number } = {}) {
  runElectronApp({ mainDir: '/app/out/main', logger, buildLab, ...options });
}

async function started(): Promise<void> {
  await vi.waitFor(() => expect(runtime.lab.start).toHaveBeenCalled());
}

beforeEach(() => {
  resetFakeElectron();
  order.length = 0;
  runtime = fakeRuntime();
  buildLab = vi.fn(async () => {
    order.push('buildLab');
    return runtime;
  });
  logger = { ...silentLogger, warn: vi.fn(), error: vi.fn() };
});

describe('start', () => {
  it('finds preload, renderer and broker worker next to main’s output', () => {
    expect(resolveAppPaths('/app/out/main')).toEqual({
      preload: '/app/out/preload/index.cjs',
      renderer: '/app/out/renderer',
      brokerWorker: '/app/out/main/broker-worker.js',
    });
  });

  it('builds the lab in userData, registers IPC, opens the window, then starts the lab', async () => {
    start();
    await started();
    expect(buildLab).toHaveBeenCalledWith({
      dataDir: '/fake/userData',
      version: '9.9.9',
      paths: resolveAppPaths('/app/out/main'),
    });
    expect(ipcMain.handlers.has('lab:app.getInfo')).toBe(true);
    expect(BrowserWindow.created).toHaveLength(1);
    expect(BrowserWindow.created[0]?.loadURL).toHaveBeenCalledWith('app://lab/index.html');
    expect(order).toEqual(['buildLab', 'lab.start windows=1 channels=true']);
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(session.defaultSession.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('gives up at once when another MQTT Lab is already running', async () => {
    app.singleInstance = false;
    start();
    await Promise.resolve();
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(buildLab).not.toHaveBeenCalled();
    expect(app.listenerCount('before-quit')).toBe(0);
  });

  it('focuses (and restores) the existing window when a second instance starts', async () => {
    start();
    await started();
    const window = BrowserWindow.created[0]!;
    window.minimized = true;
    app.emit('second-instance', {}, [], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(BrowserWindow.created).toHaveLength(1);
  });

  it('shows an error and exits with 1 when the lab cannot be built', async () => {
    buildLab.mockRejectedValueOnce(new Error('The data folder is read-only.'));
    start();
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
    expect(dialog.showErrorBox).toHaveBeenCalledWith('MQTT Lab could not start', expect.stringContaining('read-only'));
    expect(BrowserWindow.created).toHaveLength(0);
  });

  it('keeps the window open when the lab starts only partly (broker port taken)', async () => {
    runtime.lab.start.mockRejectedValueOnce(new Error('EADDRINUSE 127.0.0.1:1883'));
    start();
    await vi.waitFor(() => expect(logger.error).toHaveBeenCalled());
    expect(BrowserWindow.created).toHaveLength(1);
    expect(app.exit).not.toHaveBeenCalled();
  });

  it('quits when the last window closes', async () => {
    start();
    await started();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalled();
  });
});

describe('clean quit', () => {
  it('holds the quit until lab.dispose has finished, disposes once, then exits', async () => {
    const disposing = deferred<void>();
    runtime.lab.dispose.mockImplementationOnce(() => disposing.promise);
    start();
    await started();

    const first = quitEvent();
    const second = quitEvent();
    app.emit('before-quit', first);
    app.emit('before-quit', second);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(second.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(runtime.lab.dispose).toHaveBeenCalledTimes(1));
    expect(app.exit).not.toHaveBeenCalled();
    expect(ipcMain.handlers.size).toBe(0);

    disposing.resolve();
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    const after = quitEvent();
    app.emit('before-quit', after);
    expect(after.preventDefault).not.toHaveBeenCalled();
    expect(runtime.lab.dispose).toHaveBeenCalledTimes(1);
    expect(app.exit).toHaveBeenCalledTimes(1);
  });

  it('quits anyway when the lab does not close in time', async () => {
    runtime.lab.dispose.mockImplementationOnce(() => new Promise<void>(() => {}));
    start({ disposeTimeoutMs: 20 });
    await started();
    app.emit('before-quit', quitEvent());
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('20 ms'));
  });

  it('quits anyway when lab.dispose fails', async () => {
    runtime.lab.dispose.mockRejectedValueOnce(new Error('broker would not stop'));
    start();
    await started();
    app.emit('before-quit', quitEvent());
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    expect(logger.error).toHaveBeenCalled();
  });

  it('a quit during start-up waits for the lab, disposes it, and never opens the window', async () => {
    const building = deferred<LabRuntime>();
    buildLab.mockImplementationOnce(() => building.promise);
    start();
    await vi.waitFor(() => expect(buildLab).toHaveBeenCalled());
    app.emit('before-quit', quitEvent());
    await Promise.resolve();
    expect(runtime.lab.dispose).not.toHaveBeenCalled();

    building.resolve(runtime);
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    expect(runtime.lab.dispose).toHaveBeenCalledTimes(1);
    expect(runtime.lab.start).not.toHaveBeenCalled();
    expect(BrowserWindow.created).toHaveLength(0);
  });
});
