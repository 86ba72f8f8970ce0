import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForHttp } from './http-probe.ts';
import { freeLoopbackPort } from './loopback-port.ts';
import type { BenchContext } from './scenario.ts';

/**
 * HAProxy on a free loopback port, round-robin over `servers` ("host:port"), health-checked on
 * `healthPath` the way a cloud load balancer checks EveryNode proxies. Returns its base URL.
 */
export async function startHaproxy(ctx: BenchContext, servers: string[], healthPath: string, readyPath: string): Promise<string> {
  const port = await freeLoopbackPort();
  const dir = mkdtempSync(join(tmpdir(), 'troupe-bench-haproxy-'));
  ctx.onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const config = [
    'global',
    '  maxconn 8192',
    'defaults',
    '  mode http',
    '  option http-keep-alive',
    '  timeout connect 5s',
    '  timeout client 60s',
    '  timeout server 60s',
    'frontend bench',
    `  bind 127.0.0.1:${port}`,
    '  default_backend proxies',
    'backend proxies',
    '  balance roundrobin',
    `  option httpchk GET ${healthPath}`,
    ...servers.map((server, i) => `  server p${i + 1} ${server} check inter 1s`),
    '',
  ].join('\n');
  const file = join(dir, 'haproxy.cfg');
  writeFileSync(file, config);
  // -db: stay in the foreground so the runner owns (and stops) the process.
  ctx.spawnServer('haproxy', ctx.config.haproxy, ['-db', '-f', file]);
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}${readyPath}`, { timeoutMs: 30_000 });
  return url;
}
