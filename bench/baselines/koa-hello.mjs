// Baseline (a): bare Koa hello world, the ceiling for any Koa-based HTTP path on this machine.
import Koa from 'koa';

const app = new Koa();
app.use((ctx) => {
  ctx.body = 'hello world';
});
const server = app.listen(0, process.env.BENCH_HOST ?? '127.0.0.1', () => {
  console.log(JSON.stringify({ listening: server.address().port }));
});

// Exit cleanly on the runner's SIGTERM so `node --cpu-prof` gets to write its profile.
process.on('SIGTERM', () => process.exit(0));
