// Listen on a port, or the next free one when it is taken (0 = any free port). Used for the UI port.
import type { Server } from 'node:net';

const TRIES = 20;

function tryListen(server: Server, port: number, host: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') resolve(null);
      else reject(error);
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

export async function listenWithFallback(server: Server, port: number, host: string): Promise<number> {
  if (port !== 0) {
    for (let candidate = port; candidate < Math.min(port + TRIES, 65536); candidate++) {
      const bound = await tryListen(server, candidate, host);
      if (bound !== null) return bound;
    }
  }
  const bound = await tryListen(server, 0, host);
  if (bound === null) throw new Error('No free port found');
  return bound;
}
