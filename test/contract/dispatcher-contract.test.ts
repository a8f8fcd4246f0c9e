// Every command refuses bad input with INVALID_INPUT naming the field, before any service is touched;
// unknown names are refused; unexpected exceptions become INTERNAL with an id, expected ones keep their code.
import { describe, expect, it, vi } from 'vitest';
import { commands, type CommandName, type Handlers } from '../../src-shared/contract/commands';
import { LabError } from '../../src-shared/contract/result';
import { createDispatcher } from '../../src-main/ipc/dispatcher';
import { silentLogger } from '../../src-main/lib/logger';
import { boardBadInputs } from './bad-inputs/board';
import { explorerBadInputs } from './bad-inputs/explorer';
import { lessonBadInputs } from './bad-inputs/lesson';
import { nightlightBadInputs } from './bad-inputs/nightlight';
import { playgroundBadInputs } from './bad-inputs/playground';

const neverCalled = new Proxy({} as Handlers, {
  get: (_target, name) => () => {
    throw new Error(`handler ${String(name)} must not run for bad input`);
  },
});

/** One bad input per command, and the field the error must name. Feature domains keep theirs in bad-inputs/. */
const badInputs: Record<CommandName, { input: unknown; field: string }> = {
  ...explorerBadInputs,
  ...playgroundBadInputs,
  ...nightlightBadInputs,
  ...boardBadInputs,
  ...lessonBadInputs,
  'app.getInfo': { input: { extra: 1 }, field: 'extra' },
  'broker.getStatus': { input: { extra: 1 }, field: 'extra' },
  'broker.restart': { input: { extra: 1 }, field: 'extra' },
  'profiles.list': { input: { extra: 1 }, field: 'extra' },
  'profiles.save': {
    input: { id: 'x', name: 'School', kind: 'custom', host: 'broker.local', port: 70000, transport: 'mqtt', clientId: 'a' },
    field: 'port',
  },
  'profiles.delete': { input: { id: 5 }, field: 'id' },
  'profiles.getSecretStorage': { input: { extra: 1 }, field: 'extra' },
  'connection.useProfile': { input: {}, field: 'profileId' },
  'mqtt.listClients': { input: 'nope', field: '' },
  'mqtt.connect': { input: { clientName: 'Bad Name', profileId: 'builtin' }, field: 'clientName' },
  'mqtt.disconnect': { input: { clientName: '' }, field: 'clientName' },
  'mqtt.subscribe': { input: { clientName: 'lab', filter: 'a/#/b' }, field: 'filter' },
  'mqtt.unsubscribe': { input: { clientName: 'lab', filter: '' }, field: 'filter' },
  'mqtt.publish': { input: { clientName: 'lab', topic: 'lab/+/temp', payload: 'x' }, field: 'topic' },
  'settings.get': { input: { extra: 1 }, field: 'extra' },
  'settings.update': { input: { locale: 'fr' }, field: 'locale' },
};

describe('dispatcher contract', () => {
  const dispatch = createDispatcher(neverCalled, silentLogger);

  it.each(Object.keys(commands) as CommandName[])('%s refuses bad input with INVALID_INPUT naming the field', async (name) => {
    const { input, field } = badInputs[name];
    const result = await dispatch(name, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.field ?? '').toBe(field);
    expect(result.error.message.length).toBeGreaterThan(5);
  });

  it('explains a wildcard in a publish topic in plain words', async () => {
    const result = await dispatch('mqtt.publish', { clientName: 'lab', topic: 'lab/+/temp', payload: 'x' });
    expect(result).toMatchObject({
      ok: false,
      error: { message: `Topic "lab/+/temp" contains '+': wildcards are for subscribing, not publishing.` },
    });
  });

  it.each([['mqtt.explode'], [42], [undefined], ['__proto__'], ['constructor']])('refuses the unknown command %s', async (name) => {
    const result = await dispatch(name, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
  });

  it('passes parsed input with defaults to the handler and wraps the value', async () => {
    const publish = vi.fn(async () => ({ sizeBytes: 5 }));
    const run = createDispatcher({ ...neverCalled, 'mqtt.publish': publish } as Handlers, silentLogger);
    const result = await run('mqtt.publish', { clientName: 'lab', topic: 'a/b', payload: 'hello' });
    expect(result).toEqual({ ok: true, value: { sizeBytes: 5 } });
    expect(publish).toHaveBeenCalledWith({ clientName: 'lab', topic: 'a/b', payload: 'hello', payloadEncoding: 'utf8', qos: 0, retain: false });
  });

  it('keeps the code of an expected failure and hides the details of an unexpected one', async () => {
    const errors: unknown[] = [];
    const logger = { ...silentLogger, error: (_message: string, details?: unknown) => errors.push(details) };
    const run = createDispatcher(
      {
        ...neverCalled,
        'mqtt.disconnect': async () => {
          throw new LabError('NOT_FOUND', 'There is no client "x".', 'clientName');
        },
        'broker.restart': async () => {
          throw new TypeError('secret internals');
        },
      } as Handlers,
      logger,
    );
    expect(await run('mqtt.disconnect', { clientName: 'x' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'There is no client "x".', field: 'clientName' },
    });
    const internal = await run('broker.restart', {});
    expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!internal.ok) expect(internal.error.message).not.toContain('secret internals');
    expect(errors).toHaveLength(1);
  });
});
