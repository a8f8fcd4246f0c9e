// A small logger that never prints secrets: values under password/token keys and
// credentials inside URLs are redacted before anything is written.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, details?: unknown): void;
  info(message: string, details?: unknown): void;
  warn(message: string, details?: unknown): void;
  error(message: string, details?: unknown): void;
}

const SECRET_KEY = /pass(word)?|token|secret|credential/i;

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(/(\w+:\/\/)[^/@\s:]+:[^/@\s]+@/g, '$1***:***@');
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SECRET_KEY.test(key) ? '***' : redact(item, depth + 1);
  }
  return copy;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createConsoleLogger(
  scope: string,
  minimum: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Logger {
  const log = (level: LogLevel) => (message: string, details?: unknown) => {
    if (ORDER[level] < ORDER[minimum]) return;
    const suffix = details === undefined ? '' : ` ${JSON.stringify(redact(details))}`;
    write(`${new Date().toISOString()} ${level.toUpperCase()} [${scope}] ${redact(message) as string}${suffix}`);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
