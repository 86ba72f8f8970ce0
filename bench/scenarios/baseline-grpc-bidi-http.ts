import { fileURLToPath } from 'node:url';
import type { Scenario } from '../scenario.ts';

const echoServer = fileURLToPath(new URL('../baselines/grpc-echo-server.mjs', import.meta.url));
const proxy = fileURLToPath(new URL('../baselines/koa-grpc-proxy.mjs', import.meta.url));

export const grpcBidiHttp: Scenario = {
  name: 'grpc-bidi-http',
  group: 'baseline',
  title: 'Architecture limit: Koa → one coalescing gRPC bidi stream → worker-thread echo, nothing else',
  needs: ['koa-hello'],
  plot: true,
  async run(ctx) {
    const grpcPort = await ctx.spawnServer('grpc-echo-server', process.execPath, [echoServer]).listeningPort();
    const port = await ctx.spawnServer('koa-grpc-proxy', process.execPath, [proxy, `127.0.0.1:${grpcPort}`]).listeningPort();
    for (const connections of ctx.config.sweep) {
      await ctx.measureHttp({
        label: `c=${connections}`,
        url: `http://127.0.0.1:${port}/`,
        connections,
        baselines: [{ scenario: 'koa-hello', label: `c=${connections}` }],
      });
    }
  },
};
