// A real HAProxy from Debian on loopback, health-checking `/-/healthz` like a cloud load
// balancer in front of one proxy per node.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import { pollUntil } from './poll.js';

export interface LoadBalancer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface LoadBalancerOptions {
  /** host:port of every proxy. */
  targets: string[];
  /** Health-check interval. @default 200 */
  checkIntervalMs?: number;
  /**
   * Check another port and path than the targets' own `/-/healthz`, as a cloud load balancer
   * checks a Service's healthCheckNodePort (`/healthz`) when externalTrafficPolicy is Local.
   * @default the target port, /-/healthz
   */
  healthCheck?: { port: number; path: string };
}

function config(port: number, options: LoadBalancerOptions): string {
  const inter = options.checkIntervalMs ?? 200;
  const checkPort = options.healthCheck === undefined ? '' : ` port ${options.healthCheck.port}`;
  const servers = options.targets.map((target, i) => `  server proxy${i + 1} ${target} check${checkPort} inter ${inter} fall 1 rise 2`);
  return [
    'global',
    '  maxconn 4096',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 30s',
    '  timeout server 30s',
    // One request per server connection: a draining proxy closing idle connections cannot
    // race a request onto a connection it is closing.
    '  option http-server-close',
    '  retries 3',
    '  option redispatch',
    'frontend web',
    `  bind 127.0.0.1:${port}`,
    '  default_backend proxies',
    'backend proxies',
    '  balance roundrobin',
    `  option httpchk GET ${options.healthCheck?.path ?? '/-/healthz'}`,
    '  http-check expect status 200',
    ...servers,
    '',
  ].join('\n');
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startLoadBalancer(options: LoadBalancerOptions): Promise<LoadBalancer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'troupe-haproxy-'));
  const file = join(dir, 'haproxy.cfg');
  writeFileSync(file, config(port, options));
  const child: ChildProcess = spawn(process.env.TROUPE_HAPROXY ?? 'haproxy', ['-f', file, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const cleanup = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', cleanup);
  await pollUntil(async () => child.exitCode === null && (await listening(port)), 10_000, `haproxy to listen (${output})`);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async stop() {
      process.off('exit', cleanup);
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
