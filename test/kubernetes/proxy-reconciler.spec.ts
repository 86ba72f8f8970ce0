// Proxy reconciliation against a real kube-apiserver. No kubelet or controller-manager runs, so
// pods never start: the assertions are on the objects the operator writes.
import { strict as assert } from 'node:assert';
import type { Operator } from '@troupe/operator';
import { pollUntil, startKubeControlPlane, type KubeControlPlane } from '@troupe/test-kit';
import { getObject, kubectlOk, repoRoot, startOperator } from './operator-harness.js';
import { join } from 'node:path';

const NS = 'troupe-system';

interface Container {
  args: string[];
  image: string;
  readinessProbe: { httpGet: { path: string; port: string | number } };
  lifecycle: { preStop: { exec: { command: string[] } } };
  ports: { containerPort: number; name: string }[];
}

interface Workload {
  metadata: { ownerReferences?: { kind: string; name: string; controller?: boolean; uid: string }[]; resourceVersion: string };
  spec: {
    replicas?: number;
    template: {
      spec: {
        containers: Container[];
        terminationGracePeriodSeconds: number;
        affinity?: { podAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { topologyKey: string }[] } };
      };
    };
  };
}

interface Service {
  metadata: { ownerReferences?: { kind: string; name: string }[] };
  spec: { type: string; externalTrafficPolicy?: string; ports: { port: number }[]; selector: Record<string, string> };
}

function node(name: string): string {
  return `apiVersion: v1
kind: Node
metadata:
  name: ${name}
  labels: { kubernetes.io/hostname: ${name} }
`;
}

describe('operator: proxies per HTTP location (real kube-apiserver)', function () {
  this.timeout(180_000);
  let plane: KubeControlPlane;
  let operator: Operator | undefined;

  before(async function () {
    plane = await startKubeControlPlane({ crdDir: join(repoRoot, 'deploy', 'crds') });
    await kubectlOk(plane, ['create', 'namespace', NS]);
    await kubectlOk(plane, ['apply', '-f', '-'], [node('node-a'), node('node-b'), node('node-c')].join('---\n'));
  });

  afterEach(async function () {
    await operator?.stop();
    operator = undefined;
  });

  after(async function () {
    await plane?.stop();
  });

  const daemonSet = (): Promise<Workload | undefined> => getObject<Workload>(plane, 'daemonset', 'troupe-proxy', NS);
  const deployment = (): Promise<Workload | undefined> => getObject<Workload>(plane, 'deployment', 'troupe-proxy', NS);
  const service = (): Promise<Service | undefined> => getObject<Service>(plane, 'service', 'troupe-proxy', NS);

  it('EveryNode: a DaemonSet with probe, drain and grace period, and a LoadBalancer Service with externalTrafficPolicy Local', async function () {
    const nodes = await kubectlOk(plane, ['get', 'nodes', '-o', 'name']);
    assert.equal(nodes.trim().split('\n').length, 3);
    operator = await startOperator(plane, { namespace: NS, location: 'EveryNode' });

    const ds = await pollUntil(daemonSet, 30_000, 'the proxy DaemonSet');
    const svc = await pollUntil(service, 30_000, 'the proxy Service');
    const config = await getObject<{ metadata: { uid: string }; data: Record<string, string> }>(plane, 'configmap', 'troupe-proxy-config', NS);
    assert.ok(config, 'the config object exists');
    assert.equal(config.data.location, 'EveryNode');

    const pod = ds.spec.template.spec;
    const container = pod.containers[0]!;
    assert.equal(container.image, 'troupe:test');
    assert.equal(container.args[0], 'proxy');
    assert.equal(container.args[container.args.indexOf('--nats-url') + 1], 'nats://troupe-nats:4222');
    assert.equal(container.args[container.args.indexOf('--port') + 1], '8000');
    assert.deepEqual(container.ports.map((p) => p.containerPort), [8000]);
    assert.equal(container.readinessProbe.httpGet.path, '/-/healthz');
    // The pre-stop keeps the proxy serving (and ready) while the load balancer notices; the
    // proxy's own drain (10 s here) follows the kubelet's SIGTERM.
    assert.deepEqual(container.lifecycle.preStop.exec.command, ['sleep', '15']);
    assert.equal(container.args[container.args.indexOf('--drain-seconds') + 1], '10');
    assert.ok(pod.terminationGracePeriodSeconds >= 15 + 10 + 60, `grace period ${pod.terminationGracePeriodSeconds} s must cover pre-stop, drain and the 60 s request timeout`);

    assert.equal(svc.spec.type, 'LoadBalancer');
    assert.equal(svc.spec.externalTrafficPolicy, 'Local');
    assert.deepEqual(svc.spec.ports.map((p) => p.port), [8000]);
    assert.equal(svc.spec.selector['app.kubernetes.io/component'], 'proxy');

    for (const object of [ds, svc]) {
      const owner = object.metadata.ownerReferences?.[0];
      assert.equal(owner?.kind, 'ConfigMap');
      assert.equal(owner?.name, 'troupe-proxy-config');
    }
    assert.equal(ds.metadata.ownerReferences?.[0]?.uid, config.metadata.uid);
    assert.equal(await deployment(), undefined, 'no HeadOnly Deployment');
  });

  it('reverts manual edits and recreates deleted objects, recording an Event', async function () {
    operator = await startOperator(plane, { namespace: NS, location: 'EveryNode' });
    await pollUntil(daemonSet, 30_000, 'the proxy DaemonSet');
    await kubectlOk(plane, ['-n', NS, 'set', 'image', 'daemonset/troupe-proxy', 'proxy=evil:latest']);
    await pollUntil(async () => (await daemonSet())?.spec.template.spec.containers[0]?.image === 'troupe:test', 30_000, 'the image edit to be reverted');
    await kubectlOk(plane, ['-n', NS, 'patch', 'service', 'troupe-proxy', '--type=merge', '-p', '{"spec":{"externalTrafficPolicy":"Cluster"}}']);
    await pollUntil(async () => (await service())?.spec.externalTrafficPolicy === 'Local', 30_000, 'the Service edit to be reverted');
    const events = await kubectlOk(plane, ['-n', NS, 'get', 'events', '--field-selector', 'reason=DriftReverted', '-o', 'name']);
    assert.ok(events.trim().length > 0, 'a DriftReverted event was recorded');

    await kubectlOk(plane, ['-n', NS, 'delete', 'daemonset', 'troupe-proxy']);
    await pollUntil(daemonSet, 30_000, 'the deleted DaemonSet to be recreated');
  });

  it('HeadOnly: removes the DaemonSet and runs one proxy beside the head, behind a Service', async function () {
    operator = await startOperator(plane, { namespace: NS, location: 'HeadOnly' });
    await pollUntil(async () => (await daemonSet()) === undefined, 30_000, 'the DaemonSet to be deleted');
    const deploy = await pollUntil(deployment, 30_000, 'the HeadOnly Deployment');
    assert.equal(deploy.spec.replicas, 1);
    const affinity = deploy.spec.template.spec.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.[0];
    assert.equal(affinity?.topologyKey, 'kubernetes.io/hostname');
    assert.equal(deploy.metadata.ownerReferences?.[0]?.name, 'troupe-proxy-config');
    const svc = await pollUntil(async () => {
      const current = await service();
      return current?.spec.externalTrafficPolicy !== 'Local' ? current : undefined;
    }, 30_000, 'the Service without externalTrafficPolicy Local');
    assert.equal(svc.spec.type, 'LoadBalancer');
    const config = await getObject<{ data: Record<string, string> }>(plane, 'configmap', 'troupe-proxy-config', NS);
    assert.equal(config?.data.location, 'HeadOnly');
  });

  it('NoServer: removes the proxy Deployment and the Service', async function () {
    operator = await startOperator(plane, { namespace: NS, location: 'NoServer' });
    await pollUntil(async () => (await deployment()) === undefined && (await service()) === undefined, 30_000, 'proxies and Service to be deleted');
    assert.equal(await daemonSet(), undefined);
  });

  it('does not rewrite objects that already match (no update loop)', async function () {
    operator = await startOperator(plane, { namespace: NS, location: 'EveryNode' });
    const first = await pollUntil(daemonSet, 30_000, 'the DaemonSet');
    const svc = await pollUntil(service, 30_000, 'the Service');
    // Let several reconciles (triggered by the operator's own writes and the 5 s resync) pass.
    await pollUntil(async () => (await service())?.spec.externalTrafficPolicy === 'Local', 10_000, 'the Service');
    const versions = async (): Promise<string> =>
      [(await daemonSet())?.metadata.resourceVersion, JSON.stringify((await service())?.metadata)].join('|');
    const before = await versions();
    const deadline = Date.now() + 6_000;
    while (Date.now() < deadline) {
      assert.equal(await versions(), before, 'objects changed without any edit');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    assert.ok(first && svc);
  });
});
