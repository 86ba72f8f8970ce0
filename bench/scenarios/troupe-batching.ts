import { waitForHttp } from '../http-probe.ts';
import type { Scenario } from '../scenario.ts';
import { backendImportPath, startTroupeCluster } from '../troupe-cluster.ts';
import { BATCH_CONNECTIONS, BATCH_SIZES } from './baseline-koa-same-work.ts';

export const troupeBatching: Scenario = {
  name: 'troupe-batching',
  group: 'troupe',
  title: `Batching: 5 ms per batch call, maxBatchSize 1/4/16, ${BATCH_CONNECTIONS} connections; default config, then one batch at a time`,
  needs: ['koa-batch'],
  async run(ctx) {
    const { client, http } = await startTroupeCluster(ctx);
    for (const size of BATCH_SIZES) {
      const tag = `batch${size}`;
      await client.createBackend(tag, backendImportPath('batch-sleep.mjs', 'batchSleep'), {
        config: { maxBatchSize: size, batchWaitTimeout: 0 },
      });
      await client.createEndpoint(tag, { backend: tag, route: `/${tag}`, methods: ['GET'] });
      await waitForHttp(`${http}/${tag}`);
      // With the default maxConcurrentQueries (100) a replica runs several batches at once,
      // so this row measures batching plus concurrency.
      await ctx.measureHttp({
        label: `maxBatchSize=${size}`,
        url: `${http}/${tag}`,
        connections: BATCH_CONNECTIONS,
        baselines: [{ scenario: 'koa-batch', label: `maxBatchSize=${size}` }],
      });
      // One batch in flight per replica while calls queue in it: the semantics of the Koa
      // baseline and of Ray's @serve.batch (max_concurrent_batches=1, 100 ongoing requests).
      await client.updateBackendConfig(tag, { maxConcurrentBatches: 1 });
      await ctx.measureHttp({
        label: `maxBatchSize=${size} one at a time`,
        url: `${http}/${tag}`,
        connections: BATCH_CONNECTIONS,
        compare: `batching maxBatchSize=${size}`,
        baselines: [{ scenario: 'koa-batch', label: `maxBatchSize=${size}` }],
      });
      await client.deleteEndpoint(tag);
      await client.deleteBackend(tag);
    }
  },
};
