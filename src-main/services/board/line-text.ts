// Turns a line of raw board bytes into text that is safe to show, and notices scrambled text (a wrong baud rate).
// Pure: no ports, no timers.

export interface LineText {
  text: string;
  /** The bytes held something that is not printable text (binary, or a wrong baud rate). */
  binary: boolean;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

function isPlainAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte < 0x20 ? byte !== 0x09 : byte > 0x7e) return false;
  return true;
}

/** Control characters (except tab) become a visible `\xNN`; invalid UTF-8 becomes U+FFFD. */
export function toLineText(bytes: Uint8Array): LineText {
  if (isPlainAscii(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), binary: false };
  const decoded = decoder.decode(bytes);
  let binary = false;
  const text = decoded.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\ufffd]/g, (character) => {
    binary = true;
    if (character === '\ufffd') return character;
    return `\\x${character.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`;
  });
  return { text, binary };
}

/** How many bytes of a valid UTF-8 sequence start at index (0 when none does). */
function utf8SequenceLength(bytes: Uint8Array, index: number): number {
  const lead = bytes[index]!;
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (length === 0 || index + length > bytes.length) return 0;
  for (let offset = 1; offset < length; offset++) if ((bytes[index + offset]! & 0xc0) !== 0x80) return 0;
  return length;
}

/** Text bytes: printable ASCII, tab, CR, LF, and whole UTF-8 sequences ("°C", "é"). */
export function countTextBytes(bytes: Uint8Array): { good: number; bad: number } {
  let good = 0;
  let bad = 0;
  for (let index = 0; index < bytes.length; ) {
    const byte = bytes[index]!;
    if ((byte >= 0x20 && byte <= 0x7e) || byte === 0x09 || byte === 0x0a || byte === 0x0d) {
      good += 1;
      index += 1;
      continue;
    }
    const length = byte >= 0x80 ? utf8SequenceLength(bytes, index) : 0;
    if (length > 0) {
      good += length;
      index += length;
    } else {
      bad += 1;
      index += 1;
    }
  }
  return { good, bad };
}

/** Judged on every block of this many bytes, so a few odd bytes do not raise the alarm. */
export const MOJIBAKE_BLOCK_BYTES = 128;
const SCRAMBLED_RATIO = 0.2;
const CLEAN_RATIO = 0.02;

/**
 * Watches the byte stream: when at least a fifth of a block is not text, the baud rate probably does not match
 * the board's Serial.begin(...). It says so once, and takes it back once text comes through cleanly.
 */
export class MojibakeDetector {
  private good = 0;
  private bad = 0;
  private isScrambled = false;

  get scrambled(): boolean {
    return this.isScrambled;
  }

  /** True when the verdict changed. */
  observe(bytes: Uint8Array): boolean {
    const counts = countTextBytes(bytes);
    this.good += counts.good;
    this.bad += counts.bad;
    const total = this.good + this.bad;
    if (total < MOJIBAKE_BLOCK_BYTES) return false;
    const ratio = this.bad / total;
    this.good = 0;
    this.bad = 0;
    const next = ratio > SCRAMBLED_RATIO ? true : ratio < CLEAN_RATIO ? false : this.isScrambled;
    const changed = next !== this.isScrambled;
    this.isScrambled = next;
    return changed;
  }

  reset(): void {
    this.good = 0;
    this.bad = 0;
    this.isScrambled = false;
  }
}

/** The lesson's rate first; a board at 9600 that looks scrambled most likely sends at 115200, the other common rate. */
export function suggestBaudRate(currentBaudRate: number): number {
  return currentBaudRate === 9600 ? 115200 : 9600;
}
