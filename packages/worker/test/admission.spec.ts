import { strict as assert } from 'node:assert';
import { replyError, WorkerFixture } from './worker-harness.js';

describe('worker: concurrency limits and batching', function () {
  let fixture: WorkerFixture;

  before(async () => {
    fixture = await WorkerFixture.start();
  });

  after(async () => {
    await fixture.close();
  });

  it('never holds more than maxConcurrentQueries calls in a replica; the rest wait, none is refused', async () => {
    await fixture.running('tracker#aaaaaa', 'concurrency.mjs#Tracker', { maxConcurrentQueries: 2 });
    const peaks = await Promise.all(Array.from({ length: 12 }, () => fixture.data.result('tracker#aaaaaa', 15)));
    assert.ok(peaks.every((peak) => (peak as number) <= 2), `peaks seen: ${peaks.join(',')}`);
    assert.deepEqual(await fixture.data.result('tracker#aaaaaa', undefined, 'stats'), { active: 0, peak: 2 });
  });

  it('applies a new maxConcurrentQueries in place, without a restart', async () => {
    await fixture.running('widen#aaaaaa', 'concurrency.mjs#Tracker', { maxConcurrentQueries: 1 });
    await Promise.all(Array.from({ length: 4 }, () => fixture.data.result('widen#aaaaaa', 10)));
    const status = await fixture.control.call<{ configEpoch: number }>('reconfigureReplica', {
      replicaTag: 'widen#aaaaaa',
      config: { maxConcurrentQueries: 4, epoch: 2 },
    });
    assert.equal(status.configEpoch, 2);
    await Promise.all(Array.from({ length: 12 }, () => fixture.data.result('widen#aaaaaa', 30)));
    // The peak is the instance's own state: it was 1 before, so the instance is the same one.
    assert.deepEqual(await fixture.data.result('widen#aaaaaa', undefined, 'stats'), { active: 0, peak: 4 });
  });

  it('sends batches of maxBatchSize, and the rest once the oldest waited batchWaitTimeout', async () => {
    await fixture.running('doubler#aaaaaa', 'batching.mjs#Doubler', { maxBatchSize: 2, batchWaitTimeout: 1 });
    const started = Date.now();
    const settled: number[] = [];
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        fixture.data.result('doubler#aaaaaa', n, 'handle').then((value) => {
          settled.push(Date.now() - started);
          return value;
        }),
      ),
    );
    assert.deepEqual(results, [2, 4, 6, 8, 10]);
    assert.deepEqual(await fixture.data.result('doubler#aaaaaa', undefined, 'batchSizes'), [2, 2, 1]);
    const last = Math.max(...settled);
    assert.ok(last >= 950, `the lone call should wait for the timeout, left after ${last} ms`);
    assert.ok(last < 3_000, `the lone call should leave at the timeout, left after ${last} ms`);
  });

  it('sends whatever is queued when batchWaitTimeout is 0, and calls other methods singly', async () => {
    await fixture.running('eager#aaaaaa', 'batching.mjs#Doubler', { maxBatchSize: 10, batchWaitTimeout: 0 });
    // All three leave in one frame, so they are queued together.
    assert.deepEqual(await Promise.all([1, 2, 3].map((n) => fixture.data.result('eager#aaaaaa', n, 'handle'))), [2, 4, 6]);
    assert.deepEqual(await fixture.data.result('eager#aaaaaa', undefined, 'batchSizes'), [3]);
    assert.equal(await fixture.data.result('eager#aaaaaa', undefined, 'single'), 'got one request');
  });

  it('counts a batch of k as k calls in flight', async () => {
    await fixture.running('narrow#aaaaaa', 'batching.mjs#Doubler', {
      maxBatchSize: 4,
      batchWaitTimeout: 0.05,
      maxConcurrentQueries: 2,
    });
    await Promise.all([1, 2, 3, 4, 5, 6].map((n) => fixture.data.result('narrow#aaaaaa', n, 'handle')));
    const sizes = (await fixture.data.result('narrow#aaaaaa', undefined, 'batchSizes')) as number[];
    assert.equal(sizes.reduce((a, b) => a + b, 0), 6);
    assert.ok(sizes.every((size) => size <= 2), `batch sizes: ${sizes.join(',')}`);
  });

  it('batches classes marked acceptBatch, and methods marked per instance', async () => {
    await fixture.running('all#aaaaaa', 'batching.mjs#AllBatched', { maxBatchSize: 3 });
    assert.deepEqual(await Promise.all([1, 2, 3].map((n) => fixture.data.result('all#aaaaaa', n))), [3, 3, 3]);
    await fixture.running('field#aaaaaa', 'batching.mjs#FieldBatcher', { maxBatchSize: 2 });
    assert.deepEqual(await Promise.all([1, 2].map((n) => fixture.data.result('field#aaaaaa', n, 'handle'))), [2, 2]);
  });

  it('fails every call of a batch whose result has the wrong length or is not an array', async () => {
    await fixture.running('short#aaaaaa', 'batching.mjs#wrongLength', { maxBatchSize: 3, batchWaitTimeout: 5 });
    const replies = await Promise.all([1, 2, 3].map((n) => fixture.data.value('short#aaaaaa', n)));
    for (const reply of replies) {
      const error = replyError(reply);
      assert.equal(error.code, 'BATCH_CONTRACT');
      assert.equal(error.name, 'BatchContractError');
      assert.match(error.message, /expected an array of 3 results, got an array of 2$/);
    }
    await fixture.running('scalar#aaaaaa', 'batching.mjs#notArray', { maxBatchSize: 2, batchWaitTimeout: 5 });
    for (const reply of await Promise.all([1, 2].map((n) => fixture.data.value('scalar#aaaaaa', n)))) {
      assert.match(replyError(reply).message, /expected an array of 2 results, got a string$/);
    }
  });

  it('fails every call of a batch that throws', async () => {
    await fixture.running('boom#aaaaaa', 'batching.mjs#batchThrows', { maxBatchSize: 2, batchWaitTimeout: 5 });
    for (const reply of await Promise.all([1, 2].map((n) => fixture.data.value('boom#aaaaaa', n)))) {
      const error = replyError(reply);
      assert.deepEqual([error.code, error.name, error.message], ['BACKEND_ERROR', 'Error', 'the whole batch failed']);
    }
  });

  it('changes maxBatchSize in place', async () => {
    await fixture.running('resize#aaaaaa', 'batching.mjs#Doubler', { maxBatchSize: 1 });
    await Promise.all([1, 2].map((n) => fixture.data.result('resize#aaaaaa', n, 'handle')));
    await fixture.control.call('reconfigureReplica', {
      replicaTag: 'resize#aaaaaa',
      config: { maxBatchSize: 4, batchWaitTimeout: 5, epoch: 2 },
    });
    await Promise.all([1, 2, 3, 4].map((n) => fixture.data.result('resize#aaaaaa', n, 'handle')));
    assert.deepEqual(await fixture.data.result('resize#aaaaaa', undefined, 'batchSizes'), [1, 1, 4]);
  });

  it('runs batches of a method concurrently by default, one at a time with maxConcurrentBatches 1', async () => {
    const overlap = async (tag: string): Promise<{ peak: number; sizes: number[] }> => {
      // Six calls in one frame: three full batches are ready at once.
      await Promise.all(Array.from({ length: 6 }, () => fixture.data.result(tag, 30, 'handle')));
      return (await fixture.data.result(tag, undefined, 'stats')) as { peak: number; sizes: number[] };
    };
    await fixture.running('overlap#aaaaaa', 'batching.mjs#OverlapTracker', { maxBatchSize: 2 });
    assert.deepEqual(await overlap('overlap#aaaaaa'), { running: 0, peak: 3, sizes: [2, 2, 2] });

    await fixture.running('serial#aaaaaa', 'batching.mjs#OverlapTracker', { maxBatchSize: 2, maxConcurrentBatches: 1 });
    assert.deepEqual(await overlap('serial#aaaaaa'), { running: 0, peak: 1, sizes: [2, 2, 2] });

    // In place: the instance (and its peak of 1) stays, and batches overlap again.
    await fixture.control.call('reconfigureReplica', {
      replicaTag: 'serial#aaaaaa',
      config: { maxBatchSize: 2, maxConcurrentBatches: 0, epoch: 2 },
    });
    assert.equal((await overlap('serial#aaaaaa')).peak, 3);
  });

  it('lets calls queue in the replica while its one batch runs, so batches follow back to back', async () => {
    await fixture.running('queued#aaaaaa', 'batching.mjs#OverlapTracker', { maxBatchSize: 1, maxConcurrentBatches: 1 });
    const results = await Promise.all(Array.from({ length: 5 }, () => fixture.data.result('queued#aaaaaa', 10, 'handle')));
    assert.deepEqual(results, [1, 1, 1, 1, 1]);
    assert.deepEqual(await fixture.data.result('queued#aaaaaa', undefined, 'stats'), { running: 0, peak: 1, sizes: [1, 1, 1, 1, 1] });
  });
});
