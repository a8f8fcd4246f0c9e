// Every visible string goes through vue-i18n: every locale has every key, every key used in the source exists,
// and every English message compiles (a bare @ or brace would break it at run time).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isCommandName, isEventName } from '../../src-shared/contract/commands';
import { availableLocales, createLabI18n, listMessageKeys, localeBundles, missingMessageKeys } from '../../src-renderer/src/i18n';

const SOURCE_DIR = path.resolve(__dirname, '../../src-renderer/src');
const english = localeBundles.en!.messages;

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

  it('compiles every message without warnings', () => {
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    const { t } = createLabI18n('en').global;
    for (const key of listMessageKeys(english)) {
      expect(t(key, { port: 1, count: 2, name: 'x', part: 'y', requested: 3, bytes: 4, topic: 'a', filter: '#', qos: 1 }, 2)).not.toBe(key);
    }
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });
});
