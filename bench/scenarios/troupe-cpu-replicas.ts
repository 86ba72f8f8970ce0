import { waitForHttp } from '../http-probe.ts';
import type { Scenario } from '../scenario.ts';
import { backendImportPath, startTroupeCluster } from '../troupe-cluster.ts';
import { CPU_CONNECTIONS, CPU_REPLICAS } from './baseline-koa-same-work.ts';

export const troupeCpuReplicas: Scenario = {
  name: 'troupe-cpu-replicas',
  group: 'troupe',
  title: `1, 2, 4 replicas of a 2 ms CPU-bound backend, ${CPU_CONNECTIONS} connections (2 cores: expect ≤ 2× one replica)`,
  needs: ['koa-cpu-bound'],
  async run(ctx) {
    const { client, http } = await startTroupeCluster(ctx);
    for (const replicas of CPU_REPLICAS) {
      // A fresh backend per count: measuring a scale-up in flight would blur the figure.
      const tag = `cpu${replicas}`;
      await client.createBackend(tag, backendImportPath('cpu-bound.mjs', 'cpuBound'), { config: { numReplicas: replicas } });
      await client.createEndpoint(tag, { backend: tag, route: `/${tag}`, methods: ['GET'] });
      await waitForHttp(`${http}/${tag}`);
      await ctx.measureHttp({
        label: `replicas=${replicas}`,
        url: `${http}/${tag}`,
        connections: CPU_CONNECTIONS,
        compare: `cpu-bound replicas=${replicas}`,
        baselines: [{ scenario: 'koa-cpu-bound', label: `c=${CPU_CONNECTIONS}` }],
      });
      await client.deleteEndpoint(tag);
      await client.deleteBackend(tag);
    }
  },
};
