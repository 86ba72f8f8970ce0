// The Helm chart against a real kube-apiserver: lint, server-side dry runs of its manifests, an
// install (which also installs the CRDs), and the operator running with the chart's RBAC only.
import { strict as assert } from 'node:assert';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Operator, resolveOperatorOptions } from '@troupe/operator';
import { pollUntil, startKubeControlPlane, type KubeControlPlane } from '@troupe/test-kit';
import { getObject, kubectlOk, repoRoot } from './operator-harness.js';

const chart = join(repoRoot, 'helm', 'troupe');
const NS = 'troupe';
const RELEASE = 'demo';

describe('Helm chart (real kube-apiserver)', function () {
  this.timeout(240_000);
  let plane: KubeControlPlane;
  let emptyCrdDir: string;

  before(async function () {
    // No CRDs up front: installing the chart must bring them.
    emptyCrdDir = await mkdtemp(join(tmpdir(), 'troupe-no-crds-'));
    plane = await startKubeControlPlane({ crdDir: emptyCrdDir });
  });

  after(async function () {
    await plane?.stop();
    await rm(emptyCrdDir, { recursive: true, force: true });
  });

  async function helmOk(args: string[]): Promise<string> {
    const result = await plane.helm(args);
    assert.equal(result.code, 0, `helm ${args.join(' ')}:\n${result.stderr}\n${result.stdout}`);
    return result.stdout;
  }

  it('ships the same CRDs as deploy/crds', async function () {
    const deployed = (await readdir(join(repoRoot, 'deploy', 'crds'))).sort();
    assert.deepEqual((await readdir(join(chart, 'crds'))).sort(), deployed);
    for (const file of deployed) {
      assert.equal(await readFile(join(chart, 'crds', file), 'utf8'), await readFile(join(repoRoot, 'deploy', 'crds', file), 'utf8'), file);
    }
  });

  it('passes helm lint, with default values and with EveryNode', async function () {
    await helmOk(['lint', chart]);
    await helmOk(['lint', chart, '--set', 'http.location=EveryNode']);
    const bad = await plane.helm(['lint', chart, '--set', 'http.location=Everywhere']);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stdout + bad.stderr, /\/http\/location': value must be one of 'HeadOnly', 'EveryNode', 'NoServer'/);
  });

  for (const values of [[], ['--set', 'http.location=EveryNode'], ['--set', 'http.location=NoServer,nats.url=nats://external:4222,nats.persistence.enabled=false']]) {
    it(`renders manifests the API server accepts (kubectl apply --dry-run=server) ${values.join(' ') || 'with default values'}`, async function () {
      const manifests = await helmOk(['template', RELEASE, chart, '--namespace', 'default', ...values]);
      const result = await plane.kubectl(['apply', '--dry-run=server', '-f', '-'], { input: manifests });
      assert.equal(result.code, 0, result.stderr);
      for (const kind of ['deployment.apps/demo-troupe-head', 'deployment.apps/demo-troupe-worker', 'deployment.apps/demo-troupe-operator', 'role.rbac.authorization.k8s.io/demo-troupe-operator', 'secret/demo-troupe-admin-token']) {
        assert.match(result.stdout, new RegExp(`${kind.replace(/[./]/g, '\\$&')} created`), result.stdout);
      }
      const external = values.join(' ').includes('nats.url');
      assert.equal(/statefulset.apps\/demo-troupe-nats created/.test(result.stdout), !external);
    });
  }

  it('installs (CRDs included), keeps the generated admin token across upgrades, and says how to reach the proxies', async function () {
    const installed = await helmOk(['install', RELEASE, chart, '--namespace', NS, '--create-namespace', '--set', 'http.location=EveryNode']);
    assert.match(installed, /STATUS: deployed/);
    assert.match(installed, /demo-troupe-proxy/);
    assert.match(installed, /externalTrafficPolicy: Local/);
    const crds = await kubectlOk(plane, ['get', 'crd', '-o', 'name']);
    assert.match(crds, /servebackends\.serve\.troupe\.dev/);
    assert.match(crds, /serveendpoints\.serve\.troupe\.dev/);
    await kubectlOk(plane, ['-n', NS, 'apply', '--dry-run=server', '-f', join(repoRoot, 'deploy', 'examples', 'app.yaml')]);

    const token = async (): Promise<string> =>
      (await getObject<{ data: { token: string } }>(plane, 'secret', 'demo-troupe-admin-token', NS))!.data.token;
    const before = await token();
    assert.ok(Buffer.from(before, 'base64').toString().length >= 32);
    await helmOk(['upgrade', RELEASE, chart, '--namespace', NS, '--set', 'http.location=EveryNode,workers.replicas=3']);
    assert.equal(await token(), before, 'the admin token changed on upgrade');
    const workers = await getObject<{ spec: { replicas: number } }>(plane, 'deployment', 'demo-troupe-worker', NS);
    assert.equal(workers?.spec.replicas, 3);
  });

  it("the operator does its job with the chart's RBAC and nothing more", async function () {
    const serviceAccount = 'demo-troupe-operator';
    const saToken = (await kubectlOk(plane, ['-n', NS, 'create', 'token', serviceAccount, '--duration=1h'])).trim();
    const admin = JSON.parse(await readFile(plane.kubeconfigPath, 'utf8')) as { clusters: unknown[] };
    const dir = await mkdtemp(join(tmpdir(), 'troupe-sa-'));
    const kubeconfig = join(dir, 'kubeconfig');
    await writeFile(kubeconfig, JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: admin.clusters,
      users: [{ name: 'operator', user: { token: saToken } }],
      contexts: [{ name: 'operator', context: { cluster: 'troupe-test', user: 'operator', namespace: NS } }],
      'current-context': 'operator',
    }));
    // What the chart's Deployment sets, as flags.
    const operator = new Operator(resolveOperatorOptions([
      '--kubeconfig', kubeconfig,
      '--head', '127.0.0.1:9',
      '--http-location', 'EveryNode',
      '--proxy-image', 'troupe:0.1.0',
      '--nats-url', 'nats://demo-troupe-nats:4222',
      '--name-prefix', 'demo-troupe',
      '--instance', RELEASE,
      '--owner-deployment', 'demo-troupe-operator',
      '--lease-duration', '2',
    ], {}));
    try {
      operator.start();
      const ds = await pollUntil(() => getObject<{ metadata: { ownerReferences: { name: string }[] } }>(plane, 'daemonset', 'demo-troupe-proxy', NS), 30_000, 'the DaemonSet');
      assert.equal(ds.metadata.ownerReferences[0]?.name, 'demo-troupe-proxy-config');
      const config = await getObject<{ metadata: { ownerReferences?: { kind: string; name: string }[] } }>(plane, 'configmap', 'demo-troupe-proxy-config', NS);
      assert.deepEqual(config?.metadata.ownerReferences?.map((o) => `${o.kind}/${o.name}`), ['Deployment/demo-troupe-operator']);
      await pollUntil(() => getObject(plane, 'service', 'demo-troupe-proxy', NS), 30_000, 'the Service');

      // Serve resources: finalizer (patch) and status (patch of the subresource), with the head
      // unreachable here.
      await kubectlOk(plane, ['-n', NS, 'apply', '-f', join(repoRoot, 'deploy', 'examples', 'app.yaml')]);
      const backend = await pollUntil(async () => {
        const current = await getObject<{ metadata: { finalizers?: string[] }; status?: { conditions?: { type: string; reason: string }[] } }>(plane, 'servebackend', 'echo', NS);
        return current?.status?.conditions?.some((c) => c.type === 'Ready' && c.reason === 'HeadUnavailable') ? current : undefined;
      }, 60_000, 'status HeadUnavailable on the ServeBackend');
      assert.ok(backend.metadata.finalizers?.includes('serve.troupe.dev/head-cleanup'));
    } finally {
      await operator.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
