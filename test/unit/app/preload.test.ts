// The preload bridge: exposes only window.lab = { invoke, on }, checks names, fans one IPC listener out.
import { beforeEach, describe, expect, it, vi } from 'vitest';
// Importing the mocked module here pins it to this fake; the preload gets the same one after vi.resetModules().
import 'electron';
import { contextBridge, ipcRenderer, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

interface ExposedBridge {
  invoke(name: unknown, input?: unknown): Promise<unknown>;
  on(name: unknown, listener: unknown): () => void;
}

let lab: ExposedBridge;

// The preload runs once per page, at import: each test loads a fresh copy of it.
beforeEach(async () => {
  resetFakeElectron();
  vi.resetModules();
  await import('../../../src-preload/index');
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, api] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, ExposedBridge];
  expect(key).toBe('lab');
  lab = api;
});

describe('preload bridge', () => {
  it('exposes only invoke and on, both plain functions, and no Electron object', () => {
    expect(Object.keys(lab).sort()).toEqual(['invoke', 'on']);
    expect(typeof lab.invoke).toBe('function');
    expect(typeof lab.on).toBe('function');
    expect(Object.values(lab)).not.toContain(ipcRenderer);
  });

  it('invokes lab:<name> with the input and returns what main answers', async () => {
    await expect(lab.invoke('mqtt.publish', { topic: 'lab/temp' })).resolves.toEqual({ ok: true, value: 'from main' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('lab:mqtt.publish', { topic: 'lab/temp' });
  });

  it('turns a rejected invoke (no such channel) into a Result instead of a rejection', async () => {
    ipcRenderer.invoke.mockRejectedValueOnce(new Error("No handler registered for 'lab:mqtt.doMagic'"));
    await expect(lab.invoke('mqtt.doMagic', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', message: expect.stringContaining('No handler registered') },
    });
  });

  it.each([42, '', 'mqtt', 'mqtt.publish.now', '../x', 'lab:mqtt.publish', 'Mqtt.publish', 'mqtt.pub lish', undefined])(
    'refuses the command name %j with a Result, without touching IPC',
    async (name) => {
      await expect(lab.invoke(name, {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
      expect(ipcRenderer.invoke).not.toHaveBeenCalled();
    },
  );

  it('delivers each event only to listeners of that name, with the payload alone', () => {
    const statuses: unknown[] = [];
    const messages: unknown[] = [];
    lab.on('mqtt.statusChanged', (payload: unknown) => statuses.push(payload));
    lab.on('mqtt.messagesReceived', (payload: unknown) => messages.push(payload));
    ipcRenderer.emit('lab:event', { sender: 'ipc event' }, 'mqtt.statusChanged', { state: 'connected' });
    expect(statuses).toEqual([{ state: 'connected' }]);
    expect(messages).toEqual([]);
  });

  it('stops delivering once unsubscribed, and keeps one IPC listener however many subscribe', () => {
    const seen: unknown[] = [];
    const unsubscribe = lab.on('broker.statusChanged', (payload: unknown) => seen.push(payload));
    const other = lab.on('broker.statusChanged', () => {});
    ipcRenderer.emit('lab:event', {}, 'broker.statusChanged', 1);
    unsubscribe();
    ipcRenderer.emit('lab:event', {}, 'broker.statusChanged', 2);
    expect(seen).toEqual([1]);
    expect(ipcRenderer.listenerCount('lab:event')).toBe(1);
    other();
  });

  it('keeps delivering to the others when one listener throws', () => {
    const seen: unknown[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    lab.on('profiles.changed', () => {
      throw new Error('broken listener');
    });
    lab.on('profiles.changed', (payload: unknown) => seen.push(payload));
    ipcRenderer.emit('lab:event', {}, 'profiles.changed', { activeProfileId: 'builtin' });
    expect(seen).toEqual([{ activeProfileId: 'builtin' }]);
    error.mockRestore();
  });

  it('refuses bad event names and listeners that are not functions', () => {
    expect(() => lab.on('not-a-name', () => {})).toThrow(TypeError);
    expect(() => lab.on('mqtt.statusChanged', 'alert(1)')).toThrow(TypeError);
    ipcRenderer.emit('lab:event', {}, { toString: () => 'mqtt.statusChanged' }, 'ignored');
  });
});
