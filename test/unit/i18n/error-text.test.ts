// Error texts: the English message is made from the same `errors.*` template the UI translates, every key the main
// side names exists in English and Telugu, and no template uses vue-i18n syntax the main side's formatter cannot read.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LabError, fail } from '../../../src-shared/contract/result';
import { englishError, englishErrorMessage, englishErrorTemplate, errorText, errorTextForEnglish } from '../../../src-shared/i18n/error-text';
import { errorsEn } from '../../../src-shared/i18n/errors-en';
import { formatLabText } from '../../../src-shared/i18n/format-lab-text';
import { englishOf, labText } from '../../../src-shared/i18n/lab-text';
import { describeInvalidFilter, explainInvalidTopic } from '../../../src-shared/mqtt/topic-rules';
import { createLabI18n } from '../../../src-renderer/src/i18n';
import teluguErrors from '../../../src-renderer/src/i18n/te/errors';

const ROOT = path.resolve(__dirname, '../../..');

function leaves(tree: object, prefix: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [name, value] of Object.entries(tree)) {
    if (typeof value === 'string') found.set(`${prefix}${name}`, value);
    else for (const [key, text] of leaves(value as object, `${prefix}${name}.`)) found.set(key, text);
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const english = leaves(errorsEn, 'errors.');
const telugu = leaves(teluguErrors, 'errors.');

describe('formatLabText', () => {
  it('fills {name} placeholders and leaves a missing one visible', () => {
    expect(formatLabText('Port {port} on {host}.', { port: 1883, host: 'pi' })).toBe('Port 1883 on pi.');
    expect(formatLabText('Port {port} on {host}.', { port: 1883 })).toBe('Port 1883 on {host}.');
    expect(formatLabText('No values here.')).toBe('No values here.');
  });
});

describe('error texts', () => {
  it('makes the English message from the template, error texts given as values included', () => {
    const reason = errorText('errors.mqtt.dnsNotFound', { host: 'nohost.invalid' });
    const text = errorText('errors.mqtt.keepsTrying', { reason, seconds: 5 });
    expect(englishErrorMessage(text)).toBe(
      'The name "nohost.invalid" could not be found. Check how the host is spelled, and that this computer is on the internet. MQTT Lab keeps trying every 5 seconds.',
    );
  });

  it('makes one English from nested texts of either kind: an error inside a lab note, a lab word inside an error', () => {
    const lost = labText('nightlight.labNotes.connectionLost', { reason: errorText('errors.mqtt.noRoute', { at: 'pi:1883' }) });
    expect(englishOf(lost)).toBe('[lab] Connection lost: This computer has no way to reach pi:1883. Check the Wi-Fi or network cable, or try the built-in broker.');
    const timeout = errorText('errors.playground.waitTimedOut', { seconds: 3, what: labText('playground.waits.theCut') });
    expect(englishErrorMessage(timeout)).toBe('The experiment waited 3 s for the cut, but it did not happen.');
    expect(new LabError('TIMEOUT', timeout).message).toBe(englishErrorMessage(timeout));
  });

  it('carries the key and values through LabError and fail(), with the English message unchanged', () => {
    const error = new LabError('NOT_FOUND', errorText('errors.profiles.notFound', { id: 'school' }), 'profileId');
    expect(error.message).toBe('There is no broker profile "school". Pick one in the connection dialog.');
    expect(error.toInfo()).toEqual({ code: 'NOT_FOUND', message: error.message, field: 'profileId', key: 'errors.profiles.notFound', params: { id: 'school' } });
    expect(fail('INVALID_INPUT', 'Plain words.')).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'Plain words.' } });
    expect(new LabError('INVALID_INPUT', 'Plain words.').toInfo()).toEqual({ code: 'INVALID_INPUT', message: 'Plain words.' });
  });

  it('keeps the topic rules\' English sentences and gives their keys', () => {
    expect(explainInvalidTopic('lab/+/temp')).toBe(`Topic "lab/+/temp" contains '+': wildcards are for subscribing, not publishing.`);
    expect(describeInvalidFilter('a/#/b')).toEqual({ key: 'errors.filter.hashNotLast', params: { filter: 'a/#/b' } });
  });

  it('finds the text of a schema message made with englishError(), and only of a whole one', () => {
    expect(englishError('errors.input.port')).toBe('Ports go from 1 to 65535.');
    expect(errorTextForEnglish('Ports go from 1 to 65535.')).toEqual({ key: 'errors.input.port' });
    expect(errorTextForEnglish('Ports go from 1 to')).toBeUndefined();
    expect(englishErrorTemplate('errors.nope')).toBeUndefined();
  });

  it('has every English key in Telugu with the same placeholders, and nothing more', () => {
    const placeholders = (text: string) => [...new Set(text.match(/\{[A-Za-z_][A-Za-z0-9_]*\}/g) ?? [])].sort();
    expect([...telugu.keys()].sort()).toEqual([...english.keys()].sort());
    const different = [...english].filter(([key, text]) => JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders(telugu.get(key) ?? '')));
    expect(different).toEqual([]);
    for (const [key, text] of telugu) expect({ key, same: text === english.get(key) && /[a-z]{4}/.test(text) }).toEqual({ key, same: false });
  });

  it('uses only {name} placeholders: no plural bar, @ link or other braces', () => {
    const bad = [...english, ...telugu].filter(([, text]) => /[|@]/.test(text) || /\{(?![A-Za-z_][A-Za-z0-9_]*\})|(?<!\{[A-Za-z_][A-Za-z0-9_]*)\}/.test(text));
    expect(bad).toEqual([]);
  });

  it('renders every English template in the UI (vue-i18n) exactly as the main side formats it', () => {
    const { t } = createLabI18n('en').global;
    const drift = [...english].filter(([key, template]) => {
      const params = Object.fromEntries((template.match(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g) ?? []).map((name) => [name.slice(1, -1), `<${name.slice(1, -1)}>`]));
      return t(key, params) !== formatLabText(template, params);
    });
    expect(drift).toEqual([]);
  });

  it('defines every errors.* key that src-main and src-shared name', () => {
    const used = new Map<string, string>();
    for (const file of [...sourceFiles(path.join(ROOT, 'src-main')), ...sourceFiles(path.join(ROOT, 'src-shared'))]) {
      for (const match of readFileSync(file, 'utf8').matchAll(/'(errors\.[A-Za-z0-9_.]+)'/g)) used.set(match[1]!, path.relative(ROOT, file));
    }
    expect(used.size).toBeGreaterThan(60);
    const missing = [...used].filter(([key]) => !english.has(key) || !telugu.has(key)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });
});
