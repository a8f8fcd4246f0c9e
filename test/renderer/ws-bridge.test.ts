// The WebSocket bridge: invokes by id, events, a dropped socket becomes a Result error, and it reconnects by itself.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostLinkInfo } from '../../src-renderer/src/bridge/host-link';
import { takeHostToken } from '../../src-renderer/src/bridge/token';
import { bridgeUrl, createWsBridge, type SocketLike, type WsBridge } from '../../src-renderer/src/bridge/ws-bridge';

class FakeWebSocket implements SocketLike {
  static made: FakeWebSocket[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  readonly sent: Array<{ type: string; id: number; name: string; input: unknown }> = [];
  closed = false;

  constructor(readonly url: string) {
    FakeWebSocket.made.push(this);
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }

  close(): void {
    this.closed = true;
  }

  // What the host (or the network) does to this socket:
  open(): void {
    this.onopen?.({});
  }

  drop(): void {
    this.onerror?.({});
    this.onclose?.({ code: 1006 });
  }

  answer(id: number, result: unknown): void {
    this.onmessage?.({ data: JSON.stringify({ type: 'result', id, result }) });
  }

  push(name: string, payload: unknown): void {
    this.onmessage?.({ data: JSON.stringify({ type: 'event', name, payload }) });
  }
}

const URL = 'ws://127.0.0.1:5555/bridge?token=abc';
let bridge: WsBridge;
let links: HostLinkInfo[];

function latest(): FakeWebSocket {
  const socket = FakeWebSocket.made.at(-1);
  if (!socket) throw new Error('no socket made');
  return socket;
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeWebSocket.made = [];
  links = [];
  bridge = createWsBridge({ url: URL, WebSocketCtor: FakeWebSocket, reconnectDelaysMs: [100, 400], queueTimeoutMs: 1000 });
  bridge.link.onChange((info) => links.push(info));
});

afterEach(() => {
  bridge.dispose();
  vi.useRealTimers();
});

describe('ws-bridge', () => {
  it('sends an invoke frame once open and resolves with the result frame of the same id', async () => {
    expect(latest().url).toBe(URL);
    const pending = bridge.invoke('broker.getStatus', {});
    latest().open();
    const frame = latest().sent[0];
    expect(frame).toMatchObject({ type: 'invoke', name: 'broker.getStatus', input: {} });
    latest().answer(frame!.id, { ok: true, value: { state: 'running' } });
    await expect(pending).resolves.toEqual({ ok: true, value: { state: 'running' } });
    expect(bridge.link.getInfo().state).toBe('open');
  });

  it('delivers pushed events to listeners until they unsubscribe', () => {
    latest().open();
    const seen: unknown[] = [];
    const stop = bridge.on('profiles.changed', (payload) => seen.push(payload));
    latest().push('profiles.changed', { activeProfileId: 'a' });
    stop();
    latest().push('profiles.changed', { activeProfileId: 'b' });
    expect(seen).toEqual([{ activeProfileId: 'a' }]);
  });

  it('turns a dropped socket into a Result error and reconnects by itself', async () => {
    const first = latest();
    first.open();
    const inFlight = bridge.invoke('mqtt.publish', { clientName: 'lab', topic: 'a/b', payload: 'x' });
    first.drop();

    const result = await inFlight;
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('UNAVAILABLE');
      expect(result.error.message).toContain('Lost contact with the lab host');
    }
    expect(bridge.link.getInfo()).toMatchObject({ state: 'lost', failedAttempts: 1 });

    // While it is down, an invoke waits; the host comes back within the wait, so it is sent then.
    const queued = bridge.invoke('settings.get', {});
    await vi.advanceTimersByTimeAsync(100);
    expect(FakeWebSocket.made).toHaveLength(2);
    const second = latest();
    expect(second.url).toBe(URL);
    second.open();
    expect(links.map((link) => link.state)).toEqual(['open', 'lost', 'open']);
    const frame = second.sent[0]!;
    expect(frame.name).toBe('settings.get');
    second.answer(frame.id, { ok: true, value: { locale: 'en', activeProfileId: 'builtin' } });
    await expect(queued).resolves.toMatchObject({ ok: true });
  });

  it('keeps retrying while the host stays away and fails waiting invokes with a Result, never a rejection', async () => {
    latest().drop();
    const waiting = bridge.invoke('app.getInfo', {});
    await vi.advanceTimersByTimeAsync(100);
    latest().drop();
    await vi.advanceTimersByTimeAsync(400);
    latest().drop();
    await vi.advanceTimersByTimeAsync(400);
    expect(FakeWebSocket.made).toHaveLength(4);
    expect(bridge.link.getInfo().failedAttempts).toBe(3);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(waiting).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('answers with a Result error after dispose instead of hanging', async () => {
    bridge.dispose();
    await expect(bridge.invoke('app.getInfo', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(latest().closed).toBe(true);
  });
});

describe('bridge address and token', () => {
  it('builds ws:// or wss:// on the page host with the token', () => {
    expect(bridgeUrl({ protocol: 'http:', host: '127.0.0.1:4000' }, 'a b')).toBe('ws://127.0.0.1:4000/bridge?token=a%20b');
    expect(bridgeUrl({ protocol: 'https:', host: 'pi.local' }, null)).toBe('wss://pi.local/bridge');
  });

  it('remembers the token for reloads and hides it from the address bar', () => {
    const storage = new Map<string, string>();
    const replaced: string[] = [];
    const page = {
      location: { search: '?token=s3cret&lang=en', pathname: '/', hash: '#/explorer' },
      history: { state: null, replaceState: (_state: unknown, _title: string, url?: string | URL | null) => void replaced.push(String(url)) },
      sessionStorage: { getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => void storage.set(key, value) },
    };
    expect(takeHostToken(page)).toBe('s3cret');
    expect(replaced).toEqual(['/?lang=en#/explorer']);
    page.location.search = '';
    expect(takeHostToken(page)).toBe('s3cret');
  });
});
