// The Board page's service: ports (watched), the open board (monitor, plotter, Wio lines understood), the USB
// bridge and the LAN switch. Wires the pieces together and batches their events; each piece owns its own job.
import { existsSync } from 'node:fs';
import { networkInterfaces as osNetworkInterfaces } from 'node:os';
import {
  BOARD_MAX_LINE_BYTES, BOARD_PORT_POLL_MS, LINE_ENDINGS,
  type BoardPorts, type BoardSnapshot, type BridgeStatus, type LanBrokerStatus, type LanStudentLogin, type LineEnding, type MonitorLine,
  type SerialStatus, type BoardUnderstanding,
} from '../../../src-shared/contract/board';
import type { Settings } from '../../../src-shared/contract/schemas';
import { englishOf, labText } from '../../../src-shared/i18n/lab-text';
import { Emitter, type Disposable } from '../../lib/emitter';
import type { Logger } from '../../lib/logger';
import type { BrokerService } from '../broker/broker-service';
import { BoardStore } from './board-store';
import { Coalescer } from './coalescer';
import { identifyBoard } from './known-boards';
import { LanMode, type LanModeDeps } from './lan-mode';
import { LineSplitter, type SplitLine } from './line-splitter';
import { MojibakeDetector, suggestBaudRate, toLineText } from './line-text';
import { MonitorLog, type AppendedLines } from './monitor-log';
import { parsePlotValues } from './plot-parser';
import { PlotStore, type PlotAppended } from './plot-store';
import { PortWatcher } from './port-watcher';
import type { SerialBinding } from './serial-binding';
import { SerialConnection } from './serial-connection';
import { Understanding } from './understanding';
import { UsbBridge, type UsbBridgeDeps } from './usb-bridge';

export interface BoardServiceDeps {
  binding: SerialBinding;
  clients: UsbBridgeDeps['clients'];
  broker: Pick<BrokerService, 'setLan' | 'getLanStatus' | 'onLanChanged' | 'setLanStudents' | 'kickLanClient'>;
  settings: { get(): Promise<Settings> };
  /** The Board page's own file (remembered paths, LAN credentials). */
  storePath: string;
  logger: Logger;
  platform?: NodeJS.Platform;
  networkInterfaces?: LanModeDeps['networkInterfaces'];
  pathExists?: (path: string) => boolean;
  pollMs?: number;
  now?: () => number;
}

type BoardEvents = {
  portsChanged: BoardPorts;
  serialChanged: SerialStatus;
  linesAppended: AppendedLines;
  plotAppended: PlotAppended;
  understandingChanged: BoardUnderstanding;
  bridgeChanged: BridgeStatus;
  lanChanged: LanBrokerStatus;
};

export class BoardService {
  private readonly events: Emitter<BoardEvents>;
  private readonly store: BoardStore;
  private readonly watcher: PortWatcher;
  private readonly connection: SerialConnection;
  private readonly log: MonitorLog;
  private readonly plot: PlotStore;
  private readonly understanding: Understanding;
  private readonly bridge: UsbBridge;
  private readonly lan: LanMode;
  private readonly serialEvents: Coalescer;
  private readonly understandingEvents: Coalescer;
  private readonly mojibake = new MojibakeDetector();
  private splitter = new LineSplitter(BOARD_MAX_LINE_BYTES);
  private readonly subscriptions: Disposable[] = [];
  private readonly now: () => number;

  constructor(private readonly deps: BoardServiceDeps) {
    this.now = deps.now ?? Date.now;
    const { logger } = deps;
    this.events = new Emitter((error) => logger.error('A board event listener failed', error));
    this.store = new BoardStore(deps.storePath, logger);
    const pathExists = deps.pathExists ?? existsSync;
    this.watcher = new PortWatcher({
      binding: deps.binding, logger, pathExists, pollMs: deps.pollMs ?? BOARD_PORT_POLL_MS, getRememberedPaths: () => this.store.rememberedPaths(),
    });
    this.connection = new SerialConnection({ binding: deps.binding, logger, platform: deps.platform ?? process.platform, now: this.now });
    this.log = new MonitorLog((batch) => this.events.emit('linesAppended', batch), this.now);
    this.plot = new PlotStore((batch) => this.events.emit('plotAppended', batch), undefined, this.now);
    this.understanding = new Understanding(this.now);
    this.serialEvents = new Coalescer(() => this.events.emit('serialChanged', this.connection.getStatus()), 50, this.now);
    this.understandingEvents = new Coalescer(() => this.events.emit('understandingChanged', this.understanding.current), 50, this.now);
    this.bridge = new UsbBridge({
      clients: deps.clients,
      getSettings: () => deps.settings.get(),
      writeToBoard: async (line) => {
        await this.writeLine(line, '\n');
      },
      isBoardOpen: () => this.connection.getStatus().state === 'open',
      publish: (status) => this.events.emit('bridgeChanged', status),
      logger,
      now: this.now,
    });
    this.lan = new LanMode({
      broker: deps.broker, store: this.store, networkInterfaces: deps.networkInterfaces ?? osNetworkInterfaces,
      publish: (status) => this.events.emit('lanChanged', status),
    });
    this.subscriptions.push(
      this.watcher.onChanged((ports) => this.events.emit('portsChanged', ports)),
      this.watcher.onScanned((scan) => void this.connection.noticePorts(scan.listed, pathExists)),
      this.connection.onData((data) => this.onData(data)),
      this.connection.onOpened(() => this.onOpened()),
      this.connection.onStatusChanged((status) => this.onSerialStatus(status)),
    );
  }

  onPortsChanged(listener: (ports: BoardPorts) => void): Disposable { return this.events.on('portsChanged', listener); }
  onSerialChanged(listener: (status: SerialStatus) => void): Disposable { return this.events.on('serialChanged', listener); }
  onLinesAppended(listener: (batch: AppendedLines) => void): Disposable { return this.events.on('linesAppended', listener); }
  onPlotAppended(listener: (batch: PlotAppended) => void): Disposable { return this.events.on('plotAppended', listener); }
  onUnderstandingChanged(listener: (state: BoardUnderstanding) => void): Disposable { return this.events.on('understandingChanged', listener); }
  onBridgeChanged(listener: (status: BridgeStatus) => void): Disposable { return this.events.on('bridgeChanged', listener); }
  onLanChanged(listener: (status: LanBrokerStatus) => void): Disposable { return this.events.on('lanChanged', listener); }

  /** Loads the saved paths and credentials and starts watching the ports (every second). */
  async start(): Promise<void> {
    await this.store.load();
    await this.lan.start();
    await this.bridge.loadTopics();
    this.watcher.start();
  }

  getState(): BoardSnapshot {
    return {
      ports: this.watcher.latest.ports,
      serial: this.connection.getStatus(),
      understanding: this.understanding.current,
      bridge: this.bridge.getStatus(),
      lan: this.lan.getStatus(),
    };
  }

  async listPorts(): Promise<BoardPorts> {
    return (await this.watcher.scan()).ports;
  }

  async forgetPath(path: string): Promise<BoardPorts> {
    await this.store.forget(path);
    return this.listPorts();
  }

  async open(options: { path: string; baudRate: number; dtr: boolean }): Promise<SerialStatus> {
    const scan = await this.watcher.scan();
    const info = scan.listed.find((port) => port.path === options.path) ?? null;
    const board = identifyBoard(info?.vendorId, info?.productId);
    const status = await this.connection.open(options, { info, boardName: board?.name ?? null });
    if (!info) {
      await this.store.remember(options.path);
      await this.watcher.scan();
    }
    return status;
  }

  async close(): Promise<SerialStatus> {
    return this.connection.close();
  }

  async sendLine(text: string, lineEnding: LineEnding): Promise<{ bytesWritten: number }> {
    return { bytesWritten: await this.writeLine(text, LINE_ENDINGS[lineEnding]) };
  }

  getLog(limit: number): MonitorLine[] {
    return this.log.recent(limit);
  }

  clearLog(): void {
    this.log.clear();
  }

  exportLog(timestamps: boolean): { fileName: string; text: string; lineCount: number } {
    return { fileName: `board-log-${fileStamp(this.now())}.txt`, ...this.log.exportText(timestamps) };
  }

  getPlot() {
    return this.plot.snapshot();
  }

  clearPlot(): void {
    this.plot.clear();
  }

  exportPlotCsv(): { fileName: string; text: string; rowCount: number } {
    return { fileName: `board-plot-${fileStamp(this.now())}.csv`, ...this.plot.exportCsv() };
  }

  setBridge(enabled: boolean): Promise<BridgeStatus> {
    return this.bridge.setEnabled(enabled);
  }

  setLanBroker(enabled: boolean): Promise<LanBrokerStatus> {
    return this.lan.setEnabled(enabled);
  }

  renewLanPassword(): Promise<LanBrokerStatus> {
    return this.lan.renewPassword();
  }

  addLanStudent(studentId: string): Promise<LanStudentLogin> {
    return this.lan.addStudent(studentId);
  }

  renewLanStudentPassword(studentId: string): Promise<LanStudentLogin> {
    return this.lan.renewStudentPassword(studentId);
  }

  removeLanStudent(studentId: string): Promise<LanBrokerStatus> {
    return this.lan.removeStudent(studentId);
  }

  kickLanClient(clientId: string): Promise<LanBrokerStatus> {
    return this.lan.kickClient(clientId);
  }

  async getConfig(address: string | undefined) {
    return this.lan.config((await this.deps.settings.get()).studentId, address);
  }

  async dispose(): Promise<void> {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.watcher.stop();
    await this.bridge.dispose();
    await this.lan.dispose();
    await this.connection.dispose();
    this.log.dispose();
    this.plot.dispose();
    this.serialEvents.dispose();
    this.understandingEvents.dispose();
    this.events.clear();
  }

  private async writeLine(text: string, ending: string): Promise<number> {
    const bytes = Buffer.from(text + ending, 'utf8');
    await this.connection.write(bytes);
    this.log.append('out', text);
    return bytes.length;
  }

  private onOpened(): void {
    this.splitter = new LineSplitter(BOARD_MAX_LINE_BYTES);
    this.mojibake.reset();
    this.understanding.reset();
    this.understandingEvents.schedule();
    const { path, baudRate } = this.connection.getStatus();
    this.note(labText('board.monitorNotes.connected', { path: path ?? '', baud: baudRate }));
  }

  /** The lab's own line in the monitor, as a key for the page's language; exported and logged in English. */
  private note(text: NonNullable<MonitorLine['note']>): void {
    this.log.append('note', englishOf(text), { note: text });
  }

  private onSerialStatus(status: SerialStatus): void {
    if (status.state === 'unplugged' || status.state === 'closed') this.flushPartialLine();
    if (status.state === 'unplugged') this.note(status.messageText ?? labText('board.monitorNotes.unplugged'));
    this.bridge.boardChanged();
    this.serialEvents.schedule();
  }

  private onData(data: Buffer): void {
    if (this.mojibake.observe(data)) {
      const { baudRate } = this.connection.getStatus();
      const suggested = this.mojibake.scrambled ? suggestBaudRate(baudRate) : null;
      this.connection.setSuggestedBaudRate(suggested);
      if (suggested !== null) {
        this.note(labText('board.monitorNotes.scrambled', { baud: baudRate, suggested }));
      }
    }
    for (const line of this.splitter.push(data)) this.onLine(line);
    this.serialEvents.schedule();
  }

  private onLine({ bytes, cut }: SplitLine): void {
    const { text, binary } = toLineText(bytes);
    this.log.append('in', text, { binary, cut });
    if (cut) this.note(labText('board.monitorNotes.lineCut', { kb: BOARD_MAX_LINE_BYTES / 1024 }));
    if (binary) return;
    const meaning = this.understanding.observe(text);
    if (meaning) this.understandingEvents.schedule();
    // Status lines ("failed, rc=-2") are understood, not plotted.
    if (meaning?.kind !== 'phase' && meaning?.kind !== 'failed') this.plot.add(this.now(), parsePlotValues(text));
    this.bridge.fromBoard(text);
  }

  private flushPartialLine(): void {
    const rest = this.splitter.flush();
    if (rest) this.onLine(rest);
  }
}

function fileStamp(atMs: number): string {
  return new Date(atMs).toISOString().replace(/[:.]/g, '-').slice(0, 19);
}
