// Deleting Serve resources when the head is going away for good: their finalizers must not keep
// them (and so their namespace) forever. No controller-manager runs here, so the test does what
// the namespace controller would do once a namespace is terminating: delete its content.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { Operator } from '@troupe/operator';
import { pollUntil, startKubeControlPlane, type KubeControlPlane } from '@troupe/test-kit';
import { getObject, kubectlOk, repoRoot, startOperator } from './operator-harness.js';

interface ServeResource {
  metadata: { finalizers?: string[]; deletionTimestamp?: string };
}

const FINALIZER = 'serve.troupe.dev/head-cleanup';

function headDeployment(namespace: string): string {
  return JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'troupe-head', namespace },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'head' } },
      template: { metadata: { labels: { app: 'head' } }, spec: { containers: [{ name: 'head', image: 'troupe:test' }] } },
    },
  });
}

describe('operator: finalizers when the head goes away (real kube-apiserver)', function () {
  this.timeout(180_000);
  let plane: KubeControlPlane;
  let operator: Operator | undefined;

  before(async function () {
    plane = await startKubeControlPlane({ crdDir: join(repoRoot, 'deploy', 'crds') });
  });

  afterEach(async function () {
    await operator?.stop();
    operator = undefined;
  });

  after(async function () {
    await plane?.stop();
  });

  /** A namespace with a (never running) head Deployment, an operator and the example resources holding finalizers. */
  async function setUp(ns: string): Promise<void> {
    await kubectlOk(plane, ['create', 'namespace', ns]);
    await kubectlOk(plane, ['apply', '-f', '-'], headDeployment(ns));
    // The head's address is a closed port: every call to it fails, as with a head that is gone.
    operator = await startOperator(plane, { namespace: ns, extra: ['--head-deployment', 'troupe-head'] });
    await kubectlOk(plane, ['-n', ns, 'apply', '-f', join(repoRoot, 'deploy', 'examples', 'app.yaml')]);
    for (const kind of ['servebackend', 'serveendpoint']) {
      await pollUntil(async () => (await getObject<ServeResource>(plane, kind, 'echo', ns))?.metadata.finalizers?.includes(FINALIZER) || undefined, 30_000, `${kind} finalizer`);
    }
  }

  const remaining = async (ns: string): Promise<number> => {
    const list = JSON.parse(await kubectlOk(plane, ['-n', ns, 'get', 'servebackends,serveendpoints', '-o', 'json'])) as { items: unknown[] };
    return list.items.length;
  };

  it('keeps the finalizer while the head is only unreachable (its Deployment and namespace live)', async function () {
    const ns = 'alive';
    await setUp(ns);
    await kubectlOk(plane, ['-n', ns, 'delete', 'serveendpoint', 'echo', '--wait=false']);
    // Several reconciles with backoff happen in this time; the head must still be asked first.
    const deadline = Date.now() + 4_000;
    while (Date.now() < deadline) {
      const endpoint = await getObject<ServeResource>(plane, 'serveendpoint', 'echo', ns);
      assert.ok(endpoint?.metadata.deletionTimestamp, 'the endpoint is still there, waiting for the head');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });

  it('a terminating namespace: deleted resources go at once, without the head', async function () {
    const ns = 'doomed';
    await setUp(ns);
    await kubectlOk(plane, ['delete', 'namespace', ns, '--wait=false']);
    assert.equal(await kubectlOk(plane, ['get', 'namespace', ns, '-o', 'jsonpath={.status.phase}']), 'Terminating');
    const started = Date.now();
    // What the namespace controller does next.
    await kubectlOk(plane, ['-n', ns, 'delete', 'servebackends,serveendpoints', '--all', '--wait=false']);
    await pollUntil(async () => ((await remaining(ns)) === 0 ? true : undefined), 20_000, 'every Serve resource gone');
    assert.ok(Date.now() - started < 20_000);
  });

  it("the head's Deployment deleted (helm uninstall): deleted resources go at once", async function () {
    const ns = 'uninstalled';
    await setUp(ns);
    await kubectlOk(plane, ['-n', ns, 'delete', 'deployment', 'troupe-head']);
    await kubectlOk(plane, ['-n', ns, 'delete', 'servebackends,serveendpoints', '--all', '--wait=false']);
    await pollUntil(async () => ((await remaining(ns)) === 0 ? true : undefined), 20_000, 'every Serve resource gone');
  });
});
