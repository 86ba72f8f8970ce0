import { strict as assert } from 'node:assert';
import { createLogger } from '@troupe/common';
import { WorkQueue, type ReconcileHandler } from '../src/work-queue.js';
import { pollUntil } from '@troupe/test-kit';

const logger = createLogger('test', { level: 'silent' });
logger.level = 'silent';

function queue(handler: ReconcileHandler, options: { initialBackoffMs?: number; concurrency?: number } = {}): WorkQueue {
  return new WorkQueue({ name: 'test', handler, logger, ...options });
}

describe('WorkQueue', () => {
  it('never runs one key twice at once, and runs it again once after adds during a run', async () => {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const q = queue(async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      runs++;
      if (runs === 1) await gate;
      running--;
    }, { concurrency: 4 });
    q.start();
    q.add('a');
    await pollUntil(() => runs === 1, 2_000, 'the first run');
    for (let i = 0; i < 5; i++) q.add('a');
    release();
    await pollUntil(() => runs === 2 && running === 0, 2_000, 'exactly one more run');
    await q.stop();
    assert.equal(maxRunning, 1);
    assert.equal(runs, 2);
  });

  it('runs different keys in parallel', async () => {
    let running = 0;
    let maxRunning = 0;
    const q = queue(async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, 50));
      running--;
    }, { concurrency: 3 });
    q.start();
    for (const key of ['a', 'b', 'c']) q.add(key);
    await pollUntil(() => maxRunning === 3, 2_000, 'three keys at once');
    await q.stop();
  });

  it('retries failures with exponentially growing delays and resets after a success', async () => {
    const times: number[] = [];
    const q = queue(async () => {
      times.push(Date.now());
      if (times.length <= 3) throw new Error('not yet');
    }, { initialBackoffMs: 40 });
    q.start();
    q.add('k');
    await pollUntil(() => times.length === 4, 5_000, 'four attempts');
    assert.equal(q.failureCount('k'), 0);
    await q.stop();
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    assert.ok(gaps[0]! >= 35, `first retry after ${gaps[0]} ms`);
    assert.ok(gaps[1]! >= 75, `second retry after ${gaps[1]} ms`);
    assert.ok(gaps[2]! >= 155, `third retry after ${gaps[2]} ms`);
  });

  it('requeues after the delay a handler asks for, earliest delay winning', async () => {
    let runs = 0;
    const q = queue(async () => {
      runs++;
      return runs === 1 ? { requeueAfterMs: 30 } : undefined;
    });
    q.start();
    q.addAfter('k', 10_000);
    q.addAfter('k', 10);
    await pollUntil(() => runs === 2, 2_000, 'the run and its requeue');
    await q.stop();
  });

  it('stop() waits for the key in hand and takes no more', async () => {
    let finished = false;
    const q = queue(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      finished = true;
    });
    q.start();
    q.add('k');
    await pollUntil(() => q.length === 0, 1_000, 'the key to be taken');
    await q.stop();
    assert.ok(finished);
    q.add('later');
    assert.equal(q.length, 0);
  });
});
