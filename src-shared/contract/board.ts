// Commands and events of the Board page: serial ports, the serial monitor and plotter, the lesson's Wio lines
// understood, the USB-to-MQTT bridge and the built-in broker's LAN switch. Pure schemas and lesson constants only.
import { z } from 'zod';
import { englishError } from '../i18n/error-text';
import { labSentenceSchema } from './lab-sentence';
import { classStudentIdSchema, errorTextSchema } from './schemas';

/** The lesson's boards print at 9600 baud (`Serial.begin(9600)`). */
export const BOARD_DEFAULT_BAUD_RATE = 9600;
/** The rates the Arduino IDE's serial monitor offers; any other whole number in range works too. */
export const BOARD_BAUD_RATES = [300, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 74880, 115200, 230400, 250000, 500000, 1000000, 2000000] as const;
/** A line longer than this without a newline is cut (a 'note' line says so). */
export const BOARD_MAX_LINE_BYTES = 65_536;
/** Lines the main side keeps for board.getLog / board.exportLog (oldest dropped first). */
export const BOARD_LOG_CAPACITY = 20_000;
/** Points kept per plot series for board.getPlot / board.exportPlotCsv (oldest dropped first). */
export const BOARD_PLOT_CAPACITY = 20_000;
/** Ports are looked at this often, so plugging and unplugging are noticed within 2 s. */
export const BOARD_PORT_POLL_MS = 1000;
/** The named MQTT client of the USB bridge (see mqtt.statusChanged for its connection). */
export const BOARD_BRIDGE_CLIENT_NAME = 'board-bridge';

/**
 * PubSubClient's `client.state()` codes, as the Wio Terminal prints them in `failed, rc=N`, with what each means
 * for the student. `phrase` completes "board failed to connect, rc=N: it ...".
 */
export const PUBSUB_RC = [
  { rc: -4, name: 'MQTT_CONNECTION_TIMEOUT', phrase: 'the broker did not answer in time (timeout). Check the BROKER address and that the broker is running and reachable from the board\'s network' },
  { rc: -3, name: 'MQTT_CONNECTION_LOST', phrase: 'lost the connection to the broker. Check the Wi-Fi signal and that the broker is still running' },
  { rc: -2, name: 'MQTT_CONNECT_FAILED', phrase: 'it could not reach the broker. Check the BROKER address and that the broker is reachable from the board\'s network' },
  { rc: -1, name: 'MQTT_DISCONNECTED', phrase: 'it is disconnected from the broker (the connection was closed)' },
  { rc: 1, name: 'MQTT_CONNECT_BAD_PROTOCOL', phrase: 'the broker does not speak the MQTT version the board uses (bad protocol)' },
  { rc: 2, name: 'MQTT_CONNECT_BAD_CLIENT_ID', phrase: 'the broker refused the client id (bad client id). Make CLIENT_NAME unique, like "<ID>nightlight_client"' },
  { rc: 3, name: 'MQTT_CONNECT_UNAVAILABLE', phrase: 'the broker is there but not taking connections right now (unavailable)' },
  { rc: 4, name: 'MQTT_CONNECT_BAD_CREDENTIALS', phrase: 'the broker refused the username or password (bad credentials). Copy them again from the lab\'s config.h' },
  { rc: 5, name: 'MQTT_CONNECT_UNAUTHORIZED', phrase: 'the broker does not allow this client (unauthorised). It needs a username and password: copy them from the lab\'s config.h' },
] as const;

const noInput = z.object({}).strict().default({});
const done = z.object({ done: z.literal(true) });

/** A serial device path: /dev/ttyACM0, /dev/tty.usbmodem1101, COM3, /tmp/x/b. */
export const serialPathSchema = z
  .string()
  .trim()
  .min(1, englishError('errors.board.portPath'))
  .max(1024, englishError('errors.board.portPathLength'));

export const baudRateSchema = z
  .number()
  .int(englishError('errors.board.baudWhole'))
  .min(50, englishError('errors.board.baudRange'))
  .max(4_000_000, englishError('errors.board.baudRange'));

/** usb-board: a board we know; bootloader: a known board waiting to be flashed; usb-serial: a USB-serial chip. */
export const boardKindSchema = z.enum(['usb-board', 'bootloader', 'usb-serial', 'unknown']);
export type BoardKind = z.infer<typeof boardKindSchema>;

export const boardPortSchema = z.object({
  path: z.string(),
  manufacturer: z.string().nullable(),
  serialNumber: z.string().nullable(),
  /** Upper-case 4-digit hex, like "2886"; null for ports without USB ids (Bluetooth, pseudo-terminals). */
  vendorId: z.string().nullable(),
  productId: z.string().nullable(),
  /** "Seeed Wio Terminal", "Arduino Uno R3", "CH340 USB-serial chip"... or null when unknown. */
  boardName: z.string().nullable(),
  kind: boardKindSchema,
  /** listed: the system listed it; typed: a path the student typed before (remembered), shown even when absent. */
  source: z.enum(['listed', 'typed']),
  /** False for a remembered path that does not exist right now. */
  present: z.boolean(),
});
export type BoardPort = z.infer<typeof boardPortSchema>;

export const boardPortsSchema = z.object({
  ports: z.array(boardPortSchema),
  /** Paths the student typed, newest first (at most 20). */
  rememberedPaths: z.array(z.string()),
});
export type BoardPorts = z.infer<typeof boardPortsSchema>;

/**
 * closed: nothing open. opening. open: reading lines. unplugged: the board vanished; the lab reopens it by itself when
 * the same board (or path) comes back. error: could not open (see problem and message).
 */
export const serialStateSchema = z.enum(['closed', 'opening', 'open', 'unplugged', 'error']);
export type SerialState = z.infer<typeof serialStateSchema>;

/** busy: another program holds the port (likely the Arduino IDE's serial monitor); permission: Linux `dialout` group. */
export const serialProblemSchema = z.enum(['busy', 'permission', 'not-found', 'unplugged', 'other']);
export type SerialProblem = z.infer<typeof serialProblemSchema>;

export const serialStatusSchema = z.object({
  state: serialStateSchema,
  path: z.string().nullable(),
  baudRate: z.number(),
  dtr: z.boolean(),
  /** The known board on that port, when there is one. */
  boardName: z.string().nullable(),
  problem: serialProblemSchema.nullable(),
  /** A sentence for the student: what happened and what to do (`sudo usermod -a -G dialout $USER`, ...). */
  message: z.string().optional(),
  /** The message as an `errors.*` key and values, when it has one (the UI translates it). */
  messageText: errorTextSchema().optional(),
  /** Set while the text looks scrambled: the baud rate that probably matches the board. */
  suggestedBaudRate: z.number().nullable(),
  bytesIn: z.number(),
  bytesOut: z.number(),
  sinceMs: z.number(),
});
export type SerialStatus = z.infer<typeof serialStatusSchema>;

/** in: from the board; out: what the student (or the bridge) sent; note: the lab says something (cut line, unplugged). */
export const monitorLineKindSchema = z.enum(['in', 'out', 'note']);

export const monitorLineSchema = z.object({
  seq: z.number(),
  atMs: z.number(),
  kind: monitorLineKindSchema,
  /** Safe to show: invalid bytes become U+FFFD and control bytes a visible `\xNN`; no trailing newline. */
  text: z.string(),
  /** True when the raw line held bytes that are not printable text (binary or a wrong baud rate). */
  binary: z.boolean(),
  /** True when the line was cut at BOARD_MAX_LINE_BYTES. */
  cut: z.boolean(),
  /** A 'note' (the lab speaking, not the board) as a key, for the page's language; `text` is its English. */
  note: z.union([labSentenceSchema, errorTextSchema()]).optional(),
});
export type MonitorLine = z.infer<typeof monitorLineSchema>;

/** none = no line ending; lf = "\n" (Newline); cr = "\r" (Carriage return); crlf = "\r\n" (Both NL & CR). */
export const lineEndingSchema = z.enum(['none', 'lf', 'cr', 'crlf']);
export type LineEnding = z.infer<typeof lineEndingSchema>;
export const LINE_ENDINGS: Record<LineEnding, string> = { none: '', lf: '\n', cr: '\r', crlf: '\r\n' };

/** One plot series in columns (uPlot's shape): timesMs[i] goes with values[i], oldest first. */
export const plotSeriesSchema = z.object({
  name: z.string(),
  timesMs: z.array(z.number()),
  values: z.array(z.number()),
});
export type PlotSeries = z.infer<typeof plotSeriesSchema>;

/**
 * What the lab understood from the lesson's Wio lines. unknown: nothing yet; joining-wifi: `Connecting to WiFi..`;
 * wifi-joined: `Connected!`; connecting-broker: `Attempting MQTT connection...`; broker-connected: `...connected`;
 * broker-failed: `failed, rc=N` (rc and message say why).
 */
export const boardPhaseSchema = z.enum(['unknown', 'joining-wifi', 'wifi-joined', 'connecting-broker', 'broker-connected', 'broker-failed']);
export type BoardPhase = z.infer<typeof boardPhaseSchema>;

export const boardUnderstandingSchema = z.object({
  phase: boardPhaseSchema,
  /** PubSubClient's rc from the last `failed, rc=N`, else null. */
  rc: z.number().nullable(),
  /** "board joined Wi-Fi", "board connected to the broker", "board failed to connect, rc=-2: it could not reach ...". */
  message: z.string(),
  sinceMs: z.number(),
  /** The last `Sending telemetry {...}` (or JSON line) the board printed, and the last `Message received:{...}`. */
  lastTelemetry: z.object({ text: z.string(), atMs: z.number() }).nullable(),
  lastCommand: z.object({ text: z.string(), atMs: z.number() }).nullable(),
});
export type BoardUnderstanding = z.infer<typeof boardUnderstandingSchema>;

/**
 * off; waiting-for-board: no port open (or unplugged); waiting-for-broker: the bridge's MQTT client is not connected;
 * running: both ends up.
 */
export const bridgeStateSchema = z.enum(['off', 'waiting-for-board', 'waiting-for-broker', 'running']);

export const bridgeStatusSchema = z.object({
  enabled: z.boolean(),
  state: bridgeStateSchema,
  clientName: z.string(),
  /** `<ID>/telemetry` and `<ID>/commands` for the student's settings.studentId. */
  telemetryTopic: z.string(),
  commandTopic: z.string(),
  /** Board lines published to MQTT, and MQTT commands written to the board, since the bridge was switched on. */
  toMqttCount: z.number(),
  toBoardCount: z.number(),
  errorCount: z.number(),
  /** Newest last, at most 20: a board line that was not JSON, a publish that failed, a write to an unplugged board. */
  errors: z.array(z.object({ atMs: z.number(), message: z.string(), /** message as a key */ text: errorTextSchema().optional() })),
});
export type BridgeStatus = z.infer<typeof bridgeStatusSchema>;

export const lanAddressSchema = z.object({
  /** The network interface, like "wlan0", "en0" or "Wi-Fi". */
  interfaceName: z.string(),
  address: z.string(),
  family: z.enum(['IPv4', 'IPv6']),
});
export type LanAddress = z.infer<typeof lanAddressSchema>;

/** A student of the teacher's class on the LAN broker. The password is shown once when made and never again. */
export const lanStudentSchema = z.object({
  /** The student's <ID>: also their username; they may publish and subscribe only under `<ID>/`. */
  id: z.string(),
  addedAtMs: z.number(),
  /** Kicked: refused until the teacher makes a new password for them. */
  blocked: z.boolean(),
});
export type LanStudent = z.infer<typeof lanStudentSchema>;

/** A client connected through the LAN port right now. */
export const lanClientSchema = z.object({
  clientId: z.string(),
  username: z.string(),
  /** The student it logged in as; null for the teacher's shared login. */
  studentId: z.string().nullable(),
  /** host:port the connection came from. */
  address: z.string(),
  connectedSinceMs: z.number(),
  /** PUBLISH packets received from it, and how many of those were dropped as outside its `<ID>/`. */
  messagesIn: z.number(),
  refused: z.number(),
});
export type LanClient = z.infer<typeof lanClientSchema>;

/**
 * The built-in broker on the local network. Off by default. While on it listens on every interface on its own port
 * and accepts only the generated username and password there (127.0.0.1 stays as it is).
 */
export const lanBrokerStatusSchema = z.object({
  enabled: z.boolean(),
  state: z.enum(['off', 'starting', 'on', 'failed']),
  /** The LAN port (1883 when free, else the next free one); null while off. */
  port: z.number().nullable(),
  /** Generated by the lab, shown so the student can copy them into config.h. */
  username: z.string(),
  password: z.string(),
  /** This machine's LAN addresses, IPv4 first; the board needs one of them as BROKER. */
  addresses: z.array(lanAddressSchema),
  /** Clients connected through the LAN listener right now. */
  lanClients: z.number(),
  /** Who they are, oldest connection first. */
  clients: z.array(lanClientSchema),
  /** The class: each student has their own login limited to `<ID>/` (hashes only on the main side). */
  students: z.array(lanStudentSchema),
  message: z.string().optional(),
  messageText: errorTextSchema().optional(),
});
export type LanBrokerStatus = z.infer<typeof lanBrokerStatusSchema>;

export const boardConfigSchema = z.object({
  /** The broker address in the file (a LAN address, or the chosen one). */
  brokerAddress: z.string(),
  port: z.number(),
  /** The lesson's config.h with the broker, port, credentials and ID filled in; Wi-Fi name and password as placeholders. */
  configH: z.string(),
  /** The PubSubClient lines that use it: setServer(...) and connect(CLIENT_NAME, USERNAME, PASSWORD). */
  connectLines: z.string(),
  /** Empty when all is well; else why the file will not work yet (LAN switch off, no LAN address). */
  warnings: z.array(z.string()),
  /** The same warnings as keys (`board.configWarnings.*`), for the page's language. */
  warningTexts: z.array(labSentenceSchema).optional(),
});
export type BoardConfig = z.infer<typeof boardConfigSchema>;

/** Answer to adding a student or renewing their password: the only time the password leaves the main side. */
export const lanStudentLoginSchema = z.object({
  student: lanStudentSchema,
  username: z.string(),
  password: z.string(),
  /** That student's config.h (their ID and login filled in). */
  config: boardConfigSchema,
  lan: lanBrokerStatusSchema,
});
export type LanStudentLogin = z.infer<typeof lanStudentLoginSchema>;

const lanStudentInput = z.object({ studentId: classStudentIdSchema }).strict();

export const boardSnapshotSchema = z.object({
  ports: boardPortsSchema,
  serial: serialStatusSchema,
  understanding: boardUnderstandingSchema,
  bridge: bridgeStatusSchema,
  lan: lanBrokerStatusSchema,
});
export type BoardSnapshot = z.infer<typeof boardSnapshotSchema>;

export const boardCommands = {
  /** Everything the page shows except the log and the plot (get those with board.getLog / board.getPlot). */
  'board.getState': { input: noInput, output: boardSnapshotSchema },
  /** Looks at the ports now (they are also watched every second; see board.portsChanged). */
  'board.listPorts': { input: noInput, output: boardPortsSchema },
  'board.forgetPath': { input: z.object({ path: serialPathSchema }).strict(), output: boardPortsSchema },
  /** Opens a port (closing the one open before). A typed path that is not listed is remembered. */
  'board.open': {
    input: z
      .object({ path: serialPathSchema, baudRate: baudRateSchema.default(BOARD_DEFAULT_BAUD_RATE), dtr: z.boolean().default(true) })
      .strict(),
    output: serialStatusSchema,
  },
  /** Closes the port and stops reopening it; the log stays. */
  'board.close': { input: noInput, output: serialStatusSchema },
  /** Writes text plus the chosen line ending to the open port (NOT_CONNECTED when none is open). */
  'board.sendLine': {
    input: z
      .object({ text: z.string().max(4096, englishError('errors.board.sendLength')), lineEnding: lineEndingSchema.default('lf') })
      .strict(),
    output: z.object({ bytesWritten: z.number() }),
  },
  /** The most recent monitor lines, oldest first. */
  'board.getLog': {
    input: z.object({ limit: z.number().int().min(1).max(BOARD_LOG_CAPACITY).default(5000) }).strict().default({ limit: 5000 }),
    output: z.object({ lines: z.array(monitorLineSchema) }),
  },
  'board.clearLog': { input: noInput, output: done },
  /** The log as text (one `HH:MM:SS.mmm -> text` line each, or bare text), for the UI to save. */
  'board.exportLog': {
    input: z.object({ timestamps: z.boolean().default(true) }).strict().default({ timestamps: true }),
    output: z.object({ fileName: z.string(), text: z.string(), lineCount: z.number() }),
  },
  'board.getPlot': { input: noInput, output: z.object({ series: z.array(plotSeriesSchema) }) },
  'board.clearPlot': { input: noInput, output: done },
  /** Every series as CSV: time, time_ms, then one column per series (empty where a series had no value at that time). */
  'board.exportPlotCsv': { input: noInput, output: z.object({ fileName: z.string(), text: z.string(), rowCount: z.number() }) },
  'board.setBridge': { input: z.object({ enabled: z.boolean() }).strict(), output: bridgeStatusSchema },
  /** Switch the built-in broker's LAN listener; turning it off disconnects every LAN client. */
  'board.setLanBroker': { input: z.object({ enabled: z.boolean() }).strict(), output: lanBrokerStatusSchema },
  /** New generated password (LAN clients using the old one are disconnected). */
  'board.renewLanPassword': { input: noInput, output: lanBrokerStatusSchema },
  /** Adds a student with a generated password (shown once in the answer, stored only as a hash). */
  'board.addLanStudent': { input: lanStudentInput, output: lanStudentLoginSchema },
  /** A new password for one student (their boards are disconnected; a blocked student may log in again). */
  'board.renewLanStudentPassword': { input: lanStudentInput, output: lanStudentLoginSchema },
  /** Removes a student; their boards are disconnected and refused. */
  'board.removeLanStudent': { input: lanStudentInput, output: lanBrokerStatusSchema },
  /** Disconnects a LAN client; a student's login is also blocked until the teacher makes a new password for them. */
  'board.kickLanClient': { input: z.object({ clientId: z.string().min(1, englishError('errors.board.kickWho')).max(128) }).strict(), output: lanBrokerStatusSchema },
  /** The board's config.h and connect lines. address: one of lan.addresses (default: the first IPv4 one). */
  'board.getConfig': {
    input: z.object({ address: z.string().max(253).optional() }).strict().default({}),
    output: boardConfigSchema,
  },
} as const;

/** Every event is coalesced: at most ~20 per second per name. */
export const boardEvents = {
  /** The port list changed (plugged, unplugged, a path remembered or forgotten). */
  'board.portsChanged': boardPortsSchema,
  'board.serialChanged': serialStatusSchema,
  /** New monitor lines since the last event, oldest first; cleared = the log was emptied first. */
  'board.linesAppended': z.object({ lines: z.array(monitorLineSchema), cleared: z.boolean() }),
  /** New points per series since the last event (only series that got points); cleared = the plot was emptied first. */
  'board.plotAppended': z.object({ series: z.array(plotSeriesSchema), cleared: z.boolean() }),
  'board.understandingChanged': boardUnderstandingSchema,
  'board.bridgeChanged': bridgeStatusSchema,
  'board.lanChanged': lanBrokerStatusSchema,
} as const;
