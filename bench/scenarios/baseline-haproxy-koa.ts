import { fileURLToPath } from 'node:url';
import { startHaproxy } from '../haproxy-balancer.ts';
import type { Scenario } from '../scenario.ts';

const script = fileURLToPath(new URL('../baselines/koa-hello.mjs', import.meta.url));

export const EVERY_NODE_CONNECTIONS = [64, 256];

export const haproxyKoa: Scenario = {
  name: 'haproxy-koa',
  group: 'baseline',
  title: 'HAProxy round-robin over 3 bare Koa hello-world processes (same config as EveryNode)',
  async run(ctx) {
    const servers: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const port = await ctx.spawnServer(`koa-hello-${i}`, process.execPath, [script]).listeningPort();
      servers.push(`127.0.0.1:${port}`);
    }
    const url = await startHaproxy(ctx, servers, '/-/healthz', '/');
    for (const connections of EVERY_NODE_CONNECTIONS) {
      await ctx.measureHttp({ label: `c=${connections}`, url: `${url}/`, connections });
    }
  },
};
