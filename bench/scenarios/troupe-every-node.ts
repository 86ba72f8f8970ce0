import { startHaproxy } from '../haproxy-balancer.ts';
import { waitForHttp } from '../http-probe.ts';
import type { Scenario } from '../scenario.ts';
import { backendImportPath, startTroupeCluster } from '../troupe-cluster.ts';
import { EVERY_NODE_CONNECTIONS } from './baseline-haproxy-koa.ts';

const NODES = 3;

export const troupeEveryNode: Scenario = {
  name: 'troupe-every-node',
  group: 'troupe',
  title: `EveryNode: ${NODES} local nodes (proxies on 127.0.0.1–3) behind HAProxy, echo backend`,
  needs: ['haproxy-koa'],
  async run(ctx) {
    const { client, port } = await startTroupeCluster(ctx, { nodes: NODES, location: 'EveryNode' });
    await client.createBackend('echo', backendImportPath('echo.mjs', 'echo'), { config: { numReplicas: NODES } });
    await client.createEndpoint('echo', { backend: 'echo', route: '/echo', methods: ['GET'] });
    const proxies = Array.from({ length: NODES }, (_, i) => `127.0.0.${i + 1}:${port}`);
    for (const proxy of proxies) await waitForHttp(`http://${proxy}/echo`);
    const url = await startHaproxy(ctx, proxies, '/-/healthz', '/echo');
    for (const connections of EVERY_NODE_CONNECTIONS) {
      await ctx.measureHttp({
        label: `c=${connections}`,
        url: `${url}/echo`,
        connections,
        baselines: [{ scenario: 'haproxy-koa', label: `c=${connections}` }],
      });
    }
  },
};
