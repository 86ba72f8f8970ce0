// Batching end to end: batches leave when full or when their oldest call waited batchWaitTimeout,
// fill up under load, fail as a whole when the backend breaks the contract or throws, form per
// method on class backends, and follow config changes without a replica restart.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type TroupeClient } from '@troupe/serve';
import { pollUntil, startServingCluster } from '@troupe/test-kit';
import { runBounded, tally } from './support/bounded-load.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** What batch-probe.mjs reports for each call. */
interface BatchReply {
  size: number;
  /** Per-replica batch number. */
  batch: number;
  replica: string;
  method?: string;
  data: unknown;
  members: unknown[];
}

interface Timed<T> {
  value: T;
  ms: number;
}

/** Sends `calls` at once and times each reply from the moment they were all sent. */
async function concurrently<T>(calls: Array<() => PromiseLike<unknown>>): Promise<Array<Timed<T>>> {
  const began = Date.now();
  const pending = calls.map((call) => call());
  return Promise.all(pending.map(async (p) => ({ value: (await p) as T, ms: Date.now() - began })));
}

/** Every one of `calls` sent at once must fail; returns their errors in order. */
async function allRejected(calls: Array<PromiseLike<unknown>>): Promise<Error[]> {
  const settled = await Promise.allSettled(calls);
  return settled.map((outcome, i) => {
    assert.equal(outcome.status, 'rejected', `call ${i} of the batch succeeded: ${JSON.stringify((outcome as PromiseFulfilledResult<unknown>).value)}`);
    return (outcome as PromiseRejectedResult).reason as Error;
  });
}

describe('batching', function () {
  this.timeout(120_000);
  let client: TroupeClient;
  let base: string;

  before(async () => {
    ({ client, base } = await startServingCluster({ nodes: 1, codeDir: fixtures }));
  });

  after(async () => {
    await client?.shutdown();
  });

  it('sends a full batch at once and the remainder after batchWaitTimeout: [2, 2, 1]', async () => {
    await client.createBackend('pairs', './batch-probe.mjs#batchSize', { config: { maxBatchSize: 2, batchWaitTimeout: 1 } });
    await client.createEndpoint('pairs', { backend: 'pairs' });
    const handle = await client.getHandle('pairs');
    const replies = await concurrently<BatchReply>([0, 1, 2].map((i) => () => handle.remote(i)));
    assert.deepEqual(replies.map((r) => r.value.size), [2, 2, 1], 'batch sizes in arrival order');
    assert.deepEqual(replies.map((r) => r.value.size).sort(), [1, 2, 2]);
    assert.deepEqual(replies[0]!.value.members, [0, 1]);
    assert.deepEqual(replies[2]!.value.members, [2]);
    const [first, second, third] = replies.map((r) => r.ms) as [number, number, number];
    assert.ok(first < 700 && second < 700, `the full batch took ${first} and ${second} ms`);
    assert.ok(third >= 950, `the lone call left after ${third} ms, before batchWaitTimeout (1 s)`);
  });

  it('fills batches under 32 concurrent callers from handles and HTTP: mean size above 4', async () => {
    await client.createBackend('eights', './batch-probe.mjs#batchSize', { config: { maxBatchSize: 8, batchWaitTimeout: 0.05 } });
    await client.createEndpoint('eights', { backend: 'eights', route: '/eights' });
    const handle = await client.getHandle('eights');
    const [viaHandle, viaHttp] = await Promise.all([
      runBounded(320, 16, async () => (await handle.remote()) as BatchReply),
      runBounded(320, 16, async () => {
        const reply = await fetch(`${base}/eights`);
        assert.equal(reply.status, 200);
        return (await reply.json()) as BatchReply;
      }),
    ]);
    const replies = [...viaHandle, ...viaHttp];
    const members = tally(replies.map((r) => `${r.replica}/${r.batch}`));
    // Each batch answered all of its members, and each of them saw the same size.
    for (const reply of replies) {
      assert.equal(members.get(`${reply.replica}/${reply.batch}`), reply.size, `batch ${reply.batch} reported size ${reply.size}`);
      assert.ok(reply.size <= 8, `a batch of ${reply.size} exceeds maxBatchSize 8`);
    }
    const mean = replies.length / members.size;
    assert.ok(mean > 4, `mean batch size ${mean.toFixed(2)} over ${members.size} batches, want > 4`);
  });

  it('fails every call of a batch whose result has the wrong length, saying what it expected', async () => {
    await client.createBackend('short', './batch-probe.mjs#wrongLength', { config: { maxBatchSize: 3, batchWaitTimeout: 1 } });
    await client.createBackend('scalar', './batch-probe.mjs#notAnArray', { config: { maxBatchSize: 2, batchWaitTimeout: 1 } });
    await client.createEndpoint('short', { backend: 'short', route: '/short' });
    await client.createEndpoint('scalar', { backend: 'scalar' });
    const short = await client.getHandle('short');
    for (const error of await allRejected([1, 2, 3].map((i) => short.remote(i)))) {
      assert.equal(error.name, 'BatchContractError');
      assert.match(error.message, /expected an array of 3 results/);
    }
    const scalar = await client.getHandle('scalar');
    for (const error of await allRejected([1, 2].map((i) => scalar.remote(i)))) {
      assert.equal(error.name, 'BatchContractError');
      assert.match(error.message, /expected an array of 2 results, got a string/);
    }
    const bodies = await Promise.all(
      [1, 2, 3].map(async () => {
        const reply = await fetch(`${base}/short`);
        return { status: reply.status, body: await reply.text() };
      }),
    );
    for (const { status, body } of bodies) {
      assert.equal(status, 500);
      assert.match(body, /BatchContractError/);
      assert.match(body, /expected an array of 3 results/);
    }
  });

  it('fails every call of a batch that throws with the thrown error', async () => {
    await client.createBackend('exploding', './batch-probe.mjs#throwing', { config: { maxBatchSize: 3, batchWaitTimeout: 1 } });
    await client.createEndpoint('exploding', { backend: 'exploding' });
    const handle = await client.getHandle('exploding');
    for (const error of await allRejected([1, 2, 3].map((i) => handle.remote(i)))) {
      assert.equal(error.name, 'BatchExploded');
      assert.equal(error.message, 'a batch of 3 blew up');
    }
  });

  it('batches each method of a class backend on its own, and leaves unmarked methods single', async () => {
    await client.createBackend('per-method', './batch-probe.mjs#PerMethod', { config: { maxBatchSize: 4, batchWaitTimeout: 1 } });
    await client.createEndpoint('per-method', { backend: 'per-method' });
    const handle = await client.getHandle('per-method');
    const left = handle.options({ methodName: 'left' });
    const right = handle.options({ methodName: 'right' });
    const single = handle.options({ methodName: 'single' });
    // Interleaved, so one shared queue would mix them.
    const calls: Array<() => PromiseLike<unknown>> = [];
    for (let i = 0; i < 4; i++) calls.push(() => left.remote(`left-${i}`), () => right.remote(`right-${i}`));
    calls.push(() => single.remote('single'));
    const replies = await concurrently<BatchReply & { single?: boolean }>(calls);
    for (const { value, ms } of replies.slice(0, 8)) {
      const method = String(value.data).split('-')[0];
      assert.equal(value.method, method);
      assert.equal(value.size, 4, `${String(value.data)} was in a batch of ${value.size}`);
      assert.deepEqual(value.members, [0, 1, 2, 3].map((i) => `${method}-${i}`));
      assert.ok(ms < 700, `a full batch of ${method} waited ${ms} ms`);
    }
    assert.deepEqual(replies[8]!.value, { single: true, method: 'single' });
    assert.ok(replies[8]!.ms < 700, `an unbatched method waited ${replies[8]!.ms} ms behind filling batches`);
  });

  it('runs one batch at a time with maxConcurrentBatches 1, later calls queuing in the replica', async () => {
    await client.createBackend('serial', './batch-probe.mjs#overlapping', { config: { maxBatchSize: 4 } });
    await client.createEndpoint('serial', { backend: 'serial' });
    const handle = await client.getHandle('serial');
    type Overlap = { size: number; running: number };
    const burst = async (): Promise<Overlap[]> => (await Promise.all(Array.from({ length: 16 }, () => handle.remote(20)))) as Overlap[];

    const concurrent = await burst();
    assert.ok(Math.max(...concurrent.map((r) => r.running)) > 1, 'by default batches of one method overlap');

    await client.updateBackendConfig('serial', { maxConcurrentBatches: 1 });
    assert.equal((await client.getBackendConfig('serial')).maxConcurrentBatches, 1);
    const serial = await burst();
    assert.deepEqual(new Set(serial.map((r) => r.running)), new Set([1]), 'one batch at a time');
    // The calls waited in the replica, not one by one in the router: batches leave full.
    const batches = serial.reduce((sum, r) => sum + 1 / r.size, 0);
    assert.ok(batches <= 5.01, `16 calls took ${batches.toFixed(1)} batches of at most 4`);

    await client.updateBackendConfig('serial', { maxConcurrentBatches: 0 });
    assert.equal((await client.getBackendConfig('serial')).maxConcurrentBatches, undefined, '0 means no limit');
  });

  it('never runs calls whose HTTP client hung up while they waited, in the worker or the router', async () => {
    const hangUp = async (name: string, exportName: string, config: Record<string, number>, mayRun: number): Promise<void> => {
      await client.createBackend(name, `./batch-probe.mjs#${exportName}`, { config });
      await client.createEndpoint(name, { backend: name, route: `/${name}` });
      const dir = mkdtempSync(join(tmpdir(), 'troupe-hangup-'));
      const file = join(dir, 'starts');
      writeFileSync(file, '');
      const started = (): number => readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
      const aborts = Array.from({ length: 8 }, () => new AbortController());
      const url = `${base}/${name}?file=${encodeURIComponent(file)}`;
      const requests = aborts.map((abort) => fetch(url, { signal: abort.signal }).catch(() => 'aborted'));
      await pollUntil(() => started() >= 1, 10_000, 'the first call to start');
      for (const abort of aborts) abort.abort();
      await Promise.all(requests);
      // One at a time, 600 ms each: without cancelling, two or three more would start in 1.5 s.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const ran = started();
      rmSync(dir, { recursive: true });
      assert.ok(ran <= mayRun, `${name}: ${ran} of 8 abandoned calls ran, want at most ${mayRun}`);
    };
    // Queued in the worker: the running batch and the one full batch waiting in the thread may run.
    await hangUp('hangup-batches', 'SlowBatches', { maxBatchSize: 1, maxConcurrentBatches: 1 }, 2);
    // Queued in the router, behind maxConcurrentQueries.
    await hangUp('hangup-singles', 'SlowSingles', { maxConcurrentQueries: 1 }, 1);
  });

  it('applies maxBatchSize and batchWaitTimeout changes to running replicas, without a restart', async () => {
    await client.createBackend('tunable', './batch-probe.mjs#batchSize', { config: { maxBatchSize: 2, batchWaitTimeout: 1 } });
    await client.createEndpoint('tunable', { backend: 'tunable' });
    const handle = await client.getHandle('tunable');
    const [replica] = (await client.describeBackend('tunable')).replicaTags;
    const fourCalls = () => concurrently<BatchReply>([0, 1, 2, 3].map((i) => () => handle.remote(i)));

    const before = await fourCalls();
    assert.deepEqual(before.map((r) => r.value.size), [2, 2, 2, 2]);

    await client.updateBackendConfig('tunable', { maxBatchSize: 4 });
    const bigger = await fourCalls();
    assert.deepEqual(bigger.map((r) => r.value.size), [4, 4, 4, 4]);

    await client.updateBackendConfig('tunable', { maxBatchSize: 8 });
    const waited = await fourCalls();
    assert.deepEqual(waited.map((r) => r.value.size), [4, 4, 4, 4]);
    assert.ok(waited[0]!.ms >= 950, `a batch short of 8 left after ${waited[0]!.ms} ms, before batchWaitTimeout (1 s)`);

    await client.updateBackendConfig('tunable', { batchWaitTimeout: 0 });
    const prompt = await fourCalls();
    for (const { ms } of prompt) assert.ok(ms < 700, `with batchWaitTimeout 0 a call waited ${ms} ms`);

    assert.deepEqual((await client.describeBackend('tunable')).replicaTags, [replica]);
    const all = [...before, ...bigger, ...waited, ...prompt].map((r) => r.value);
    assert.deepEqual(new Set(all.map((r) => r.replica)), new Set([replica]));
    // The batch counter lives in the replica's module: it never starting over means no restart.
    const numbers = all.map((r) => r.batch);
    assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b));
    assert.equal(numbers[0], 1);
    assert.deepEqual(await client.getBackendConfig('tunable'), {
      numReplicas: 1,
      maxConcurrentQueries: 100,
      maxBatchSize: 8,
      batchWaitTimeout: 0,
      maxQueuedRequests: 2000,
    });
  });
});
