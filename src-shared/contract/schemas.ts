// Zod schemas for the data that crosses the boundary: profiles, client status, messages, broker status.
// Types are inferred from these; nothing here imports Node, DOM, Electron or Vue.
import { z } from 'zod';
import { englishError, englishErrorMessage, isErrorText, type ErrorText } from '../i18n/error-text';
import { describeInvalidFilter, describeInvalidTopic } from '../mqtt/topic-rules';

/** An error text (`errors.*` key and values) next to an English message, so the UI can show it translated. */
export function errorTextSchema() {
  return z.custom<ErrorText>(isErrorText);
}

export const qosSchema = z.union([z.literal(0), z.literal(1), z.literal(2)]);
export type Qos = z.infer<typeof qosSchema>;

/** A custom zod issue that carries its error text, so the dispatcher can pass the key on to the UI. */
function textIssue(text: ErrorText) {
  return { code: 'custom' as const, message: englishErrorMessage(text), params: { errorText: text } };
}

export const topicSchema = z.string().superRefine((topic, ctx) => {
  const problem = describeInvalidTopic(topic);
  if (problem) ctx.addIssue(textIssue(problem));
});

export const filterSchema = z.string().superRefine((filter, ctx) => {
  const problem = describeInvalidFilter(filter);
  if (problem) ctx.addIssue(textIssue(problem));
});

/** A name for one of the lab's MQTT clients: "lab", "explorer", "playground-publisher", ... */
export const clientNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, englishError('errors.input.clientName'));

export const transportSchema = z.enum(['mqtt', 'mqtts', 'ws', 'wss']);
export type Transport = z.infer<typeof transportSchema>;

export const profileKindSchema = z.enum(['builtin', 'public', 'custom']);

const profileFields = {
  id: z.string().regex(/^[a-z0-9-]{1,64}$/, englishError('errors.input.profileId')),
  name: z.string().trim().min(1, englishError('errors.input.profileName')).max(80),
  kind: profileKindSchema,
  host: z.string().trim().min(1, englishError('errors.input.host')).max(253),
  port: z.number().int().min(1, englishError('errors.input.port')).max(65535, englishError('errors.input.port')),
  transport: transportSchema,
  /** WebSocket path, used with ws and wss. */
  path: z.string().max(200).default('/mqtt'),
  clientId: z.string().max(128, englishError('errors.input.clientIdLength')),
  username: z.string().max(200).default(''),
  keepaliveSeconds: z.number().int().min(0).max(65535).default(60),
  cleanSession: z.boolean().default(true),
  protocolVersion: z.union([z.literal(4), z.literal(5)]).default(4),
  /** Path of a PEM file with the CA certificate(s) to trust, for mqtts and wss. */
  caFile: z.string().max(1024).default(''),
  verifyCertificate: z.boolean().default(true),
};

/** A saved broker profile as the renderer sees it: the password itself never leaves the main side. */
export const brokerProfileSchema = z.object({
  ...profileFields,
  hasPassword: z.boolean(),
  /** The password is kept in memory until the lab closes, not on disk (no consent to save it without a keychain). */
  passwordSessionOnly: z.boolean().optional(),
});
export type BrokerProfile = z.infer<typeof brokerProfileSchema>;

/** What the renderer sends to save a profile. password: absent keeps it, null clears it, a string sets it. */
export const profileInputSchema = z.object({
  ...profileFields,
  password: z.string().max(1024).nullable().optional(),
  /** "Save it anyway": the user agreed to save a password where there is no OS keychain (see profiles.getSecretStorage). */
  insecureStorageConsent: z.boolean().optional(),
  /** Keep the typed password only until the lab closes; nothing is written to disk. */
  sessionOnlyPassword: z.boolean().optional(),
});
export type ProfileInput = z.input<typeof profileInputSchema>;

export const clientStateSchema = z.enum(['idle', 'connecting', 'connected', 'reconnecting', 'offline', 'error']);
export type ClientState = z.infer<typeof clientStateSchema>;

export const clientStatusSchema = z.object({
  clientName: z.string(),
  profileId: z.string(),
  /** mqtt://host:port as the student would type it. */
  brokerUrl: z.string(),
  clientId: z.string(),
  state: clientStateSchema,
  /** A sentence for the student about the state, especially errors (English; messageText is it as an i18n key). */
  message: z.string().optional(),
  messageText: errorTextSchema().optional(),
  errorCode: z.string().optional(),
  sinceMs: z.number(),
});
export type ClientStatus = z.infer<typeof clientStatusSchema>;

export const payloadEncodingSchema = z.enum(['utf8', 'base64']);

export const receivedMessageSchema = z.object({
  topic: z.string(),
  /** The payload as text when it is valid UTF-8, else null (then use payloadBase64). */
  payloadText: z.string().nullable(),
  payloadBase64: z.string(),
  /** True size on the wire; when larger than what is carried here, truncated is true. */
  sizeBytes: z.number(),
  truncated: z.boolean(),
  qos: qosSchema,
  retain: z.boolean(),
  receivedAtMs: z.number(),
});
export type ReceivedMessage = z.infer<typeof receivedMessageSchema>;

export const brokerStateSchema = z.enum(['starting', 'running', 'restarting', 'stopped', 'failed']);
export type BrokerState = z.infer<typeof brokerStateSchema>;

export const brokerStatusSchema = z.object({
  state: brokerStateSchema,
  host: z.string(),
  tcpPort: z.number().nullable(),
  wsPort: z.number().nullable(),
  /** The ports asked for; when they were taken, the broker moved to the next free one. */
  requestedTcpPort: z.number(),
  requestedWsPort: z.number(),
  restarts: z.number(),
  connectedClients: z.number(),
  message: z.string().optional(),
  /** The message's sentences as keys, when each has one (the UI translates them and joins them). */
  messageTexts: z.array(errorTextSchema()).optional(),
});
export type BrokerStatus = z.infer<typeof brokerStatusSchema>;

export const localeSchema = z.enum(['en', 'te']);
export type Locale = z.infer<typeof localeSchema>;

const STUDENT_ID_PATTERN = /^[A-Za-z0-9_-]{3,32}$/;

/** A student's own id: the <ID> in the lesson's topics (<ID>/telemetry) and client ids (<ID>nightlight_client). */
export const studentIdSchema = z.string().regex(STUDENT_ID_PATTERN, englishError('errors.input.studentId'));

/** The same id typed by the teacher for one of the class (Board > LAN class): its error speaks of "a student's ID". */
export const classStudentIdSchema = z.string().regex(STUDENT_ID_PATTERN, englishError('errors.input.classStudentId'));

/** A fresh, probably-unique student id; saved on first start so it stays the same afterwards. */
export function newStudentId(random: () => number = Math.random): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  let suffix = '';
  for (let index = 0; index < 6; index++) suffix += alphabet[Math.floor(random() * alphabet.length)];
  return `lab-${suffix}`;
}

export const settingsSchema = z.object({
  locale: localeSchema.default('en'),
  activeProfileId: z.string().default('builtin'),
  studentId: studentIdSchema.default(() => newStudentId()),
});
export type Settings = z.infer<typeof settingsSchema>;
