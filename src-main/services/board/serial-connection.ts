// The port the student chose: opens it, reports a status with explained errors, and after an unplug reopens it
// when the same board (or path) is back. Bytes go out through onData; lines are someone else's job.
import { LabError } from '../../../src-shared/contract/result';
import type { SerialStatus } from '../../../src-shared/contract/board';
import { Emitter, type Disposable } from '../../lib/emitter';
import type { Logger } from '../../lib/logger';
import type { SerialBinding, SerialPortInfo } from './serial-binding';
import { englishErrorMessage, errorText } from '../../../src-shared/i18n/error-text';
import { explainSerialError, unpluggedText } from './serial-errors';
import { SerialSession, type SessionOptions } from './serial-session';

export interface SerialConnectionDeps {
  binding: SerialBinding;
  logger: Logger;
  platform: NodeJS.Platform;
  now?: () => number;
}

/** Which USB device was on the path, so a board that comes back on another path (ttyACM0 -> ttyACM1) is found. */
interface UsbIdentity {
  vendorId: string;
  productId: string;
  serialNumber: string;
}

export class SerialConnection {
  private readonly emitter: Emitter<{ status: SerialStatus; data: Buffer; opened: void }>;
  private session: SerialSession | null = null;
  private target: SessionOptions | null = null;
  private identity: UsbIdentity | null = null;
  private reopening = false;
  /** The open port was in a listing (or its path existed) at least once: its absence later means it has gone. */
  private seenWhileOpen = false;
  private generation = 0;
  private status: SerialStatus;
  private readonly now: () => number;

  constructor(private readonly deps: SerialConnectionDeps) {
    this.now = deps.now ?? Date.now;
    this.emitter = new Emitter((error) => deps.logger.error('A serial connection listener failed', error));
    this.status = {
      state: 'closed', path: null, baudRate: 9600, dtr: true, boardName: null, problem: null,
      suggestedBaudRate: null, bytesIn: 0, bytesOut: 0, sinceMs: this.now(),
    };
  }

  getStatus(): SerialStatus {
    return { ...this.status };
  }

  onStatusChanged(listener: (status: SerialStatus) => void): Disposable {
    return this.emitter.on('status', listener);
  }

  onData(listener: (data: Buffer) => void): Disposable {
    return this.emitter.on('data', listener);
  }

  /** Every successful open, the first one and each automatic reopen. */
  onOpened(listener: () => void): Disposable {
    return this.emitter.on('opened', listener);
  }

  /** Opens options.path (closing what was open). Throws an explained LabError; the status says the same. */
  async open(options: SessionOptions, port: { info: SerialPortInfo | null; boardName: string | null }): Promise<SerialStatus> {
    const generation = ++this.generation;
    await this.dropSession();
    this.target = options;
    this.identity = identityOf(port.info);
    this.update({
      state: 'opening', path: options.path, baudRate: options.baudRate, dtr: options.dtr, boardName: port.boardName,
      problem: null, message: undefined, suggestedBaudRate: null, bytesIn: 0, bytesOut: 0, sinceMs: this.now(),
    });
    try {
      await this.attach(options, generation);
    } catch (error) {
      if (generation !== this.generation) throw superseded();
      const explained = explainSerialError(error, options.path, this.deps.platform);
      this.target = null;
      this.update({ state: 'error', problem: explained.problem, message: explained.message, messageText: explained.text, sinceMs: this.now() });
      throw new LabError(explained.problem === 'not-found' ? 'NOT_FOUND' : 'UNAVAILABLE', explained.text, 'path');
    }
    return this.getStatus();
  }

  async close(): Promise<SerialStatus> {
    this.generation++;
    this.target = null;
    await this.dropSession();
    this.update({ state: 'closed', problem: null, message: undefined, suggestedBaudRate: null, sinceMs: this.now() });
    return this.getStatus();
  }

  async write(bytes: Buffer): Promise<void> {
    const session = this.session;
    if (!session || this.status.state !== 'open') {
      throw new LabError('NOT_CONNECTED', errorText(this.status.state === 'unplugged' ? 'errors.board.notSentUnplugged' : 'errors.board.notSentClosed'));
    }
    await session.write(bytes);
    this.update({ bytesOut: this.status.bytesOut + bytes.length });
  }

  /** Called with every port listing: an open port that has gone is unplugged (when no read noticed it), and an
   *  unplugged board that is back (same path or same USB device) is reopened. */
  async noticePorts(listed: SerialPortInfo[], pathExists: (path: string) => boolean): Promise<void> {
    const target = this.target;
    if (!target) return;
    const samePath = listed.some((info) => info.path === target.path) || pathExists(target.path);
    if (this.status.state === 'open') {
      // Only a path seen while open counts as gone: one the listing never shows (Windows' \\.\COM10) is not.
      if (samePath) this.seenWhileOpen = true;
      else if (this.seenWhileOpen) await this.session?.lost();
      return;
    }
    if (this.status.state !== 'unplugged' || this.reopening) return;
    const moved = this.identity ? listed.find((info) => sameDevice(identityOf(info), this.identity)) : undefined;
    const path = samePath ? target.path : moved?.path;
    if (!path) return;
    this.reopening = true;
    const generation = this.generation;
    try {
      await this.attach({ ...target, path }, generation);
      this.target = { ...target, path };
      const back = errorText('errors.serial.back', { path });
      this.update({ path, problem: null, message: englishErrorMessage(back), messageText: back, sinceMs: this.now() });
    } catch (error) {
      this.deps.logger.debug(`Reopening ${path} failed; trying again at the next look`, { message: (error as Error).message });
    } finally {
      this.reopening = false;
    }
  }

  /** The plotter/monitor noticed scrambled text: show which rate probably fits. */
  setSuggestedBaudRate(baudRate: number | null): void {
    this.update({ suggestedBaudRate: baudRate });
  }

  async dispose(): Promise<void> {
    this.generation++;
    this.target = null;
    await this.dropSession();
    this.emitter.clear();
  }

  private async attach(options: SessionOptions, generation: number): Promise<void> {
    const session = await SerialSession.open(this.deps.binding, options, this.deps.logger);
    if (generation !== this.generation) {
      await session.close();
      throw superseded();
    }
    this.session = session;
    this.seenWhileOpen = false;
    session.onData((data) => {
      this.status.bytesIn += data.length;
      this.emitter.emit('data', data);
    });
    session.onEnded((ended) => {
      if (this.session !== session) return;
      this.session = null;
      if (ended.unplugged) this.markUnplugged(options.path);
    });
    this.update({ state: 'open', problem: null, message: undefined, sinceMs: this.now() });
    session.start();
    this.emitter.emit('opened', undefined);
  }

  private markUnplugged(path: string): void {
    const text = unpluggedText(path);
    this.update({ state: 'unplugged', problem: 'unplugged', message: englishErrorMessage(text), messageText: text, sinceMs: this.now() });
  }

  private async dropSession(): Promise<void> {
    const session = this.session;
    this.session = null;
    await session?.close();
  }

  private update(change: Partial<SerialStatus>): void {
    this.status = { ...this.status, ...change };
    // A new message without its key must not keep the old key: the UI would show the old sentence.
    if ('message' in change && !('messageText' in change)) delete this.status.messageText;
    this.emitter.emit('status', this.getStatus());
  }
}

function identityOf(info: SerialPortInfo | null | undefined): UsbIdentity | null {
  if (!info?.vendorId || !info.productId || !info.serialNumber) return null;
  return { vendorId: info.vendorId.toUpperCase(), productId: info.productId.toUpperCase(), serialNumber: info.serialNumber };
}

function sameDevice(a: UsbIdentity | null, b: UsbIdentity | null): boolean {
  return !!a && !!b && a.vendorId === b.vendorId && a.productId === b.productId && a.serialNumber === b.serialNumber;
}

function superseded(): LabError {
  return new LabError('UNAVAILABLE', errorText('errors.board.replaced'));
}
