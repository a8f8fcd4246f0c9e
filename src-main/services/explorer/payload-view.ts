// How the explorer keeps payload bytes (compactly, copied out of the socket buffer) and shows them:
// previews for the tree, and whole or cut payloads (never silently: truncated + true size) for the detail view.
import { isUtf8 } from 'node:buffer';
import type { ExplorerMessage } from '../../../src-shared/contract/explorer';
import { FLAG_BINARY, FLAG_RETAIN, type StoredMessage } from './topic-node';

/** Payloads up to this size are kept as strings (compact on the heap); larger ones as their own byte copy. */
export const INLINE_PAYLOAD_BYTES = 64 * 1024;
export const PREVIEW_CHARACTERS = 100;
const PREVIEW_HEX_BYTES = 32;

export interface KeptPayload {
  payload: string | Uint8Array;
  binary: boolean;
}

/**
 * Copies a payload out of the network buffer (mqtt.js hands out slices of a shared chunk; keeping one would pin
 * the whole chunk). Small UTF-8 becomes text, small binary a latin1 string (one char per byte), large a Uint8Array.
 */
export function keepPayload(bytes: Uint8Array): KeptPayload {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const binary = !isUtf8(buffer);
  if (buffer.length > INLINE_PAYLOAD_BYTES) return { payload: new Uint8Array(buffer), binary };
  return { payload: buffer.toString(binary ? 'latin1' : 'utf8'), binary };
}

export function flagsOf(qos: 0 | 1 | 2, retain: boolean, binary: boolean): number {
  return qos | (retain ? FLAG_RETAIN : 0) | (binary ? FLAG_BINARY : 0);
}

/** The message's bytes as a Buffer (a view when possible, a fresh buffer for string-kept payloads). */
export function bytesOf(message: StoredMessage): Buffer {
  const { payload } = message;
  if (typeof payload !== 'string') return Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  return Buffer.from(payload, (message.flags & FLAG_BINARY) !== 0 ? 'latin1' : 'utf8');
}

export function previewOf(message: StoredMessage): { preview: string; kind: 'text' | 'binary' | 'empty' } {
  if (message.sizeBytes === 0) return { preview: '', kind: 'empty' };
  const { payload } = message;
  if ((message.flags & FLAG_BINARY) !== 0) {
    const head = typeof payload === 'string' ? Buffer.from(payload.slice(0, PREVIEW_HEX_BYTES), 'latin1') : Buffer.from(payload.subarray(0, PREVIEW_HEX_BYTES));
    return { preview: head.toString('hex').replace(/(..)(?!$)/g, '$1 '), kind: 'binary' };
  }
  const text = typeof payload === 'string' ? payload : Buffer.from(payload.subarray(0, PREVIEW_CHARACTERS * 4)).toString('utf8');
  return { preview: text.length > PREVIEW_CHARACTERS ? text.slice(0, PREVIEW_CHARACTERS) : text, kind: 'text' };
}

/** Moves a cut back to the start of a UTF-8 character, so cut text still decodes. */
function utf8Boundary(bytes: Uint8Array, cut: number): number {
  let end = cut;
  while (end > 0 && end > cut - 4 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  return end;
}

/** The message for the UI with at most maxBytes of payload; a cut one says so (truncated) and keeps its true size. */
export function toExplorerMessage(message: StoredMessage, maxBytes: number, epochMs: number): ExplorerMessage {
  const binary = (message.flags & FLAG_BINARY) !== 0;
  const truncated = message.sizeBytes > maxBytes;
  let payload: string;
  if (!truncated && typeof message.payload === 'string') {
    payload = binary ? Buffer.from(message.payload, 'latin1').toString('base64') : message.payload;
  } else {
    const bytes = bytesOf(message);
    const end = truncated ? (binary ? maxBytes : utf8Boundary(bytes, maxBytes)) : bytes.length;
    payload = bytes.subarray(0, end).toString(binary ? 'base64' : 'utf8');
  }
  return {
    id: message.id,
    topic: message.node.topic,
    payload,
    payloadEncoding: binary ? 'base64' : 'utf8',
    sizeBytes: message.sizeBytes,
    truncated,
    qos: (message.flags & 3) as 0 | 1 | 2,
    retain: (message.flags & FLAG_RETAIN) !== 0,
    receivedAtMs: epochMs + message.atOffsetMs,
  };
}
