// Faults on a real two-node cluster, each under a bounded load through the load balancer (HAProxy
// on loopback in front of every node's NodePort, health-checked on the Service's
// healthCheckNodePort as cloud load balancers do with externalTrafficPolicy: Local). Every request
// is counted: sent, answered, failed. The install runs in a namespace that enforces the
// restricted Pod Security Standard.
import assert from 'node:assert/strict';
import { chownSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pollUntil, type LoadBalancer } from '@troupe/test-kit';
import { describeFailures, type LoadCounts } from '../faults/fault-load.ts';
import { describeCounts, httpGet, startHttpLoad, type HttpReply, type LoadRun } from './support/http-load.ts';
import { installTroupe, REPO_ROOT, waitAllPodsReady, type TroupeRelease } from './support/troupe-release.ts';

const CALLERS = 4;

const echoOk = (reply: HttpReply): string | undefined => {
  if (reply.status !== 200) return `status ${reply.status}: ${reply.body.slice(0, 200)}`;
  return (JSON.parse(reply.body) as { user?: string }).user === 'load' ? undefined : `unexpected body ${reply.body.slice(0, 200)}`;
};

interface Report {
  case: string;
  counts: LoadCounts;
  notes: string[];
}

const reports: Report[] = [];

describe('Troupe on a real two-node cluster: faults under load', function () {
  let release: TroupeRelease | undefined;
  let lb: LoadBalancer | undefined;
  let uninstalled = false;
  const cleanups: (() => Promise<void>)[] = [];

  before(async function () {
    this.timeout(20 * 60_000);
    if (process.getuid?.() !== 0) throw new Error('the end-to-end tests need root');
    release = await installTroupe({ extraValues: { 'http.location': 'EveryNode', 'operator.replicas': '2' } });
    await release.applyAndWaitReady(readFileSync(join(REPO_ROOT, 'deploy', 'examples', 'app.yaml'), 'utf8'));
    lb = await release.startLoadBalancer();
    await pollUntil(async () => (await httpGet(`${lb!.url}/api/load`).catch(() => undefined))?.status === 200, 60_000, 'the load balancer to answer', 200);
  });

  after(async function () {
    this.timeout(5 * 60_000);
    for (const r of reports) console.log(`      ${describeCounts(r.case, r.counts)}${r.notes.length ? `; ${r.notes.join('; ')}` : ''}`);
    await lb?.stop();
    if (!uninstalled) await release?.uninstall();
    for (const cleanup of cleanups) await cleanup();
  });

  /** Load through the load balancer, warmed up: it must be answering before the fault. */
  async function loaded(): Promise<LoadRun> {
    const run = startHttpLoad(`${lb!.url}/api/load`, CALLERS, echoOk);
    await run.load.okAfter(100, 60_000);
    return run;
  }

  async function finish(name: string, run: LoadRun, notes: string[] = []): Promise<LoadCounts> {
    await run.load.okAfter(200, 120_000);
    const counts = await run.stop();
    reports.push({ case: name, counts, notes });
    console.log(`      ${describeCounts(name, counts)}${notes.length ? `; ${notes.join('; ')}` : ''}`);
    return counts;
  }

  function assertNoFailures(counts: LoadCounts, since: number): void {
    assert.equal(counts.failed + counts.unanswered, 0, describeFailures(counts.failures, since));
  }

  async function podNames(component: string): Promise<string[]> {
    return (await release!.pods(component)).map((p) => p.name);
  }

  async function kubectl(args: string[]): Promise<string> {
    return (await release!.kubectl(['-n', release!.namespace, ...args])).stdout;
  }

  /** `troupe status --json` as the head sees it, asked inside the head's pod. */
  async function headStatus(): Promise<{ workers: unknown[] } | undefined> {
    const r = release!;
    const out = await r.kubectl(
      ['-n', r.namespace, 'exec', 'deploy/troupe-head', '--', 'troupe-entrypoint', 'troupe', 'status', '--json', '--address', '127.0.0.1:7420'],
      { allowFailure: true },
    );
    if (out.code !== 0) return undefined;
    try {
      return JSON.parse(out.stdout) as { workers: unknown[] };
    } catch {
      return undefined;
    }
  }

  it('deleting the head pod fails no request, and both workers re-register within 5 s of the new head', async function () {
    this.timeout(5 * 60_000);
    const [old] = await podNames('head');
    const run = await loaded();
    const since = Date.now();
    await kubectl(['delete', 'pod', old!, '--wait=false']);
    // The new head answers its admin API from inside its pod; from then on, count until it lists both workers.
    let answeredAt = 0;
    const status = await pollUntil(async () => {
      const names = await podNames('head');
      if (names.includes(old!)) return undefined;
      const s = await headStatus();
      if (s === undefined) return undefined;
      answeredAt ||= Date.now();
      return s.workers.length === 2 ? s : undefined;
    }, 120_000, 'a new head listing both workers', 100);
    const reRegisterMs = Date.now() - answeredAt;
    assert.equal(status.workers.length, 2);
    const counts = await finish('head pod deleted', run, [`workers re-registered ${reRegisterMs} ms after the new head first answered`]);
    assertNoFailures(counts, since);
    assert.ok(reRegisterMs < 5_000, `workers re-registered after ${reRegisterMs} ms`);
  });

  it('deleting a worker pod fails at most the requests in flight on it', async function () {
    this.timeout(5 * 60_000);
    const [victim] = await podNames('worker');
    const run = await loaded();
    const since = Date.now();
    await kubectl(['delete', 'pod', victim!, '--wait=false']);
    const inFlight = run.load.inFlightAt(Date.now());
    await waitAllPodsReady(release!, 120_000);
    await pollUntil(async () => !(await podNames('worker')).includes(victim!), 120_000, 'the deleted worker to go', 200);
    const counts = await finish('worker pod deleted', run, [`in flight when deleted: ${inFlight}`]);
    assert.ok(counts.failed + counts.unanswered <= CALLERS, describeFailures(counts.failures, since));
  });

  it('rolling the proxy DaemonSet fails no request', async function () {
    this.timeout(8 * 60_000);
    const run = await loaded();
    const since = Date.now();
    const started = Date.now();
    await kubectl(['rollout', 'restart', 'daemonset/troupe-proxy']);
    await kubectl(['rollout', 'status', 'daemonset/troupe-proxy', '--timeout=300s']);
    await waitAllPodsReady(release!, 120_000);
    const counts = await finish('proxy DaemonSet rolled', run, [`rollout ${((Date.now() - started) / 1000).toFixed(1)} s`]);
    assertNoFailures(counts, since);
  });

  it('restarting NATS on an empty store fails no request, and changes work afterwards', async function () {
    this.timeout(5 * 60_000);
    const [old] = await podNames('nats');
    const run = await loaded();
    const since = Date.now();
    // Ephemeral storage: the new pod starts on an empty store.
    await kubectl(['delete', 'pod', old!, '--wait=false']);
    await pollUntil(async () => {
      const pods = await release!.pods('nats');
      return pods.length === 1 && pods[0]!.name !== old && pods[0]!.ready;
    }, 120_000, 'a new NATS pod Ready', 200);
    await kubectl(['patch', 'servebackend', 'echo', '--type=merge', '-p', '{"spec":{"config":{"numReplicas":3}}}']);
    await pollUntil(async () => {
      const out = await kubectl(['get', 'servebackend', 'echo', '-o', 'jsonpath={.status.readyReplicas}/{.status.conditions[?(@.type=="Ready")].status}']);
      return out.trim() === '3/True';
    }, 120_000, 'the echo backend at 3 ready replicas after NATS restarted', 500);
    const counts = await finish('NATS restarted on an empty store', run);
    assertNoFailures(counts, since);
  });

  it('restarting NATS with its volume (an existing claim, switched to by helm upgrade) fails no request, and changes work afterwards', async function () {
    this.timeout(8 * 60_000);
    const r = release!;
    // No storage provisioner here: a PersistentVolume made by hand on a host folder (the nodes
    // share the host's filesystem), bound to the claim the chart is told to use.
    const pv = `${r.namespace}-nats`;
    const dir = join(tmpdir(), `troupe-e2e-${pv}`);
    mkdirSync(dir, { recursive: true });
    chownSync(dir, 10001, 10001);
    cleanups.push(async () => {
      await r.kubectl(['delete', 'pv', pv, '--wait=false'], { allowFailure: true });
      rmSync(dir, { recursive: true, force: true });
    });
    await r.kubectl(['apply', '-f', '-'], {
      input: JSON.stringify({
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: { name: pv },
        spec: {
          capacity: { storage: '1Gi' },
          accessModes: ['ReadWriteOnce'],
          persistentVolumeReclaimPolicy: 'Retain',
          storageClassName: '',
          hostPath: { path: dir, type: 'Directory' },
          claimRef: { namespace: r.namespace, name: 'nats-data' },
        },
      }),
    });
    await r.kubectl(['-n', r.namespace, 'apply', '-f', '-'], {
      input: JSON.stringify({
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'nats-data' },
        spec: { accessModes: ['ReadWriteOnce'], storageClassName: '', volumeName: pv, resources: { requests: { storage: '1Gi' } } },
      }),
    });
    const run = await loaded();
    const since = Date.now();
    // Switching the storage is itself a restart of NATS, onto an empty volume.
    await r.cluster.helm(['upgrade', r.release, join(REPO_ROOT, 'helm', 'troupe'), '--namespace', r.namespace, '--reuse-values',
      '--set', 'nats.persistence.type=existingClaim', '--set', 'nats.persistence.existingClaim=nats-data', '--wait', '--timeout', '5m']);
    await waitAllPodsReady(r, 180_000);
    // The head writes its state back onto the new volume; then NATS restarts on that volume.
    await pollUntil(async () => readdirSync(dir).length > 0, 60_000, 'NATS to write its store on the volume', 500);
    await kubectl(['patch', 'servebackend', 'echo', '--type=merge', '-p', '{"spec":{"config":{"numReplicas":2}}}']);
    await pollUntil(async () => (await kubectl(['get', 'servebackend', 'echo', '-o', 'jsonpath={.status.readyReplicas}'])).trim() === '2', 120_000, 'echo at 2 replicas', 500);
    const [old] = await podNames('nats');
    await kubectl(['delete', 'pod', old!, '--wait=false']);
    await pollUntil(async () => {
      const pods = await r.pods('nats');
      return pods.length === 1 && pods[0]!.name !== old && pods[0]!.ready;
    }, 120_000, 'a new NATS pod Ready on the volume', 200);
    await kubectl(['patch', 'servebackend', 'echo', '--type=merge', '-p', '{"spec":{"config":{"numReplicas":3}}}']);
    await pollUntil(async () => (await kubectl(['get', 'servebackend', 'echo', '-o', 'jsonpath={.status.readyReplicas}'])).trim() === '3', 120_000, 'echo at 3 replicas after NATS restarted on its volume', 500);
    const counts = await finish('NATS restarted with its volume', run);
    assertNoFailures(counts, since);
  });

  it('two operators: deleting the leader hands over, and the new leader reconciles a change made meanwhile', async function () {
    this.timeout(5 * 60_000);
    // The chart's operators elect their leader on the Lease named after the release's operator.
    const leaseHolder = async (): Promise<string> => (await kubectl(['get', 'lease', 'troupe-operator', '-o', 'jsonpath={.spec.holderIdentity}'])).trim();
    const operators = await podNames('operator');
    assert.equal(operators.length, 2, 'two operator replicas');
    const leader = await pollUntil(async () => {
      const holder = await leaseHolder();
      return operators.find((p) => holder.includes(p));
    }, 60_000, 'an operator leading', 200);
    await kubectl(['delete', 'pod', leader, '--wait=false']);
    await kubectl(['patch', 'servebackend', 'echo', '--type=merge', '-p', '{"spec":{"config":{"numReplicas":2}}}']);
    const started = Date.now();
    const newLeader = await pollUntil(async () => {
      const holder = await leaseHolder();
      return operators.find((p) => p !== leader && holder.includes(p));
    }, 60_000, 'the other operator to lead', 200);
    await pollUntil(async () => {
      const out = await kubectl(['get', 'servebackend', 'echo', '-o', 'jsonpath={.status.observedGeneration}/{.metadata.generation}/{.status.readyReplicas}']);
      const [observed, generation, ready] = out.trim().split('/');
      return observed === generation && ready === '2';
    }, 120_000, 'the new leader to reconcile numReplicas 2', 500);
    console.log(`      operator hand-over: ${newLeader} leads and reconciled the change ${Date.now() - started} ms after the leader was deleted`);
  });

  it('helm upgrade to a new image tag fails no request', async function () {
    this.timeout(10 * 60_000);
    const r = release!;
    const image = r.images.troupe;
    const nextTag = `${image.tag}-next`;
    await r.cluster.tagImage(image.ref, image.ref.replace(/:[^:]+$/, `:${nextTag}`));
    const run = await loaded();
    const since = Date.now();
    const started = Date.now();
    await r.cluster.helm(['upgrade', r.release, join(REPO_ROOT, 'helm', 'troupe'), '--namespace', r.namespace, '--reuse-values', '--set', `image.tag=${nextTag}`, '--wait', '--timeout', '5m']);
    await pollUntil(async () => {
      const out = await kubectl(['get', 'pods', '-o', 'jsonpath={range .items[*]}{.spec.containers[0].image}{"\\n"}{end}']);
      const images = out.trim().split('\n').filter((i) => i.includes('troupe') && !i.includes('nats'));
      return images.length > 0 && images.every((i) => i.endsWith(`:${nextTag}`));
    }, 300_000, 'every Troupe pod on the new tag', 1_000);
    await waitAllPodsReady(r, 300_000);
    const counts = await finish('helm upgrade to a new image tag', run, [`upgrade ${((Date.now() - started) / 1000).toFixed(1)} s`]);
    assertNoFailures(counts, since);
  });

  it('cordon and drain of a node fails no request', async function () {
    this.timeout(8 * 60_000);
    const r = release!;
    const node = r.cluster.nodes[0]!.name;
    const run = await loaded();
    const since = Date.now();
    try {
      await r.kubectl(['drain', node, '--ignore-daemonsets', '--delete-emptydir-data', '--timeout=300s']);
      await waitAllPodsReady(r, 300_000);
      const counts = await finish(`cordon + drain of ${node}`, run);
      assertNoFailures(counts, since);
    } finally {
      await r.kubectl(['uncordon', node], { allowFailure: true });
    }
  });

  it('helm uninstall and kubectl delete namespace finish with the app deployed, and leave nothing behind', async function () {
    this.timeout(6 * 60_000);
    const r = release!;
    await lb?.stop();
    lb = undefined;
    uninstalled = true;
    const started = Date.now();
    // As a user would: the ServeBackend/ServeEndpoint resources are still there (they are the
    // user's; the namespace deletion takes them, which must not wait on a finalizer).
    await r.cluster.helm(['uninstall', r.release, '--namespace', r.namespace, '--wait', '--timeout', '3m']);
    const uninstallSeconds = (Date.now() - started) / 1000;
    const left = (await r.kubectl(['-n', r.namespace, 'get', 'deployments,daemonsets,services,jobs', '-o', 'name'])).stdout.trim();
    assert.equal(left, '', `left after helm uninstall: ${left}`);
    await r.kubectl(['delete', 'namespace', r.namespace, '--wait=true', '--timeout=240s']);
    // The release's cluster-scoped objects carry its namespace in their names.
    const clusterScoped = (await r.kubectl(['get', 'clusterroles,clusterrolebindings', '-l', `app.kubernetes.io/instance=${r.release}`, '-o', 'name'])).stdout
      .split('\n')
      .filter((name) => name.includes(r.namespace))
      .join('\n');
    assert.equal(clusterScoped, '', `cluster-scoped objects left: ${clusterScoped}`);
    console.log(`      helm uninstall ${uninstallSeconds.toFixed(1)} s, namespace deleted ${((Date.now() - started) / 1000).toFixed(1)} s after the uninstall began`);
  });
});
