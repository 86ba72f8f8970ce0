import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildServer } from '../child-servers.ts';
import { waitForHttp } from '../http-probe.ts';
import { freeLoopbackPort } from '../loopback-port.ts';
import { ScenarioSkipped, type BenchContext } from '../scenario.ts';

const appsDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * Ray is measured twice: as configured by default, and in the opt-in "high-throughput" mode
 * Ray's docs recommend since 2.55 (HAProxy ingress, which ships inside the pip package, and a
 * direct gRPC data plane). Both are what a Ray user gets; neither is hidden.
 */
export interface RayMode {
  /** Scenario-name prefix: ray-http-echo, ray-ht-http-echo… */
  prefix: string;
  title: string;
  env: Record<string, string>;
}

export const RAY_MODES: RayMode[] = [
  { prefix: 'ray', title: 'Ray Serve (default data path)', env: {} },
  {
    prefix: 'ray-ht',
    title: 'Ray Serve high-throughput mode (RAY_SERVE_THROUGHPUT_OPTIMIZED=1, RAY_SERVE_ENABLE_HA_PROXY=1)',
    env: { RAY_SERVE_THROUGHPUT_OPTIMIZED: '1', RAY_SERVE_ENABLE_HA_PROXY: '1' },
  },
];

export interface RaySession {
  http: string;
  /** Replaces the running app; resolves once `readyPath` answers 200. */
  deploy(app: 'echo' | 'typed' | 'cpu' | 'batch', params: Record<string, number>, readyPath: string): Promise<void>;
}

/** A Ray node with Serve on a free loopback port (bench/ray/launcher.py), stopped with the scenario. */
export async function startRayServe(ctx: BenchContext, mode: RayMode): Promise<RaySession> {
  const python = join(ctx.config.rayVenv, 'bin', 'python');
  if (!existsSync(python)) {
    throw new ScenarioSkipped(`no Ray venv at TROUPE_RAY_VENV (${ctx.config.rayVenv}); run scripts/setup-ray.sh`);
  }
  const port = await freeLoopbackPort();
  const launcher: ChildServer = ctx.spawnServer('ray-serve', python, ['launcher.py', String(port)], {
    cwd: appsDir,
    env: { ...process.env, ...mode.env, RAY_DISABLE_USAGE_STATS: '1', PYTHONUNBUFFERED: '1' },
    stopGraceMs: 30_000,
  });
  const ready = await launcher.nextJson((value) => typeof value.listening === 'number', 180_000);
  ctx.log(`ray ${String(ready.ray)} serve up on port ${String(ready.listening)}`);
  ctx.note(`Ray ${String(ready.ray)}; ${mode.title}`);
  const http = `http://127.0.0.1:${String(ready.listening)}`;
  return {
    http,
    async deploy(app, params, readyPath) {
      const answer = launcher.nextJson((value) => 'deployed' in value || 'error' in value, 180_000);
      launcher.send(JSON.stringify({ app, ...params }));
      const value = await answer;
      if ('error' in value) throw new Error(`ray could not deploy ${app}: ${String(value.error)}`);
      await waitForHttp(`${http}${readyPath}`, { timeoutMs: 60_000 });
    },
  };
}
