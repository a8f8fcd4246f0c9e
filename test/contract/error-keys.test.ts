// Every bad input the dispatcher refuses comes with an `errors.*` key that English and Telugu both have, and its
// English message is exactly the English template filled in: the UI can show every refusal in the student's language.
import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../src-shared/contract/commands';
import { englishErrorMessage, type ErrorText } from '../../src-shared/i18n/error-text';
import { createDispatcher } from '../../src-main/ipc/dispatcher';
import { silentLogger } from '../../src-main/lib/logger';
import { translateKeyedText } from '../../src-renderer/src/i18n/show-error';
import { createLabI18n } from '../../src-renderer/src/i18n';
import { BROKER_TEXTS } from '../../src-main/services/broker/broker-service';
import { refusalFor } from '../../src-main/services/explorer/subscription-policy';
import { englishOf } from '../../src-shared/i18n/lab-text';
import { boardBadInputs } from './bad-inputs/board';
import { explorerBadInputs } from './bad-inputs/explorer';
import { lessonBadInputs } from './bad-inputs/lesson';
import { nightlightBadInputs } from './bad-inputs/nightlight';
import { playgroundBadInputs } from './bad-inputs/playground';

const neverCalled = new Proxy({} as Handlers, {
  get: () => () => {
    throw new Error('no handler runs for bad input');
  },
});

const coreBadInputs: Record<string, unknown> = {
  'profiles.save': { id: 'x', name: 'School', kind: 'custom', host: 'broker.local', port: 70000, transport: 'mqtt', clientId: 'a' },
  'profiles.delete': { id: 5 },
  'connection.useProfile': {},
  'mqtt.listClients': 'nope',
  'mqtt.connect': { clientName: 'Bad Name', profileId: 'builtin' },
  'mqtt.subscribe': { clientName: 'lab', filter: 'a/#/b' },
  'mqtt.unsubscribe': { clientName: 'lab', filter: '' },
  'mqtt.publish': { clientName: 'lab', topic: 'lab/+/temp', payload: 'x' },
  'settings.update': { locale: 'fr' },
  'settings.get': { extra: 1 },
};

const badInputs: [string, unknown][] = [
  ...Object.entries(coreBadInputs),
  ...[explorerBadInputs, playgroundBadInputs, nightlightBadInputs, boardBadInputs, lessonBadInputs].flatMap((table) =>
    Object.entries(table).map(([name, { input }]): [string, unknown] => [name, input]),
  ),
];

describe('error keys of refused input', () => {
  const dispatch = createDispatcher(neverCalled, silentLogger);
  const telugu = createLabI18n('te').global;

  it.each(badInputs)('%s: the refusal has a key English and Telugu both know', async (name, input) => {
    const result = await dispatch(name, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const { key, params, message } = result.error;
    expect({ name, key: key ?? `(no key for "${message}")` }).toEqual({ name, key: expect.stringMatching(/^errors\./) });
    const text = { key, params } as ErrorText;
    expect(englishErrorMessage(text)).toBe(message);
    const shown = translateKeyedText((k, values) => telugu.t(k, values), (k) => telugu.te(k), text);
    expect(shown).toBeDefined();
    expect(shown).not.toBe(message);
  });

  it('names the unknown command in a translatable sentence', async () => {
    const result = await dispatch('nope.nothing', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND', key: 'errors.input.unknownCommand', params: { name: 'nope.nothing' } } });
  });

  it('says the main side\'s statuses and refusals (broker, public-broker wildcard) in Telugu, nested reasons included', () => {
    const texts: ErrorText[] = [...Object.values(BROKER_TEXTS), refusalFor('#', 'public', 'lab-4k2x9q')!, refusalFor('+/x', 'public', 'lab-4k2x9q')!];
    for (const text of texts) {
      const shown = translateKeyedText((k, values) => telugu.t(k, values), (k) => telugu.te(k), text);
      expect(shown, text.key).toMatch(/[\u0C00-\u0C7F]/);
      expect(shown, text.key).not.toContain(englishErrorMessage(text).slice(0, 20));
    }
    const refusal = translateKeyedText((k, values) => telugu.t(k, values), (k) => telugu.te(k), texts[texts.length - 2]!);
    expect(refusal).toContain('"#" అంటే బ్రోకర్‌లోని ప్రతి టాపిక్');
    expect(refusal).toContain('"lab-4k2x9q/#"');
    expect(englishOf(texts[0]!)).toBe(englishErrorMessage(texts[0]!));
  });
});
