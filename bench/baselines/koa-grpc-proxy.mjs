// Baseline (b), the architecture limit: Koa in front of the coalescing stream, so an HTTP
// request costs what Troupe's proxy path costs minus routing and every feature.
import Koa from 'koa';
import { openCoalescingStream } from './coalescing-stream.mjs';

const stream = openCoalescingStream(process.argv[2]);
const payload = Buffer.from('hello world');
const app = new Koa();
app.use(async (ctx) => {
  const reply = await stream.call(payload);
  ctx.type = 'text/plain';
  ctx.body = Buffer.from(reply.buffer, reply.byteOffset, reply.byteLength).toString();
});
const server = app.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ listening: server.address().port }));
});

// Exit cleanly on the runner's SIGTERM so `node --cpu-prof` gets to write its profile.
process.on('SIGTERM', () => process.exit(0));
