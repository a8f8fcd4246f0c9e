// The one table of commands and events: every name with its input and output schema. Core commands live here;
// each feature domain adds its own table file (explorer.ts, playground.ts, nightlight.ts, board.ts, lesson.ts), spread in below.
import { z } from 'zod';
import type { Result } from './result';
import {
  brokerProfileSchema,
  brokerStatusSchema,
  clientNameSchema,
  clientStatusSchema,
  filterSchema,
  payloadEncodingSchema,
  profileInputSchema,
  qosSchema,
  receivedMessageSchema,
  settingsSchema,
  localeSchema,
  studentIdSchema,
  topicSchema,
} from './schemas';
import { boardCommands, boardEvents } from './board';
import { secretStorageSchema } from './secrets';
import { explorerCommands, explorerEvents } from './explorer';
import { lessonCommands, lessonEvents } from './lesson';
import { nightlightCommands, nightlightEvents } from './nightlight';
import { playgroundCommands, playgroundEvents } from './playground';

const noInput = z.object({}).strict().default({});
const done = z.object({ done: z.literal(true) });

const coreCommands = {
  'app.getInfo': {
    input: noInput,
    output: z.object({ version: z.string(), shell: z.enum(['electron', 'browser']), labClientName: z.string() }),
  },
  'broker.getStatus': { input: noInput, output: brokerStatusSchema },
  'broker.restart': { input: noInput, output: brokerStatusSchema },

  'profiles.list': {
    input: noInput,
    output: z.object({ profiles: z.array(brokerProfileSchema), activeProfileId: z.string() }),
  },
  'profiles.save': { input: profileInputSchema, output: brokerProfileSchema },
  'profiles.delete': { input: z.object({ id: z.string() }).strict(), output: done },
  /** Where saved passwords go: the dialog asks for consent before saving one anywhere but an OS keychain. */
  'profiles.getSecretStorage': { input: noInput, output: secretStorageSchema },

  /** Make a profile the lab's broker: saves the choice and reconnects the lab client to it. */
  'connection.useProfile': { input: z.object({ profileId: z.string() }).strict(), output: clientStatusSchema },

  'mqtt.listClients': { input: noInput, output: z.array(clientStatusSchema) },
  'mqtt.connect': {
    input: z
      .object({ clientName: clientNameSchema, profileId: z.string(), clientId: z.string().max(128).optional() })
      .strict(),
    output: clientStatusSchema,
  },
  'mqtt.disconnect': { input: z.object({ clientName: clientNameSchema }).strict(), output: clientStatusSchema },
  'mqtt.subscribe': {
    input: z.object({ clientName: clientNameSchema, filter: filterSchema, qos: qosSchema.default(0) }).strict(),
    output: z.object({ filter: z.string(), grantedQos: z.number() }),
  },
  'mqtt.unsubscribe': {
    input: z.object({ clientName: clientNameSchema, filter: filterSchema }).strict(),
    output: done,
  },
  'mqtt.publish': {
    input: z
      .object({
        clientName: clientNameSchema,
        topic: topicSchema,
        payload: z.string(),
        payloadEncoding: payloadEncodingSchema.default('utf8'),
        qos: qosSchema.default(0),
        retain: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ sizeBytes: z.number() }),
  },

  'settings.get': { input: noInput, output: settingsSchema },
  'settings.update': {
    input: z.object({ locale: localeSchema.optional(), studentId: studentIdSchema.optional() }).strict(),
    output: settingsSchema,
  },
} as const;

export const commands = { ...coreCommands, ...explorerCommands, ...playgroundCommands, ...nightlightCommands, ...boardCommands, ...lessonCommands } as const;

const coreEvents = {
  'broker.statusChanged': brokerStatusSchema,
  'mqtt.statusChanged': clientStatusSchema,
  /** Batched: at most ~20 per second per client. */
  'mqtt.messagesReceived': z.object({ clientName: z.string(), messages: z.array(receivedMessageSchema) }),
  'profiles.changed': z.object({ activeProfileId: z.string() }),
} as const;

export const events = { ...coreEvents, ...explorerEvents, ...playgroundEvents, ...nightlightEvents, ...boardEvents, ...lessonEvents } as const;

export type CommandName = keyof typeof commands;
export type EventName = keyof typeof events;
/** What a caller may send (defaults not yet applied). */
export type CommandInput<K extends CommandName> = z.input<(typeof commands)[K]['input']>;
/** What a handler receives (parsed, defaults applied). */
export type ParsedInput<K extends CommandName> = z.output<(typeof commands)[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<(typeof commands)[K]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

type CommandTable = Record<string, { input: z.ZodType; output: z.ZodType }>;
/** The handlers a domain's table needs; the dispatcher gets the union of all of them. */
export type HandlersFor<T extends CommandTable> = {
  [K in keyof T]: (input: z.output<T[K]['input']>) => Promise<z.output<T[K]['output']>>;
};
export type Handlers = HandlersFor<typeof commands>;

/** window.lab in Electron, the WebSocket bridge in a browser: the only way the renderer reaches the lab. */
export interface LabBridge {
  invoke<K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commands, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
