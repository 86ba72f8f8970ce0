import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTestBinary, startKubeControlPlane, type KubeControlPlane } from '../src/index.js';

const WIDGET_CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.kit.troupe.dev
spec:
  group: kit.troupe.dev
  scope: Namespaced
  names: { plural: widgets, singular: widget, kind: Widget }
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size: { type: integer, minimum: 1 }
`;

describe('kube control plane (real etcd + kube-apiserver)', function () {
  // Start-up is 10-20 s on a small machine; leave room for a loaded CI runner.
  this.timeout(180_000);

  let crdDir: string;
  let plane: KubeControlPlane | undefined;

  before(async function () {
    crdDir = await mkdtemp(join(tmpdir(), 'troupe-kit-crds-'));
    await writeFile(join(crdDir, 'widget.yaml'), WIDGET_CRD);
    // Missing binaries throw here with a hint to run scripts/build-test-binaries.sh, which
    // fails the suite on purpose instead of skipping it.
    plane = await startKubeControlPlane({ crdDir });
  });

  after(async function () {
    await plane?.stop();
    await rm(crdDir, { recursive: true, force: true });
  });

  function cluster(): KubeControlPlane {
    assert.ok(plane, 'control plane did not start');
    return plane;
  }

  it('serves /readyz through kubectl', async function () {
    const res = await cluster().kubectl(['get', '--raw', '/readyz']);
    assert.equal(res.code, 0, res.stderr);
    assert.equal(res.stdout.trim(), 'ok');
  });

  it('exposes a kubeconfig for child processes', function () {
    const { env, kubeconfigPath, server } = cluster();
    assert.equal(env.KUBECONFIG, kubeconfigPath);
    assert.ok(existsSync(kubeconfigPath));
    assert.match(server, /^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it('stores and reads back a ConfigMap', async function () {
    const kube = cluster();
    const created = await kube.kubectl(['create', 'configmap', 'kit-check', '--from-literal=greeting=hello']);
    assert.equal(created.code, 0, created.stderr);
    const read = await kube.kubectl(['get', 'configmap', 'kit-check', '-o', 'jsonpath={.data.greeting}']);
    assert.equal(read.code, 0, read.stderr);
    assert.equal(read.stdout, 'hello');
  });

  it('applies CRDs from crdDir and serves them in discovery', async function () {
    const kube = cluster();
    const resources = await kube.kubectl(['api-resources', '--api-group=kit.troupe.dev', '-o', 'name']);
    assert.equal(resources.code, 0, resources.stderr);
    assert.deepEqual(resources.stdout.trim().split('\n'), ['widgets.kit.troupe.dev']);

    const widget = 'apiVersion: kit.troupe.dev/v1\nkind: Widget\nmetadata: { name: w1 }\nspec: { size: 3 }\n';
    const applied = await kube.kubectl(['apply', '-f', '-'], { input: widget });
    assert.equal(applied.code, 0, applied.stderr);
    // The structural schema must be enforced by the API server itself.
    const invalid = widget.replace('w1', 'w2').replace('size: 3', 'size: 0');
    const rejected = await kube.kubectl(['apply', '-f', '-'], { input: invalid });
    assert.notEqual(rejected.code, 0);
    assert.match(rejected.stderr, /spec\.size/);
  });

  it('enforces RBAC for users outside system:masters', async function () {
    const res = await cluster().kubectl(['auth', 'can-i', 'list', 'pods', '--as=nobody']);
    assert.equal(res.stdout.trim(), 'no');
  });

  it('runs helm from the test-binary cache', async function () {
    const res = await cluster().helm(['version', '--short']);
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /^v3\./);
  });
});

describe('kube test binaries', function () {
  it('fails with a pointer to the build script when a binary is missing', async function () {
    const empty = await mkdtemp(join(tmpdir(), 'troupe-kit-nobin-'));
    try {
      assert.throws(() => findTestBinary('etcd', { binDir: empty }), /scripts\/build-test-binaries\.sh/);
      await assert.rejects(startKubeControlPlane({ binDir: empty }), /scripts\/build-test-binaries\.sh/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
