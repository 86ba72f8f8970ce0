import { strict as assert } from 'node:assert';
import { UnaryClient } from '@troupe/common';
import { WorkerControlService, type troupe } from '@troupe/protocol';
import { startWorker } from '../src/index.js';
import {
  DataClient,
  eventually,
  fixtures,
  REPLICA_STATE_FAILED,
  REPLICA_STATE_RUNNING,
  REPLICA_STATE_STOPPING,
  replyError,
  StubHead,
  WorkerFixture,
} from './worker-harness.js';

type Status = troupe.v1.ReplicaStatus;

interface CounterState {
  count: number;
  threadId: number;
  config: unknown;
  reconfigures: number;
}

describe('worker: registration and replica lifecycle', function () {
  let fixture: WorkerFixture;

  before(async () => {
    fixture = await WorkerFixture.start({ adminToken: 'sesame', workerId: 'worker-under-test' });
  });

  after(async () => {
    await fixture.close();
  });

  it('registers with the head and heartbeats with every replica status and its token', async () => {
    await fixture.running('hb#aaaaaa', './replies.mjs#text', { epoch: 7 });
    const registration = fixture.head.registrations[0];
    assert.ok(registration);
    assert.equal(registration.workerId, 'worker-under-test');
    assert.equal(registration.nodeId, 'node-test');
    assert.equal(registration.dataAddress, fixture.worker.address);
    assert.equal(registration.controlAddress, fixture.worker.address);
    assert.match(fixture.worker.address, /^127\.0\.0\.1:\d+$/);
    const reported = await eventually(
      () => fixture.head.lastReported('hb#aaaaaa')?.state === REPLICA_STATE_RUNNING && fixture.head.lastReported('hb#aaaaaa'),
      5_000,
      'a heartbeat with the replica running',
    );
    assert.deepEqual(
      { state: reported.state, epoch: reported.configEpoch, backend: reported.backend },
      { state: REPLICA_STATE_RUNNING, epoch: 7, backend: 'hb' },
    );
    assert.ok(fixture.head.authorizations.every((value) => value === 'Bearer sesame'));
  });

  it('registers again, with its replicas, when the head no longer knows it', async () => {
    const before = fixture.head.registrations.length;
    fixture.head.forgetWorkers = true;
    const again = await eventually(() => fixture.head.registrations[before], 5_000, 'a second registration');
    assert.ok(again.replicas.some((status) => status.replicaTag === 'hb#aaaaaa'));
  });

  it('reports a replica that fails to start as FAILED with the reason, in the reply itself', async () => {
    const constructorThrows = await fixture.startReplica('fragile#aaaaaa', 'constructor-throws.mjs');
    assert.equal(constructorThrows.state, REPLICA_STATE_FAILED);
    assert.deepEqual(
      [constructorThrows.error?.code, constructorThrows.error?.name, constructorThrows.error?.message],
      ['BACKEND_ERROR', 'Error', 'cannot construct'],
    );
    const broken = await fixture.startReplica('broken#aaaaaa', 'broken.mjs');
    assert.equal(broken.state, REPLICA_STATE_FAILED);
    assert.equal(broken.error?.code, 'INVALID_ARGUMENT');
    assert.equal(broken.error?.message, 'importPath: cannot load "broken.mjs": this module does not load');
    const badArgs = await fixture.control.call<Status>('startReplica', {
      replicaTag: 'args#aaaaaa',
      backend: 'args',
      importPath: 'counter.cjs#Counter',
      initArgsJson: '{"start":1}',
    });
    assert.equal(badArgs.state, REPLICA_STATE_FAILED);
    assert.equal(badArgs.error?.message, 'initArgs: must be a JSON array');
    const noReconfigure = await fixture.startReplica('noconf#aaaaaa', './replies.mjs#text', { userConfigJson: '{"a":1}' });
    assert.equal(noReconfigure.state, REPLICA_STATE_FAILED);
    assert.match(noReconfigure.error?.message ?? '', /^userConfig: backend "noconf" has no reconfigure method/);
  });

  it('calls reconfigure before traffic, and again on change without restarting the replica', async () => {
    const started = await fixture.startReplica('counter#aaaaaa', 'counter.cjs#Counter', { userConfigJson: '{"v":1}', epoch: 1 }, [100]);
    assert.equal(started.state, REPLICA_STATE_RUNNING);
    const first = (await fixture.data.result('counter#aaaaaa')) as CounterState;
    assert.deepEqual([first.count, first.config, first.reconfigures], [101, { v: 1 }, 1]);

    const status = await fixture.control.call<Status>('reconfigureReplica', {
      replicaTag: 'counter#aaaaaa',
      config: { userConfigJson: '{"v":2}', epoch: 2 },
    });
    assert.deepEqual([status.state, status.configEpoch, status.error], [REPLICA_STATE_RUNNING, 2, null]);
    const second = (await fixture.data.result('counter#aaaaaa')) as CounterState;
    assert.deepEqual([second.count, second.config, second.reconfigures], [102, { v: 2 }, 2]);
    assert.equal(second.threadId, first.threadId);

    // Same userConfig, new limits: nothing to tell the instance.
    await fixture.control.call('reconfigureReplica', {
      replicaTag: 'counter#aaaaaa',
      config: { userConfigJson: '{"v":2}', maxConcurrentQueries: 5, epoch: 3 },
    });
    assert.equal(((await fixture.data.result('counter#aaaaaa')) as CounterState).reconfigures, 2);

    // Epochs are fingerprints, not versions: a smaller one is just as new.
    const back = await fixture.control.call<Status>('reconfigureReplica', {
      replicaTag: 'counter#aaaaaa',
      config: { userConfigJson: '{"v":3}', epoch: 1 },
    });
    assert.equal(back.configEpoch, 1);
    assert.deepEqual(((await fixture.data.result('counter#aaaaaa')) as CounterState).config, { v: 3 });
  });

  it('keeps serving with the previous userConfig when reconfigure throws', async () => {
    await fixture.running('stubborn#aaaaaa', 'counter.cjs#Counter', { userConfigJson: '{"v":1}', epoch: 1 });
    const status = await fixture.control.call<Status>('reconfigureReplica', {
      replicaTag: 'stubborn#aaaaaa',
      config: { userConfigJson: '{"fail":true}', epoch: 2 },
    });
    assert.equal(status.state, REPLICA_STATE_RUNNING);
    assert.equal(status.configEpoch, 1);
    assert.deepEqual([status.error?.name, status.error?.message], ['RangeError', 'config.fail is set']);
    assert.deepEqual(((await fixture.data.result('stubborn#aaaaaa')) as CounterState).config, { v: 1 });
  });

  it('fails reconfigure of an unknown replica with REPLICA_NOT_FOUND', async () => {
    await assert.rejects(
      fixture.control.call('reconfigureReplica', { replicaTag: 'ghost#aaaaaa', config: { epoch: 1 } }),
      (error: Error & { code: string }) => error.code === 'REPLICA_NOT_FOUND',
    );
  });

  it('stopReplica refuses new calls at once, lets running ones finish, then ends the replica', async () => {
    await fixture.running('slow#aaaaaa', 'slow.mjs');
    const running = fixture.data.result('slow#aaaaaa', 400);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stopping = fixture.control.call('stopReplica', { replicaTag: 'slow#aaaaaa', graceSeconds: 10 });
    await eventually(async () => {
      const { replicas } = await fixture.control.call<{ replicas: Status[] }>('listReplicas', {});
      return replicas.find((r) => r.replicaTag === 'slow#aaaaaa')?.state === REPLICA_STATE_STOPPING;
    });
    const refused = replyError(await fixture.data.value('slow#aaaaaa', 1));
    assert.equal(refused.code, 'REPLICA_NOT_FOUND');
    assert.equal(await running, 'slept 400');
    await stopping;
    const { replicas } = await fixture.control.call<{ replicas: Status[] }>('listReplicas', {});
    assert.equal(replicas.find((r) => r.replicaTag === 'slow#aaaaaa'), undefined);
    assert.equal(replyError(await fixture.data.value('slow#aaaaaa', 1)).code, 'REPLICA_NOT_FOUND');
  });

  it('stopReplica ends calls still running when the grace period is over', async () => {
    await fixture.running('stuck#aaaaaa', 'slow.mjs');
    const running = fixture.data.value('stuck#aaaaaa', 60_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await fixture.control.call('stopReplica', { replicaTag: 'stuck#aaaaaa', graceSeconds: 0.2 });
    assert.ok(Date.now() - started < 5_000);
    const error = replyError(await running);
    assert.equal(error.code, 'REPLICA_DIED');
    assert.match(error.message, /stopped before the call finished/);
  });

  it('inspects a backend in a throwaway thread', async () => {
    const inspect = (importPath: string) => fixture.control.call<troupe.v1.BackendShape>('inspectBackend', { importPath });
    const shape = (s: troupe.v1.BackendShape) => ({ isClass: s.isClass, hasReconfigure: s.hasReconfigure, acceptBatch: s.acceptBatch });
    assert.deepEqual(shape(await inspect('replies.mjs')), { isClass: false, hasReconfigure: false, acceptBatch: false });
    assert.deepEqual(shape(await inspect('counter.cjs#Counter')), { isClass: true, hasReconfigure: true, acceptBatch: false });
    assert.deepEqual(shape(await inspect('batching.mjs#Doubler')), { isClass: true, hasReconfigure: false, acceptBatch: true });
    assert.deepEqual(shape(await inspect('batching.mjs#AllBatched')), { isClass: true, hasReconfigure: false, acceptBatch: true });
    assert.deepEqual(shape(await inspect('batching.mjs#wrongLength')), { isClass: false, hasReconfigure: false, acceptBatch: true });
    assert.deepEqual(shape(await inspect('./compiled-class.cjs')), { isClass: true, hasReconfigure: false, acceptBatch: false });
    const refusals: [string, RegExp][] = [
      ['broken.mjs', /^importPath: cannot load "broken\.mjs": this module does not load$/],
      ['replies.mjs#missing', /^importPath: cannot load "replies\.mjs#missing": the module has no export "missing"$/],
      ['not-a-function.mjs#settings', /export "settings" is an object, not a function or class$/],
      ['./no-such-file.mjs', /^importPath: cannot load "\.\/no-such-file\.mjs": Cannot find module/],
      ['crashing.mjs', /the module has no default export/],
    ];
    for (const [importPath, message] of refusals) {
      await assert.rejects(inspect(importPath), (error: Error & { code: string }) => {
        assert.equal(error.name, 'ValidationError');
        assert.match(error.message, message);
        return true;
      });
    }
  });
});

describe('worker: drain', function () {
  it('refuses new calls, finishes running ones, reports replicas stopping, then closes', async () => {
    const fixture = await WorkerFixture.start({}, 30);
    try {
      await fixture.running('slow#aaaaaa', 'slow.mjs');
      const running = fixture.data.result('slow#aaaaaa', 400);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const draining = fixture.worker.drain(10);
      await eventually(() => fixture.head.lastReported('slow#aaaaaa')?.state === REPLICA_STATE_STOPPING, 5_000, 'a STOPPING heartbeat');
      assert.equal(replyError(await fixture.data.value('slow#aaaaaa', 1)).code, 'REPLICA_NOT_FOUND');
      assert.equal(await running, 'slept 400');
      await draining;
      await assert.rejects(fixture.control.call('listReplicas', {}, 1_000));
    } finally {
      await fixture.close();
    }
  });
});

describe('worker: head unreachable', function () {
  it('keeps serving while the head is away and registers once it is back', async () => {
    const gone = await StubHead.start();
    const port = Number(gone.address.split(':')[1]);
    gone.close();
    const worker = await startWorker({ headAddress: gone.address, codeDir: fixtures, logLevel: 'silent', heartbeatIntervalSeconds: 0.1 });
    const control = new UnaryClient(WorkerControlService, 'WorkerControl', worker.address);
    const data = new DataClient(worker.address);
    let back: StubHead | undefined;
    try {
      await control.call('startReplica', { replicaTag: 'lone#aaaaaa', backend: 'lone', importPath: 'replies.mjs#text', config: { epoch: 1 } });
      assert.equal(Buffer.from((await data.http('lone#aaaaaa')).body).toString(), 'hello');
      // Several heartbeats fail meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 500));
      back = await StubHead.start(0.2, port);
      const registration = await eventually(() => back?.registrations[0], 10_000, 'a registration with the returning head');
      assert.deepEqual(registration.replicas.map((r) => [r.replicaTag, r.state]), [['lone#aaaaaa', REPLICA_STATE_RUNNING]]);
    } finally {
      data.close();
      control.close();
      await worker.close();
      back?.close();
    }
  });
});
