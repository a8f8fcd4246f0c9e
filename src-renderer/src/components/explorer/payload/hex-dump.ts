// Hex dump of binary payloads, 16 bytes a line: offset, hex bytes, printable ASCII. Pure; capped by the caller.

export interface HexLine {
  offset: string;
  hex: string;
  ascii: string;
}

export const HEX_BYTES_PER_LINE = 16;

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** The bytes of a payload: base64 decoded, or text encoded as UTF-8. */
export function payloadBytes(payload: string, encoding: 'utf8' | 'base64'): Uint8Array {
  return encoding === 'base64' ? base64ToBytes(payload) : new TextEncoder().encode(payload);
}

function printable(byte: number): string {
  return byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.';
}

/** The first `maxBytes` bytes as hex lines (the view says how many bytes are not shown). */
export function hexDump(bytes: Uint8Array, maxBytes = 4096): HexLine[] {
  const lines: HexLine[] = [];
  const end = Math.min(bytes.length, maxBytes);
  for (let start = 0; start < end; start += HEX_BYTES_PER_LINE) {
    const chunk = bytes.subarray(start, Math.min(start + HEX_BYTES_PER_LINE, end));
    const hex = Array.from(chunk, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
    lines.push({
      offset: start.toString(16).padStart(8, '0'),
      hex: hex.padEnd(HEX_BYTES_PER_LINE * 3 - 1, ' '),
      ascii: Array.from(chunk, printable).join(''),
    });
  }
  return lines;
}
