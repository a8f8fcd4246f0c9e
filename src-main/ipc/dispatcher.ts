// Transport-free command dispatcher: (name, unknown input) -> Result. Knows nothing of Electron or WebSockets.
// Checks the name, validates input with the contract's schema, runs the handler, turns failures into values.
import { randomUUID } from 'node:crypto';
import { commands, isCommandName, type Handlers } from '../../src-shared/contract/commands';
import { fail, LabError, ok, type Result } from '../../src-shared/contract/result';
import { errorText } from '../../src-shared/i18n/error-text';
import type { Logger } from '../lib/logger';
import { describeIssue } from '../lib/describe-issue';

export type Dispatch = (name: unknown, input: unknown) => Promise<Result<unknown>>;

/** A command name as the caller wrote it: a non-string shows as JSON (`{"a":1}`), never as "[object Object]". */
function nameForMessage(name: unknown): string {
  if (typeof name === 'string') return name;
  try {
    return JSON.stringify(name) ?? String(name);
  } catch {
    return String(name);
  }
}

export function createDispatcher(handlers: Handlers, logger: Logger): Dispatch {
  return async (name, input) => {
    if (!isCommandName(name)) {
      return fail('UNKNOWN_COMMAND', errorText('errors.input.unknownCommand', { name: nameForMessage(name) }));
    }
    const parsed = commands[name].input.safeParse(input === undefined ? {} : input);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const { field, sentence } = first ? describeIssue(first) : { field: '', sentence: errorText('errors.input.invalidInput') };
      return fail('INVALID_INPUT', sentence, field || undefined);
    }
    try {
      const handler = handlers[name] as (value: unknown) => Promise<unknown>;
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof LabError) return { ok: false, error: error.toInfo() };
      const id = randomUUID().slice(0, 8);
      logger.error(`Command ${name} failed unexpectedly (id ${id})`, error);
      return fail('INTERNAL', errorText('errors.input.internal', { id }));
    }
  };
}
