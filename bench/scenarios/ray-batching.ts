import { startRayServe, type RayMode } from '../ray/ray-serve-session.ts';
import type { Scenario } from '../scenario.ts';
import { BATCH_CONNECTIONS, BATCH_SIZES } from './baseline-koa-same-work.ts';

export const rayBatching = (mode: RayMode): Scenario => ({
  name: `${mode.prefix}-batching`,
  group: 'ray',
  variant: mode.title,
  title: `${mode.title}: @serve.batch, 5 ms per batch call, max_batch_size 1/4/16, ${BATCH_CONNECTIONS} connections`,
  needs: ['koa-batch'],
  async run(ctx) {
    const ray = await startRayServe(ctx, mode);
    for (const size of BATCH_SIZES) {
      await ray.deploy('batch', { maxBatchSize: size }, '/batch');
      await ctx.measureHttp({
        label: `maxBatchSize=${size}`,
        url: `${ray.http}/batch`,
        connections: BATCH_CONNECTIONS,
        compare: `batching maxBatchSize=${size}`,
        baselines: [{ scenario: 'koa-batch', label: `maxBatchSize=${size}` }],
      });
    }
  },
});
