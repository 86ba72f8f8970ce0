// The operator between a real kube-apiserver and a real local Troupe cluster: applying the example
// resources makes the head serve them over HTTP, edits and deletions follow, and status reports
// each step with observedGeneration and conditions.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { Operator } from '@troupe/operator';
import { freePort, start, type TroupeClient } from '@troupe/serve';
import { pollUntil, startKubeControlPlane, type KubeControlPlane } from '@troupe/test-kit';
import { getObject, kubectlOk, repoRoot, startOperator } from './operator-harness.js';

const NS = 'apps';

interface Condition {
  type: string;
  status: string;
  reason: string;
  message: string;
  observedGeneration?: number;
}

interface ServeResource {
  metadata: { generation: number; finalizers?: string[]; deletionTimestamp?: string };
  status?: {
    observedGeneration?: number;
    conditions?: Condition[];
    replicas?: number;
    readyReplicas?: number;
    replicaTags?: string[];
    route?: string;
  };
}

describe('operator: ServeBackend/ServeEndpoint → head (real kube-apiserver + local Troupe cluster)', function () {
  this.timeout(240_000);
  let plane: KubeControlPlane;
  let client: TroupeClient;
  let operator: Operator;
  let httpPort: number;

  before(async function () {
    httpPort = await freePort();
    [plane, client] = await Promise.all([
      startKubeControlPlane({ crdDir: join(repoRoot, 'deploy', 'crds') }),
      start({ httpOptions: { host: '127.0.0.1', port: httpPort, location: 'HeadOnly' }, port: 0, codeDir: repoRoot }),
    ]);
    await kubectlOk(plane, ['create', 'namespace', NS]);
    operator = await startOperator(plane, { namespace: NS, head: client.address, location: 'NoServer', leaseDuration: 5 });
  });

  after(async function () {
    await operator?.stop();
    await client?.shutdown();
    await plane?.stop();
  });

  const resource = (kind: string, name: string): Promise<ServeResource | undefined> => getObject<ServeResource>(plane, kind, name, NS);

  /** Waits until status describes the current generation with the given Ready status (and reason). */
  async function waitReady(kind: string, name: string, status: 'True' | 'False', reason?: string): Promise<ServeResource> {
    let last: ServeResource | undefined;
    try {
      return await pollUntil(async () => {
        last = await resource(kind, name);
        const ready = last?.status?.conditions?.find((c) => c.type === 'Ready');
        if (last === undefined || last.status?.observedGeneration !== last.metadata.generation) return undefined;
        if (ready?.status !== status || (reason !== undefined && ready.reason !== reason)) return undefined;
        return last;
      }, 60_000, `${kind}/${name} Ready=${status}${reason ? `/${reason}` : ''}`, 100);
    } catch (error) {
      throw new Error(`${(error as Error).message}; last seen: ${JSON.stringify(last?.status)}`);
    }
  }

  async function get(path: string): Promise<{ status: number; body: string }> {
    const reply = await fetch(`http://127.0.0.1:${httpPort}${path}`);
    return { status: reply.status, body: await reply.text() };
  }

  it('applying the example resources makes the head serve them over HTTP', async function () {
    await kubectlOk(plane, ['-n', NS, 'apply', '-f', join(repoRoot, 'deploy', 'examples', 'app.yaml')]);
    const echo = await waitReady('servebackend', 'echo', 'True', 'Available');
    assert.equal(echo.status?.replicas, 2);
    assert.equal(echo.status?.readyReplicas, 2);
    assert.equal(echo.status?.replicaTags?.length, 2);
    assert.ok(echo.metadata.finalizers?.includes('serve.troupe.dev/head-cleanup'));
    const conditions = Object.fromEntries((echo.status?.conditions ?? []).map((c) => [c.type, c]));
    assert.equal(conditions.Progressing?.status, 'False');
    assert.equal(conditions.Degraded?.status, 'False');
    assert.equal(conditions.Ready?.observedGeneration, echo.metadata.generation);

    const endpoint = await waitReady('serveendpoint', 'echo', 'True', 'Available');
    assert.equal(endpoint.status?.route, '/api/{username}');
    await waitReady('serveendpoint', 'greeter', 'True');

    const reply = await pollUntil(async () => {
      const r = await get('/api/alice?x=1');
      return r.status === 200 ? r : undefined;
    }, 30_000, 'GET /api/alice through the proxy');
    const body = JSON.parse(reply.body) as { user: string; method: string };
    assert.equal(body.user, 'alice');
    assert.equal(body.method, 'GET');
    const greeting = await pollUntil(async () => {
      const r = await get('/greet/bob');
      return r.status === 200 ? r.body : undefined;
    }, 30_000, 'GET /greet/bob');
    assert.match(greeting, /^Hello, bob!/);

    const endpoints = await client.listEndpoints();
    const onHead = endpoints.find((e) => e.name === 'echo');
    assert.deepEqual(onHead?.methods.sort(), ['GET', 'POST']);
    assert.deepEqual(onHead?.traffic, { echo: 1 });
  });

  it('editing numReplicas changes the replica count; observedGeneration follows', async function () {
    const before = await resource('servebackend', 'echo');
    await kubectlOk(plane, ['-n', NS, 'patch', 'servebackend', 'echo', '--type=merge', '-p', '{"spec":{"config":{"numReplicas":3}}}']);
    const scaled = await waitReady('servebackend', 'echo', 'True');
    assert.equal(scaled.metadata.generation, before!.metadata.generation + 1);
    assert.equal(scaled.status?.replicas, 3);
    assert.equal(scaled.status?.readyReplicas, 3);
    const onHead = (await client.listBackends()).find((b) => b.tag === 'echo');
    assert.equal(onHead?.replicaTags.length, 3);
    assert.equal(onHead?.config.numReplicas, 3);

    await kubectlOk(plane, ['-n', NS, 'patch', 'servebackend', 'echo', '--type=merge', '-p', '{"spec":{"config":{"numReplicas":1}}}']);
    const down = await waitReady('servebackend', 'echo', 'True');
    assert.equal(down.status?.readyReplicas, 1);
    assert.equal((await client.listBackends()).find((b) => b.tag === 'echo')?.replicaTags.length, 1);
  });

  it('changing userConfig reconfigures the replicas', async function () {
    await kubectlOk(plane, ['-n', NS, 'patch', 'servebackend', 'greeter', '--type=merge', '-p', '{"spec":{"config":{"userConfig":{"greeting":"Howdy"}}}}']);
    await waitReady('servebackend', 'greeter', 'True');
    await pollUntil(async () => (await get('/greet/carol')).body.startsWith('Howdy, carol!'), 30_000, 'the new greeting');
  });

  it('an endpoint to a missing backend reports Ready=False/BackendNotFound and changes nothing on the head', async function () {
    const yaml = `apiVersion: serve.troupe.dev/v1alpha1
kind: ServeEndpoint
metadata: { name: orphan }
spec: { route: /orphan, backend: nobody }
`;
    await kubectlOk(plane, ['-n', NS, 'apply', '-f', '-'], yaml);
    const orphan = await waitReady('serveendpoint', 'orphan', 'False', 'BackendNotFound');
    const ready = orphan.status?.conditions?.find((c) => c.type === 'Ready');
    assert.match(ready?.message ?? '', /nobody/);
    assert.equal(orphan.status?.conditions?.find((c) => c.type === 'Degraded')?.status, 'True');
    assert.equal((await client.listEndpoints()).find((e) => e.name === 'orphan'), undefined);
    assert.equal((await get('/orphan')).status, 404);

    // Creating the backend lets the waiting endpoint through without touching the endpoint.
    const backend = `apiVersion: serve.troupe.dev/v1alpha1
kind: ServeBackend
metadata: { name: nobody }
spec: { importPath: ./examples/echo.mjs#echo, config: { numReplicas: 1 } }
`;
    await kubectlOk(plane, ['-n', NS, 'apply', '-f', '-'], backend);
    await waitReady('serveendpoint', 'orphan', 'True', 'Available');
    assert.equal((await pollUntil(async () => ((await get('/orphan')).status === 200 ? 200 : undefined), 30_000, 'GET /orphan')), 200);
  });

  it('a backend the head refuses reports Ready=False/InvalidSpec with the head\'s message', async function () {
    const yaml = `apiVersion: serve.troupe.dev/v1alpha1
kind: ServeBackend
metadata: { name: batchless }
spec: { importPath: ./examples/echo.mjs#echo, config: { maxBatchSize: 4 } }
`;
    await kubectlOk(plane, ['-n', NS, 'apply', '-f', '-'], yaml);
    const refused = await waitReady('servebackend', 'batchless', 'False', 'InvalidSpec');
    assert.match(refused.status?.conditions?.find((c) => c.type === 'Ready')?.message ?? '', /maxBatchSize/);
    assert.equal(refused.status?.conditions?.find((c) => c.type === 'Degraded')?.status, 'True');
    assert.equal((await client.listBackends()).find((b) => b.tag === 'batchless'), undefined);
    await kubectlOk(plane, ['-n', NS, 'delete', 'servebackend', 'batchless', '--wait=true', '--timeout=30s']);
  });

  it('deleting: a referenced backend waits with a condition; deleting its endpoint lets both go from the head', async function () {
    await kubectlOk(plane, ['-n', NS, 'delete', 'servebackend', 'echo', '--wait=false']);
    const waiting = await pollUntil(async () => {
      const current = await resource('servebackend', 'echo');
      const ready = current?.status?.conditions?.find((c) => c.type === 'Ready');
      return current?.metadata.deletionTimestamp !== undefined && ready?.reason === 'StillReferenced' ? current : undefined;
    }, 30_000, 'the deletion of echo to wait for its endpoint');
    assert.match(waiting.status?.conditions?.find((c) => c.type === 'Ready')?.message ?? '', /endpoints echo/);
    assert.ok((await client.listBackends()).some((b) => b.tag === 'echo'), 'echo is still on the head');
    assert.equal((await get('/api/alice')).status, 200);

    await kubectlOk(plane, ['-n', NS, 'delete', 'serveendpoint', 'echo', '--wait=true', '--timeout=60s']);
    await pollUntil(async () => (await resource('servebackend', 'echo')) === undefined, 60_000, 'the ServeBackend to be gone');
    assert.equal((await client.listEndpoints()).find((e) => e.name === 'echo'), undefined);
    assert.equal((await client.listBackends()).find((b) => b.tag === 'echo'), undefined);
    await pollUntil(async () => (await get('/api/alice')).status === 404, 30_000, 'the route to be gone from the proxy');

    // The rest of the example goes in one kubectl delete.
    await kubectlOk(plane, ['-n', NS, 'delete', '-f', join(repoRoot, 'deploy', 'examples', 'app.yaml'), '--ignore-not-found', '--wait=true', '--timeout=60s']);
    assert.equal((await client.listBackends()).find((b) => b.tag === 'greeter'), undefined);
    assert.equal((await client.listEndpoints()).find((e) => e.name === 'greeter'), undefined);
  });
});
