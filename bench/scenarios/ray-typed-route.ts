import { startRayServe, type RayMode } from '../ray/ray-serve-session.ts';
import type { Scenario } from '../scenario.ts';
import { TYPED_CONNECTIONS, TYPED_PATH } from './troupe-typed-route.ts';

export const rayTypedRoute = (mode: RayMode): Scenario => ({
  name: `${mode.prefix}-typed-route`,
  group: 'ray',
  variant: mode.title,
  title: `${mode.title}: typed route /api/{user_id}/{number} via FastAPI ingress (int, float)`,
  needs: ['koa-hello'],
  async run(ctx) {
    const ray = await startRayServe(ctx, mode);
    await ray.deploy('typed', {}, TYPED_PATH);
    await ctx.measureHttp({
      label: `c=${TYPED_CONNECTIONS}`,
      url: `${ray.http}${TYPED_PATH}`,
      connections: TYPED_CONNECTIONS,
      compare: `typed-route c=${TYPED_CONNECTIONS}`,
      baselines: [{ scenario: 'koa-hello', label: `c=${TYPED_CONNECTIONS}` }],
    });
  },
});
