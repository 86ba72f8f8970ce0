import { strict as assert } from 'node:assert';
import type { KubeObject } from '../src/kube-client.js';
import { containsDesired, desiredProxyObjects, SPEC_HASH_ANNOTATION, type ProxySettings } from '../src/proxy-manifests.js';

const settings: ProxySettings = {
  namespace: 'ns',
  location: 'EveryNode',
  port: 80,
  containerPort: 8000,
  serviceType: 'LoadBalancer',
  image: 'troupe:1',
  imagePullPolicy: 'IfNotPresent',
  natsUrl: 'nats://nats:4222',
  preStopSeconds: 15,
  drainSeconds: 5,
  requestTimeoutSeconds: 60,
  namePrefix: 'troupe',
  instance: 'troupe',
  headSelector: { 'app.kubernetes.io/component': 'head' },
};
const owner = { apiVersion: 'v1', kind: 'ConfigMap', name: 'troupe-proxy-config', uid: 'u1', controller: true };

describe('proxy manifests', () => {
  it('EveryNode: a DaemonSet and a Local Service; HeadOnly: a Deployment with head affinity; NoServer: nothing', () => {
    assert.deepEqual(desiredProxyObjects(settings, owner).map((o) => o.kind), ['DaemonSet', 'Service']);
    const headOnly = desiredProxyObjects({ ...settings, location: 'HeadOnly' }, owner);
    assert.deepEqual(headOnly.map((o) => o.kind), ['Deployment', 'Service']);
    assert.equal((headOnly[1]!.spec as { externalTrafficPolicy?: string }).externalTrafficPolicy, undefined);
    assert.deepEqual(desiredProxyObjects({ ...settings, location: 'NoServer' }, owner), []);
    const clusterIp = desiredProxyObjects({ ...settings, serviceType: 'ClusterIP' }, owner)[1]!;
    assert.equal((clusterIp.spec as { externalTrafficPolicy?: string }).externalTrafficPolicy, undefined, 'ClusterIP refuses the field');
  });

  it('gives proxies the NATS proxy user, its password by reference to the Secret, never its value', () => {
    const env = (objects: ReturnType<typeof desiredProxyObjects>): unknown[] => {
      const spec = objects[0]!.spec as { template: { spec: { containers: Array<{ env: unknown[] }> } } };
      return spec.template.spec.containers[0]!.env;
    };
    assert.deepEqual(env(desiredProxyObjects({ ...settings, natsSecret: 'troupe-nats-auth' }, owner)).slice(2), [
      { name: 'TROUPE_NATS_USER', value: 'troupe-proxy' },
      { name: 'TROUPE_NATS_PASSWORD', valueFrom: { secretKeyRef: { name: 'troupe-nats-auth', key: 'proxy-password' } } },
    ]);
    assert.equal(env(desiredProxyObjects(settings, owner)).length, 2, 'no NATS user without the Secret');
  });

  it('changes the spec hash when any desired field changes, and only then', () => {
    const hash = (s: ProxySettings): string | undefined => desiredProxyObjects(s, owner)[0]!.metadata.annotations?.[SPEC_HASH_ANNOTATION];
    assert.equal(hash(settings), hash({ ...settings }));
    assert.notEqual(hash(settings), hash({ ...settings, image: 'troupe:2' }));
    assert.notEqual(hash(settings), hash({ ...settings, drainSeconds: 11 }));
    assert.notEqual(hash(settings), hash({ ...settings, pod: { imagePullSecrets: [{ name: 'r' }] } }));
  });

  it('pods: Service port apart from the container port, surge rollouts, a pre-stop that keeps serving, grace above the request timeout', () => {
    const [ds, svc] = desiredProxyObjects(settings, owner) as [KubeObject, KubeObject];
    const spec = ds.spec as Record<string, any>;
    assert.deepEqual(spec.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } });
    const pod = spec.template.spec;
    const container = pod.containers[0];
    assert.deepEqual(container.ports, [{ name: 'http', containerPort: 8000, protocol: 'TCP' }]);
    assert.equal(container.ports[0].hostPort, undefined, 'a surged proxy must not collide with the old one on a host port');
    assert.deepEqual((svc.spec as any).ports, [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }]);
    assert.deepEqual(container.lifecycle.preStop.exec.command, ['sleep', '15'], 'serves, healthy, until the load balancer noticed');
    assert.ok(container.readinessProbe.failureThreshold > 1 && container.readinessProbe.timeoutSeconds >= 2);
    assert.ok(pod.terminationGracePeriodSeconds >= 15 + 5 + 60, `grace ${pod.terminationGracePeriodSeconds}`);
    assert.equal(container.args[container.args.indexOf('--request-timeout-seconds') + 1], '60');
    assert.deepEqual(Object.keys(spec.template.metadata.labels).sort(), [
      'app.kubernetes.io/component', 'app.kubernetes.io/instance', 'app.kubernetes.io/managed-by', 'app.kubernetes.io/name', 'app.kubernetes.io/part-of',
    ], 'no version labels on pods');
    assert.equal(pod.securityContext.runAsNonRoot, true);
    assert.equal(container.securityContext.readOnlyRootFilesystem, true);
    assert.deepEqual(container.securityContext.capabilities, { drop: ['ALL'] });
    const deployment = desiredProxyObjects({ ...settings, location: 'HeadOnly' }, owner)[0]!;
    assert.deepEqual((deployment.spec as any).strategy.rollingUpdate, { maxSurge: 1, maxUnavailable: 0 });
  });

  it('pods take pull secrets, scheduling and TLS from the installation; HeadOnly keeps its head affinity', () => {
    const pod = {
      imagePullSecrets: [{ name: 'regcred' }],
      nodeSelector: { pool: 'edge' },
      tolerations: [{ key: 'edge', operator: 'Exists' }],
      priorityClassName: 'high',
      affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [] } },
    };
    const [deployment] = desiredProxyObjects({ ...settings, location: 'HeadOnly', pod, tlsSecret: 'tls', tlsServerName: 'h.ns.svc' }, owner);
    const spec = (deployment!.spec as any).template.spec;
    assert.deepEqual(spec.imagePullSecrets, [{ name: 'regcred' }]);
    assert.deepEqual(spec.nodeSelector, { pool: 'edge' });
    assert.equal(spec.priorityClassName, 'high');
    assert.deepEqual(spec.tolerations, pod.tolerations);
    assert.ok(spec.affinity.nodeAffinity);
    assert.equal(spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey, 'kubernetes.io/hostname');
    assert.deepEqual(spec.volumes.find((v: any) => v.name === 'tls').secret.secretName, 'tls');
    const env = Object.fromEntries(spec.containers[0].env.map((e: any) => [e.name, e.value]));
    assert.equal(env.TROUPE_TLS_CA, '/etc/troupe/tls/ca.crt');
    assert.equal(env.TROUPE_TLS_SERVER_NAME, 'h.ns.svc');
  });

  it('containsDesired ignores fields others added and catches changed or missing ones', () => {
    const desired = { spec: { a: 1, list: [{ name: 'x', v: 1 }] } };
    assert.ok(containsDesired({ spec: { a: 1, b: 2, list: [{ name: 'x', v: 1, extra: true }] }, status: {} }, desired));
    assert.ok(!containsDesired({ spec: { a: 2, list: [{ name: 'x', v: 1 }] } }, desired));
    assert.ok(!containsDesired({ spec: { a: 1, list: [{ name: 'x', v: 1 }, { name: 'y' }] } }, desired), 'an added list element');
    assert.ok(!containsDesired({ spec: { a: 1 } }, desired));
  });
});
