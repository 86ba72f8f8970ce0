import { createServer } from 'node:net';

/**
 * A port that was free a moment ago on 127.0.0.1. Only for programs that cannot bind port 0
 * and report it back (HAProxy, Ray Serve, Troupe's proxy); our own servers bind 0 directly.
 */
export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('no port assigned'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}
