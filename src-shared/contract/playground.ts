// Commands and events of the Playground page: names `playground.verbNoun` / `playground.nounPastTense`.
// Schemas for playground clients, network faults, the packet log and experiments; no runtime-specific imports.
import { z } from 'zod';
import { englishError, englishErrorMessage, errorText } from '../i18n/error-text';
import { labSentenceSchema, labTextSchema } from './lab-sentence';
import { errorTextSchema, filterSchema, qosSchema, topicSchema } from './schemas';

/** The most payload characters one playground publish may carry; brokers may accept less (see the publish result). */
export const MAX_PLAYGROUND_PAYLOAD_CHARS = 1_000_000;
/** How many log entries the main side keeps; older ones fall off the front. */
export const MAX_PACKET_LOG_ENTRIES = 5000;
/** How many characters of a payload a log entry shows. */
export const PAYLOAD_PREVIEW_CHARS = 120;

/** A playground client's key, like "publisher", "subscriber", "late-subscriber", "client-4". */
export const playgroundClientKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, englishError('errors.playground.clientKey'));

/** The clients every playground starts with; the UI shows their names in the student's language until renamed. */
export const STARTING_PLAYGROUND_CLIENTS = [
  { key: 'publisher', name: 'Publisher', idPrefix: 'publisher' },
  { key: 'subscriber', name: 'Subscriber', idPrefix: 'subscriber' },
  { key: 'late-subscriber', name: 'Late subscriber', idPrefix: 'late-sub' },
] as const;

/** Where playground clients connect: the built-in broker, or the broker of the lab's active profile. */
export const playgroundTargetSchema = z.enum(['builtin', 'active-profile']);
export type PlaygroundTarget = z.infer<typeof playgroundTargetSchema>;

/** In the order of the MQTT packet type codes 1..15: the proxy's framing reads the type by this position. */
export const mqttPacketTypeSchema = z.enum([
  'CONNECT',
  'CONNACK',
  'PUBLISH',
  'PUBACK',
  'PUBREC',
  'PUBREL',
  'PUBCOMP',
  'SUBSCRIBE',
  'SUBACK',
  'UNSUBSCRIBE',
  'UNSUBACK',
  'PINGREQ',
  'PINGRESP',
  'DISCONNECT',
  'AUTH',
]);
export type MqttPacketType = z.infer<typeof mqttPacketTypeSchema>;

/** client -> broker or broker -> client, as seen on the wire between them. */
export const packetDirectionSchema = z.enum(['toBroker', 'toClient']);
export type PacketDirection = z.infer<typeof packetDirectionSchema>;

export const willSchema = z.object({
  topic: topicSchema,
  payload: z.string().max(1000, englishError('errors.playground.willLength')),
  qos: qosSchema,
  retain: z.boolean(),
});
export type PlaygroundWill = z.infer<typeof willSchema>;

/** The settings a student edits per client; they apply the next time the client connects. */
const clientSettingsFields = {
  /** What the page shows: "Publisher". */
  name: z.string().trim().min(1, englishError('errors.playground.clientName')).max(40, englishError('errors.playground.clientNameLength')),
  /** The MQTT client id sent in CONNECT. */
  clientId: z
    .string()
    .trim()
    .min(1, englishError('errors.playground.clientId'))
    .max(128, englishError('errors.input.clientIdLength')),
  cleanSession: z.boolean(),
  keepaliveSeconds: z.number().int().min(0, englishError('errors.playground.keepalive')).max(65535, englishError('errors.playground.keepalive')),
  /** 4 = MQTT 3.1.1, 5 = MQTT 5 (the built-in broker speaks 3.1.1 only). */
  protocolVersion: z.union([z.literal(4), z.literal(5)]),
  will: willSchema.nullable(),
};

export const playgroundClientStateSchema = z.enum(['idle', 'connecting', 'connected', 'offline', 'error']);
export type PlaygroundClientState = z.infer<typeof playgroundClientStateSchema>;

/** What the fault-injecting proxy in front of one client does right now. */
export const faultStateSchema = z.object({
  blackHole: z.boolean(),
  /** Packets still to be dropped per direction; onlyType null = any packet. */
  dropToBroker: z.object({ remaining: z.number(), onlyType: mqttPacketTypeSchema.nullable() }),
  dropToClient: z.object({ remaining: z.number(), onlyType: mqttPacketTypeSchema.nullable() }),
  /** Added to every packet in both directions (order is kept). */
  delayMs: z.number(),
});
export type FaultState = z.infer<typeof faultStateSchema>;

export const playgroundSubscriptionSchema = z.object({ filter: z.string(), requestedQos: qosSchema, grantedQos: z.number() });

export const playgroundClientSchema = z.object({
  key: z.string(),
  ...clientSettingsFields,
  /** 'experiment' clients are made by a running experiment and removed when it ends. */
  role: z.enum(['student', 'experiment']),
  /** The name as a key, for clients the lab names itself (an experiment's "Publisher (experiment)"); name is its English. */
  nameText: labSentenceSchema.optional(),
  state: playgroundClientStateSchema,
  /** A sentence for the student about the state, especially errors and faults (English; messageText is it as a key). */
  message: z.string().optional(),
  messageText: labTextSchema.optional(),
  errorCode: z.string().optional(),
  target: playgroundTargetSchema.nullable(),
  /** The real broker, mqtt://host:port ('' before the first connect); the client itself talks to the proxy. */
  brokerUrl: z.string(),
  /** 127.0.0.1 port of this client's proxy, null while not connected. */
  proxyPort: z.number().nullable(),
  /** From the last CONNACK; null before one arrived. */
  sessionPresent: z.boolean().nullable(),
  subscriptions: z.array(playgroundSubscriptionSchema),
  /** Outgoing QoS 1/2 messages whose handshake has not finished (mqtt.js resends them on reconnect). */
  inFlight: z.number(),
  faults: faultStateSchema,
  sinceMs: z.number(),
});
export type PlaygroundClient = z.infer<typeof playgroundClientSchema>;

/** What the proxy did with one packet; null when the proxy had no say (e.g. the socket was already gone). */
export const proxyActionSchema = z.enum(['passed', 'delayed', 'dropped', 'blackHoled', 'lostInCut']);
export type ProxyAction = z.infer<typeof proxyActionSchema>;

const logEntryBase = {
  /** Increasing number; entries always arrive in seq order. */
  seq: z.number(),
  timeMs: z.number(),
  clientKey: z.string(),
  clientName: z.string(),
  /** clientName as a key, when the client has one (see playgroundClientSchema.nameText). */
  clientNameText: labSentenceSchema.optional(),
};

export const packetEntrySchema = z.object({
  kind: z.literal('packet'),
  ...logEntryBase,
  direction: packetDirectionSchema,
  type: mqttPacketTypeSchema,
  packetId: z.number().nullable(),
  qos: qosSchema.nullable(),
  retain: z.boolean().nullable(),
  dup: z.boolean().nullable(),
  /** CONNACK only. */
  sessionPresent: z.boolean().nullable(),
  /** CONNACK return code (3.1.1) or the MQTT 5 reason code of CONNACK/PUBACK/PUBREC/PUBREL/PUBCOMP/DISCONNECT. */
  reasonCode: z.number().nullable(),
  /** SUBACK: one per filter; 128 (0x80) = refused. */
  grantedQos: z.array(z.number()).nullable(),
  /** PUBLISH topic, or the Will topic of a CONNECT. */
  topic: z.string().nullable(),
  /** SUBSCRIBE / UNSUBSCRIBE filters (qos null for UNSUBSCRIBE). */
  filters: z.array(z.object({ filter: z.string(), qos: qosSchema.nullable() })).nullable(),
  /** The payload as text (cut to PAYLOAD_PREVIEW_CHARS), or "<N bytes>" when it is not text. */
  payloadPreview: z.string().nullable(),
  payloadBytes: z.number().nullable(),
  /** Every other field for hovering: clientId, keepalive, clean, properties.*, will.*, ... */
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  proxyAction: proxyActionSchema.nullable(),
  /** For 'delayed': how long the proxy held it. */
  delayMs: z.number().nullable(),
});
export type PacketEntry = z.infer<typeof packetEntrySchema>;

export const noteEventSchema = z.enum([
  'connectionOpened',
  'connectionClosed',
  'cut',
  'blackHoleOn',
  'blackHoleOff',
  'dropArmed',
  'delaySet',
  'faultsCleared',
  'problem',
  'experimentStarted',
  'experimentFinished',
]);

/** Something that is not a packet: a fault switched, a connection closed, an explained problem. */
export const noteEntrySchema = z.object({
  kind: z.literal('note'),
  ...logEntryBase,
  event: noteEventSchema,
  /** The note's sentences as keys, shown one after another (the UI may use its own short words for event); a {name}
   *  value is the client's English name, which the UI swaps for the name it shows. English: englishOf each, joined. */
  texts: z.array(z.union([labSentenceSchema, errorTextSchema()])).min(1),
});
export type NoteEntry = z.infer<typeof noteEntrySchema>;

export const logEntrySchema = z.discriminatedUnion('kind', [packetEntrySchema, noteEntrySchema]);
export type LogEntry = z.infer<typeof logEntrySchema>;

export const faultSchema = z.discriminatedUnion('kind', [
  /** Destroy both sides now, like pulling the cable. */
  z.object({ kind: z.literal('cut') }),
  /** Packets vanish in both directions and nothing is closed. */
  z.object({ kind: z.literal('blackHole'), on: z.boolean() }),
  z.object({
    kind: z.literal('drop'),
    direction: packetDirectionSchema,
    count: z.number().int().min(1, englishError('errors.playground.dropCount')).max(100, englishError('errors.playground.dropCount')),
    /** Only count and drop packets of this type (others pass), e.g. "PUBACK". */
    onlyType: mqttPacketTypeSchema.optional(),
  }),
  z.object({
    kind: z.literal('delay'),
    delayMs: z.number().int().min(0, englishError('errors.playground.delay')).max(30_000, englishError('errors.playground.delay')),
  }),
  /** Back to a perfect network: black hole off, nothing to drop, no delay. */
  z.object({ kind: z.literal('clear') }),
]);
export type Fault = z.infer<typeof faultSchema>;

export const mqtt5PublishPropertiesSchema = z
  .object({
    messageExpirySeconds: z.number().int().min(1, englishError('errors.playground.expiry')).max(4_294_967_295).optional(),
    contentType: z.string().max(200).optional(),
    userProperties: z
      .array(z.object({ key: z.string().min(1, englishError('errors.playground.propertyName')).max(200), value: z.string().max(1000) }))
      .max(20, englishError('errors.playground.propertyCount'))
      .optional(),
  })
  .strict();
export type Mqtt5PublishProperties = z.infer<typeof mqtt5PublishPropertiesSchema>;

export const playgroundPublishInputSchema = z
  .object({
    clientKey: playgroundClientKeySchema,
    topic: topicSchema,
    payload: z.string().max(MAX_PLAYGROUND_PAYLOAD_CHARS, englishError('errors.playground.payloadLength', { max: MAX_PLAYGROUND_PAYLOAD_CHARS })),
    /** 'json' checks the payload is valid JSON before anything is sent. */
    payloadFormat: z.enum(['text', 'json']).default('text'),
    qos: qosSchema.default(0),
    retain: z.boolean().default(false),
    /** MQTT 5 only: refused with an explanation on an MQTT 3.1.1 client. */
    properties: mqtt5PublishPropertiesSchema.optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.payloadFormat !== 'json') return;
    try {
      JSON.parse(input.payload);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const text = errorText('errors.playground.notJson', { reason });
      ctx.addIssue({ code: 'custom', path: ['payload'], message: englishErrorMessage(text), params: { errorText: text } });
    }
  });

export const experimentIdSchema = z.enum([
  'qos0-loss',
  'qos1-lost-puback',
  'qos2-loss',
  'retained',
  'persistent-session',
  'keepalive-will',
]);
export type ExperimentId = z.infer<typeof experimentIdSchema>;

export const experimentInfoSchema = z.object({
  id: experimentIdSchema,
  /** 1 to 6, the order of the lesson. */
  number: z.number(),
  title: z.string(),
  /** What the experiment does, step by step, in plain words. */
  explanation: z.string(),
  expected: z.string(),
  estimatedSeconds: z.number(),
});
export type ExperimentInfo = z.infer<typeof experimentInfoSchema>;

export const experimentResultSchema = z.object({
  runId: z.string(),
  experimentId: experimentIdSchema,
  target: playgroundTargetSchema,
  brokerUrl: z.string(),
  /** asExpected: observed matches expected; different: the broker behaved otherwise (explained); failed: could not run. */
  outcome: z.enum(['asExpected', 'different', 'failed']),
  expected: z.string(),
  observed: z.string(),
  explanation: z.string(),
  /** observed as sentences with keys (English joined = observed); a failure's is its error text. */
  observedText: z.array(z.union([labSentenceSchema, errorTextSchema()])).optional(),
  explanationText: labSentenceSchema.optional(),
  /** Numbers behind "observed", e.g. { subscriberCopies: 2, resentWithDup: true, willAfterMs: 7512 }. */
  measurements: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])),
  durationMs: z.number(),
});
export type ExperimentResult = z.infer<typeof experimentResultSchema>;

export const experimentProgressSchema = z.object({
  runId: z.string(),
  experimentId: experimentIdSchema,
  state: z.enum(['running', 'finished', 'failed']),
  /** 1-based step, out of totalSteps. */
  step: z.number(),
  totalSteps: z.number(),
  /** What is happening now, e.g. "Dropping the next PUBACK to the publisher". */
  text: z.string(),
  /** text as a key for the UI's language (absent on the final report, whose words are the result's). */
  message: labSentenceSchema.optional(),
});
export type ExperimentProgress = z.infer<typeof experimentProgressSchema>;

const noInput = z.object({}).strict().default({});
const done = z.object({ done: z.literal(true) });
const clientKeyInput = z.object({ clientKey: playgroundClientKeySchema }).strict();

export const playgroundCommands = {
  'playground.listClients': { input: noInput, output: z.array(playgroundClientSchema) },
  /** Missing settings get defaults: a fresh name and client id, clean session, keep-alive 60, MQTT 3.1.1, no Will. */
  'playground.addClient': {
    input: z.object(clientSettingsFields).partial().strict().default({}),
    output: playgroundClientSchema,
  },
  'playground.removeClient': { input: clientKeyInput, output: done },
  /** Changes apply the next time the client connects. */
  'playground.updateClient': {
    input: z.object({ clientKey: playgroundClientKeySchema, ...clientSettingsFields }).partial().required({ clientKey: true }).strict(),
    output: playgroundClientSchema,
  },
  /** Resolves once connected (CONNACK) or with an explained error; a client that was cut resumes its session. */
  'playground.connect': {
    input: z.object({ clientKey: playgroundClientKeySchema, target: playgroundTargetSchema.default('builtin') }).strict(),
    output: playgroundClientSchema,
  },
  /** Sends DISCONNECT (waits at most 2 s for in-flight messages), so no Last Will is published. */
  'playground.disconnect': { input: clientKeyInput, output: playgroundClientSchema },
  /** Resolves once the PUBLISH is handed to the network; acknowledgements show up in the packet log. */
  'playground.publish': {
    input: playgroundPublishInputSchema,
    output: z.object({ sizeBytes: z.number(), packetId: z.number().nullable() }),
  },
  'playground.subscribe': {
    input: z.object({ clientKey: playgroundClientKeySchema, filter: filterSchema, qos: qosSchema.default(0) }).strict(),
    /** downgraded: the broker granted less than asked (e.g. a broker with max_qos 1 answers 1 to a QoS 2 request). */
    output: z.object({ filter: z.string(), requestedQos: qosSchema, grantedQos: z.number(), downgraded: z.boolean() }),
  },
  'playground.unsubscribe': {
    input: z.object({ clientKey: playgroundClientKeySchema, filter: filterSchema }).strict(),
    output: done,
  },
  'playground.injectFault': {
    input: z.object({ clientKey: playgroundClientKeySchema, fault: faultSchema }).strict(),
    output: playgroundClientSchema,
  },
  /** The kept log (at most MAX_PACKET_LOG_ENTRIES), for a page that opens after packets were captured. */
  'playground.listPackets': {
    input: noInput,
    output: z.object({ entries: z.array(logEntrySchema), paused: z.boolean() }),
  },
  'playground.clearPackets': { input: noInput, output: done },
  /** While paused, nothing is captured (packets still flow). */
  'playground.pauseCapture': { input: z.object({ paused: z.boolean() }).strict(), output: z.object({ paused: z.boolean() }) },
  /** The kept log as plain text, one line per entry, for saving or pasting into a report. */
  'playground.exportPackets': { input: noInput, output: z.object({ fileName: z.string(), text: z.string() }) },
  'playground.listExperiments': { input: noInput, output: z.array(experimentInfoSchema) },
  /** Runs one experiment with its own temporary clients (5-15 s); one at a time. */
  'playground.runExperiment': {
    input: z.object({ experimentId: experimentIdSchema, target: playgroundTargetSchema.default('builtin') }).strict(),
    output: experimentResultSchema,
  },
} as const;

export const playgroundEvents = {
  /** The whole client list, whenever any client's state, settings, subscriptions or faults change. */
  'playground.clientsChanged': z.object({ clients: z.array(playgroundClientSchema) }),
  /** Batched: at most ~20 per second. */
  'playground.packetsCaptured': z.object({ entries: z.array(logEntrySchema) }),
  'playground.experimentProgressed': experimentProgressSchema,
} as const;
