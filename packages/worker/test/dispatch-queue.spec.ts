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
  const policy: BatchPolicy = { maxBatchSize: 2, batchWaitTimeoutMs: 1_000, maxConcurrentBatches: 0 };

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
    assert.equal(queue.take(1, 0, { maxBatchSize: 4, batchWaitTimeoutMs: 0, maxConcurrentBatches: 0 }, out), true);
    assert.equal(out.length, 1);
    assert.equal(queue.take(0, 0, policy, out), false);
    assert.equal(out.length, 0);
  });

  it('sends whatever is queued when the timeout is 0', () => {
    const queue = new DispatchQueue<QueuedCall>();
    for (let i = 0; i < 3; i++) queue.pushBatched(call('h', 50));
    assert.deepEqual(takeAll(queue, 10, 50, { maxBatchSize: 8, batchWaitTimeoutMs: 0, maxConcurrentBatches: 0 }), ['batch:h,h,h']);
  });

  it('at maxConcurrentBatches lets one more full batch go to wait in the thread, and holds the rest', () => {
    const queue = new DispatchQueue<QueuedCall>();
    const oneAtATime: BatchPolicy = { maxBatchSize: 2, batchWaitTimeoutMs: 1_000, maxConcurrentBatches: 1 };
    for (let i = 0; i < 3; i++) queue.pushBatched(call('h', 0));
    queue.pushBatched(call('g', 0));
    queue.pushSingle(call('s'));
    const out: QueuedCall[] = [];
    const running = new Map([['h', 1]]);
    // h is at its limit, so its deadline arms no timer: a finishing batch lets it go on.
    assert.equal(queue.nextDeadline(oneAtATime, running), 1_000);
    assert.equal(queue.take(10, 2_000, oneAtATime, out, running), true);
    assert.deepEqual(out.map((c) => c.method), ['h', 'h'], 'a full batch may wait in the thread');
    running.set('h', 2);
    assert.equal(queue.take(1, 2_000, oneAtATime, out, running), true);
    assert.deepEqual(out.map((c) => c.method), ['g'], 'h is past its limit; other methods go on');
    assert.equal(queue.take(10, 2_000, oneAtATime, out, running), false);
    assert.deepEqual(out.map((c) => c.method), ['s']);
    assert.equal(queue.take(10, 2_000, oneAtATime, out, running), false);
    assert.equal(out.length, 0);
    assert.equal(queue.nextDeadline(oneAtATime, running), Infinity);
    running.set('h', 0);
    assert.deepEqual(takeAll(queue, 10, 2_000, oneAtATime), ['batch:h']);
  });

  it('sends no partial batch past maxConcurrentBatches, however long it waited', () => {
    const queue = new DispatchQueue<QueuedCall>();
    const oneAtATime: BatchPolicy = { maxBatchSize: 4, batchWaitTimeoutMs: 0, maxConcurrentBatches: 1 };
    for (let i = 0; i < 3; i++) queue.pushBatched(call('h', 0));
    const out: QueuedCall[] = [];
    assert.equal(queue.take(10, 5_000, oneAtATime, out, new Map([['h', 1]])), false);
    assert.equal(out.length, 0);
    // A full batch that the capacity would cut short is not full either.
    queue.pushBatched(call('h', 0));
    assert.equal(queue.take(3, 5_000, oneAtATime, out, new Map([['h', 1]])), false);
    assert.equal(queue.take(4, 5_000, oneAtATime, out, new Map([['h', 1]])), true);
    assert.equal(out.length, 4);
  });

  it('drains everything for a replica that will not run it', () => {
    const queue = new DispatchQueue<QueuedCall>();
    queue.pushSingle(call('s'));
    queue.pushBatched(call('h'));
    assert.deepEqual(queue.drain().map((c) => c.method), ['s', 'h']);
    assert.equal(queue.size, 0);
  });
});
