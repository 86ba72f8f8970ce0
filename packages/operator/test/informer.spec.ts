import { strict as assert } from 'node:assert';
import { createLogger } from '@troupe/common';
import { pollUntil } from '@troupe/test-kit';
import { KubeApiError } from '../src/errors.js';
import { Informer, type ChangeKind } from '../src/informer.js';
import type { KubeClient, KubeList, KubeObject, WatchEvent, WatchHandle } from '../src/kube-client.js';

const logger = createLogger('test');
logger.level = 'silent';
const TYPE = { apiVersion: 'v1', kind: 'ConfigMap', plural: 'configmaps' };

function object(name: string, rv: string): KubeObject {
  return { metadata: { name, namespace: 'ns', resourceVersion: rv } };
}

/** A scripted API server: each list returns the next snapshot, each watch runs the next script. */
class FakeKube {
  lists: KubeList[] = [];
  watches: Array<(emit: (e: WatchEvent) => void) => Promise<void>> = [];
  listCalls = 0;
  watchFrom: string[] = [];

  async list(): Promise<KubeList> {
    this.listCalls++;
    const next = this.lists.shift();
    if (next === undefined) throw new KubeApiError(503, 'ServiceUnavailable', 'no more lists');
    return next;
  }

  async watch(_type: unknown, _ns: unknown, options: { resourceVersion: string }, onEvent: (e: WatchEvent) => void): Promise<WatchHandle> {
    this.watchFrom.push(options.resourceVersion);
    const script = this.watches.shift();
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const done = script === undefined ? stopped : Promise.race([script(onEvent), stopped]);
    return { done, stop };
  }
}

function informer(fake: FakeKube, changes: Array<[string, ChangeKind]>): Informer {
  return new Informer(fake as unknown as KubeClient, {
    type: TYPE,
    namespace: 'ns',
    logger,
    backoffMs: { initial: 5, max: 20 },
    onChange: (key, _object, kind) => changes.push([key, kind]),
  });
}

describe('Informer', () => {
  it('lists, then follows watch events from the list resourceVersion', async () => {
    const fake = new FakeKube();
    fake.lists.push({ metadata: { resourceVersion: '10' }, items: [object('a', '5')] });
    fake.watches.push(async (emit) => {
      emit({ type: 'ADDED', object: object('b', '11') });
      emit({ type: 'MODIFIED', object: object('a', '12') });
      emit({ type: 'BOOKMARK', object: object('', '13') });
      emit({ type: 'DELETED', object: object('b', '14') });
      await new Promise(() => undefined);
    });
    const changes: Array<[string, ChangeKind]> = [];
    const inf = informer(fake, changes);
    inf.start();
    await inf.synced;
    await pollUntil(() => changes.length === 4, 2_000, 'four changes');
    await inf.stop();
    assert.deepEqual(changes, [['ns/a', 'added'], ['ns/b', 'added'], ['ns/a', 'updated'], ['ns/b', 'deleted']]);
    assert.deepEqual(fake.watchFrom, ['10']);
    assert.deepEqual(inf.list().map((o) => o.metadata.name), ['a']);
    assert.equal(inf.get('ns/a')?.metadata.resourceVersion, '12');
  });

  it('relists on 410 Gone, reporting what changed while no watch was open', async () => {
    const fake = new FakeKube();
    fake.lists.push({ metadata: { resourceVersion: '10' }, items: [object('a', '5'), object('b', '6')] });
    fake.watches.push(async () => {
      throw new KubeApiError(410, 'Expired', 'too old resource version');
    });
    // After the relist: a is unchanged, b was deleted, c is new.
    fake.lists.push({ metadata: { resourceVersion: '20' }, items: [object('a', '5'), object('c', '18')] });
    const changes: Array<[string, ChangeKind]> = [];
    const inf = informer(fake, changes);
    inf.start();
    await pollUntil(() => fake.watchFrom.length === 2, 2_000, 'the second watch');
    await inf.stop();
    assert.equal(fake.listCalls, 2);
    assert.deepEqual(fake.watchFrom, ['10', '20']);
    assert.deepEqual(changes.slice(2), [['ns/a', 'synced'], ['ns/c', 'added'], ['ns/b', 'deleted']]);
  });

  it('restarts after errors with backoff, relisting once the server answers again', async () => {
    const fake = new FakeKube();
    fake.lists.push({ metadata: { resourceVersion: '1' }, items: [] });
    fake.watches.push(async () => {
      throw new Error('connection reset');
    });
    // The next list fails (no snapshot queued), then one succeeds.
    const changes: Array<[string, ChangeKind]> = [];
    const inf = informer(fake, changes);
    inf.start();
    await inf.synced;
    await pollUntil(() => fake.listCalls >= 3, 2_000, 'failed relists');
    fake.lists.push({ metadata: { resourceVersion: '7' }, items: [object('x', '7')] });
    await pollUntil(() => fake.watchFrom.includes('7'), 2_000, 'a watch after the relist');
    await inf.stop();
    assert.deepEqual(changes, [['ns/x', 'added']]);
  });

  it('resumes from the last resourceVersion when a watch ends normally', async () => {
    const fake = new FakeKube();
    fake.lists.push({ metadata: { resourceVersion: '1' }, items: [] });
    fake.watches.push(async (emit) => {
      emit({ type: 'ADDED', object: object('a', '3') });
    });
    const inf = informer(fake, []);
    inf.start();
    await pollUntil(() => fake.watchFrom.length === 2, 3_000, 'the second watch');
    await inf.stop();
    assert.deepEqual(fake.watchFrom, ['1', '3']);
    assert.equal(fake.listCalls, 1);
  });
});
