// The Result type every command returns, and the error codes a caller can act on.
// Expected failures travel as values; nothing is thrown across the boundary.

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
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: LabErrorInfo };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, field?: string): Result<never> {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}

/** Thrown inside the main side by services for expected failures; the dispatcher turns it into a Result. */
export class LabError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'LabError';
  }

  toInfo(): LabErrorInfo {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}
