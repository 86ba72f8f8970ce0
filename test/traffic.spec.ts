// Traffic splits, shard keys and shadows end to end: one routing library (DataPlane) serves both
// SDK handles and the HTTP proxy, so each behaviour is checked through both where it matters.
import { strict as assert } from 'node:assert';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ServeHandle, type TroupeClient } from '@troupe/serve';
import { pollUntil, startServingCluster } from '@troupe/test-kit';
import { runBounded, tally } from './support/bounded-load.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Share of `backend` among `replies`, in percentage points. */
function percentOf(replies: string[], backend: string): number {
  return (100 * (tally(replies).get(backend) ?? 0)) / replies.length;
}

/** A shadow counter's count for `phase`, once no late shadow copy has arrived for a while. */
async function settledCount(reader: ServeHandle, phase: string, atLeast = 0): Promise<number> {
  let last = -1;
  let unchangedSince = Date.now();
  return pollUntil(
    async () => {
      const count = (await reader.remote(phase)) as number;
      if (count !== last) {
        last = count;
        unchangedSince = Date.now();
        return undefined;
      }
      // Shadow copies are fire-and-forget: the primary's replies say nothing about when they land.
      return count >= atLeast && Date.now() - unchangedSince >= 300 ? count : undefined;
    },
    15_000,
    `the shadow count of ${phase} to settle`,
    50,
  );
}

describe('traffic splitting, shard keys and shadows', function () {
  this.timeout(120_000);
  let client: TroupeClient;
  let base: string;

  before(async () => {
    ({ client, base } = await startServingCluster({ nodes: 2, codeDir: fixtures }));
    await client.createBackend('alpha', './backend-name.mjs#backendName', { config: { numReplicas: 2 } });
    await client.createBackend('beta', './backend-name.mjs#backendName');
    await client.createEndpoint('split', { backend: 'alpha', route: '/split' });
    await client.setTraffic('split', { alpha: 0.7, beta: 0.3 });
  });

  after(async () => {
    await client?.shutdown();
  });

  it('splits 10,000 handle calls 70/30 within ±3 points', async () => {
    const handle = await client.getHandle('split');
    const replies = await runBounded(10_000, 200, async () => (await handle.remote()) as string);
    assert.deepEqual(new Set(replies), new Set(['alpha', 'beta']));
    const alpha = percentOf(replies, 'alpha');
    assert.ok(Math.abs(alpha - 70) <= 3, `alpha got ${alpha.toFixed(2)}% of 10,000 calls, want 70 ± 3`);
  });

  it('routes the very next handle call and HTTP request by a traffic change once it returns', async () => {
    await client.createEndpoint('flip', { backend: 'alpha', route: '/flip' });
    const handle = await client.getHandle('flip');
    for (let round = 0; round < 10; round++) {
      const target = round % 2 === 0 ? 'beta' : 'alpha';
      await client.setTraffic('flip', { [target]: 1 });
      assert.equal(await handle.remote(), target, `round ${round}: the handle's first call after setTraffic`);
      assert.equal(await (await fetch(`${base}/flip`)).text(), target, `round ${round}: the first HTTP request after setTraffic`);
    }
    await client.deleteEndpoint('flip');
  });

  it('splits HTTP requests through the proxy by the same weights', async () => {
    const replies = await runBounded(2_000, 50, async () => {
      const reply = await fetch(`${base}/split`);
      assert.equal(reply.status, 200);
      return reply.text();
    });
    const alpha = percentOf(replies, 'alpha');
    // 2,000 draws: one standard deviation is about 1 point, so ±5 is a 5-sigma band.
    assert.ok(Math.abs(alpha - 70) <= 5, `alpha got ${alpha.toFixed(2)}% of 2,000 requests, want 70 ± 5`);
  });

  it('sends every call with one shard key to one backend, the same through a handle and HTTP', async () => {
    const handle = await client.getHandle('split');
    for (const key of ['user-1', 'user-2', 'tenant-acme', 'order-9f3c']) {
      const keyed = handle.options({ shardKey: key });
      const viaHandle = await runBounded(100, 20, async () => (await keyed.remote()) as string);
      const viaHttp = await runBounded(100, 20, async () => {
        const reply = await fetch(`${base}/split`, { headers: { 'X-Serve-Shard-Key': key } });
        assert.equal(reply.status, 200);
        return reply.text();
      });
      const backends = new Set([...viaHandle, ...viaHttp]);
      assert.equal(backends.size, 1, `shard key ${key} reached ${[...backends].join(' and ')}`);
    }
  });

  it('spreads many shard keys over both backends by weight, whatever their shape', async () => {
    const handle = await client.getHandle('split');
    // Sequential ids under a prefix are the common case, and the hard one for a weak hash: keys
    // that differ in their last character only must not land next to each other.
    for (const prefix of ['user-', 'session-', 'tenant-', 'order-', 'u']) {
      const replies = await runBounded(1_000, 100, async (i) => (await handle.options({ shardKey: `${prefix}${i}` }).remote()) as string);
      const alpha = percentOf(replies, 'alpha');
      assert.ok(alpha > 0 && alpha < 100, 'both backends get keys');
      // 1,000 independent keys: one standard deviation is 1.45 points.
      assert.ok(Math.abs(alpha - 70) <= 5, `alpha got ${alpha.toFixed(1)}% of the keys ${prefix}0..999, want 70 ± 5`);
    }
  });

  it('copies calls to a shadow in proportion, and the client only ever sees the primary', async () => {
    await client.createBackend('primary', './backend-name.mjs#backendName');
    await client.createBackend('counter', './call-counter.mjs#CallCounter');
    await client.createEndpoint('shadowed', { backend: 'primary', route: '/shadowed' });
    await client.createEndpoint('counter', { backend: 'counter' });
    const handle = await client.getHandle('shadowed');
    const reader = (await client.getHandle('counter')).options({ methodName: 'count' });
    const counts = new Map<number, number>();
    for (const proportion of [1, 0.5, 0.1, 0]) {
      await client.shadowTraffic('shadowed', 'counter', proportion);
      const phase = `p=${proportion}`;
      const replies = await runBounded(1_000, 200, async () => (await handle.remote({ phase })) as string);
      assert.deepEqual(tally(replies), new Map([['primary', 1_000]]), `replies with a shadow at ${proportion}`);
      counts.set(proportion, await settledCount(reader, phase, proportion === 1 ? 1_000 : 0));
    }
    const [all, half, tenth, none] = [1, 0.5, 0.1, 0].map((p) => counts.get(p)!);
    assert.equal(all, 1_000, 'a shadow at 1.0 gets every call, once');
    // Binomial spreads: 5 standard deviations are ±80 at 0.5 and ±48 at 0.1.
    assert.ok(half >= 420 && half <= 580, `shadow at 0.5 got ${half} of 1,000`);
    assert.ok(tenth >= 52 && tenth <= 148, `shadow at 0.1 got ${tenth} of 1,000`);
    assert.ok(all > half && half > tenth && tenth > 0, `ordered counts ${all} > ${half} > ${tenth} > 0`);
    assert.equal(none, 0, 'a shadow at 0 is removed');
    assert.deepEqual((await client.listEndpoints()).find((e) => e.name === 'shadowed')?.shadows, {});
  });

  it('never lets a failing shadow reach the client, through handles or HTTP', async () => {
    await client.createBackend('failing-shadow', './call-counter.mjs#FailingCounter');
    await client.createEndpoint('failing-shadow', { backend: 'failing-shadow' });
    await client.shadowTraffic('shadowed', 'failing-shadow', 1);
    const handle = await client.getHandle('shadowed');
    const replies = await runBounded(300, 100, async () => (await handle.remote({ phase: 'errors' })) as string);
    assert.deepEqual(tally(replies), new Map([['primary', 300]]));
    const bodies = await runBounded(100, 25, async () => {
      const reply = await fetch(`${base}/shadowed`);
      return `${reply.status} ${await reply.text()}`;
    });
    assert.deepEqual(tally(bodies), new Map([['200 primary', 100]]));
    // The shadow did run, and threw, for every one of those calls.
    const reader = (await client.getHandle('failing-shadow')).options({ methodName: 'count' });
    assert.equal(await settledCount(reader, 'errors', 300), 300);
    assert.equal(await settledCount(reader, 'none', 100), 100);
    await client.shadowTraffic('shadowed', 'failing-shadow', 0);
  });
});
