// serialport's mock binding with the things a real USB cable does: unplug (reads fail, the port leaves the list),
// replug, and open errors like a busy port or a missing dialout group. The board side can print and read.
import { SerialPortMock } from 'serialport';
import type { SerialBinding, SerialBindingPort, SerialOpenOptions, SerialPortInfo, SerialSetOptions } from '../../../../src-main/services/board/serial-binding';

/** The parts of serialport's MockPortBinding used here. */
interface MockPortBinding {
  readonly isOpen: boolean;
  emitData(data: Buffer | string): void;
  read(buffer: Buffer, offset: number, length: number): Promise<{ buffer: Buffer; bytesRead: number }>;
  write(buffer: Buffer): Promise<void>;
  close(): Promise<void>;
}

const MockBinding = SerialPortMock.binding;

interface FakePort {
  info: SerialPortInfo;
  plugged: boolean;
  openError: Error | null;
  open: MockPortBinding | null;
  unplug: (() => void) | null;
  written: Buffer[];
  setCalls: SerialSetOptions[];
}

export class FakeBoardBinding implements SerialBinding {
  private readonly ports = new Map<string, FakePort>();

  constructor() {
    MockBinding.reset();
  }

  addBoard(path: string, info: Partial<SerialPortInfo> = {}): void {
    MockBinding.createPort(path, { echo: false, record: false, vendorId: info.vendorId, productId: info.productId, manufacturer: info.manufacturer });
    this.ports.set(path, {
      info: { path, ...info }, plugged: true, openError: null, open: null, unplug: null, written: [], setCalls: [],
    });
  }

  async list(): Promise<SerialPortInfo[]> {
    return [...this.ports.values()].filter((port) => port.plugged).map((port) => ({ ...port.info }));
  }

  async open(options: SerialOpenOptions): Promise<SerialBindingPort> {
    const fake = this.ports.get(options.path);
    if (!fake || !fake.plugged) throw Object.assign(new Error(`Error: No such file or directory, cannot open ${options.path}`), { code: 'ENOENT' });
    if (fake.openError) throw fake.openError;
    const port: MockPortBinding = await MockBinding.open({ path: options.path, baudRate: options.baudRate });
    fake.open = port;
    let failRead: (error: Error) => void = () => {};
    const unplugged = new Promise<never>((_resolve, reject) => (failRead = reject));
    unplugged.catch(() => undefined);
    fake.unplug = () => failRead(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }));
    return {
      get isOpen() {
        return port.isOpen;
      },
      read: (buffer, offset, length) => Promise.race([port.read(buffer, offset, length), unplugged]),
      write: async (buffer) => {
        if (!fake.plugged) throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
        fake.written.push(Buffer.from(buffer));
        await port.write(buffer);
      },
      set: async (setOptions) => {
        fake.setCalls.push(setOptions);
      },
      close: () => port.close(),
    };
  }

  /** The board prints (the port must be open). */
  print(path: string, data: string | Buffer): void {
    const port = this.ports.get(path)?.open;
    if (!port?.isOpen) throw new Error(`${path} is not open`);
    port.emitData(data);
  }

  /** Everything the lab wrote to the board, as text. */
  writtenText(path: string): string {
    return Buffer.concat(this.ports.get(path)?.written ?? []).toString('utf8');
  }

  setCalls(path: string): SerialSetOptions[] {
    return this.ports.get(path)?.setCalls ?? [];
  }

  isOpen(path: string): boolean {
    return this.ports.get(path)?.open?.isOpen ?? false;
  }

  /** quiet: the port leaves the list but a waiting read never fails, as a pseudo-terminal can do. */
  unplug(path: string, options: { quiet?: boolean } = {}): void {
    const fake = this.ports.get(path)!;
    fake.plugged = false;
    if (!options.quiet) fake.unplug?.();
  }

  replug(path: string): void {
    this.ports.get(path)!.plugged = true;
  }

  failOpen(path: string, error: Error | null): void {
    this.ports.get(path)!.openError = error;
  }
}

export function errnoError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}
