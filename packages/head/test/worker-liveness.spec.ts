import { strict as assert } from 'node:assert';
import { nextLiveness, registeredLiveness, type LivenessEvent, type WorkerLiveness } from '../src/worker-liveness.js';
import { DEFAULT_LIVENESS_TIMINGS, WorkerRegistry } from '../src/worker-registry.js';

const timings = { suspectAfterMs: 1_500, deadAfterMs: 3_000 };

function run(state: WorkerLiveness, ...events: LivenessEvent[]): WorkerLiveness {
  return events.reduce((current, event) => nextLiveness(current, event, timings), state);
}

/** A clock the test moves by hand. */
class FakeClock {
  ms = 1_000_000;
  readonly now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

function registration(workerId: string, replicas = 0) {
  return {
    workerId,
    nodeId: `node-of-${workerId}`,
    dataAddress: '127.0.0.1:1',
    controlAddress: '127.0.0.1:1',
    replicas: Array.from({ length: replicas }, (_, i) => ({ replicaTag: `b#r${i}`, backend: 'b' })),
  };
}

describe('worker liveness (transition function)', () => {
  it('is registered from its registration, with the session closed', () => {
    const state = registeredLiveness(7, 100);
    assert.deepEqual(state, { phase: 'registered', session: 7, lastSeen: 100, sessionOpen: false });
  });

  it('dies at once when its session closes, whatever the clock says', () => {
    const state = run(registeredLiveness(1, 0), { type: 'session-opened', session: 1 }, { type: 'session-closed', session: 1, detail: 'reset' });
    assert.equal(state.phase, 'dead');
    assert.equal(state.sessionOpen, false);
    assert.match(state.reason ?? '', /control connection closed \(reset\)/);
  });

  it('ignores the session events of an earlier registration', () => {
    const state = run(registeredLiveness(2, 0), { type: 'session-opened', session: 1 }, { type: 'session-closed', session: 1, detail: 'old' });
    assert.equal(state.phase, 'registered');
    assert.equal(state.sessionOpen, false);
  });

  it('turns suspect after one missed interval and a half, dead after three, on the clock alone', () => {
    const start = registeredLiveness(1, 0);
    assert.equal(run(start, { type: 'tick', at: 1_500 }).phase, 'registered');
    assert.equal(run(start, { type: 'tick', at: 1_501 }).phase, 'suspect');
    assert.equal(run(start, { type: 'tick', at: 3_000 }).phase, 'suspect');
    const dead = run(start, { type: 'tick', at: 3_001 });
    assert.equal(dead.phase, 'dead');
    assert.match(dead.reason ?? '', /no heartbeat for 3001 ms/);
  });

  it('a heartbeat brings a suspect worker back', () => {
    const state = run(registeredLiveness(1, 0), { type: 'tick', at: 2_000 }, { type: 'heartbeat', at: 2_100 }, { type: 'tick', at: 2_200 });
    assert.equal(state.phase, 'registered');
    assert.equal(state.lastSeen, 2_100);
  });

  it('stays dead until it registers again, which starts a new session', () => {
    const dead = run(registeredLiveness(1, 0), { type: 'session-closed', session: 1, detail: 'eof' });
    assert.equal(run(dead, { type: 'heartbeat', at: 10 }, { type: 'session-opened', session: 1 }, { type: 'tick', at: 20 }), dead);
    const again = run(dead, { type: 'registered', session: 2, at: 30 }, { type: 'session-opened', session: 2 });
    assert.deepEqual(again, { phase: 'registered', session: 2, lastSeen: 30, sessionOpen: true });
  });
});

describe('worker registry (fake clock)', () => {
  let clock: FakeClock;
  let registry: WorkerRegistry;

  beforeEach(() => {
    clock = new FakeClock();
    registry = new WorkerRegistry({ now: clock.now, timings: DEFAULT_LIVENESS_TIMINGS });
  });

  afterEach(() => registry.closeAll());

  it('drops a worker at the next sweep once its session closed, without waiting for heartbeats', () => {
    const worker = registry.register(registration('w1', 2));
    const session = worker.liveness.session;
    assert.ok(registry.sessionOpened('w1', session));
    assert.equal(registry.sessionClosed('w1', session, 'cancelled'), true);
    assert.equal(registry.get('w1'), undefined, 'a dead worker is no longer listed');
    assert.equal(registry.heartbeat({ workerId: 'w1' }), undefined, 'its heartbeats are refused: it must register again');
    const departed = registry.sweep();
    assert.deepEqual(departed.map((w) => w.id), ['w1']);
    assert.match(departed[0]!.liveness.reason ?? '', /control connection closed/);
    assert.deepEqual(registry.sweep(), [], 'reported once');
  });

  it('a stale session of a re-registered worker closing does not kill it', () => {
    const first = registry.register(registration('w1'));
    registry.sessionOpened('w1', first.liveness.session);
    const second = registry.register(registration('w1'));
    assert.notEqual(second.liveness.session, first.liveness.session);
    assert.equal(registry.sessionOpened('w1', first.liveness.session), false, 'the old session is refused');
    assert.equal(registry.sessionClosed('w1', first.liveness.session, 'old stream'), false);
    assert.equal(registry.get('w1')?.liveness.phase, 'registered');
  });

  it('suspect workers take no new replicas; heartbeats keep a worker registered; silence kills it', () => {
    registry.register(registration('w1'));
    registry.register(registration('w2'));
    clock.advance(1_000);
    registry.heartbeat({ workerId: 'w1' });
    clock.advance(1_000);
    assert.deepEqual(registry.sweep(), []);
    assert.equal(registry.get('w2')?.liveness.phase, 'suspect');
    assert.deepEqual(registry.placeable().map((w) => w.id), ['w1']);
    clock.advance(600);
    registry.sweep();
    assert.deepEqual(registry.all().map((w) => w.liveness.phase), ['suspect', 'suspect']);
    assert.deepEqual(registry.placeable().map((w) => w.id), ['w1', 'w2'], 'when every worker is suspect, any may take replicas');
    clock.advance(-600);
    clock.advance(1_001);
    registry.heartbeat({ workerId: 'w1' });
    assert.deepEqual(registry.sweep().map((w) => w.id), ['w2']);
    assert.match(registry.all()[0]!.liveness.phase, /registered/);
    assert.deepEqual(registry.all().map((w) => w.id), ['w1']);
  });

  it('a dead worker that registers again is registered with a new session', () => {
    const first = registry.register(registration('w1'));
    registry.sessionClosed('w1', first.liveness.session, 'eof');
    registry.sweep();
    const again = registry.register(registration('w1', 1));
    assert.equal(again.liveness.phase, 'registered');
    assert.ok(again.liveness.session > first.liveness.session);
    assert.ok(registry.sessionOpened('w1', again.liveness.session));
    assert.equal(registry.get('w1')?.liveness.sessionOpen, true);
    assert.equal(registry.get('w1')?.reported.length, 1);
  });
});
