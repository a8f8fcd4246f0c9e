// MQTT packet framing for the fault proxy: cuts a byte stream into whole packets (fixed header + remaining length)
// and reads the few fields a dropped packet needs in the log. It never changes bytes and never decides faults.
import { mqttPacketTypeSchema, type MqttPacketType } from '../../../src-shared/contract/playground';

// The contract lists the packet types in the order of their MQTT type codes 1..15; code 0 is reserved.
const PACKET_TYPES: readonly (MqttPacketType | undefined)[] = [undefined, ...mqttPacketTypeSchema.options];

/** Packets whose variable header starts with a packet identifier. */
const STARTS_WITH_PACKET_ID = new Set<MqttPacketType>(['PUBACK', 'PUBREC', 'PUBREL', 'PUBCOMP', 'SUBSCRIBE', 'SUBACK', 'UNSUBSCRIBE', 'UNSUBACK']);

export class MalformedPacketError extends Error {}

/** Collects chunks and hands out whole MQTT packets; O(chunk) per chunk, however the stream is split. */
export class PacketSplitter {
  private buffered: Buffer = Buffer.alloc(0);

  /** Every packet completed by this chunk, in order. Throws MalformedPacketError on an impossible length. */
  push(chunk: Buffer): Buffer[] {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const packets: Buffer[] = [];
    let offset = 0;
    for (;;) {
      const length = frameLength(this.buffered, offset);
      if (length === undefined || offset + length > this.buffered.length) break;
      packets.push(this.buffered.subarray(offset, offset + length));
      offset += length;
    }
    this.buffered = offset === this.buffered.length ? Buffer.alloc(0) : this.buffered.subarray(offset);
    return packets;
  }

  get pendingBytes(): number {
    return this.buffered.length;
  }
}

/** Whole packet length (header included) starting at offset, or undefined while the length bytes are incomplete. */
function frameLength(buffer: Buffer, offset: number): number | undefined {
  let multiplier = 1;
  let remaining = 0;
  for (let index = 1; index <= 4; index += 1) {
    const byte = buffer[offset + index];
    if (byte === undefined) return undefined;
    remaining += (byte & 0x7f) * multiplier;
    if ((byte & 0x80) === 0) return 1 + index + remaining;
    multiplier *= 128;
  }
  throw new MalformedPacketError('The remaining length of an MQTT packet used more than 4 bytes, which MQTT does not allow.');
}

/** Reads an MQTT variable byte integer; returns [value, bytes used]. */
function readVarInt(buffer: Buffer, offset: number): [number, number] {
  let value = 0;
  let multiplier = 1;
  for (let used = 1; used <= 4; used += 1) {
    const byte = buffer[offset + used - 1] ?? 0;
    value += (byte & 0x7f) * multiplier;
    if ((byte & 0x80) === 0) return [value, used];
    multiplier *= 128;
  }
  return [value, 4];
}

export interface PacketSummary {
  type: MqttPacketType;
  sizeBytes: number;
  packetId: number | null;
  qos: 0 | 1 | 2 | null;
  retain: boolean | null;
  dup: boolean | null;
  topic: string | null;
  payload: Buffer | null;
  /** CONNECT only: the protocol level (4 = 3.1.1, 5 = MQTT 5), which the other direction needs to skip properties. */
  protocolLevel: number | null;
}

function headerOffset(packet: Buffer): number {
  return 1 + readVarInt(packet, 1)[1];
}

/** The type, flags, packet id and (for PUBLISH) topic and payload of one whole packet. */
export function summarizePacket(packet: Buffer, protocolLevel: number): PacketSummary {
  const first = packet[0] ?? 0;
  const type = PACKET_TYPES[first >> 4] ?? 'AUTH';
  const summary: PacketSummary = {
    type,
    sizeBytes: packet.length,
    packetId: null,
    qos: null,
    retain: null,
    dup: null,
    topic: null,
    payload: null,
    protocolLevel: null,
  };
  const body = headerOffset(packet);
  if (type === 'PUBLISH') return readPublish(packet, first, body, protocolLevel, summary);
  if (STARTS_WITH_PACKET_ID.has(type) && packet.length >= body + 2) summary.packetId = packet.readUInt16BE(body);
  if (type === 'CONNECT') {
    const nameLength = packet.length >= body + 2 ? packet.readUInt16BE(body) : 0;
    summary.protocolLevel = packet[body + 2 + nameLength] ?? null;
  }
  return summary;
}

function readPublish(packet: Buffer, first: number, body: number, protocolLevel: number, summary: PacketSummary): PacketSummary {
  const qos = ((first >> 1) & 0x03) as 0 | 1 | 2;
  summary.qos = qos > 2 ? 2 : qos;
  summary.retain = (first & 0x01) === 1;
  summary.dup = (first & 0x08) !== 0;
  if (packet.length < body + 2) return summary;
  const topicLength = packet.readUInt16BE(body);
  let offset = body + 2 + topicLength;
  summary.topic = packet.subarray(body + 2, offset).toString('utf8');
  if (qos > 0 && packet.length >= offset + 2) {
    summary.packetId = packet.readUInt16BE(offset);
    offset += 2;
  }
  if (protocolLevel === 5) {
    const [propertiesLength, used] = readVarInt(packet, offset);
    offset += used + propertiesLength;
  }
  summary.payload = packet.subarray(Math.min(offset, packet.length));
  return summary;
}
