// One open serial port: a read loop handing on bytes, serialized writes, and a close that reports whether the
// board went away (unplugged) or the lab closed it. It never reopens anything; SerialConnection does.
import { Emitter, type Disposable } from '../../lib/emitter';
import type { Logger } from '../../lib/logger';
import type { SerialBinding, SerialBindingPort } from './serial-binding';

const READ_BUFFER_BYTES = 4096;

export interface SessionOptions {
  path: string;
  baudRate: number;
  /** Assert DTR (and RTS): boards like the Wio Terminal only print once DTR says someone is listening. */
  dtr: boolean;
}

export interface SessionEnded {
  /** True when the port failed under us (board unplugged, socat gone); false when close() was called. */
  unplugged: boolean;
  error?: unknown;
}

export class SerialSession {
  private readonly emitter: Emitter<{ data: Buffer; ended: SessionEnded }>;
  private writing: Promise<void> = Promise.resolve();
  private ended = false;

  private constructor(
    private readonly port: SerialBindingPort,
    readonly options: SessionOptions,
    private readonly logger: Logger,
  ) {
    this.emitter = new Emitter((error) => logger.error('A serial session listener failed', error));
  }

  /** Opens the port and sets DTR; throws the binding's error (see serial-errors.ts for explaining it). */
  static async open(binding: SerialBinding, options: SessionOptions, logger: Logger): Promise<SerialSession> {
    const port = await binding.open({ path: options.path, baudRate: options.baudRate, hupcl: true });
    const session = new SerialSession(port, options, logger);
    try {
      await port.set({ brk: false, cts: false, dsr: false, dtr: options.dtr, rts: options.dtr });
    } catch (error) {
      // Pseudo-terminals and some Bluetooth ports have no modem lines; the port still works.
      logger.debug(`Could not set DTR on ${options.path}`, { message: (error as Error).message });
    }
    return session;
  }

  onData(listener: (data: Buffer) => void): Disposable {
    return this.emitter.on('data', listener);
  }

  onEnded(listener: (ended: SessionEnded) => void): Disposable {
    return this.emitter.on('ended', listener);
  }

  get isOpen(): boolean {
    return !this.ended;
  }

  /** Starts reading; call after the listeners are attached so no byte is missed. */
  start(): void {
    void this.readLoop();
  }

  /** Writes in order, one at a time (the bindings allow only one write in flight). */
  write(bytes: Buffer): Promise<void> {
    const next = this.writing.then(() => {
      if (this.ended) throw new Error('The port is closed.');
      return this.port.write(bytes);
    });
    this.writing = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.end({ unplugged: false });
  }

  /** The port left the system while no read failed (a pseudo-terminal whose other end closed can leave a read
   *  waiting for good): ends the session as unplugged. */
  async lost(): Promise<void> {
    await this.end({ unplugged: true });
  }

  private async readLoop(): Promise<void> {
    while (!this.ended) {
      const buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
      try {
        const { bytesRead } = await this.port.read(buffer, 0, buffer.length);
        if (this.ended) return;
        if (bytesRead > 0) this.emitter.emit('data', buffer.subarray(0, bytesRead));
      } catch (error) {
        if (this.ended || (error as { canceled?: boolean }).canceled) return;
        await this.end({ unplugged: true, error });
      }
    }
  }

  private async end(ended: SessionEnded): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    try {
      if (this.port.isOpen) await this.port.close();
    } catch (error) {
      this.logger.debug(`Closing ${this.options.path} failed`, { message: (error as Error).message });
    }
    this.emitter.emit('ended', ended);
    this.emitter.clear();
  }
}
