import { fileURLToPath } from 'node:url';
import type { Scenario } from '../scenario.ts';

const script = fileURLToPath(new URL('../baselines/koa-hello.mjs', import.meta.url));

export const koaHello: Scenario = {
  name: 'koa-hello',
  group: 'baseline',
  title: 'Bare Koa hello world over HTTP: the ceiling of any Koa-based path',
  plot: true,
  async run(ctx) {
    const port = await ctx.spawnServer('koa-hello', process.execPath, [script]).listeningPort();
    for (const connections of ctx.config.sweep) {
      await ctx.measureHttp({ label: `c=${connections}`, url: `http://127.0.0.1:${port}/`, connections });
    }
  },
};
