import { fileURLToPath } from 'node:url';
import type { Scenario } from '../scenario.ts';

const script = fileURLToPath(new URL('../baselines/koa-same-work.mjs', import.meta.url));

/** Connections for the CPU-bound rows: enough to keep 4 replicas busy. */
export const CPU_CONNECTIONS = 16;
/** Callers for the batching rows, as the issue asks. */
export const BATCH_CONNECTIONS = 64;
export const BATCH_SIZES = [1, 4, 16];
export const CPU_REPLICAS = [1, 2, 4];

export const koaCpuBound: Scenario = {
  name: 'koa-cpu-bound',
  group: 'baseline',
  title: 'Bare Koa running the 2 ms CPU-bound backend inline (one process, one core)',
  async run(ctx) {
    const port = await ctx.spawnServer('koa-cpu-bound', process.execPath, [script, 'cpu']).listeningPort();
    await ctx.measureHttp({ label: `c=${CPU_CONNECTIONS}`, url: `http://127.0.0.1:${port}/`, connections: CPU_CONNECTIONS });
  },
};

export const koaBatch: Scenario = {
  name: 'koa-batch',
  group: 'baseline',
  title: 'Bare Koa gathering waiting requests into one 5 ms batch call, one batch at a time',
  async run(ctx) {
    for (const size of BATCH_SIZES) {
      const server = ctx.spawnServer(`koa-batch-${size}`, process.execPath, [script, 'batch', String(size)]);
      const port = await server.listeningPort();
      await ctx.measureHttp({ label: `maxBatchSize=${size}`, url: `http://127.0.0.1:${port}/`, connections: BATCH_CONNECTIONS });
      await server.stop();
    }
  },
};
