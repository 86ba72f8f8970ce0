import { waitForHttp } from '../http-probe.ts';
import type { Scenario } from '../scenario.ts';
import { backendImportPath, startTroupeCluster } from '../troupe-cluster.ts';

export const troupeHttpEcho: Scenario = {
  name: 'troupe-http-echo',
  group: 'troupe',
  title: 'HTTP → 1 proxy → 1 echo replica',
  needs: ['koa-hello', 'grpc-bidi-http'],
  plot: true,
  async run(ctx) {
    const { client, http } = await startTroupeCluster(ctx);
    await client.createBackend('echo', backendImportPath('echo.mjs', 'echo'));
    await client.createEndpoint('echo', { backend: 'echo', route: '/echo', methods: ['GET'] });
    await waitForHttp(`${http}/echo`);
    for (const connections of ctx.config.sweep) {
      await ctx.measureHttp({
        label: `c=${connections}`,
        url: `${http}/echo`,
        connections,
        compare: `http-echo c=${connections}`,
        baselines: [
          { scenario: 'koa-hello', label: `c=${connections}` },
          { scenario: 'grpc-bidi-http', label: `c=${connections}` },
        ],
      });
    }
  },
};
