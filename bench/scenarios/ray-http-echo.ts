import { startRayServe, type RayMode } from '../ray/ray-serve-session.ts';
import type { Scenario } from '../scenario.ts';

export const rayHttpEcho = (mode: RayMode): Scenario => ({
  name: `${mode.prefix}-http-echo`,
  group: 'ray',
  variant: mode.title,
  title: `${mode.title}: HTTP → proxy → 1 echo replica (async __call__)`,
  needs: ['koa-hello', 'grpc-bidi-http'],
  plot: true,
  async run(ctx) {
    const ray = await startRayServe(ctx, mode);
    await ray.deploy('echo', {}, '/echo');
    for (const connections of ctx.config.sweep) {
      await ctx.measureHttp({
        label: `c=${connections}`,
        url: `${ray.http}/echo`,
        connections,
        compare: `http-echo c=${connections}`,
        baselines: [
          { scenario: 'koa-hello', label: `c=${connections}` },
          { scenario: 'grpc-bidi-http', label: `c=${connections}` },
        ],
      });
    }
  },
});
