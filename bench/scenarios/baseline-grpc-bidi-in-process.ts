import { fileURLToPath } from 'node:url';
import { openCoalescingStream } from '../baselines/coalescing-stream.mjs';
import type { Scenario } from '../scenario.ts';

const echoServer = fileURLToPath(new URL('../baselines/grpc-echo-server.mjs', import.meta.url));

/** Callers in flight for every handle scenario and its baseline. */
export const HANDLE_IN_FLIGHT = 64;

export const grpcBidiInProcess: Scenario = {
  name: 'grpc-bidi-in-process',
  group: 'baseline',
  title: 'Raw gRPC bidi echo driven in-process (no HTTP): the limit for handle calls',
  async run(ctx) {
    const grpcPort = await ctx.spawnServer('grpc-echo-server', process.execPath, [echoServer]).listeningPort();
    const stream = openCoalescingStream(`127.0.0.1:${grpcPort}`);
    ctx.onCleanup(() => stream.close());
    const payload = Buffer.from('hello world');
    await ctx.measureInProcess({ label: `in-flight=${HANDLE_IN_FLIGHT}`, inFlight: HANDLE_IN_FLIGHT, call: () => stream.call(payload) });
  },
};
