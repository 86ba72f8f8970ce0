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
});
