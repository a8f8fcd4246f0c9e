// Looks at the serial ports every second: the listed ones named from their USB ids, plus the paths the student
// typed (remembered, shown even when absent). Reports a change only when the list really changed.
import type { BoardPort, BoardPorts } from '../../../src-shared/contract/board';
import { Emitter, type Disposable } from '../../lib/emitter';
import type { Logger } from '../../lib/logger';
import { identifyBoard, normalizeUsbId } from './known-boards';
import type { SerialBinding, SerialPortInfo } from './serial-binding';

export interface PortScan {
  ports: BoardPorts;
  listed: SerialPortInfo[];
}

export interface PortWatcherDeps {
  binding: SerialBinding;
  logger: Logger;
  pathExists: (path: string) => boolean;
  getRememberedPaths: () => string[];
  pollMs: number;
}

export function describePort(info: SerialPortInfo): BoardPort {
  const board = identifyBoard(info.vendorId, info.productId);
  return {
    path: info.path,
    manufacturer: info.manufacturer || null,
    serialNumber: info.serialNumber || null,
    vendorId: normalizeUsbId(info.vendorId),
    productId: normalizeUsbId(info.productId),
    boardName: board?.name ?? null,
    kind: board?.kind ?? 'unknown',
    source: 'listed',
    present: true,
  };
}

function typedPort(path: string, present: boolean): BoardPort {
  return {
    path, manufacturer: null, serialNumber: null, vendorId: null, productId: null,
    boardName: null, kind: 'unknown', source: 'typed', present,
  };
}

export class PortWatcher {
  private readonly emitter: Emitter<{ scanned: PortScan; changed: BoardPorts }>;
  private timer: NodeJS.Timeout | undefined;
  private last: PortScan = { ports: { ports: [], rememberedPaths: [] }, listed: [] };
  private lastKey = '';
  private scanning: Promise<PortScan> | null = null;
  private stopped = false;
  private lastListError = '';

  constructor(private readonly deps: PortWatcherDeps) {
    this.emitter = new Emitter((error) => deps.logger.error('A port watcher listener failed', error));
  }

  /** Every scan (for reopening an unplugged board). */
  onScanned(listener: (scan: PortScan) => void): Disposable {
    return this.emitter.on('scanned', listener);
  }

  onChanged(listener: (ports: BoardPorts) => void): Disposable {
    return this.emitter.on('changed', listener);
  }

  get latest(): PortScan {
    return this.last;
  }

  start(): void {
    if (this.timer || this.stopped) return;
    const tick = () => {
      void this.scan().finally(() => {
        if (!this.stopped) this.timer = setTimeout(tick, this.deps.pollMs);
      });
    };
    tick();
  }

  /** Looks now; concurrent callers share one look. */
  scan(): Promise<PortScan> {
    this.scanning ??= this.scanOnce().finally(() => (this.scanning = null));
    return this.scanning;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.emitter.clear();
  }

  private async scanOnce(): Promise<PortScan> {
    let listed: SerialPortInfo[];
    try {
      listed = await this.deps.binding.list();
      this.lastListError = '';
    } catch (error) {
      // Once per different error, not every second.
      const message = (error as Error).message;
      if (message !== this.lastListError) this.deps.logger.warn('Listing serial ports failed', { message });
      this.lastListError = message;
      listed = this.last.listed;
    }
    const remembered = this.deps.getRememberedPaths();
    const listedPaths = new Set(listed.map((info) => info.path));
    const ports = [
      ...listed.map(describePort).sort((a, b) => a.path.localeCompare(b.path)),
      ...remembered.filter((path) => !listedPaths.has(path)).map((path) => typedPort(path, this.deps.pathExists(path))),
    ];
    const scan: PortScan = { ports: { ports, rememberedPaths: remembered }, listed };
    this.last = scan;
    if (this.stopped) return scan;
    this.emitter.emit('scanned', scan);
    const key = JSON.stringify(scan.ports);
    if (key !== this.lastKey) {
      this.lastKey = key;
      this.emitter.emit('changed', scan.ports);
    }
    return scan;
  }
}
