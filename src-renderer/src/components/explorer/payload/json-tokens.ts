// A tiny, safe JSON highlighter: re-indents JSON text into typed tokens that the view renders as spans.
// It never builds HTML and keeps numbers exactly as sent (no JSON.parse round trip that turns 1.0 into 1).

export type JsonTokenKind = 'key' | 'string' | 'number' | 'literal' | 'punctuation' | 'space';

export interface JsonToken {
  kind: JsonTokenKind;
  text: string;
}

const INDENT = '  ';
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

/** The index just after the string that starts (with its quote) at `start`. */
function stringEnd(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') index += 2;
    else if (char === '"') return index + 1;
    else index++;
  }
  return text.length;
}

function matchAt(pattern: RegExp, text: string, start: number): string | null {
  pattern.lastIndex = start;
  return pattern.exec(text)?.[0] ?? null;
}

/** A string is a key when the next non-space character after it is ':'. */
function isKey(text: string, end: number): boolean {
  let index = end;
  while (index < text.length && /\s/.test(text[index] ?? '')) index++;
  return text[index] === ':';
}

class TokenWriter {
  readonly tokens: JsonToken[] = [];
  private depth = 0;

  push(kind: JsonTokenKind, text: string): void {
    this.tokens.push({ kind, text });
  }

  newline(): void {
    this.push('space', `\n${INDENT.repeat(this.depth)}`);
  }

  open(text: string, empty: boolean): void {
    this.push('punctuation', text);
    this.depth++;
    if (!empty) this.newline();
  }

  close(text: string, empty: boolean): void {
    this.depth = Math.max(0, this.depth - 1);
    if (!empty) this.newline();
    this.push('punctuation', text);
  }
}

function nextNonSpace(text: string, start: number): string | undefined {
  let index = start;
  while (index < text.length && /\s/.test(text[index] ?? '')) index++;
  return text[index];
}

/** Pretty-printed tokens of JSON text, or null when the text is not JSON. Callers cap the input size. */
export function tokenizeJson(text: string): JsonToken[] | null {
  try {
    JSON.parse(text);
  } catch {
    return null;
  }
  const writer = new TokenWriter();
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (/\s/.test(char)) {
      index++;
    } else if (char === '"') {
      const end = stringEnd(text, index);
      writer.push(isKey(text, end) ? 'key' : 'string', text.slice(index, end));
      index = end;
    } else if (char === '{' || char === '[') {
      const closing = char === '{' ? '}' : ']';
      writer.open(char, nextNonSpace(text, index + 1) === closing);
      index++;
    } else if (char === '}' || char === ']') {
      writer.close(char, writer.tokens.at(-1)?.text === (char === '}' ? '{' : '['));
      index++;
    } else if (char === ',') {
      writer.push('punctuation', ',');
      writer.newline();
      index++;
    } else if (char === ':') {
      writer.push('punctuation', ': ');
      index++;
    } else {
      const word = matchAt(NUMBER, text, index) ?? matchAt(LITERAL, text, index) ?? char;
      writer.push(word === 'true' || word === 'false' || word === 'null' ? 'literal' : 'number', word);
      index += word.length;
    }
  }
  return writer.tokens;
}

/** The pretty text the tokens spell, for copying and diffing. */
export function tokensToText(tokens: JsonToken[]): string {
  return tokens.map((token) => token.text).join('');
}
