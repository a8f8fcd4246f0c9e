// Converts MQTT payload bytes to and from what crosses the boundary (text or base64), in O(payload) at most.
// It never looks at other messages or topics: per-message work stays constant apart from the bytes themselves.
import { LabError } from '../../../src-shared/contract/result';
import { errorText } from '../../../src-shared/i18n/error-text';
import type { Qos, ReceivedMessage } from '../../../src-shared/contract/schemas';

/** The most payload bytes one message carries to the UI; bigger payloads are cut and marked truncated. */
export const MAX_CARRIED_PAYLOAD_BYTES = 256 * 1024;

// fatal: invalid UTF-8 throws instead of becoming U+FFFD, so binary payloads are shown as bytes, not garbage.
// ignoreBOM: keep a byte-order mark visible, since it is part of what was sent.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Moves a cut back to the start of a UTF-8 character (at most 3 steps), so cut text still decodes. */
function utf8Boundary(bytes: Uint8Array, cut: number): number {
  let end = cut;
  for (let step = 0; step < 3 && end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80; step += 1) end -= 1;
  return ((bytes[end] ?? 0) & 0xc0) === 0x80 ? cut : end;
}

function decodeText(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

export function toReceivedMessage(topic: string, payload: Buffer, qos: Qos, retain: boolean, receivedAtMs: number): ReceivedMessage {
  const truncated = payload.length > MAX_CARRIED_PAYLOAD_BYTES;
  const carried = truncated ? payload.subarray(0, utf8Boundary(payload, MAX_CARRIED_PAYLOAD_BYTES)) : payload;
  return {
    topic,
    payloadText: decodeText(carried),
    payloadBase64: carried.toString('base64'),
    sizeBytes: payload.length,
    truncated,
    qos,
    retain,
    receivedAtMs,
  };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The bytes to publish; a payload marked base64 must really be base64, or nothing is sent. */
export function encodePublishPayload(payload: string, encoding: 'utf8' | 'base64'): Buffer {
  if (encoding === 'utf8') return Buffer.from(payload, 'utf8');
  const compact = payload.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    const preview = compact.length > 24 ? `${compact.slice(0, 24)}…` : compact;
    throw new LabError('INVALID_INPUT', errorText('errors.payload.notBase64', { preview }), 'payload');
  }
  return Buffer.from(compact, 'base64');
}
