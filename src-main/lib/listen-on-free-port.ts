// Opens a server on the port the lab asked for, or on the next free one when that port is taken (0 = any free port).
// Used by the built-in broker and the headless host; it only chooses ports and explains failures.
import type { Server } from 'node:net';
import { LabError } from '../../src-shared/contract/result';
import { errorText, type ErrorText } from '../../src-shared/i18n/error-text';
import type { ErrorsEn } from '../../src-shared/i18n/errors-en';

/** Which server it is, as a key: 'brokerMqtt' names "the built-in broker's MQTT port" in every language. */
export type ListenPlace = keyof ErrorsEn['listen']['what'];

/** How many ports after a taken one we try before taking any free port. */
export const PORT_SEARCH_SPAN = 20;

const PORT_TAKEN_CODES = new Set(['EADDRINUSE', 'EACCES']);

function listenOnce(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/** The ports to try, in order: the one asked for, the next ones, then 0 (the system picks any free one). */
export function candidatePorts(requestedPort: number): number[] {
  if (requestedPort === 0) return [0];
  const ports: number[] = [];
  for (let port = requestedPort; port <= Math.min(requestedPort + PORT_SEARCH_SPAN, 65535); port += 1) ports.push(port);
  return [...ports, 0];
}

/** Why no port could be opened, as a key; the system's own detail (an errno message) stays a value. */
export function explainListenError(error: unknown, host: string, port: number, place: ListenPlace): ErrorText {
  const code = errorCode(error);
  const what = errorText(`errors.listen.what.${place}`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return errorText('errors.listen.noAddress', { what, host });
  const detail = error instanceof Error ? error.message : String(error);
  return errorText('errors.listen.failed', { what, port, host, detail });
}

/** Resolves with the port actually used. Rejects with a student-readable LabError (its text a key) when no port works. */
export async function listenOnFreePort(server: Server, host: string, requestedPort: number, place: ListenPlace): Promise<number> {
  let lastError: unknown;
  for (const port of candidatePorts(requestedPort)) {
    try {
      return await listenOnce(server, host, port);
    } catch (error) {
      lastError = error;
      if (!PORT_TAKEN_CODES.has(errorCode(error) ?? '')) break;
    }
  }
  throw new LabError('UNAVAILABLE', explainListenError(lastError, host, requestedPort, place));
}
