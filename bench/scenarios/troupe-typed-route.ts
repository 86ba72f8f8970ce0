import { waitForHttp } from '../http-probe.ts';
import type { Scenario } from '../scenario.ts';
import { backendImportPath, startTroupeCluster } from '../troupe-cluster.ts';

export const TYPED_PATH = '/api/42/3.14';
export const TYPED_CONNECTIONS = 64;

export const troupeTypedRoute: Scenario = {
  name: 'troupe-typed-route',
  group: 'troupe',
  title: 'Typed route /api/{user_id:int}/{number:float}: matching plus int/float conversion, JSON reply',
  needs: ['koa-hello'],
  async run(ctx) {
    const { client, http } = await startTroupeCluster(ctx);
    await client.createBackend('typed', backendImportPath('echo.mjs', 'typedEcho'));
    await client.createEndpoint('typed', { backend: 'typed', route: '/api/{user_id:int}/{number:float}', methods: ['GET'] });
    await waitForHttp(`${http}${TYPED_PATH}`, { bodyIncludes: '3.14' });
    await ctx.measureHttp({
      label: `c=${TYPED_CONNECTIONS}`,
      url: `${http}${TYPED_PATH}`,
      connections: TYPED_CONNECTIONS,
      compare: `typed-route c=${TYPED_CONNECTIONS}`,
      baselines: [{ scenario: 'koa-hello', label: `c=${TYPED_CONNECTIONS}` }],
    });
  },
};
