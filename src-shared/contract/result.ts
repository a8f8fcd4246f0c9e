// The Result type every command returns, and the error codes a caller can act on.
// Expected failures travel as values; nothing is thrown across the boundary. An error may carry an `errors.*` key
// and values (src-shared/i18n/error-text.ts) so the UI shows it in the student's language; message stays English.
import { englishErrorMessage, isErrorText, type ErrorKey, type ErrorParams, type ErrorText } from '../i18n/error-text';

export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_COMMAND',
  'NOT_FOUND',
  'NOT_CONNECTED',
  'CONNECTION_REFUSED',
  'BROKER_UNREACHABLE',
  'DNS_FAILED',
  'TLS_REJECTED',
  'AUTH_FAILED',
  'TIMEOUT',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface LabErrorInfo {
  code: ErrorCode;
  /** What was wrong, what was expected, what came in: words a student understands. */
  message: string;
  /** Dotted path of the input field at fault, when one is. */
  field?: string;
  /** The i18n key of the message (under `errors.`): the UI shows t(key, params), else message. */
  key?: ErrorKey;
  params?: ErrorParams;
}

/** A sentence as given by a caller: plain English (not translated yet) or an error text (English made from it). */
export type ErrorMessage = string | ErrorText;

function infoOf(code: ErrorCode, message: ErrorMessage, field?: string): LabErrorInfo {
  const info: LabErrorInfo = isErrorText(message)
    ? { code, message: englishErrorMessage(message), key: message.key, ...(message.params ? { params: message.params } : {}) }
    : { code, message };
  if (field !== undefined) info.field = field;
  return info;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: LabErrorInfo };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: ErrorMessage, field?: string): Result<never> {
  return { ok: false, error: infoOf(code, message, field) };
}

/** Thrown inside the main side by services for expected failures; the dispatcher turns it into a Result. */
export class LabError extends Error {
  /** The translatable form of the message, when the thrower gave one. */
  readonly text: ErrorText | undefined;

  constructor(
    readonly code: ErrorCode,
    message: ErrorMessage,
    readonly field?: string,
  ) {
    super(isErrorText(message) ? englishErrorMessage(message) : message);
    this.name = 'LabError';
    this.text = isErrorText(message) ? message : undefined;
  }

  toInfo(): LabErrorInfo {
    return infoOf(this.code, this.text ?? this.message, this.field);
  }
}
