// Plain-HTTP health endpoints for process supervisors such as Kubernetes probes:
// `GET /-/healthz` answers 200 `ok` whenever the process's event loop turns (a blocked loop
// answers nothing, which the probe's timeout reads as a failure), and `GET /-/readyz` answers 200
// `ok` or 503 with the reason the component is not ready. Kept apart from the gRPC ports so that
// probes need neither TLS client certificates nor the admin token.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { ValidationError } from './errors.js';

export const HEALTHZ_PATH = '/-/healthz';
export const READYZ_PATH = '/-/readyz';

export type Readiness = { ready: true } | { ready: false; reason: string };

export interface HealthServerOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /** Asked on every `/-/readyz`. */
  readiness: () => Readiness;
}

export interface HealthServer {
  /** host:port actually bound. */
  readonly address: string;
  readonly port: number;
  close(): Promise<void>;
}

export const DEFAULT_HEALTH_HOST = '127.0.0.1';

export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const server = createServer((request, response) => answer(request, response, options.readiness));
  // Probes open a connection per check; none should keep the process from exiting.
  server.keepAliveTimeout = 1_000;
  const host = options.host ?? DEFAULT_HEALTH_HOST;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port: options.port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = server.address();
  const port = typeof bound === 'object' && bound ? bound.port : options.port;
  return {
    address: host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function answer(request: IncomingMessage, response: ServerResponse, readiness: () => Readiness): void {
  const path = (request.url ?? '').split('?')[0];
  if (request.method !== 'GET' && request.method !== 'HEAD') return reply(response, 405, 'method not allowed');
  if (path === HEALTHZ_PATH) return reply(response, 200, 'ok');
  if (path === READYZ_PATH) {
    let state: Readiness;
    try {
      state = readiness();
    } catch (error) {
      state = { ready: false, reason: `readiness check failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    return state.ready ? reply(response, 200, 'ok') : reply(response, 503, state.reason);
  }
  reply(response, 404, 'not found');
}

function reply(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end(text);
}

/**
 * Reads `--health-port` / TROUPE_HEALTH_PORT. Unset or empty: no health server (the default
 * locally); the Helm chart sets it.
 */
export function parseHealthPort(text: string | undefined, field = 'health-port'): number | undefined {
  if (text === undefined || text === '') return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ValidationError(`${field}: expected a port number from 0 to 65535, got "${text}"`);
  }
  return port;
}
