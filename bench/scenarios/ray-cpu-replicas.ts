import { startRayServe, type RayMode } from '../ray/ray-serve-session.ts';
import type { Scenario } from '../scenario.ts';
import { CPU_CONNECTIONS, CPU_REPLICAS } from './baseline-koa-same-work.ts';

export const rayCpuReplicas = (mode: RayMode): Scenario => ({
  name: `${mode.prefix}-cpu-replicas`,
  group: 'ray',
  variant: mode.title,
  title: `${mode.title}: 1, 2, 4 replicas of a 2 ms CPU-bound deployment, ${CPU_CONNECTIONS} connections`,
  needs: ['koa-cpu-bound'],
  async run(ctx) {
    const ray = await startRayServe(ctx, mode);
    for (const replicas of CPU_REPLICAS) {
      await ray.deploy('cpu', { replicas }, '/cpu');
      await ctx.measureHttp({
        label: `replicas=${replicas}`,
        url: `${ray.http}/cpu`,
        connections: CPU_CONNECTIONS,
        compare: `cpu-bound replicas=${replicas}`,
        baselines: [{ scenario: 'koa-cpu-bound', label: `c=${CPU_CONNECTIONS}` }],
      });
    }
  },
});
