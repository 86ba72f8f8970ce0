// Bare Koa running the very backend code Troupe and Ray run (bench/backends), with no runtime
// in between: `cpu` calls cpuBound inline; `batch N` gathers up to N waiting requests into one
// batchSleep call, one batch at a time like a single replica.
import Koa from 'koa';
import { cpuBound } from '../backends/cpu-bound.mjs';
import { batchSleep } from '../backends/batch-sleep.mjs';

const [mode, size] = process.argv.slice(2);
const maxBatchSize = Number(size ?? 1);
const app = new Koa();

if (mode === 'cpu') {
  app.use((ctx) => {
    ctx.body = cpuBound();
  });
} else if (mode === 'batch') {
  const waiting = [];
  let busy = false;
  const drain = async () => {
    busy = true;
    while (waiting.length > 0) {
      const batch = waiting.splice(0, maxBatchSize);
      const replies = await batchSleep(batch.map((w) => w.request));
      batch.forEach((w, i) => w.resolve(replies[i]));
    }
    busy = false;
  };
  app.use(async (ctx) => {
    ctx.body = await new Promise((resolve) => {
      waiting.push({ request: ctx.request, resolve });
      if (!busy) void drain();
    });
  });
} else {
  throw new Error(`usage: koa-same-work.mjs cpu | batch <maxBatchSize>`);
}

const server = app.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ listening: server.address().port }));
});

// Exit cleanly on the runner's SIGTERM so `node --cpu-prof` gets to write its profile.
process.on('SIGTERM', () => process.exit(0));
