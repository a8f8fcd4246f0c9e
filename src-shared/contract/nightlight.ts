// Commands and events of the Nightlight page: the virtual device, the lab's server logic, "show me the code" and
// the CounterFit-compatible endpoint. Pure schemas and constants from the lesson; no runtime-specific imports.
import { z } from 'zod';
import { englishError } from '../i18n/error-text';
import { labSentenceSchema } from './lab-sentence';
import { clientStatusSchema, errorTextSchema, qosSchema, studentIdSchema, topicSchema } from './schemas';

/** The lesson's threshold: `led_on = light < 300`, so 299 switches the LED on and 300 switches it off. */
export const NIGHTLIGHT_DEFAULT_THRESHOLD = 300;
/** Light levels are what the Grove light sensor and the Wio Terminal's analogRead give: 0..1023. */
export const LIGHT_MIN = 0;
export const LIGHT_MAX = 1023;
/** The lesson's Python device sleeps 5 s between readings, the Wio Terminal 2 s. */
export const PYTHON_TELEMETRY_INTERVAL_MS = 5000;
export const WIO_TELEMETRY_INTERVAL_MS = 2000;
/** The store-and-forward queue keeps at most this many readings on disk; when full, the oldest is dropped. */
export const NIGHTLIGHT_QUEUE_CAPACITY = 500;
/** CounterFit's default address in the lesson: `CounterFitConnection.init('127.0.0.1', 5000)`. */
export const COUNTERFIT_DEFAULT_PORT = 5000;
/** CounterFit pins used by the lesson: the light sensor on pin 0, the LED on pin 5. */
export const COUNTERFIT_LIGHT_SENSOR_PIN = 0;
export const COUNTERFIT_LED_PIN = 5;

/** Light presets on both sides of the threshold; the UI sends their value with nightlight.setLight. */
export const NIGHTLIGHT_PRESETS = [
  { id: 'covered', light: 0 },
  { id: 'dusk', light: 250 },
  { id: 'just-below', light: 299 },
  { id: 'threshold', light: 300 },
  { id: 'room', light: 400 },
  { id: 'sunny', light: 1023 },
] as const;
export type NightlightPresetId = (typeof NIGHTLIGHT_PRESETS)[number]['id'];

/** The MQTT client names the nightlight uses (see mqtt.statusChanged for the server's one). */
export const NIGHTLIGHT_DEVICE_CLIENT_NAME = 'nightlight-device';
export const NIGHTLIGHT_SERVER_CLIENT_NAME = 'nightlight-server';

/** The lesson's topic and client-id names for an <ID>. */
export function nightlightNames(studentId: string) {
  return {
    telemetryTopic: `${studentId}/telemetry`,
    commandTopic: `${studentId}/commands`,
    deviceClientId: `${studentId}nightlight_client`,
    serverClientId: `${studentId}nightlight_server`,
  };
}

export const lightSchema = z
  .number()
  .int(englishError('errors.nightlight.lightWhole'))
  .min(LIGHT_MIN, englishError('errors.nightlight.lightRange', { min: LIGHT_MIN, max: LIGHT_MAX }))
  .max(LIGHT_MAX, englishError('errors.nightlight.lightRange', { min: LIGHT_MIN, max: LIGHT_MAX }));

/** python: the lesson's Python (CounterFit or Raspberry Pi) lines; wio: the Wio Terminal's Serial lines. */
export const consoleStyleSchema = z.enum(['python', 'wio']);
export type ConsoleStyle = z.infer<typeof consoleStyleSchema>;

/**
 * The lesson's steps: local-only = lesson 3's `if light < 300: led.on()` loop, no MQTT; connected = that loop plus
 * `MQTT connected!`; telemetry = the loop replaced by "read, print, publish"; telemetry+commands = plus handle_command.
 */
export const firmwareStageSchema = z.enum(['local-only', 'connected', 'telemetry', 'telemetry+commands']);
export type FirmwareStage = z.infer<typeof firmwareStageSchema>;

/**
 * virtual: the lab's device runs its own MQTT client. hardware-only: "your code is the device": the lab's MQTT
 * client stays off and only the CounterFit endpoint serves the sensor and LED to the student's own program.
 */
export const deviceModeSchema = z.enum(['virtual', 'hardware-only']);
export type DeviceMode = z.infer<typeof deviceModeSchema>;

/**
 * What the device does with commands that arrive in a burst after it was offline (answers to replayed readings, or
 * commands the broker kept for its persistent session): latest-wins applies only the newest one of the burst (no
 * flicker); keep-order applies every one in the order it came (the LED replays history). Single commands are the same.
 */
export const offlineCommandPolicySchema = z.enum(['latest-wins', 'keep-order']);
export type OfflineCommandPolicy = z.infer<typeof offlineCommandPolicySchema>;

const intervalSchema = z
  .number()
  .int()
  .min(100, englishError('errors.nightlight.telemetryFast'))
  .max(3_600_000, englishError('errors.nightlight.telemetrySlow'));

export const deviceSettingsSchema = z.object({
  /** The lesson's <ID>; defaults to settings.studentId. Changing it moves topics and client id that still follow it. */
  studentId: studentIdSchema,
  profileId: z.string().min(1),
  clientId: z.string().min(1, englishError('errors.nightlight.deviceClientId', { example: '<ID>nightlight_client' })).max(128),
  telemetryTopic: topicSchema,
  /** Where the device listens for {"led_on": ...}; a topic, not a filter (the server publishes to it). */
  commandTopic: topicSchema,
  /** Changing consoleStyle moves an interval still at the old style's default to the new style's default. */
  telemetryIntervalMs: intervalSchema,
  consoleStyle: consoleStyleSchema,
  firmwareStage: firmwareStageSchema,
  mode: deviceModeSchema,
  /** Off = the lesson's code: subscribe once, so after an automatic reconnect the device no longer hears commands. */
  resubscribeOnReconnect: z.boolean(),
  /** For telemetry and for the command subscription. The lesson uses 0. */
  qos: qosSchema,
  retain: z.boolean(),
  /** On: readings taken while offline are queued on disk and sent in order when back; the session is kept (clean=false). */
  storeAndForward: z.boolean(),
  offlineCommandPolicy: offlineCommandPolicySchema,
});
export type DeviceSettings = z.infer<typeof deviceSettingsSchema>;

export const randomLightSchema = z.object({
  enabled: z.boolean(),
  min: lightSchema,
  max: lightSchema,
  /** How often random mode picks a new level. */
  periodMs: z.number().int().min(100).max(60_000),
});
export type RandomLight = z.infer<typeof randomLightSchema>;

/** Who switched the LED: the device's own `light < 300` rule, an MQTT command, an HTTP call (CounterFit), or power. */
export const ledSourceSchema = z.enum(['local-rule', 'command', 'http', 'power']);
export type LedSource = z.infer<typeof ledSourceSchema>;

export const ledSwitchSchema = z.object({
  atMs: z.number(),
  on: z.boolean(),
  source: ledSourceSchema,
  /** What caused it, for the log: `light 250 < 300`, `{"led_on": true} on lab-x/commands`, `POST /actuator_value?port=5`. */
  detail: z.string(),
  /** detail as a key (`nightlight.ledSwitches.*`; payload and topic stay values); absent when it has no words (HTTP). */
  detailText: labSentenceSchema.optional(),
});
export type LedSwitch = z.infer<typeof ledSwitchSchema>;

export const queuedTelemetrySchema = z.object({
  seq: z.number(),
  topic: z.string(),
  payload: z.string(),
  queuedAtMs: z.number(),
});
export type QueuedTelemetry = z.infer<typeof queuedTelemetrySchema>;

export const deviceQueueSchema = z.object({
  length: z.number(),
  capacity: z.number(),
  /** Readings dropped because the queue was full (oldest first), since the lab started. */
  droppedCount: z.number(),
  /** True while the queue is being sent after the connection came back. */
  replaying: z.boolean(),
  /** The oldest readings (at most 100), in the order they will be sent. */
  items: z.array(queuedTelemetrySchema),
});
export type DeviceQueue = z.infer<typeof deviceQueueSchema>;

export const deviceStateSchema = z.object({
  settings: deviceSettingsSchema,
  powered: z.boolean(),
  /** False while the student has cut the device's network (its MQTT connection drops and cannot come back). */
  networkUp: z.boolean(),
  /** The device's MQTT client; null when it is not used (powered off, local-only, hardware-only). */
  connection: clientStatusSchema.nullable(),
  /** True while the device holds a subscription to its command topic. */
  listeningForCommands: z.boolean(),
  light: lightSchema,
  random: randomLightSchema,
  led: z.object({ on: z.boolean(), changedAtMs: z.number().nullable(), source: ledSourceSchema.nullable() }),
  /** Newest last, at most 50. */
  ledLog: z.array(ledSwitchSchema),
  queue: deviceQueueSchema,
  lastTelemetry: z.object({ payload: z.string(), atMs: z.number(), sent: z.boolean() }).nullable(),
});
export type DeviceState = z.infer<typeof deviceStateSchema>;

export const serverSettingsSchema = z.object({
  studentId: studentIdSchema,
  profileId: z.string().min(1),
  clientId: z.string().min(1, englishError('errors.nightlight.serverClientId', { example: '<ID>nightlight_server' })).max(128),
  threshold: z.number().int().min(0).max(1024),
  /** 0 = the lesson's rule. h > 0: once on, the LED goes off only at threshold + h, so a flickering level does not blink it. */
  hysteresis: z.number().int().min(0).max(500),
  /** Subscribe to `+/telemetry` and answer each device on its own `<device>/commands`. */
  multiDevice: z.boolean(),
  /** For the subscription and the commands it sends. The lesson uses 0. */
  qos: qosSchema,
});
export type ServerSettings = z.infer<typeof serverSettingsSchema>;

export const serverDeviceSchema = z.object({
  deviceId: z.string(),
  light: z.number(),
  ledOn: z.boolean(),
  atMs: z.number(),
});

export const serverStateSchema = z.object({
  settings: serverSettingsSchema,
  /** Whether the student started the server panel (kept across restarts; off at first, so it never clashes with their own server). */
  running: z.boolean(),
  connection: clientStatusSchema.nullable(),
  /** The filter it is subscribed to right now (`<ID>/telemetry` or `+/telemetry`), null when not subscribed. */
  subscribedFilter: z.string().nullable(),
  /** Every device heard from, most recent first, at most 50. */
  devices: z.array(serverDeviceSchema),
  counts: z.object({ received: z.number(), answered: z.number(), rejected: z.number() }),
});
export type ServerState = z.infer<typeof serverStateSchema>;

/** output = exactly what the lesson's program prints; lab-note = the lab explains; error = what would crash the lesson's code. */
export const consoleLineSchema = z.object({
  seq: z.number(),
  atMs: z.number(),
  text: z.string(),
  kind: z.enum(['output', 'lab-note', 'error']),
  /** A line the lab wrote (not program output) as a key: the UI shows it in its language; `text` is its English. */
  note: labSentenceSchema.optional(),
});
export type ConsoleLine = z.infer<typeof consoleLineSchema>;
export const consoleTargetSchema = z.enum(['device', 'server']);

/** One reading the server received, for the gauge and the plot (with the threshold line). */
export const lightPointSchema = z.object({ atMs: z.number(), deviceId: z.string(), light: z.number(), ledOn: z.boolean() });
export type LightPoint = z.infer<typeof lightPointSchema>;

export const httpCallSchema = z.object({
  seq: z.number(),
  atMs: z.number(),
  method: z.string(),
  /** Path and query as sent, like `/sensor_value?port=0`. */
  path: z.string(),
  status: z.number(),
  /** In words: `read the light sensor (pin 0): 400`, `LED (pin 5) on`, `no sensor on pin 7`. */
  summary: z.string(),
  /** summary as a key (`nightlight.counterfitCalls.*`) with pins and values as values, for the UI's language. */
  summaryText: labSentenceSchema.optional(),
});
export type HttpCall = z.infer<typeof httpCallSchema>;

export const counterfitStatusSchema = z.object({
  state: z.enum(['starting', 'running', 'failed', 'stopped']),
  host: z.literal('127.0.0.1'),
  port: z.number().nullable(),
  /** The port asked for; when it was taken, the endpoint moved to the next free one. */
  requestedPort: z.number(),
  /** `http://127.0.0.1:5000`, or null when not running. */
  url: z.string().nullable(),
  message: z.string().optional(),
  messageText: errorTextSchema().optional(),
});
export type CounterfitStatus = z.infer<typeof counterfitStatusSchema>;

export const codeLanguageSchema = z.enum(['python', 'javascript', 'arduino', 'mosquitto']);
export type CodeLanguage = z.infer<typeof codeLanguageSchema>;
export const codeProgramSchema = z.enum(['device', 'server']);
export type CodeProgram = z.infer<typeof codeProgramSchema>;

export const generatedCodeSchema = z.object({
  language: codeLanguageSchema,
  program: codeProgramSchema,
  /** Suggested file name: app.py, server.py, app.mjs, main.cpp, commands.sh. */
  fileName: z.string(),
  text: z.string(),
  /** How to run it, in one or two lines (pip install / node / PlatformIO / shell). */
  howToRun: z.string(),
  /** howToRun as a key with the exact commands as values, for the UI's language. */
  howToRunText: labSentenceSchema.optional(),
});
export type GeneratedCode = z.infer<typeof generatedCodeSchema>;

export const nightlightSnapshotSchema = z.object({
  device: deviceStateSchema,
  server: serverStateSchema,
  counterfit: counterfitStatusSchema,
  /** The most recent lines, oldest first (at most 500 each). */
  deviceConsole: z.array(consoleLineSchema),
  serverConsole: z.array(consoleLineSchema),
  /** Readings the server received, oldest first (at most 2000). */
  history: z.array(lightPointSchema),
  /** HTTP calls the CounterFit endpoint received, oldest first (at most 200). */
  httpCalls: z.array(httpCallSchema),
});
export type NightlightSnapshot = z.infer<typeof nightlightSnapshotSchema>;

const noInput = z.object({}).strict().default({});
const done = z.object({ done: z.literal(true) });

const randomInputSchema = z
  .object({ enabled: z.boolean(), min: lightSchema.optional(), max: lightSchema.optional(), periodMs: z.number().int().min(100).max(60_000).optional() })
  .strict()
  .refine((value) => value.min === undefined || value.max === undefined || value.min <= value.max, {
    message: englishError('errors.nightlight.randomRange'),
    path: ['max'],
  });

export const nightlightCommands = {
  'nightlight.getState': { input: noInput, output: nightlightSnapshotSchema },
  /** Change some device settings; the device restarts its connection when broker, client id, topics or session change. */
  'nightlight.updateDevice': { input: deviceSettingsSchema.partial().strict(), output: deviceStateSchema },
  /** Back to the lesson's defaults for the current settings.studentId. */
  'nightlight.resetDevice': { input: noInput, output: deviceStateSchema },
  /** Set the light sensor (stops random mode), like CounterFit's slider. */
  'nightlight.setLight': { input: z.object({ light: lightSchema }).strict(), output: deviceStateSchema },
  'nightlight.setRandom': { input: randomInputSchema, output: deviceStateSchema },
  /** Cut (false) or restore (true) the device's network: its connection drops without a goodbye and cannot reconnect. */
  'nightlight.setNetwork': { input: z.object({ up: z.boolean() }).strict(), output: deviceStateSchema },
  /** Power the device off (its connection just vanishes, LED off; the disk queue stays) or on again. */
  'nightlight.setPower': { input: z.object({ on: z.boolean() }).strict(), output: deviceStateSchema },
  'nightlight.clearQueue': { input: noInput, output: deviceStateSchema },
  'nightlight.clearConsole': { input: z.object({ target: consoleTargetSchema }).strict(), output: done },

  'nightlight.startServer': { input: noInput, output: serverStateSchema },
  'nightlight.stopServer': { input: noInput, output: serverStateSchema },
  /** Change server settings; a running server moves its subscription when the ID, topic mode or broker change. */
  'nightlight.updateServer': { input: serverSettingsSchema.partial().strict(), output: serverStateSchema },
  'nightlight.resetServer': { input: noInput, output: serverStateSchema },
  /** Forget the plot history and the list of devices heard from. */
  'nightlight.clearHistory': { input: noInput, output: done },

  /** The equivalent program for the current settings. Arduino is only for the device (the Wio Terminal). */
  'nightlight.getCode': {
    input: z.object({ language: codeLanguageSchema, program: codeProgramSchema }).strict(),
    output: generatedCodeSchema,
  },
  'nightlight.getCounterfit': { input: noInput, output: counterfitStatusSchema },
} as const;

/** Every event is coalesced: at most ~20 per second per name. */
export const nightlightEvents = {
  'nightlight.deviceChanged': deviceStateSchema,
  'nightlight.serverChanged': serverStateSchema,
  /** New console lines since the last event, oldest first; cleared = the console was emptied first. */
  'nightlight.consoleAppended': z.object({ target: consoleTargetSchema, lines: z.array(consoleLineSchema), cleared: z.boolean() }),
  /** New readings the server received, oldest first; cleared = history was emptied first. */
  'nightlight.lightSampled': z.object({ points: z.array(lightPointSchema), cleared: z.boolean() }),
  'nightlight.httpCallsReceived': z.object({ calls: z.array(httpCallSchema) }),
  'nightlight.counterfitChanged': counterfitStatusSchema,
} as const;
