// Two operator processes on one Lease: only the holder reconciles; killing it hands over within
// the lease duration; stopping it cleanly releases the Lease at once.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { freePort, pollUntil, startKubeControlPlane, type KubeControlPlane } from '@troupe/test-kit';
import { getObject, kubectlOk, repoRoot, spawnOperator, type OperatorProcess } from './operator-harness.js';

const NS = 'troupe-ha';
const LEASE_SECONDS = 3;

interface Lease {
  spec: { holderIdentity?: string; leaseDurationSeconds?: number; leaseTransitions?: number };
}

describe('operator: leader election on a Lease (real kube-apiserver, two processes)', function () {
  this.timeout(180_000);
  let plane: KubeControlPlane;
  const processes: OperatorProcess[] = [];

  before(async function () {
    plane = await startKubeControlPlane({ crdDir: join(repoRoot, 'deploy', 'crds') });
    await kubectlOk(plane, ['create', 'namespace', NS]);
  });

  after(async function () {
    await Promise.all(processes.map((p) => p.kill()));
    await plane?.stop();
  });

  function spawn(identity: string): OperatorProcess {
    const proc = spawnOperator(plane, { namespace: NS, location: 'EveryNode', leaseDuration: LEASE_SECONDS, identity });
    processes.push(proc);
    return proc;
  }

  const holder = async (): Promise<string | undefined> =>
    (await getObject<Lease>(plane, 'lease', 'troupe-operator', NS))?.spec.holderIdentity || undefined;
  const daemonSet = (): Promise<unknown> => getObject(plane, 'daemonset', 'troupe-proxy', NS);
  /** Log lines of a process that show it acting on the cluster. */
  const actions = (proc: OperatorProcess): string[] =>
    proc.output().split('\n').filter((line) => /"msg":"(became leader|caches synced; reconciling|proxy caches synced; reconciling proxies|created proxy object|deleting proxy object[^"]*)"/.test(line));

  it('only the Lease holder reconciles; a killed holder is replaced within the lease duration', async function () {
    const a = spawn('operator-a');
    const b = spawn('operator-b');
    const first = await pollUntil(holder, 30_000, 'a Lease holder');
    const [leader, follower] = first === a.identity ? [a, b] : [b, a];
    assert.equal(first, leader.identity);
    await pollUntil(daemonSet, 30_000, 'the DaemonSet made by the leader');

    // The follower must see a change to act on and still leave it alone.
    await kubectlOk(plane, ['-n', NS, 'delete', 'daemonset', 'troupe-proxy']);
    await pollUntil(daemonSet, 30_000, 'the DaemonSet recreated by the leader');
    assert.ok(actions(leader).some((l) => l.includes('created proxy object')), 'the leader created the proxies');
    assert.deepEqual(actions(follower), [], `the follower acted:\n${actions(follower).join('\n')}`);

    const killedAt = Date.now();
    await leader.kill('SIGKILL');
    await pollUntil(async () => (await holder()) === follower.identity, 30_000, 'the follower to take the Lease', 50);
    const handover = Date.now() - killedAt;
    // Whoever takes over waits one lease duration from the last renewal it saw (≤ one retry period
    // before the kill); the margin covers the polling here.
    assert.ok(handover <= LEASE_SECONDS * 1000 + 2_000, `handover took ${handover} ms with a ${LEASE_SECONDS} s lease`);
    assert.ok(handover >= (LEASE_SECONDS - 1) * 1000, `handover after ${handover} ms: the follower did not wait for the lease to expire`);

    await kubectlOk(plane, ['-n', NS, 'delete', 'daemonset', 'troupe-proxy']);
    await pollUntil(daemonSet, 30_000, 'the DaemonSet recreated by the new leader');
    assert.ok(actions(follower).some((l) => l.includes('became leader')));
    const lease = await getObject<Lease>(plane, 'lease', 'troupe-operator', NS);
    assert.equal(lease?.spec.leaseDurationSeconds, LEASE_SECONDS);
    assert.ok((lease?.spec.leaseTransitions ?? 0) >= 1);
  });

  it('a leader stopped with SIGTERM releases the Lease, so the next one starts at once', async function () {
    const current = await pollUntil(holder, 30_000, 'a Lease holder');
    const leader = processes.find((p) => p.identity === current && p.child.exitCode === null);
    assert.ok(leader, 'the current holder is running');
    const next = spawn('operator-c');
    // operator-c campaigns (and waits) before the leader goes away.
    await pollUntil(() => next.output().includes('campaigning for the lease'), 30_000, 'operator-c to start');
    const stoppedAt = Date.now();
    await leader.kill('SIGTERM');
    assert.equal(leader.child.exitCode, 0, leader.output().slice(-2000));
    assert.match(leader.output(), /released the lease/);
    await pollUntil(async () => (await holder()) === next.identity, 30_000, 'operator-c to take the released Lease', 50);
    const handover = Date.now() - stoppedAt;
    assert.ok(handover < LEASE_SECONDS * 1000, `handover after a release took ${handover} ms`);
  });

  it('a stopped leader leaves the Lease with no holder; the health endpoints answer while it runs', async function () {
    await Promise.all(processes.map((p) => p.kill('SIGTERM')));
    await pollUntil(async () => ((await holder()) === undefined ? true : undefined), 30_000, 'no holder once every operator stopped');
    const port = await freePort();
    const solo = spawnOperator(plane, { namespace: NS, location: 'EveryNode', leaseDuration: LEASE_SECONDS, identity: 'operator-d', extra: ['--health-port', String(port)] });
    processes.push(solo);
    await pollUntil(async () => ((await holder()) === solo.identity ? true : undefined), 30_000, 'operator-d to lead');
    for (const path of ['/-/healthz', '/-/readyz']) {
      const reply = await pollUntil(async () => {
        const answer = await fetch(`http://127.0.0.1:${port}${path}`).catch(() => undefined);
        return answer?.status === 200 ? answer : undefined;
      }, 10_000, path);
      assert.equal(reply.status, 200);
    }
    await solo.kill('SIGTERM');
    assert.equal(solo.child.exitCode, 0, solo.output().slice(-2000));
    const lease = await getObject<Lease>(plane, 'lease', 'troupe-operator', NS);
    assert.equal(lease?.spec.holderIdentity ?? undefined, undefined, 'the Lease is released, not left to expire');
  });

  it('replicas starting together make each missing Secret once, before anything else, and restarts keep them', async function () {
    const ns = 'troupe-secrets';
    await kubectlOk(plane, ['create', 'namespace', ns]);
    const extra = ['--admin-token-secret', 'x-admin-token', '--data-token-secret', 'x-data-token', '--nats-auth-secret', 'x-nats-auth'];
    const start = (identity: string): OperatorProcess => {
      const proc = spawnOperator(plane, { namespace: ns, location: 'NoServer', leaseDuration: LEASE_SECONDS, identity, extra });
      processes.push(proc);
      return proc;
    };
    const values = async (): Promise<Record<string, string>> => {
      const found: Record<string, string> = {};
      for (const name of ['x-admin-token', 'x-data-token', 'x-nats-auth']) {
        const secret = await getObject<{ data: Record<string, string> }>(plane, 'secret', name, ns);
        for (const [key, value] of Object.entries(secret?.data ?? {})) found[`${name}/${key}`] = Buffer.from(value, 'base64').toString();
      }
      return found;
    };
    const pair = [start('operator-s1'), start('operator-s2')];
    for (const proc of pair) await pollUntil(() => proc.output().includes('campaigning for the lease'), 30_000, `${proc.identity} to start`);
    const made = await values();
    assert.deepEqual(Object.keys(made).sort(), [
      'x-admin-token/token',
      'x-data-token/TROUPE_DATA_TOKEN',
      'x-nats-auth/client-password',
      'x-nats-auth/head-password',
      'x-nats-auth/proxy-password',
    ]);
    const logged = pair.map((proc) => proc.output());
    // Each Secret created by exactly one of them, and before that one started campaigning.
    for (const what of ['the admin token Secret', 'the data token Secret', 'the NATS passwords Secret']) {
      const creators = logged.filter((text) => text.includes(`"msg":"created ${what}"`));
      assert.equal(creators.length, 1, `${what} created ${creators.length} times`);
      assert.ok(creators[0]!.indexOf(`created ${what}`) < creators[0]!.indexOf('campaigning for the lease'), `${what} before anything else`);
    }
    await Promise.all(pair.map((proc) => proc.kill('SIGKILL')));
    const again = start('operator-s3');
    await pollUntil(() => again.output().includes('campaigning for the lease'), 30_000, 'operator-s3 to start');
    assert.doesNotMatch(again.output(), /"msg":"created the/);
    assert.deepEqual(await values(), made, 'a restart changed a value');
    await again.kill('SIGTERM');
  });
});
