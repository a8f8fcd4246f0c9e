// Every visible string goes through vue-i18n: every locale has exactly the English keys (none missing, none extra),
// every key used in the source exists, every message of every locale compiles (a bare @ or brace would break it at
// run time), keeps English's {placeholders} and plural forms, and Telugu leaves only technical words in Latin script.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isCommandName, isEventName } from '../../src-shared/contract/commands';
import { availableLocales, createLabI18n, listMessageKeys, localeBundles, missingMessageKeys } from '../../src-renderer/src/i18n';
import { untranslatedWords } from './i18n/latin-words';

const SOURCE_DIR = path.resolve(__dirname, '../../src-renderer/src');
const english = localeBundles.en!.messages;
const VALUES = { port: 1, count: 2, name: 'x', part: 'y', requested: 3, bytes: 4, topic: 'a', filter: '#', qos: 1 };

function messageAt(tree: object, key: string): string {
  return String(key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree));
}

/** What a translation must keep from English: its {placeholders} (as a sorted list) and how many plural forms it has. */
function shapeOf(message: string): { placeholders: string[]; forms: number } {
  const withoutLiterals = message.replace(/\{'[^']*'\}/g, '');
  const placeholders = [...new Set(withoutLiterals.match(/\{[A-Za-z_][A-Za-z0-9_]*\}/g) ?? [])].sort();
  return { placeholders, forms: withoutLiterals.split('|').length };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'locales' ? [] : sourceFiles(full);
    return /\.(vue|ts)$/.test(entry.name) ? [full] : [];
  });
}

/** Single-quoted strings that start with a message namespace, like 'status.state.idle' (contract names excluded). */
function keysUsedInSource(): Map<string, string> {
  const namespaces = Object.keys(english).join('|');
  const pattern = new RegExp(`'((?:${namespaces})\\.[A-Za-z0-9_.]+)'`, 'g');
  const used = new Map<string, string>();
  for (const file of sourceFiles(SOURCE_DIR)) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) {
      const key = match[1]!;
      if (!isCommandName(key) && !isEventName(key)) used.set(key, path.relative(SOURCE_DIR, file));
    }
  }
  return used;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('i18n', () => {
  it('has English, and every locale has exactly the English keys', () => {
    expect(availableLocales).toContain('en');
    for (const code of availableLocales) {
      const messages = localeBundles[code]!.messages;
      expect({ code, missing: missingMessageKeys(english, messages) }).toEqual({ code, missing: [] });
      expect({ code, extra: missingMessageKeys(messages, english) }).toEqual({ code, extra: [] });
    }
  });

  it('defines every key the source code uses', () => {
    const defined = new Set(listMessageKeys(english));
    const used = keysUsedInSource();
    expect(used.size).toBeGreaterThan(50);
    const undefinedKeys = [...used].filter(([key]) => !defined.has(key)).map(([key, file]) => `${key} (${file})`);
    expect(undefinedKeys).toEqual([]);
  });

  it('compiles every message of every locale without warnings', () => {
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    for (const code of availableLocales) {
      const { t } = createLabI18n(code).global;
      for (const key of listMessageKeys(localeBundles[code]!.messages)) {
        expect(t(key, VALUES, 2), `${code}: ${key}`).not.toBe(key);
      }
    }
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
    // Compiling every message of every locale takes seconds on a busy machine; this checks words, not speed.
  }, 60_000);

  it('keeps the English placeholders and plural forms in every locale', () => {
    for (const code of availableLocales.filter((candidate) => candidate !== 'en')) {
      const messages = localeBundles[code]!.messages;
      const different = listMessageKeys(english)
        .filter((key) => JSON.stringify(shapeOf(messageAt(english, key))) !== JSON.stringify(shapeOf(messageAt(messages, key))))
        .map((key) => `${code}: ${key}`);
      expect(different).toEqual([]);
    }
  });

  it('translates every Telugu message: only technical words stay in Latin script', () => {
    expect(availableLocales).toContain('te');
    const telugu = localeBundles.te!.messages;
    const untranslated = listMessageKeys(telugu)
      .map((key) => ({ key, words: untranslatedWords(messageAt(telugu, key).replace(/\{[A-Za-z_][A-Za-z0-9_]*\}|\{'[^']*'\}/g, ' ')) }))
      .filter(({ words }) => words.length > 0);
    expect(untranslated).toEqual([]);
    // The same check finds English: it is not a check that passes whatever the text says.
    expect(untranslatedWords(messageAt(english, 'dialog.intro'))).not.toEqual([]);
  });
});
