// The CRDs against a real kube-apiserver: malformed specs are refused at `kubectl apply` with a
// message naming the field, the example resources are accepted, and the printer columns show.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startKubeControlPlane, type KubeControlPlane } from '@troupe/test-kit';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function backend(name: string, spec: string): string {
  return `apiVersion: serve.troupe.dev/v1alpha1
kind: ServeBackend
metadata: { name: ${name} }
spec:
${spec}
`;
}

function endpoint(name: string, spec: string): string {
  return `apiVersion: serve.troupe.dev/v1alpha1
kind: ServeEndpoint
metadata: { name: ${name} }
spec:
${spec}
`;
}

describe('Kubernetes CRDs (real kube-apiserver)', function () {
  this.timeout(180_000);
  let plane: KubeControlPlane;

  before(async function () {
    plane = await startKubeControlPlane({ crdDir: join(root, 'deploy', 'crds') });
  });

  after(async function () {
    await plane?.stop();
  });

  async function applyRefused(yaml: string): Promise<string> {
    const result = await plane.kubectl(['apply', '-f', '-'], { input: yaml });
    assert.notEqual(result.code, 0, `expected kubectl apply to fail, got: ${result.stdout}`);
    return result.stderr;
  }

  it('the generated CRDs match their source schemas', async function () {
    const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'scripts', 'generate-crds.mjs'), '--check'], { cwd: root });
    assert.match(stdout, /up to date/);
  });

  it('accepts the example resources', async function () {
    const result = await plane.kubectl(['apply', '--dry-run=server', '-f', join(root, 'deploy', 'examples', 'app.yaml')]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /servebackend.serve.troupe.dev\/echo created/);
    assert.match(result.stdout, /serveendpoint.serve.troupe.dev\/echo created/);
  });

  it('refuses numReplicas: -1, naming the field', async function () {
    const stderr = await applyRefused(backend('negative', '  importPath: ./examples/echo.mjs#echo\n  config: { numReplicas: -1 }'));
    assert.match(stderr, /spec\.config\.numReplicas/);
    assert.match(stderr, /greater than or equal to 0/);
  });

  it('refuses a ServeBackend without importPath, naming the field', async function () {
    const stderr = await applyRefused(backend('no-import', '  config: { numReplicas: 1 }'));
    assert.match(stderr, /spec\.importPath/);
    assert.match(stderr, /Required value/);
  });

  it('refuses an unknown field under config, naming it', async function () {
    const stderr = await applyRefused(backend('unknown', '  importPath: ./examples/echo.mjs#echo\n  config: { numReplicas: 1, replicas: 3 }'));
    assert.match(stderr, /unknown field "spec\.config\.replicas"/);
  });

  it('refuses other out-of-range values (maxConcurrentQueries: 0, wrong types)', async function () {
    const zero = await applyRefused(backend('zero', '  importPath: a.mjs\n  config: { maxConcurrentQueries: 0 }'));
    assert.match(zero, /spec\.config\.maxConcurrentQueries/);
    const text = await applyRefused(backend('text', '  importPath: a.mjs\n  config: { numReplicas: two }'));
    assert.match(text, /spec\.config\.numReplicas/);
  });

  it('keeps userConfig and initArgs as free-form JSON', async function () {
    const yaml = backend('free-form', '  importPath: a.mjs#A\n  initArgs: [1, "two", { three: [3] }]\n  config: { userConfig: { nested: { deep: [1, 2] }, flag: true } }');
    const applied = await plane.kubectl(['apply', '-f', '-'], { input: yaml });
    assert.equal(applied.code, 0, applied.stderr);
    const got = await plane.kubectl(['get', 'servebackend', 'free-form', '-o', 'json']);
    const object = JSON.parse(got.stdout) as { spec: { initArgs: unknown[]; config: { userConfig: unknown } } };
    assert.deepEqual(object.spec.initArgs, [1, 'two', { three: [3] }]);
    assert.deepEqual(object.spec.config.userConfig, { nested: { deep: [1, 2] }, flag: true });
  });

  it('refuses an endpoint with both backend and traffic, or neither (CEL)', async function () {
    const both = await applyRefused(endpoint('both', '  route: /both\n  backend: echo\n  traffic: { echo: 1 }'));
    assert.match(both, /backend and traffic are exclusive/);
    const neither = await applyRefused(endpoint('neither', '  route: /neither'));
    assert.match(neither, /one of backend or traffic is required/);
  });

  it('refuses a route without a leading slash and weights above 1', async function () {
    const route = await applyRefused(endpoint('route', '  route: api\n  backend: echo'));
    assert.match(route, /spec\.route/);
    const weight = await applyRefused(endpoint('weight', '  route: /w\n  traffic: { echo: 2 }'));
    assert.match(weight, /spec\.traffic\.echo/);
  });

  it('prints READY, REPLICAS, ROUTE and AGE columns', async function () {
    const applied = await plane.kubectl(['apply', '-f', join(root, 'deploy', 'examples', 'app.yaml')]);
    assert.equal(applied.code, 0, applied.stderr);
    const backends = await plane.kubectl(['get', 'servebackends']);
    assert.match(backends.stdout.split('\n')[0]!, /^NAME\s+READY\s+REPLICAS\s+AVAILABLE\s+AGE/);
    const endpoints = await plane.kubectl(['get', 'serveendpoints']);
    assert.match(endpoints.stdout.split('\n')[0]!, /^NAME\s+READY\s+ROUTE\s+REPLICAS\s+AGE/);
    assert.match(endpoints.stdout, /echo\s+\S*\s+\/api\/\{username\}/);
  });

  it('has a status subresource: spec writes leave status alone and bump the generation', async function () {
    const patch = { status: { observedGeneration: 1, conditions: [{ type: 'Ready', status: 'True', reason: 'Available', message: '', lastTransitionTime: '2025-01-01T00:00:00Z' }] } };
    const status = await plane.kubectl(['patch', 'servebackend', 'echo', '--subresource=status', '--type=merge', '-p', JSON.stringify(patch)]);
    assert.equal(status.code, 0, status.stderr);
    const spec = await plane.kubectl(['patch', 'servebackend', 'echo', '--type=merge', '-p', JSON.stringify({ spec: { config: { numReplicas: 3 } }, status: { observedGeneration: 99 } })]);
    assert.equal(spec.code, 0, spec.stderr);
    const got = JSON.parse((await plane.kubectl(['get', 'servebackend', 'echo', '-o', 'json'])).stdout) as {
      metadata: { generation: number };
      status: { observedGeneration: number };
    };
    assert.equal(got.metadata.generation, 2);
    assert.equal(got.status.observedGeneration, 1);
    const badStatus = await plane.kubectl(['patch', 'servebackend', 'echo', '--subresource=status', '--type=merge', '-p', JSON.stringify({ status: { conditions: [{ type: 'Ready', status: 'Maybe' }] } })]);
    assert.notEqual(badStatus.code, 0);
    assert.match(badStatus.stderr, /status\.conditions\[0\]\.status/);
  });
});
