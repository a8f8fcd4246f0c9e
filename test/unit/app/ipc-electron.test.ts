// The Electron IPC adapter: one channel per command, only our window's top frame may call, events only to our windows.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { commands } from '../../../src-shared/contract/commands';
import type { Result } from '../../../src-shared/contract/result';
import { EVENT_CHANNEL, registerIpcAdapter, type OwnWindow } from '../../../src-main/app/ipc-electron';
import { EventBus } from '../../../src-main/ipc/event-bus';
import { silentLogger } from '../../../src-main/lib/logger';
import { FakeFrame, FakeWebContents, ipcMain, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

class Window {
  destroyed = false;
  readonly webContents = new FakeWebContents();
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

let bus: EventBus;
let own: Window;
let dispatch: ReturnType<typeof vi.fn<(name: unknown, input: unknown) => Promise<Result<unknown>>>>;
let adapter: { dispose(): void };

beforeEach(() => {
  resetFakeElectron();
  bus = new EventBus();
  own = new Window();
  dispatch = vi.fn(async (name: unknown) => ({ ok: true as const, value: `did ${String(name)}` }));
  adapter = registerIpcAdapter({
    dispatch,
    bus,
    ownWindows: () => [own as unknown as OwnWindow],
    logger: silentLogger,
  });
});

function call(channel: string, sender: FakeWebContents, senderFrame: FakeFrame | null, input?: unknown) {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler({ sender, senderFrame }, input) as Promise<Result<unknown>>;
}

describe('command channels', () => {
  it('registers exactly one lab:<name> channel per contract command', () => {
    const expected = Object.keys(commands).map((name) => `lab:${name}`).sort();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(expected);
  });

  it("accepts our window's main frame and hands name and input to the dispatcher", async () => {
    const input = { clientName: 'lab', topic: 'lab/temp', payload: '21' };
    const result = await call('lab:mqtt.publish', own.webContents, own.webContents.mainFrame, input);
    expect(result).toEqual({ ok: true, value: 'did mqtt.publish' });
    expect(dispatch).toHaveBeenCalledWith('mqtt.publish', input);
  });

  it('rejects a subframe of our own window with a Result, never a throw', async () => {
    const iframe = own.webContents.subframe('app://lab/index.html');
    const result = await call('lab:mqtt.publish', own.webContents, iframe, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('rejects a foreign origin in our window', async () => {
    own.webContents.mainFrame.url = 'https://evil.example/index.html';
    const result = await call('lab:profiles.list', own.webContents, own.webContents.mainFrame);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(result.ok || result.error.message).toContain('https://evil.example/index.html');
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('rejects a file:// page and a look-alike app:// host', async () => {
    for (const url of ['file:///tmp/index.html', 'app://other/index.html']) {
      own.webContents.mainFrame.url = url;
      expect(await call('lab:app.getInfo', own.webContents, own.webContents.mainFrame)).toMatchObject({ ok: false });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('rejects a WebContents that is not one of our windows, and a sender frame that is gone', async () => {
    const stranger = new FakeWebContents('app://lab/index.html');
    expect(await call('lab:app.getInfo', stranger, stranger.mainFrame)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(await call('lab:app.getInfo', own.webContents, null)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    own.destroyed = true;
    expect(await call('lab:app.getInfo', own.webContents, own.webContents.mainFrame)).toMatchObject({ ok: false });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('rejects a top-level-looking frame that is not the main frame of the sender', async () => {
    const other = new FakeFrame('app://lab/index.html', null, 7, 7);
    expect(await call('lab:app.getInfo', own.webContents, other)).toMatchObject({ ok: false });
  });

  it('removes every channel on dispose', () => {
    adapter.dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('events', () => {
  it('sends bus events to our windows on lab:event as (name, payload)', () => {
    const status = { clientName: 'lab', state: 'connected' };
    bus.publish('mqtt.statusChanged', status as never);
    expect(own.webContents.sent).toEqual([[EVENT_CHANNEL, 'mqtt.statusChanged', status]]);
  });

  it('sends nothing to a destroyed window or one showing a foreign page', () => {
    own.webContents.mainFrame.url = 'https://evil.example/';
    bus.publish('profiles.changed', { activeProfileId: 'builtin' });
    own.webContents.mainFrame.url = 'app://lab/index.html';
    own.destroyed = true;
    bus.publish('profiles.changed', { activeProfileId: 'builtin' });
    expect(own.webContents.sent).toEqual([]);
  });

  it('stops forwarding after dispose', () => {
    adapter.dispose();
    bus.publish('profiles.changed', { activeProfileId: 'builtin' });
    expect(own.webContents.sent).toEqual([]);
  });
});
