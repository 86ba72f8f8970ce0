import { strict as assert } from 'node:assert';
import { eventually, REPLICA_STATE_FAILED, replyError, WorkerFixture } from './worker-harness.js';

describe('worker: replica isolation', function () {
  let fixture: WorkerFixture;

  before(async () => {
    // A long heartbeat interval: a failure must reach the head at once, not at the next beat.
    fixture = await WorkerFixture.start({}, 30);
    await fixture.running('neighbour#aaaaaa', './replies.mjs#object');
  });

  after(async () => {
    await fixture.close();
  });

  it('process.exit() in a replica fails only its in-flight calls; the neighbour keeps serving', async () => {
    await fixture.running('exiter#aaaaaa', 'crashing.mjs#crashy');
    const inFlight = [1, 2, 3].map(() => fixture.data.value('exiter#aaaaaa', 5_000));
    const exiting = fixture.data.value('exiter#aaaaaa', 'exit');
    for (const reply of await Promise.all([...inFlight, exiting])) {
      const error = replyError(reply);
      assert.equal(error.code, 'REPLICA_DIED');
      assert.equal(error.name, 'ReplicaDiedError');
    }
    assert.deepEqual(await fixture.data.result('neighbour#aaaaaa'), { ok: true, list: [1, 2] });

    const reported = await eventually(
      () => fixture.head.lastReported('exiter#aaaaaa')?.state === REPLICA_STATE_FAILED && fixture.head.lastReported('exiter#aaaaaa'),
      5_000,
      'a heartbeat reporting the replica FAILED',
    );
    assert.equal(reported.error?.code, 'REPLICA_DIED');
    assert.match(reported.error?.message ?? '', /exited with code 3/);
    const listed = await fixture.control.call<{ replicas: { replicaTag: string; state: number }[] }>('listReplicas', {});
    assert.equal(listed.replicas.find((r) => r.replicaTag === 'exiter#aaaaaa')?.state, REPLICA_STATE_FAILED);

    const after = replyError(await fixture.data.value('exiter#aaaaaa', 1));
    assert.equal(after.code, 'REPLICA_NOT_FOUND');
  });

  it('an uncaught exception kills only that replica, and its status says why', async () => {
    await fixture.running('thrower#aaaaaa', 'crashing.mjs#crashy');
    const error = replyError(await fixture.data.value('thrower#aaaaaa', 'throw-later'));
    assert.equal(error.code, 'REPLICA_DIED');
    assert.match(error.message, /kaboom/);
    const reported = await eventually(() => fixture.head.lastReported('thrower#aaaaaa')?.state === REPLICA_STATE_FAILED && fixture.head.lastReported('thrower#aaaaaa'));
    assert.match(reported.error?.message ?? '', /uncaught Error: kaboom/);
    assert.deepEqual(await fixture.data.result('neighbour#aaaaaa'), { ok: true, list: [1, 2] });
  });

  it('a CPU-bound replica does not delay its neighbour', async () => {
    await fixture.running('busy#aaaaaa', 'busy.mjs#spin');
    let spinning = true;
    const spin = fixture.data.result('busy#aaaaaa', 3_000).finally(() => {
      spinning = false;
    });
    // Give the spin time to start, then time the neighbour while it runs.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = performance.now();
    await fixture.data.result('neighbour#aaaaaa');
    const elapsed = performance.now() - started;
    assert.ok(spinning, 'the neighbour should answer while the busy replica still spins');
    assert.ok(elapsed < 1_000, `the neighbour took ${elapsed.toFixed(0)} ms`);
    assert.equal(await spin, 'spun');
  });

  it('restarts a failed replica when started again under the same tag', async () => {
    await fixture.running('phoenix#aaaaaa', 'crashing.mjs#crashy');
    replyError(await fixture.data.value('phoenix#aaaaaa', 'exit'));
    await fixture.running('phoenix#aaaaaa', 'crashing.mjs#crashy');
    assert.equal(await fixture.data.result('phoenix#aaaaaa', 1), 'survived');
  });
});
