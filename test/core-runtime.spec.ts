// The core runtime end to end: real nats-server, head, workers and proxy processes on 127.0.0.1.
import { strict as assert } from 'node:assert';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, freePort, ObjectRef, type TroupeClient } from '@troupe/serve';
import { pollUntil } from '@troupe/test-kit';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

async function replicaTagsAnswering(client: TroupeClient, endpoint: string, calls: number): Promise<Set<string>> {
  const handle = await client.getHandle(endpoint);
  const tags = await Promise.all(Array.from({ length: calls }, () => handle.remote()));
  return new Set(tags as string[]);
}

describe('core runtime', function () {
  this.timeout(120_000);
  let client: TroupeClient;
  let httpPort: number;

  before(async () => {
    httpPort = await freePort();
    client = await start({ nodes: 2, port: 0, codeDir: fixtures, httpOptions: { port: httpPort } });
  });

  after(async () => {
    await client?.shutdown();
  });

  it('serves two distinct replicas and follows scaling 2 → 3 → 0 → 1', async () => {
    await client.createBackend('whoami', './whoami.mjs#whoami', { config: { numReplicas: 2 } });
    await client.createEndpoint('whoami', { backend: 'whoami', route: '/whoami' });
    const tags = await replicaTagsAnswering(client, 'whoami', 40);
    assert.equal(tags.size, 2);
    for (const tag of tags) assert.match(tag, /^whoami#[a-z]{6}$/);
    for (const count of [3, 0, 1]) {
      await client.updateBackendConfig('whoami', { numReplicas: count });
      const described = await client.describeBackend('whoami');
      assert.equal(described.replicaTags.length, count, `replicas after scaling to ${count}`);
    }
    const reply = await fetch(`http://127.0.0.1:${httpPort}/whoami`);
    assert.equal(reply.status, 200);
    assert.match(await reply.text(), /^whoami#/);
  });

  it('applies userConfig to every replica without restarting it', async () => {
    await client.createBackend('conf', './configurable.mjs#Configurable', {
      config: { numReplicas: 2, userConfig: { level: 1 } },
      initArgs: ['p'],
    });
    await client.createEndpoint('conf', { backend: 'conf' });
    const before = (await client.describeBackend('conf')).replicaTags;
    await client.updateBackendConfig('conf', { userConfig: { level: 2 } });
    assert.deepEqual((await client.describeBackend('conf')).replicaTags, before);
    const handle = await client.getHandle('conf');
    const seen = new Map<string, { prefix: string; configs: unknown[] }>();
    await pollUntil(async () => {
      const reply = (await handle.remote()) as { replica: string; prefix: string; configs: unknown[] };
      seen.set(reply.replica, reply);
      return seen.size === 2;
    }, 10_000, 'both replicas to answer');
    for (const reply of seen.values()) {
      assert.equal(reply.prefix, 'p');
      assert.deepEqual(reply.configs, [{ level: 1 }, { level: 2 }]);
    }
    assert.deepEqual((await client.getBackendConfig('conf')).userConfig, { level: 2 });
  });

  it('sync handles return a ref at once; async handles resolve on assignment', async () => {
    await client.createBackend('slow', './slow.mjs#slow', { config: { numReplicas: 1, maxConcurrentQueries: 1 } });
    await client.createEndpoint('slow', { backend: 'slow' });
    const sync = await client.getHandle('slow');
    const ref = sync.remote({ ms: 400 });
    assert.ok(ref instanceof ObjectRef, 'remote() of a sync handle returns an ObjectRef synchronously');
    const asyncHandle = await client.getHandle('slow', { sync: false });
    const started = Date.now();
    const assigned = await asyncHandle.remote({ ms: 10 });
    const waited = Date.now() - started;
    assert.ok(assigned instanceof ObjectRef);
    assert.ok(waited >= 250, `async remote() resolved after ${waited} ms, while the only replica was busy`);
    assert.equal(await ref, 'slept 400');
    assert.equal(await client.get(assigned), 'slept 10');
  });

  it('rejects refs with the backend error name and message', async () => {
    await client.createBackend('failing', './failing.mjs#failing');
    await client.createEndpoint('failing', { backend: 'failing', route: '/failing' });
    const handle = await client.getHandle('failing');
    await assert.rejects(client.get(handle.remote('bolts')), (error: Error) => {
      assert.equal(error.name, 'InventoryError');
      assert.equal(error.message, 'no stock for bolts');
      return true;
    });
    const reply = await fetch(`http://127.0.0.1:${httpPort}/failing`);
    assert.equal(reply.status, 500);
    const body = await reply.text();
    assert.match(body, /InventoryError/);
    assert.doesNotMatch(body, /at .*\.mjs/);
  });

  it('lets a backend call another endpoint through a handle', async () => {
    await client.createBackend('composer', './composer.mjs#composer');
    await client.createEndpoint('composer', { backend: 'composer' });
    const handle = await client.getHandle('composer');
    const reply = (await handle.remote('x')) as { outer: string; inner: string; data: string };
    assert.equal(reply.outer, 'composer');
    assert.match(reply.inner, /^whoami#/);
    assert.equal(reply.data, 'x');
  });

  it('refuses invalid changes with clear errors and changes nothing', async () => {
    const backendsBefore = await client.listBackends();
    const endpointsBefore = await client.listEndpoints();
    const refusals: Array<[() => Promise<unknown>, RegExp]> = [
      [() => client.updateBackendConfig('whoami', { numReplicas: -1 }), /numReplicas/],
      [() => client.updateBackendConfig('whoami', { maxConcurrentQueries: 0 }), /maxConcurrentQueries/],
      [() => client.updateBackendConfig('whoami', { batchWaitTimeout: -0.5 }), /batchWaitTimeout/],
      [() => client.updateBackendConfig('whoami', { maxBatchSize: 4 }), /maxBatchSize.*acceptBatch/],
      [() => client.updateBackendConfig('whoami', { maxConcurrentBatches: -1 }), /maxConcurrentBatches/],
      [() => client.updateBackendConfig('whoami', { maxConcurrentBatches: 1 }), /maxConcurrentBatches.*acceptBatch/],
      [() => client.updateBackendConfig('whoami', { userConfig: { a: 1 } }), /userConfig/],
      [() => client.updateBackendConfig('whoami', { bogus: 1 } as never), /bogus/],
      [() => client.createBackend('whoami', './whoami.mjs#whoami'), /already exists/],
      [() => client.createBackend('broken', './does-not-exist.mjs'), /importPath/],
      [() => client.createEndpoint('whoami', { backend: 'conf', route: '/whoami' }), /already exists/],
      [() => client.createEndpoint('other', { backend: 'whoami', route: '/whoami' }), /already served/],
      [() => client.createEndpoint('ghost', { backend: 'nope' }), /does not exist/],
      [() => client.createEndpoint('bad', { backend: 'whoami', route: 'no-slash' }), /route/],
      [() => client.createEndpoint('bad', { backend: 'whoami', route: '/x/{id:hex}' }), /convertor/],
      [() => client.deleteBackend('whoami'), /still used by endpoint "whoami"/],
      [() => client.setTraffic('whoami', { whoami: 0.5, conf: 0.4 }), /sum to 1/],
      [() => client.setTraffic('whoami', { nope: 1 }), /does not exist/],
      [() => client.shadowTraffic('whoami', 'conf', 1.5), /proportion/],
      [() => client.getHandle('missing'), /does not exist/],
    ];
    for (const [attempt, message] of refusals) await assert.rejects(attempt(), message);
    assert.deepEqual(await client.listBackends(), backendsBefore);
    assert.deepEqual(await client.listEndpoints(), endpointsBefore);
    // Re-creating an identical endpoint is a no-op.
    await client.createEndpoint('whoami', { backend: 'whoami', route: '/whoami' });
  });

  it('waits for a missing endpoint with missingOk', async () => {
    const handle = await client.getHandle('late', { missingOk: true });
    const ref = handle.remote();
    await client.createEndpoint('late', { backend: 'whoami' });
    assert.match((await ref) as string, /^whoami#/);
  });

  it('replaces the replicas of a killed worker within 5 s, and the supervisor restarts the worker', async () => {
    await client.updateBackendConfig('whoami', { numReplicas: 2 });
    const killedId = (await client.status()).workers.find((w) => w.nodeId === 'node-2')!.workerId!;
    const worker = client.cluster!.process('worker node-2');
    const restarted = worker.nextReady(30_000);
    const killedAt = Date.now();
    process.kill(worker.pid!, 'SIGKILL');
    await pollUntil(async () => {
      const status = await client.status();
      if (status.workers.some((w) => w.workerId === killedId)) return false;
      const tags = status.backends.find((b) => b.spec?.tag === 'whoami')?.replicaTags ?? [];
      const hosted = new Set(status.workers.flatMap((w) => (w.replicas ?? []).map((r) => r.replicaTag)));
      return tags.length === 2 && tags.every((tag) => hosted.has(tag));
    }, 10_000, 'the dead worker to be dropped and its replicas replaced');
    const recovery = Date.now() - killedAt;
    process.stdout.write(`      worker kill: replicas back in ${recovery} ms\n`);
    assert.ok(recovery <= 5_000, `recovered in ${recovery} ms`);
    await restarted;
    assert.ok(worker.restarts >= 1);
    const handle = await client.getHandle('whoami');
    assert.match((await handle.remote()) as string, /^whoami#/);
  });

  it('keeps serving while the head is killed, then recovers the same state', async () => {
    await client.waitConverged();
    const backends = await client.listBackends();
    const endpoints = await client.listEndpoints();
    const head = client.cluster!.process('head');
    const handle = await client.getHandle('whoami');
    const restarted = head.nextReady(30_000);
    process.kill(head.pid!, 'SIGKILL');
    for (let i = 0; i < 20; i++) {
      assert.match((await handle.remote()) as string, /^whoami#/);
      const reply = await fetch(`http://127.0.0.1:${httpPort}/whoami`);
      assert.equal(reply.status, 200);
    }
    await restarted;
    await pollUntil(async () => (await client.listBackends()).length === backends.length, 10_000, 'head to answer');
    await client.waitConverged();
    const strip = (list: Array<{ tag: string; replicaTags: string[] }>) => list.map(({ replicaTags: _r, ...rest }) => rest);
    assert.deepEqual(strip(await client.listBackends()), strip(backends));
    assert.deepEqual(await client.listEndpoints(), endpoints);
    // Running replicas were adopted, not restarted.
    assert.deepEqual(
      (await client.listBackends()).map((b) => b.replicaTags),
      backends.map((b) => b.replicaTags),
    );
    await client.updateBackendConfig('whoami', { numReplicas: 3 });
    assert.equal((await client.describeBackend('whoami')).replicaTags.length, 3);
  });
});
