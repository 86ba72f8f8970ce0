import { strict as assert } from 'node:assert';
import { containsDesired, desiredProxyObjects, SPEC_HASH_ANNOTATION, type ProxySettings } from '../src/proxy-manifests.js';

const settings: ProxySettings = {
  namespace: 'ns',
  location: 'EveryNode',
  port: 8000,
  serviceType: 'LoadBalancer',
  image: 'troupe:1',
  imagePullPolicy: 'IfNotPresent',
  natsUrl: 'nats://nats:4222',
  drainSeconds: 10,
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
  });

  it('containsDesired ignores fields others added and catches changed or missing ones', () => {
    const desired = { spec: { a: 1, list: [{ name: 'x', v: 1 }] } };
    assert.ok(containsDesired({ spec: { a: 1, b: 2, list: [{ name: 'x', v: 1, extra: true }] }, status: {} }, desired));
    assert.ok(!containsDesired({ spec: { a: 2, list: [{ name: 'x', v: 1 }] } }, desired));
    assert.ok(!containsDesired({ spec: { a: 1, list: [{ name: 'x', v: 1 }, { name: 'y' }] } }, desired), 'an added list element');
    assert.ok(!containsDesired({ spec: { a: 1 } }, desired));
  });
});
