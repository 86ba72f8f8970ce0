import { strict as assert } from 'node:assert';
import { DispatchQueue, type BatchPolicy, type QueuedCall } from '../src/dispatch-queue.js';

let seq = 0;
function call(method: string, enqueuedAt = 0): QueuedCall {
  return { seq: ++seq, method, enqueuedAt };
}

function takeAll(queue: DispatchQueue<QueuedCall>, capacity: number, now: number, policy: BatchPolicy): string[] {
  const out: QueuedCall[] = [];
  const groups: string[] = [];
  for (;;) {
    const isBatch = queue.take(capacity, now, policy, out);
    if (out.length === 0) return groups;
    groups.push(`${isBatch ? 'batch' : 'single'}:${out.map((c) => c.method).join(',')}`);
  }
}

describe('dispatch queue', () => {
  const policy: BatchPolicy = { maxBatchSize: 2, batchWaitTimeoutMs: 1_000 };

  it('hands out singles first-in first-out', () => {
    const queue = new DispatchQueue<QueuedCall>();
    for (const method of ['a', 'b', 'c']) queue.pushSingle(call(method));
    assert.deepEqual(takeAll(queue, 10, 0, policy), ['single:a', 'single:b', 'single:c']);
    assert.equal(queue.size, 0);
  });

  it('releases full batches at once and partial ones only after the timeout', () => {
    const queue = new DispatchQueue<QueuedCall>();
    for (let i = 0; i < 5; i++) queue.pushBatched(call('h', 100));
    assert.deepEqual(takeAll(queue, 10, 100, policy), ['batch:h,h', 'batch:h,h']);
    assert.equal(queue.nextDeadline(policy), 1_100);
    assert.deepEqual(takeAll(queue, 10, 1_099, policy), []);
    assert.deepEqual(takeAll(queue, 10, 1_100, policy), ['batch:h']);
    assert.equal(queue.nextDeadline(policy), Infinity);
  });

  it('keeps methods apart and never holds singles behind a filling batch', () => {
    const queue = new DispatchQueue<QueuedCall>();
    queue.pushBatched(call('h', 0));
    queue.pushSingle(call('s'));
    queue.pushBatched(call('g', 0));
    assert.deepEqual(takeAll(queue, 10, 0, policy), ['single:s']);
    queue.pushBatched(call('g', 0));
    assert.deepEqual(takeAll(queue, 10, 0, policy), ['batch:g,g']);
  });

  it('takes no more than the capacity into a batch', () => {
    const queue = new DispatchQueue<QueuedCall>();
    for (let i = 0; i < 4; i++) queue.pushBatched(call('h', 0));
    const out: QueuedCall[] = [];
    assert.equal(queue.take(1, 0, { maxBatchSize: 4, batchWaitTimeoutMs: 0 }, out), true);
    assert.equal(out.length, 1);
    assert.equal(queue.take(0, 0, policy, out), false);
    assert.equal(out.length, 0);
  });

  it('sends whatever is queued when the timeout is 0', () => {
    const queue = new DispatchQueue<QueuedCall>();
    for (let i = 0; i < 3; i++) queue.pushBatched(call('h', 50));
    assert.deepEqual(takeAll(queue, 10, 50, { maxBatchSize: 8, batchWaitTimeoutMs: 0 }), ['batch:h,h,h']);
  });

  it('drains everything for a replica that will not run it', () => {
    const queue = new DispatchQueue<QueuedCall>();
    queue.pushSingle(call('s'));
    queue.pushBatched(call('h'));
    assert.deepEqual(queue.drain().map((c) => c.method), ['s', 'h']);
    assert.equal(queue.size, 0);
  });
});
