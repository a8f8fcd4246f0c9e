// Transport-free command dispatcher: (name, unknown input) -> Result. Knows nothing of Electron or WebSockets.
// Checks the name, validates input with the contract's schema, runs the handler, turns failures into values.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { commands, isCommandName, type Handlers } from '../../src-shared/contract/commands';
import { fail, LabError, ok, type Result } from '../../src-shared/contract/result';
import type { Logger } from '../lib/logger';

export type Dispatch = (name: unknown, input: unknown) => Promise<Result<unknown>>;

function describeIssue(issue: z.core.$ZodIssue): { field: string; message: string } {
  const field = issue.path.map(String).join('.');
  if (issue.code === 'invalid_type') {
    const where = field ? `"${field}"` : 'The input';
    return { field, message: `${where} should be ${issue.expected}. ${issue.message}` };
  }
  if (issue.code === 'unrecognized_keys') {
    return { field: issue.keys.join(', '), message: `Unknown field(s): ${issue.keys.join(', ')}.` };
  }
  return { field, message: issue.message };
}

export function createDispatcher(handlers: Handlers, logger: Logger): Dispatch {
  return async (name, input) => {
    if (!isCommandName(name)) {
      return fail('UNKNOWN_COMMAND', `There is no command called "${String(name)}".`);
    }
    const parsed = commands[name].input.safeParse(input === undefined ? {} : input);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const { field, message } = first ? describeIssue(first) : { field: '', message: 'Invalid input.' };
      return fail('INVALID_INPUT', message, field || undefined);
    }
    try {
      const handler = handlers[name] as (value: unknown) => Promise<unknown>;
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof LabError) return { ok: false, error: error.toInfo() };
      const id = randomUUID().slice(0, 8);
      logger.error(`Command ${name} failed unexpectedly (id ${id})`, error);
      return fail('INTERNAL', `Something went wrong inside MQTT Lab (error id ${id}). The details are in the log.`);
    }
  };
}
