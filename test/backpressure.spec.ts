// maxConcurrentQueries end to end: excess calls wait in the router (never refused), no replica
// ever runs more than its limit even with a handle and the HTTP proxy routing to it at once, and
// an async handle's remote() resolves only once a replica took the call.
import { strict as assert } from 'node:assert';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ObjectRef, type TroupeClient } from '@troupe/serve';
import { startServingCluster } from '@troupe/test-kit';
import { runBounded, tally } from './support/bounded-load.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** What concurrency-probe.mjs reports for each call. */
interface Probe {
  replica: string;
  /** Calls this replica was running when this one started, itself included. */
  concurrent: number;
  startedAt: number;
  endedAt: number;
}

function maxConcurrentByReplica(probes: Probe[]): Map<string, number> {
  const max = new Map<string, number>();
  for (const probe of probes) max.set(probe.replica, Math.max(max.get(probe.replica) ?? 0, probe.concurrent));
  return max;
}

describe('backpressure (maxConcurrentQueries)', function () {
  this.timeout(120_000);
  let client: TroupeClient;
  let base: string;

  before(async () => {
    ({ client, base } = await startServingCluster({ nodes: 2, codeDir: fixtures }));
  });

  after(async () => {
    await client?.shutdown();
  });

  it('makes a third call wait for one of two single-slot replicas to finish', async () => {
    await client.createBackend('one-each', './concurrency-probe.mjs#concurrencyProbe', {
      config: { numReplicas: 2, maxConcurrentQueries: 1 },
    });
    await client.createEndpoint('one-each', { backend: 'one-each' });
    const handle = await client.getHandle('one-each');
    const refs = [1, 2, 3].map(() => handle.remote({ ms: 300 }));
    const probes = (await Promise.all(refs)) as Probe[];
    assert.deepEqual([...tally(probes.map((p) => p.replica)).values()].sort(), [1, 2]);
    for (const probe of probes) assert.equal(probe.concurrent, 1, `${probe.replica} ran ${probe.concurrent} calls at once`);
    const [first, second, third] = [...probes].sort((a, b) => a.startedAt - b.startedAt) as [Probe, Probe, Probe];
    assert.ok(
      third.startedAt >= Math.min(first.endedAt, second.endedAt),
      `the third call started at +${third.startedAt - first.startedAt} ms, before either of the first two ended`,
    );
  });

  it('never runs more than maxConcurrentQueries on a replica under a 64-way load from a handle and HTTP', async () => {
    await client.createBackend('limited', './concurrency-probe.mjs#concurrencyProbe', {
      config: { numReplicas: 2, maxConcurrentQueries: 3 },
    });
    await client.createEndpoint('limited', { backend: 'limited', route: '/limited' });
    const handle = await client.getHandle('limited');
    // Two routers (this process's handle and the proxy) each fill every replica: only the
    // worker's own admission can keep a replica at its limit.
    const [viaHandle, viaHttp] = await Promise.all([
      runBounded(320, 32, async () => (await handle.remote({ ms: 20 })) as Probe),
      runBounded(320, 32, async () => {
        const reply = await fetch(`${base}/limited?ms=20`);
        assert.equal(reply.status, 200);
        return (await reply.json()) as Probe;
      }),
    ]);
    assert.equal(viaHandle.length + viaHttp.length, 640, 'every call answered');
    const max = maxConcurrentByReplica([...viaHandle, ...viaHttp]);
    assert.equal(max.size, 2, 'both replicas served');
    for (const [replica, concurrent] of max) {
      assert.ok(concurrent <= 3, `${replica} ran ${concurrent} calls at once, above maxConcurrentQueries 3`);
      // Otherwise the load never reached the limit and proved nothing.
      assert.equal(concurrent, 3, `${replica} peaked at ${concurrent} calls at once under a 64-way load`);
    }
  });

  it('resolves an async handle\'s remote() on assignment, waiting while every replica is full', async () => {
    const sync = await client.getHandle('one-each');
    const asyncHandle = await client.getHandle('one-each', { sync: false });

    // Free replicas: assignment is immediate, the result comes 300 ms later.
    let began = Date.now();
    const quick = await asyncHandle.remote({ ms: 300 });
    const quickAssigned = Date.now() - began;
    assert.ok(quick instanceof ObjectRef);
    await quick;
    const quickDone = Date.now() - began;
    assert.ok(quickDone - quickAssigned >= 250, `remote() resolved ${quickDone - quickAssigned} ms before the result, want it on assignment`);

    // Both replicas busy: remote() waits for one of them to finish.
    const blockers = [sync.remote({ ms: 500 }), sync.remote({ ms: 500 })];
    began = Date.now();
    const waiting = await asyncHandle.remote({ ms: 300 });
    const assignedAt = Date.now();
    const blocked = (await Promise.all(blockers)) as Probe[];
    const firstFreed = Math.min(...blocked.map((p) => p.endedAt));
    assert.ok(assignedAt >= firstFreed, `remote() resolved ${firstFreed - assignedAt} ms before any replica was free`);
    const probe = (await waiting) as Probe;
    const doneAt = Date.now();
    assert.ok(probe.startedAt >= firstFreed);
    assert.ok(doneAt - assignedAt >= 250, `remote() resolved only ${doneAt - assignedAt} ms before the result`);
    assert.ok(assignedAt - began >= 400, `remote() resolved after ${assignedAt - began} ms while both replicas held 500 ms calls`);
  });
});
