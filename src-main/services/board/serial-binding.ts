// The slice of serialport's binding interface the board service uses, so tests can pass serialport's mock binding
// and the app the real one (SerialPort.binding). Types only, plus the default binding getter.
import { LabError } from '../../../src-shared/contract/result';
import { errorText } from '../../../src-shared/i18n/error-text';

export interface SerialPortInfo {
  path: string;
  manufacturer?: string | undefined;
  serialNumber?: string | undefined;
  vendorId?: string | undefined;
  productId?: string | undefined;
}

export interface SerialOpenOptions {
  path: string;
  baudRate: number;
  /** Drop DTR when the port closes (the default). */
  hupcl?: boolean;
}

export interface SerialSetOptions {
  brk?: boolean;
  cts?: boolean;
  dsr?: boolean;
  dtr?: boolean;
  rts?: boolean;
}

export interface SerialBindingPort {
  readonly isOpen: boolean;
  read(buffer: Buffer, offset: number, length: number): Promise<{ buffer: Buffer; bytesRead: number }>;
  write(buffer: Buffer): Promise<void>;
  set(options: SerialSetOptions): Promise<void>;
  close(): Promise<void>;
}

export interface SerialBinding {
  list(): Promise<SerialPortInfo[]>;
  open(options: SerialOpenOptions): Promise<SerialBindingPort>;
}

/**
 * The platform's real binding (prebuilt for Linux, macOS and Windows), loaded on first use: a computer where the
 * native part cannot load still runs the rest of the lab, and the Board page says why ports are missing.
 */
export function systemSerialBinding(): SerialBinding {
  let loaded: Promise<SerialBinding> | null = null;
  const load = () =>
    (loaded ??= import('serialport').then(
      (module) => module.SerialPort.binding as unknown as SerialBinding,
      (error: Error) => {
        throw new LabError('UNAVAILABLE', errorText('errors.board.noSerial', { detail: error.message }));
      },
    ));
  return {
    list: async () => (await load()).list(),
    open: async (options) => (await load()).open(options),
  };
}
