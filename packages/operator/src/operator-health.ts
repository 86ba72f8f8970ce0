// The operator's health endpoints for the kubelet: /-/healthz (alive: the leader-election loop
// still turns) and /-/readyz (it reaches the API server). A standby replica is ready too: it
// serves nothing, and readiness only tells a rollout that the new pod works.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HealthSource {
  /** Local time of the last leader-election attempt, answered or not (0: none yet). */
  lastAttemptAt(): number;
  /** Local time the API server last answered a leader-election request (0: never). */
  lastContactAt(): number;
  stopping(): boolean;
}

export interface HealthCheckOptions {
  /** The loop counts as stuck when it has not attempted for this long. */
  stuckAfterMs: number;
  /** Not ready when the API server has not answered for this long. */
  unreachableAfterMs: number;
  startedAt: number;
  now?: () => number;
}

export interface HealthVerdict {
  status: 200 | 503;
  text: string;
}

export function livenessOf(source: HealthSource, options: HealthCheckOptions): HealthVerdict {
  const now = (options.now ?? Date.now)();
  const last = Math.max(source.lastAttemptAt(), options.startedAt);
  if (now - last > options.stuckAfterMs) return { status: 503, text: `leader election has not run for ${now - last} ms` };
  return { status: 200, text: 'ok' };
}

export function readinessOf(source: HealthSource, options: HealthCheckOptions): HealthVerdict {
  const now = (options.now ?? Date.now)();
  if (source.stopping()) return { status: 503, text: 'stopping' };
  const contact = source.lastContactAt();
  if (contact === 0) return { status: 503, text: 'the API server has not answered yet' };
  if (now - contact > options.unreachableAfterMs) return { status: 503, text: `the API server has not answered for ${now - contact} ms` };
  return { status: 200, text: 'ok' };
}

export interface RunningHealthServer {
  readonly port: number;
  close(): Promise<void>;
}

export async function startHealthServer(host: string, port: number, source: HealthSource, options: HealthCheckOptions): Promise<RunningHealthServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const verdict = path === '/-/healthz' ? livenessOf(source, options) : path === '/-/readyz' ? readinessOf(source, options) : undefined;
    if (verdict === undefined || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    res.writeHead(verdict.status, { 'content-type': 'text/plain' }).end(`${verdict.text}\n`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
