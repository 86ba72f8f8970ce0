import { waitForHttp } from '../http-probe.ts';
import type { Scenario } from '../scenario.ts';
import { backendImportPath, startTroupeCluster } from '../troupe-cluster.ts';

const ROUTES = 1000;
const CONNECTIONS = 64;

export const troupeRouteTable: Scenario = {
  name: 'troupe-route-table',
  group: 'troupe',
  title: `Route matching cost: the target is the only route, then the last of ${ROUTES} (routes match in creation order)`,
  needs: ['koa-hello'],
  async run(ctx) {
    const { client, http } = await startTroupeCluster(ctx);
    await client.createBackend('echo', backendImportPath('echo.mjs', 'echo'));
    const target = { backend: 'echo', route: '/target/{id:int}', methods: ['GET'] };
    const url = `${http}/target/7`;
    await client.createEndpoint('target', target);
    await waitForHttp(url);
    await ctx.measureHttp({
      label: 'routes=1',
      url,
      connections: CONNECTIONS,
      baselines: [{ scenario: 'koa-hello', label: `c=${CONNECTIONS}` }],
    });

    // Re-created after the fillers so that every request walks past all of them.
    await client.deleteEndpoint('target');
    for (let i = 1; i < ROUTES; i++) {
      await client.createEndpoint(`filler${i}`, { backend: 'echo', route: `/filler${i}/{id:int}`, methods: ['GET'] });
    }
    await client.createEndpoint('target', target);
    await waitForHttp(url);
    const routes = (await (await fetch(`${http}/-/routes`)).json()) as Record<string, unknown>;
    if (Object.keys(routes).length < ROUTES) throw new Error(`proxy shows ${Object.keys(routes).length} routes, expected ${ROUTES}`);
    await ctx.measureHttp({
      label: `routes=${ROUTES}`,
      url,
      connections: CONNECTIONS,
      baselines: [
        { scenario: 'koa-hello', label: `c=${CONNECTIONS}` },
        { scenario: 'troupe-route-table', label: 'routes=1' },
      ],
    });
  },
};
