import { strict as assert } from 'node:assert';
import { OperatorConfigError } from '../src/errors.js';
import { resolveOperatorOptions } from '../src/operator-options.js';

describe('operator options', () => {
  it('takes flags over environment variables over defaults', () => {
    const options = resolveOperatorOptions(['--http-location', 'EveryNode', '--proxy-image', 'img'], {
      TROUPE_HTTP_LOCATION: 'NoServer',
      TROUPE_NATS_URL: 'nats://n:4222',
      TROUPE_HEAD_ADDRESS: 'head:7420',
      TROUPE_ADMIN_TOKEN: 'secret',
      TROUPE_LEASE_DURATION: '4',
    });
    assert.equal(options.proxy.location, 'EveryNode');
    assert.equal(options.proxy.natsUrl, 'nats://n:4222');
    assert.equal(options.headAddress, 'head:7420');
    assert.equal(options.adminToken, 'secret');
    assert.equal(options.leaseDurationMs, 4000);
    assert.equal(options.proxy.port, 8000);
    assert.equal(options.proxy.serviceType, 'LoadBalancer');
    assert.equal(options.leaseName, 'troupe-operator');
  });

  it('refuses bad values with the flag named', () => {
    assert.throws(() => resolveOperatorOptions(['--http-location', 'Everywhere'], {}), (e: unknown) => e instanceof OperatorConfigError && /--http-location/.test(e.message));
    assert.throws(() => resolveOperatorOptions(['--http-location', 'EveryNode', '--nats-url', 'n'], {}), /--proxy-image/);
    assert.throws(() => resolveOperatorOptions(['--http-port', '70000'], {}), /--http-port/);
    assert.throws(() => resolveOperatorOptions(['--bogus'], {}), OperatorConfigError);
  });

  it('gives two replicas of one pod distinct identities', () => {
    const a = resolveOperatorOptions(['--http-location', 'NoServer'], { POD_NAME: 'op-0' });
    const b = resolveOperatorOptions(['--http-location', 'NoServer'], { POD_NAME: 'op-0' });
    assert.match(a.identity, /^op-0_/);
    assert.notEqual(a.identity, b.identity);
  });

  it('reads the proxies\' pod settings, ports and timings the chart passes, and checks them', () => {
    const options = resolveOperatorOptions([], {
      TROUPE_HTTP_LOCATION: 'EveryNode',
      TROUPE_PROXY_IMAGE: 'img',
      TROUPE_NATS_URL: 'nats://n:4222',
      TROUPE_HTTP_PORT: '80',
      TROUPE_HTTP_CONTAINER_PORT: '8000',
      TROUPE_PRE_STOP_SECONDS: '20',
      TROUPE_REQUEST_TIMEOUT_SECONDS: '90',
      TROUPE_PROXY_POD: JSON.stringify({ imagePullSecrets: [{ name: 'r' }], nodeSelector: {}, priorityClassName: '' }),
      TROUPE_PROXY_TLS_SECRET: 'tls',
      TROUPE_TLS_SERVER_NAME: 'h.ns.svc',
      TROUPE_HEAD_DEPLOYMENT: 'x-head',
      TROUPE_ADMIN_TOKEN_SECRET: 'x-admin-token',
      TROUPE_DATA_TOKEN_SECRET: 'x-data-token',
      TROUPE_NATS_AUTH_SECRET: 'x-nats-auth',
    });
    assert.equal(options.proxy.port, 80);
    assert.equal(options.proxy.containerPort, 8000);
    assert.equal(options.proxy.preStopSeconds, 20);
    assert.equal(options.proxy.requestTimeoutSeconds, 90);
    assert.deepEqual(options.proxy.pod?.imagePullSecrets, [{ name: 'r' }]);
    assert.equal(options.proxy.tlsSecret, 'tls');
    assert.equal(options.proxy.tlsServerName, 'h.ns.svc');
    assert.equal(options.headDeployment, 'x-head');
    assert.equal(options.adminTokenSecret, 'x-admin-token');
    assert.equal(options.dataTokenSecret, 'x-data-token');
    assert.equal(options.natsAuthSecret, 'x-nats-auth');
    assert.equal(resolveOperatorOptions(['--http-location', 'NoServer', '--nats-auth-secret', 'flagged'], {}).natsAuthSecret, 'flagged');
    assert.equal(options.healthPort, 8081);
    assert.equal(options.releaseFinalizers, false);
    assert.equal(resolveOperatorOptions(['--http-location', 'NoServer', '--release-finalizers'], {}).releaseFinalizers, true);
    assert.equal(resolveOperatorOptions(['--http-location', 'NoServer'], { TROUPE_HTTP_PORT: '80' }).proxy.containerPort, 80, 'container port defaults to the Service port');
    assert.throws(() => resolveOperatorOptions(['--http-location', 'NoServer', '--proxy-pod', '{"hostNetwork":true}'], {}), /--proxy-pod: unknown field "hostNetwork"/);
    assert.throws(() => resolveOperatorOptions(['--http-location', 'NoServer', '--proxy-pod', '{"tolerations":{}}'], {}), /--proxy-pod: tolerations must be a JSON array/);
    assert.throws(() => resolveOperatorOptions(['--http-location', 'NoServer', '--health-port', 'x'], {}), /--health-port/);
  });
});
