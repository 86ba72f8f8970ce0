import { strict as assert } from 'node:assert';
import { BackPressureError } from '../src/errors.js';
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
    const waiter: Waiter = {
      cancelled: false,
      assign: (slot: ReplicaSlot) => tags.push(slot.tag),
      refuse: (error) => assert.fail(`refused: ${error.message}`),
    };
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

  describe('maxQueuedRequests', () => {
    interface Probe extends Waiter {
      assigned: number;
      refusedWith: BackPressureError | undefined;
    }
    const probe = (): Probe => {
      const p: Probe = {
        cancelled: false,
        assigned: 0,
        refusedWith: undefined,
        assign: () => void p.assigned++,
        refuse: (error) => void (p.refusedWith = error),
      };
      return p;
    };

    it('refuses a new call once that many wait, and only then', () => {
      const scheduler = new ReplicaScheduler('echo');
      scheduler.update({ ...route, maxQueuedRequests: 2 }, pool);
      const probes = Array.from({ length: 9 }, probe);
      for (const p of probes) scheduler.acquire(p);
      assert.deepEqual(probes.map((p) => p.assigned), [1, 1, 1, 1, 1, 1, 0, 0, 0]);
      assert.deepEqual(probes.map((p) => p.refusedWith !== undefined), [false, false, false, false, false, false, false, false, true]);
      assert.equal(probes[8]!.refusedWith!.code, 'BACK_PRESSURE');
      assert.match(probes[8]!.refusedWith!.message, /maxQueuedRequests/);
      assert.equal(scheduler.queued, 2);
    });

    it('counts only calls that still wait, never refuses a retry, and -1 is unbounded', () => {
      const scheduler = new ReplicaScheduler('echo');
      scheduler.update({ ...route, maxQueuedRequests: 1 }, pool);
      for (const p of Array.from({ length: 6 }, probe)) scheduler.acquire(p);
      const gaveUp = probe();
      scheduler.acquire(gaveUp);
      gaveUp.cancelled = true;
      const next = probe();
      scheduler.acquire(next);
      assert.equal(next.refusedWith, undefined, 'a call that gave up holds no place');
      const retry = probe();
      scheduler.acquire(retry, { tag: 'x', channel: pool.get('127.0.0.1:9'), inFlight: 0, suspectUntil: 0 });
      assert.equal(retry.refusedWith, undefined, 'a retry was admitted before');
      scheduler.update({ ...route, maxQueuedRequests: -1 }, pool);
      const many = Array.from({ length: 500 }, probe);
      for (const p of many) scheduler.acquire(p);
      assert.ok(many.every((p) => p.refusedWith === undefined));
    });

    it('defaults to a finite bound when the route does not say', () => {
      const scheduler = new ReplicaScheduler('echo');
      scheduler.update(route, pool);
      assert.equal(scheduler.maxQueuedRequests, 2000);
    });
  });
});
