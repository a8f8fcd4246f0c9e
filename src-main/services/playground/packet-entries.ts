// Turns an mqtt.js packet, or the proxy's summary of a packet mqtt.js never saw, into a packet log entry.
// Pure: no I/O, no clock. Passwords are never copied into an entry.
import type { Packet } from 'mqtt';
import { PAYLOAD_PREVIEW_CHARS, type MqttPacketType, type PacketDirection, type PacketEntry } from '../../../src-shared/contract/playground';
import type { Qos } from '../../../src-shared/contract/schemas';
import type { PacketSummary } from './mqtt-framing';

/** An entry before the log numbers it. */
export type PacketDraft = Omit<PacketEntry, 'seq' | 'timeMs' | 'clientKey' | 'clientName' | 'clientNameText'>;

const MAX_FIELDS = 60;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Text cut to PAYLOAD_PREVIEW_CHARS, or "<N bytes>" when the bytes are not UTF-8 text. */
export function previewPayload(payload: Buffer | string | undefined | null): string | null {
  if (payload === undefined || payload === null) return null;
  let text: string;
  if (typeof payload === 'string') text = payload;
  else {
    try {
      text = strictUtf8.decode(payload);
    } catch {
      return `<${payload.length} bytes>`;
    }
  }
  return text.length > PAYLOAD_PREVIEW_CHARS ? `${text.slice(0, PAYLOAD_PREVIEW_CHARS)}…` : text;
}

function emptyDraft(type: MqttPacketType, direction: PacketDirection): PacketDraft {
  return {
    kind: 'packet',
    direction,
    type,
    packetId: null,
    qos: null,
    retain: null,
    dup: null,
    sessionPresent: null,
    reasonCode: null,
    grantedQos: null,
    topic: null,
    filters: null,
    payloadPreview: null,
    payloadBytes: null,
    fields: {},
    proxyAction: null,
    delayMs: null,
  };
}

/** Flattens nested fields into "will.topic" = "...", skipping the password and showing bytes as previews. */
function flatten(value: unknown, prefix: string, into: Record<string, string | number | boolean>, depth = 0): void {
  if (Object.keys(into).length >= MAX_FIELDS || value === undefined || value === null) return;
  if (Buffer.isBuffer(value)) into[prefix] = previewPayload(value) ?? '';
  else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') into[prefix] = value;
  else if (typeof value === 'object' && depth < 3) {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'password' || key === 'cmd' || key === 'length') continue;
      flatten(inner, prefix ? `${prefix}.${key}` : key, into, depth + 1);
    }
  }
}

function qosOf(value: unknown): Qos | null {
  return value === 0 || value === 1 || value === 2 ? value : null;
}

/** Everything the log shows about a packet that mqtt.js sent or received. */
export function draftFromMqttPacket(packet: Packet, direction: PacketDirection): PacketDraft {
  const draft = emptyDraft(packet.cmd.toUpperCase() as MqttPacketType, direction);
  const raw = packet as unknown as Record<string, unknown>;
  const { payload, ...rest } = raw;
  flatten(rest, '', draft.fields);
  // mqtt.js puts messageId 0 on QoS 0 PUBLISH packets, which carry no packet id on the wire.
  draft.packetId = typeof raw.messageId === 'number' && !(packet.cmd === 'publish' && packet.qos === 0) ? raw.messageId : null;
  switch (packet.cmd) {
    case 'connect':
      draft.topic = packet.will?.topic ?? null;
      break;
    case 'connack':
      draft.sessionPresent = packet.sessionPresent;
      draft.reasonCode = packet.reasonCode ?? packet.returnCode ?? null;
      break;
    case 'publish':
      draft.qos = qosOf(packet.qos);
      draft.retain = packet.retain;
      draft.dup = packet.dup;
      draft.topic = packet.topic;
      draft.payloadPreview = previewPayload(payload as Buffer | string);
      draft.payloadBytes = typeof payload === 'string' ? Buffer.byteLength(payload) : ((payload as Buffer | undefined)?.length ?? 0);
      break;
    case 'subscribe':
      draft.filters = packet.subscriptions.map((subscription) => ({ filter: subscription.topic, qos: qosOf(subscription.qos) }));
      break;
    case 'suback':
      draft.grantedQos = (packet.granted as unknown[]).map((granted) =>
        typeof granted === 'number' ? granted : Number((granted as { qos?: unknown }).qos ?? 0x80),
      );
      break;
    case 'unsubscribe':
      draft.filters = packet.unsubscriptions.map((filter) => ({ filter, qos: null }));
      break;
    default:
      draft.reasonCode = typeof raw.reasonCode === 'number' ? raw.reasonCode : null;
  }
  return draft;
}

/** What the proxy knows about a packet it dropped or swallowed before mqtt.js could see it. */
export function draftFromSummary(summary: PacketSummary, direction: PacketDirection): PacketDraft {
  const draft = emptyDraft(summary.type, direction);
  draft.packetId = summary.packetId;
  draft.qos = summary.qos;
  draft.retain = summary.retain;
  draft.dup = summary.dup;
  draft.topic = summary.topic;
  if (summary.payload) {
    draft.payloadPreview = previewPayload(summary.payload);
    draft.payloadBytes = summary.payload.length;
  }
  draft.fields = { sizeBytes: summary.sizeBytes, seenBy: 'proxy only' };
  return draft;
}
