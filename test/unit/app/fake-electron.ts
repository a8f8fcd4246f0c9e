// A stand-in for the 'electron' module (Electron cannot run here): tests use `vi.mock('electron', () => import('./fake-electron'))`.
// Only the members src-main/app and src-preload touch; every fake records what it was asked to do.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
    public processId = 1,
    public routingId = 1,
  ) {}
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  mainFrame: FakeFrame;
  readonly sent: unknown[][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;

  constructor(url = 'app://lab/index.html') {
    super();
    this.mainFrame = new FakeFrame(url, null, 1, this.id * 100);
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  /** A frame inside this page (an iframe), sharing its process. */
  subframe(url: string): FakeFrame {
    return new FakeFrame(url, this.mainFrame, this.mainFrame.processId, this.mainFrame.routingId + 1);
  }
}

export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = [];
  /** Set to make the next window's loadURL reject, as Electron does when a page cannot load. */
  static nextLoadError: Error | undefined;
  readonly webContents = new FakeWebContents('');
  readonly loadURL = vi.fn(async (url: string) => {
    const error = BrowserWindow.nextLoadError;
    BrowserWindow.nextLoadError = undefined;
    if (error) throw error;
    this.webContents.mainFrame.url = url;
  });
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  minimized = false;
  destroyed = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isMinimized(): boolean {
    return this.minimized;
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle: vi.fn((channel: string, handler: InvokeHandler) => {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => ipcMain.handlers.delete(channel)),
};

export class FakeSession {
  readonly protocol = { handle: vi.fn(), unhandle: vi.fn() };
  readonly setPermissionRequestHandler = vi.fn();
  readonly setPermissionCheckHandler = vi.fn();
  readonly setDevicePermissionHandler = vi.fn();
}

export const session = { defaultSession: new FakeSession() };

export const protocol = { registerSchemesAsPrivileged: vi.fn() };

export const shell = { openExternal: vi.fn(async () => {}) };

export const dialog = { showErrorBox: vi.fn() };

class FakeApp extends EventEmitter {
  singleInstance = true;
  ready: Promise<void> = Promise.resolve();
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly getPath = vi.fn((name: string) => `/fake/${name}`);
  readonly getVersion = vi.fn(() => '9.9.9');
  readonly requestSingleInstanceLock = vi.fn(() => this.singleInstance);
  whenReady(): Promise<void> {
    return this.ready;
  }
}

export const app = new FakeApp();

export const safeStorage = {
  isAsyncEncryptionAvailable: vi.fn(async () => true),
  getSelectedStorageBackend: vi.fn((): 'basic_text' | 'gnome_libsecret' | 'unknown' => 'gnome_libsecret'),
  encryptStringAsync: vi.fn(async (plain: string) => Buffer.from([...Buffer.from(plain, 'utf8')].map((byte) => byte ^ 0x5a))),
  decryptStringAsync: vi.fn(async (sealed: Buffer) => ({
    shouldReEncrypt: false,
    result: Buffer.from([...sealed].map((byte) => byte ^ 0x5a)).toString('utf8'),
  })),
};

export class FakeUtilityProcess extends EventEmitter {
  pid: number | undefined = 4242;
  readonly postMessage = vi.fn();
  readonly kill = vi.fn(() => true);
}

export const utilityProcess = {
  forked: [] as { modulePath: string; args: unknown; options: unknown; child: FakeUtilityProcess }[],
  fork: vi.fn((modulePath: string, args?: unknown, options?: unknown) => {
    const child = new FakeUtilityProcess();
    utilityProcess.forked.push({ modulePath, args, options, child });
    return child;
  }),
};

export const contextBridge = { exposeInMainWorld: vi.fn() };

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: 'from main' })),
});

/** Fresh fakes for the next test: no handlers, windows, calls or listeners left over. */
export function resetFakeElectron(): void {
  // resetAllMocks also restores each vi.fn to the implementation it was created with.
  vi.resetAllMocks();
  ipcMain.handlers.clear();
  BrowserWindow.created = [];
  BrowserWindow.nextLoadError = undefined;
  session.defaultSession = new FakeSession();
  utilityProcess.forked = [];
  ipcRenderer.removeAllListeners();
  app.removeAllListeners();
  app.singleInstance = true;
  app.ready = Promise.resolve();
}
