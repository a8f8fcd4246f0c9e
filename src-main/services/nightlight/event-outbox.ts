// Collects nightlight changes and hands them on at most once per interval (50 ms = ~20 events a second per name),
// so a flood of telemetry never floods the UI. It knows nothing of MQTT; the service tells it what changed.
import type { ConsoleLine, HttpCall, LightPoint } from '../../../src-shared/contract/nightlight';

export interface OutboxFlush {
  device: boolean;
  server: boolean;
  counterfit: boolean;
  deviceLines: ConsoleLine[];
  deviceCleared: boolean;
  serverLines: ConsoleLine[];
  serverCleared: boolean;
  points: LightPoint[];
  historyCleared: boolean;
  calls: HttpCall[];
}

/** Beyond this many items of one kind waiting for one flush, the oldest are dropped: the UI reloads with getState. */
const MAX_PENDING_ITEMS = 2000;

function emptyFlush(): OutboxFlush {
  return {
    device: false,
    server: false,
    counterfit: false,
    deviceLines: [],
    deviceCleared: false,
    serverLines: [],
    serverCleared: false,
    points: [],
    historyCleared: false,
    calls: [],
  };
}

export class EventOutbox {
  private pending = emptyFlush();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly deliver: (flush: OutboxFlush) => void,
  ) {}

  mark(kind: 'device' | 'server' | 'counterfit'): void {
    this.pending[kind] = true;
    this.schedule();
  }

  addLine(target: 'device' | 'server', line: ConsoleLine): void {
    this.pushBounded(target === 'device' ? this.pending.deviceLines : this.pending.serverLines, line);
  }

  clearLines(target: 'device' | 'server'): void {
    if (target === 'device') {
      this.pending.deviceLines = [];
      this.pending.deviceCleared = true;
    } else {
      this.pending.serverLines = [];
      this.pending.serverCleared = true;
    }
    this.schedule();
  }

  addPoint(point: LightPoint): void {
    this.pushBounded(this.pending.points, point);
  }

  clearHistory(): void {
    this.pending.points = [];
    this.pending.historyCleared = true;
    this.schedule();
  }

  addCall(call: HttpCall): void {
    this.pushBounded(this.pending.calls, call);
  }

  /** Hands on whatever is waiting now (used before dispose). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const flush = this.pending;
    this.pending = emptyFlush();
    this.deliver(flush);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = emptyFlush();
  }

  private pushBounded<T>(list: T[], item: T): void {
    list.push(item);
    // Dropping half at once keeps the cost per item constant even in a flood.
    if (list.length > MAX_PENDING_ITEMS) list.splice(0, MAX_PENDING_ITEMS / 2);
    this.schedule();
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }
}
