// The Board page's state: serial ports, the open port, the monitor log, the plot, what the board's Wio lines mean,
// the USB bridge and the LAN switch with its config.h, kept current from board.* events. Only this store calls the bridge.
import { defineStore } from 'pinia';
import { ref, shallowRef, triggerRef } from 'vue';
import {
  BOARD_DEFAULT_BAUD_RATE,
  BOARD_LOG_CAPACITY,
  type BoardConfig,
  type BoardPorts,
  type BoardUnderstanding,
  type BridgeStatus,
  type LanBrokerStatus,
  type LanStudentLogin,
  type LineEnding,
  type MonitorLine,
  type SerialStatus,
} from '../../../src-shared/contract/board';
import type { LabErrorInfo } from '../../../src-shared/contract/result';
import { useBridge } from '../bridge';
import { PlotData } from '../components/board/plot-data';
import { callInto } from './bridge-call';

/** Lines kept on screen; dropping in chunks keeps appends cheap. */
export const MONITOR_LIMIT = BOARD_LOG_CAPACITY;
const MONITOR_DROP_CHUNK = 1_000;
/** What the page asks for when it opens: enough to scroll back, not so much that opening is slow. */
const INITIAL_LOG_LINES = 5_000;

export interface SavedFile {
  fileName: string;
  text: string;
}

export const useBoardStore = defineStore('board', () => {
  const bridge = useBridge();
  const ports = ref<BoardPorts | null>(null);
  const serial = ref<SerialStatus | null>(null);
  const understanding = ref<BoardUnderstanding | null>(null);
  const bridgeStatus = ref<BridgeStatus | null>(null);
  const lan = ref<LanBrokerStatus | null>(null);
  const config = ref<BoardConfig | null>(null);
  /** Mutated in place and triggered: copying 20 000 lines twenty times a second would be wasted work. */
  const lines = shallowRef<MonitorLine[]>([]);
  /** Grows with every monitor change: `lines` keeps its identity, so views watch this instead. */
  const linesVersion = ref(0);
  const plot = shallowRef(new PlotData());
  /** Grows with every plot change, so the chart knows when to redraw. */
  const plotVersion = ref(0);
  const loaded = ref(false);

  /** The student's choices for the next connect and send. */
  const baudRate = ref<number>(BOARD_DEFAULT_BAUD_RATE);
  const dtr = ref(true);
  const lineEnding = ref<LineEnding>('lf');
  const configAddress = ref<string | null>(null);

  /** One error per panel, so each shows next to what caused it. */
  const error = ref<LabErrorInfo | null>(null);
  const portError = ref<LabErrorInfo | null>(null);
  const sendError = ref<LabErrorInfo | null>(null);
  const monitorError = ref<LabErrorInfo | null>(null);
  const plotError = ref<LabErrorInfo | null>(null);
  const bridgeError = ref<LabErrorInfo | null>(null);
  const lanError = ref<LabErrorInfo | null>(null);

  function appendLines(added: readonly MonitorLine[], cleared: boolean): void {
    const list = lines.value;
    if (cleared) list.length = 0;
    for (const line of added) list.push(line);
    if (list.length > MONITOR_LIMIT) list.splice(0, list.length - MONITOR_LIMIT + MONITOR_DROP_CHUNK);
    linesVersion.value++;
    triggerRef(lines);
  }

  function appendPlot(series: Parameters<PlotData['append']>[0], cleared: boolean): void {
    if (cleared) plot.value.clear();
    plot.value.append(series);
    plotVersion.value++;
  }

  bridge.on('board.portsChanged', (next) => (ports.value = next));
  /** Counts serial status events: a call's answer is older than an event that came while the call was on its way
   *  (an unplug right after Connect must not be hidden by the Connect's own, later answer). */
  let serialEvents = 0;
  bridge.on('board.serialChanged', (next) => {
    serialEvents += 1;
    serial.value = next;
  });
  function takeSerial(next: SerialStatus | null | undefined, eventsBefore: number): void {
    if (next && serialEvents === eventsBefore) serial.value = next;
  }
  bridge.on('board.linesAppended', ({ lines: added, cleared }) => appendLines(added, cleared));
  bridge.on('board.plotAppended', ({ series, cleared }) => appendPlot(series, cleared));
  bridge.on('board.understandingChanged', (next) => (understanding.value = next));
  bridge.on('board.bridgeChanged', (next) => (bridgeStatus.value = next));
  bridge.on('board.lanChanged', (next) => (lan.value = next));

  async function load(): Promise<void> {
    const eventsBefore = serialEvents;
    const snapshot = await callInto(bridge, error, 'board.getState', {});
    if (!snapshot) return;
    ports.value = snapshot.ports;
    takeSerial(snapshot.serial, eventsBefore);
    understanding.value = snapshot.understanding;
    bridgeStatus.value = snapshot.bridge;
    lan.value = snapshot.lan;
    if (snapshot.serial.state !== 'closed') baudRate.value = snapshot.serial.baudRate;
    const [log, points] = await Promise.all([
      callInto(bridge, monitorError, 'board.getLog', { limit: INITIAL_LOG_LINES }),
      callInto(bridge, plotError, 'board.getPlot', {}),
    ]);
    if (log) {
      // Lines that arrived as events while the log was on its way are newer than its last one: keep them.
      const lastSeq = log.lines[log.lines.length - 1]?.seq ?? -1;
      const newer = lines.value.filter((line) => line.seq > lastSeq);
      lines.value = log.lines.concat(newer).slice(-MONITOR_LIMIT);
      linesVersion.value++;
    }
    if (points) {
      plot.value.replace(points.series);
      plotVersion.value++;
    }
    loaded.value = true;
  }

  async function refreshPorts(): Promise<void> {
    const next = await callInto(bridge, portError, 'board.listPorts', {});
    if (next) ports.value = next;
  }

  async function forgetPath(path: string): Promise<void> {
    const next = await callInto(bridge, portError, 'board.forgetPath', { path });
    if (next) ports.value = next;
  }

  async function open(path: string): Promise<boolean> {
    const eventsBefore = serialEvents;
    const next = await callInto(bridge, portError, 'board.open', { path, baudRate: baudRate.value, dtr: dtr.value });
    takeSerial(next, eventsBefore);
    return Boolean(next);
  }

  async function close(): Promise<void> {
    const eventsBefore = serialEvents;
    const next = await callInto(bridge, portError, 'board.close', {});
    takeSerial(next, eventsBefore);
  }

  async function sendLine(text: string): Promise<boolean> {
    return Boolean(await callInto(bridge, sendError, 'board.sendLine', { text, lineEnding: lineEnding.value }));
  }

  async function clearLog(): Promise<void> {
    if (await callInto(bridge, monitorError, 'board.clearLog', {})) appendLines([], true);
  }

  async function exportLog(): Promise<SavedFile | null> {
    const saved = await callInto(bridge, monitorError, 'board.exportLog', { timestamps: true });
    return saved ? { fileName: saved.fileName, text: saved.text } : null;
  }

  async function clearPlot(): Promise<void> {
    if (await callInto(bridge, plotError, 'board.clearPlot', {})) appendPlot([], true);
  }

  async function exportPlotCsv(): Promise<SavedFile | null> {
    const saved = await callInto(bridge, plotError, 'board.exportPlotCsv', {});
    return saved ? { fileName: saved.fileName, text: saved.text } : null;
  }

  async function setBridge(enabled: boolean): Promise<void> {
    const next = await callInto(bridge, bridgeError, 'board.setBridge', { enabled });
    if (next) bridgeStatus.value = next;
  }

  async function setLanBroker(enabled: boolean): Promise<void> {
    const next = await callInto(bridge, lanError, 'board.setLanBroker', { enabled });
    if (next) lan.value = next;
  }

  async function renewLanPassword(): Promise<void> {
    const next = await callInto(bridge, lanError, 'board.renewLanPassword', {});
    if (next) lan.value = next;
  }

  /** A student's new login: shown once (until dismissed), never asked for again. */
  const studentLogin = ref<LanStudentLogin | null>(null);
  const classError = ref<LabErrorInfo | null>(null);

  async function addLanStudent(studentId: string): Promise<boolean> {
    const next = await callInto(bridge, classError, 'board.addLanStudent', { studentId });
    if (next) [studentLogin.value, lan.value] = [next, next.lan];
    // callInto gives undefined for a refused ID: the teacher's typing stays in the box to correct.
    return next !== undefined;
  }

  async function renewLanStudentPassword(studentId: string): Promise<void> {
    const next = await callInto(bridge, classError, 'board.renewLanStudentPassword', { studentId });
    if (next) [studentLogin.value, lan.value] = [next, next.lan];
  }

  async function removeLanStudent(studentId: string): Promise<void> {
    const next = await callInto(bridge, classError, 'board.removeLanStudent', { studentId });
    if (next) lan.value = next;
    if (next && studentLogin.value?.username === studentId) studentLogin.value = null;
  }

  async function kickLanClient(clientId: string): Promise<void> {
    const next = await callInto(bridge, classError, 'board.kickLanClient', { clientId });
    if (next) lan.value = next;
  }

  let configRequest = 0;
  /** Quick changes can answer out of order: only the newest request may fill `config`. */
  async function loadConfig(): Promise<void> {
    const request = ++configRequest;
    const input = configAddress.value ? { address: configAddress.value } : {};
    const next = await callInto(bridge, lanError, 'board.getConfig', input);
    if (request === configRequest && next) config.value = next;
  }

  return {
    ports,
    serial,
    understanding,
    bridgeStatus,
    lan,
    config,
    lines,
    linesVersion,
    plot,
    plotVersion,
    loaded,
    baudRate,
    dtr,
    lineEnding,
    configAddress,
    error,
    portError,
    sendError,
    monitorError,
    plotError,
    bridgeError,
    lanError,
    load,
    refreshPorts,
    forgetPath,
    open,
    close,
    sendLine,
    clearLog,
    exportLog,
    clearPlot,
    exportPlotCsv,
    setBridge,
    setLanBroker,
    renewLanPassword,
    loadConfig,
    studentLogin,
    classError,
    addLanStudent,
    renewLanStudentPassword,
    removeLanStudent,
    kickLanClient,
  };
});
