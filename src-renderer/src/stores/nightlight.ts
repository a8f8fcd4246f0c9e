// The Nightlight page's state: the virtual device, the lab's server, both consoles, the light history, the
// CounterFit endpoint and generated code, kept current from nightlight.* events. Only this store calls the bridge.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { CommandInput, CommandName, CommandOutput } from '../../../src-shared/contract/commands';
import type {
  CodeLanguage,
  CodeProgram,
  ConsoleLine,
  CounterfitStatus,
  DeviceSettings,
  DeviceState,
  GeneratedCode,
  HttpCall,
  LightPoint,
  ServerSettings,
  ServerState,
} from '../../../src-shared/contract/nightlight';
import type { LabErrorInfo } from '../../../src-shared/contract/result';
import { useBridge } from '../bridge';
import { callInto } from './bridge-call';

export const CONSOLE_LIMIT = 500;
export const HISTORY_LIMIT = 2000;
export const HTTP_CALLS_LIMIT = 200;
/** Slider drags produce ~60 values a second; the device needs at most ~20. */
export const LIGHT_SEND_INTERVAL_MS = 50;

type ConsoleTarget = 'device' | 'server';
type AnsweredWith<T> = { [K in CommandName]: CommandOutput<K> extends T ? K : never }[CommandName];
type DeviceCommand = AnsweredWith<DeviceState>;
type ServerCommand = AnsweredWith<ServerState>;

function appendBounded<T>(list: readonly T[], added: readonly T[], limit: number): T[] {
  const next = list.concat(added);
  return next.length > limit ? next.slice(next.length - limit) : next;
}

export const useNightlightStore = defineStore('nightlight', () => {
  const bridge = useBridge();
  const device = ref<DeviceState | null>(null);
  const server = ref<ServerState | null>(null);
  const counterfit = ref<CounterfitStatus | null>(null);
  const deviceConsole = shallowRef<ConsoleLine[]>([]);
  const serverConsole = shallowRef<ConsoleLine[]>([]);
  const history = shallowRef<LightPoint[]>([]);
  const httpCalls = shallowRef<HttpCall[]>([]);
  const code = ref<GeneratedCode | null>(null);
  /** Separate errors, so each panel shows its own: a refused topic next to the settings, not under the server. */
  const error = ref<LabErrorInfo | null>(null);
  const deviceError = ref<LabErrorInfo | null>(null);
  const serverError = ref<LabErrorInfo | null>(null);
  const codeError = ref<LabErrorInfo | null>(null);
  const loaded = ref(false);
  /** Grow by one each time a message passes a hop of the loop: the flow strip lights up on a change. */
  const telemetryPulses = ref(0);
  const commandPulses = ref(0);
  let pendingLight: number | null = null;
  let pendingOrRecentLight: number | null = null;
  let lightTimer: ReturnType<typeof setTimeout> | undefined;

  const ledOn = computed(() => Boolean(device.value?.powered && device.value.led.on));
  const lastPoint = computed(() => history.value[history.value.length - 1] ?? null);

  function countPulses(previous: DeviceState | null, next: DeviceState): void {
    const sentAt = next.lastTelemetry?.sent ? next.lastTelemetry.atMs : null;
    if (sentAt !== null && sentAt !== previous?.lastTelemetry?.atMs) telemetryPulses.value++;
    const lastSwitch = next.ledLog[next.ledLog.length - 1];
    const previousSwitch = previous?.ledLog[previous.ledLog.length - 1];
    // The lab's own server already pulses for every answer it sends; this catches commands from the student's server.
    if (lastSwitch?.source === 'command' && lastSwitch.atMs !== previousSwitch?.atMs && !server.value?.running) commandPulses.value++;
  }

  function applyDevice(next: DeviceState): void {
    countPulses(device.value, next);
    // While the slider is still sending, an older reading on its way back must not make the slider jump.
    device.value = pendingOrRecentLight === null ? next : { ...next, light: pendingOrRecentLight };
  }

  function applyServer(next: ServerState): void {
    const previous = server.value;
    if (previous && next.counts.answered > previous.counts.answered) commandPulses.value++;
    // With the virtual device offline (or the student's own device), the server's inbox is the telemetry hop.
    if (previous && next.counts.received > previous.counts.received && device.value?.settings.mode === 'hardware-only') telemetryPulses.value++;
    server.value = next;
  }

  function appendConsole(target: ConsoleTarget, lines: ConsoleLine[], cleared: boolean): void {
    const list = target === 'device' ? deviceConsole : serverConsole;
    list.value = appendBounded(cleared ? [] : list.value, lines, CONSOLE_LIMIT);
  }

  bridge.on('nightlight.deviceChanged', applyDevice);
  bridge.on('nightlight.serverChanged', applyServer);
  bridge.on('nightlight.counterfitChanged', (status) => (counterfit.value = status));
  bridge.on('nightlight.consoleAppended', ({ target, lines, cleared }) => appendConsole(target, lines, cleared));
  bridge.on('nightlight.lightSampled', ({ points, cleared }) => {
    history.value = appendBounded(cleared ? [] : history.value, points, HISTORY_LIMIT);
  });
  bridge.on('nightlight.httpCallsReceived', ({ calls }) => {
    httpCalls.value = appendBounded(httpCalls.value, calls, HTTP_CALLS_LIMIT);
  });

  async function load(): Promise<void> {
    const snapshot = await callInto(bridge, error, 'nightlight.getState', {});
    if (!snapshot) return;
    device.value = snapshot.device;
    server.value = snapshot.server;
    counterfit.value = snapshot.counterfit;
    deviceConsole.value = snapshot.deviceConsole.slice(-CONSOLE_LIMIT);
    serverConsole.value = snapshot.serverConsole.slice(-CONSOLE_LIMIT);
    history.value = snapshot.history.slice(-HISTORY_LIMIT);
    httpCalls.value = snapshot.httpCalls.slice(-HTTP_CALLS_LIMIT);
    loaded.value = true;
  }

  /** Device commands all answer with the device's new state. */
  async function deviceCall<K extends DeviceCommand>(name: K, input: CommandInput<K>): Promise<boolean> {
    const next = await callInto(bridge, deviceError, name, input);
    if (!next) return false;
    applyDevice(next as DeviceState);
    return true;
  }

  async function serverCall<K extends ServerCommand>(name: K, input: CommandInput<K>): Promise<boolean> {
    const next = await callInto(bridge, serverError, name, input);
    if (!next) return false;
    applyServer(next as ServerState);
    return true;
  }

  function flushLight(): void {
    lightTimer = undefined;
    if (pendingLight === null) {
      pendingOrRecentLight = null;
      return;
    }
    const light = pendingLight;
    pendingLight = null;
    void deviceCall('nightlight.setLight', { light });
    lightTimer = setTimeout(flushLight, LIGHT_SEND_INTERVAL_MS);
  }

  /** Moves the sensor at once on screen; sends at most one value per LIGHT_SEND_INTERVAL_MS, always the newest. */
  function setLight(light: number): void {
    if (device.value) device.value = { ...device.value, light, random: { ...device.value.random, enabled: false } };
    pendingLight = light;
    pendingOrRecentLight = light;
    if (lightTimer === undefined) flushLight();
  }

  function setRandom(random: { enabled: boolean; min?: number; max?: number; periodMs?: number }): Promise<boolean> {
    return deviceCall('nightlight.setRandom', random);
  }

  function updateDevice(patch: Partial<DeviceSettings>): Promise<boolean> {
    return deviceCall('nightlight.updateDevice', patch);
  }

  function updateServer(patch: Partial<ServerSettings>): Promise<boolean> {
    return serverCall('nightlight.updateServer', patch);
  }

  /** The lesson's one <ID> for both programs: the device and the server follow it together. */
  async function setStudentId(studentId: string): Promise<boolean> {
    if (!(await updateDevice({ studentId }))) return false;
    return updateServer({ studentId });
  }

  async function clearConsole(target: ConsoleTarget): Promise<void> {
    const cleared = await callInto(bridge, target === 'device' ? deviceError : serverError, 'nightlight.clearConsole', { target });
    if (cleared) appendConsole(target, [], true);
  }

  async function clearHistory(): Promise<void> {
    if (await callInto(bridge, serverError, 'nightlight.clearHistory', {})) history.value = [];
  }

  let codeRequest = 0;
  /** Quick tab switches can answer out of order: only the newest request may fill `code`. */
  async function loadCode(language: CodeLanguage, program: CodeProgram): Promise<void> {
    const request = ++codeRequest;
    const generated = await callInto(bridge, codeError, 'nightlight.getCode', { language, program });
    if (request === codeRequest) code.value = generated ?? null;
  }

  return {
    device,
    server,
    counterfit,
    deviceConsole,
    serverConsole,
    history,
    httpCalls,
    code,
    error,
    deviceError,
    serverError,
    codeError,
    loaded,
    telemetryPulses,
    commandPulses,
    ledOn,
    lastPoint,
    load,
    setLight,
    setRandom,
    updateDevice,
    updateServer,
    setStudentId,
    setNetwork: (up: boolean) => deviceCall('nightlight.setNetwork', { up }),
    setPower: (on: boolean) => deviceCall('nightlight.setPower', { on }),
    resetDevice: () => deviceCall('nightlight.resetDevice', {}),
    clearQueue: () => deviceCall('nightlight.clearQueue', {}),
    startServer: () => serverCall('nightlight.startServer', {}),
    stopServer: () => serverCall('nightlight.stopServer', {}),
    resetServer: () => serverCall('nightlight.resetServer', {}),
    clearConsole,
    clearHistory,
    loadCode,
  };
});
