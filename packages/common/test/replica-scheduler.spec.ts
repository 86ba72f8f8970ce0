import { strict as assert } from 'node:assert';
import { ReplicaScheduler, type ReplicaSlot, type Waiter } from '../src/replica-scheduler.js';
import { WorkerChannelPool } from '../src/worker-channel.js';

/** Three replicas, one per node; channels are never used, so nothing connects. */
const route = {
  tag: 'echo',
  maxConcurrentQueries: 2,
  replicas: [1, 2, 3].map((k) => ({ replicaTag: `echo#r${k}`, workerId: `w${k}`, dataAddress: `127.0.0.1:${k}`, nodeId: `node-${k}` })),
};

function acquireMany(scheduler: ReplicaScheduler, count: number): string[] {
  const tags: string[] = [];
  for (let i = 0; i < count; i++) {
    const waiter: Waiter = { cancelled: false, assign: (slot: ReplicaSlot) => tags.push(slot.tag) };
    scheduler.acquire(waiter);
  }
  return tags;
}

describe('replica scheduler', () => {
  const pool = new WorkerChannelPool();
  after(() => pool.retain(new Set()));

  it('spreads calls over every replica without a local node', () => {
    const scheduler = new ReplicaScheduler('echo');
    scheduler.update(route, pool);
    assert.deepEqual(new Set(acquireMany(scheduler, 6)), new Set(['echo#r1', 'echo#r2', 'echo#r3']));
  });

  it('fills the local replicas up to maxConcurrentQueries first, then the others, then queues', () => {
    const scheduler = new ReplicaScheduler('echo');
    scheduler.update(route, pool, 'node-2');
    const tags = acquireMany(scheduler, 7);
    assert.deepEqual(tags.slice(0, 2), ['echo#r2', 'echo#r2']);
    assert.deepEqual(new Set(tags.slice(2)), new Set(['echo#r1', 'echo#r3']));
    assert.equal(tags.length, 6);
    assert.equal(scheduler.queued, 1);
  });

  it('spreads as usual when no replica is on the local node', () => {
    const scheduler = new ReplicaScheduler('echo');
    scheduler.update(route, pool, 'node-9');
    assert.deepEqual(new Set(acquireMany(scheduler, 6)), new Set(['echo#r1', 'echo#r2', 'echo#r3']));
  });
});
