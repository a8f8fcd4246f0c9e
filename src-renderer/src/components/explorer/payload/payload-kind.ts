// Decides how a payload is best shown (JSON, text, hex, empty) and caps what is rendered, so a 10 MB message
// never freezes the page: the size is always shown, the body is rendered up to a limit and said so.
import { tokenizeJson, type JsonToken } from './json-tokens';

export type PayloadMode = 'json' | 'text' | 'hex';

/** The payload fields of an ExplorerMessage: text when utf8, else base64 of the bytes. */
export interface PayloadLike {
  payload: string;
  payloadEncoding: 'utf8' | 'base64';
  sizeBytes: number;
  truncated: boolean;
}

export function payloadText(payload: PayloadLike): string | null {
  return payload.payloadEncoding === 'utf8' ? payload.payload : null;
}

/** Characters of text (and of JSON to highlight) rendered at most; the rest is one click away in a download. */
export const MAX_RENDERED_CHARS = 100_000;
export const MAX_HEX_BYTES = 4096;

/** JSON worth pretty-printing: an object or an array (a bare number reads better as text). */
export function looksLikeJsonDocument(text: string | null): boolean {
  if (text === null) return false;
  const start = text.trimStart()[0];
  return start === '{' || start === '[';
}

export function availableModes(payload: PayloadLike): PayloadMode[] {
  const text = payloadText(payload);
  if (text === null) return ['hex'];
  const modes: PayloadMode[] = looksLikeJsonDocument(text) && !payload.truncated ? ['json'] : [];
  return [...modes, 'text', 'hex'];
}

export function defaultMode(payload: PayloadLike): PayloadMode {
  const modes = availableModes(payload);
  if (modes[0] === 'json' && jsonTokensOf(payloadText(payload)) === null) return 'text';
  return modes[0] ?? 'hex';
}

/** Highlight tokens, or null when the text is not JSON or too long to highlight without slowing the page. */
export function jsonTokensOf(text: string | null): JsonToken[] | null {
  if (text === null || text.length > MAX_RENDERED_CHARS) return null;
  return tokenizeJson(text);
}
