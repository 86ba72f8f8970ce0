import { strict as assert } from 'node:assert';
import { natsAuthOptions, natsPermissions, natsServerConfig, natsUser } from '../src/index.js';

describe('NATS access', () => {
  it('lets only the head publish route tables and write the state bucket', () => {
    const publishers = (subject: string): string[] =>
      (['head', 'proxy', 'client'] as const).filter((role) => natsPermissions(role).publish.includes(subject));
    assert.deepEqual(publishers('troupe.snapshot'), ['head']);
    assert.deepEqual(publishers('$KV.troupe_state.>'), ['head']);
    assert.deepEqual(publishers('troupe.proxy.heartbeat'), ['proxy']);
    for (const role of ['proxy', 'client'] as const) {
      assert.ok(natsPermissions(role).publish.every((s) => !s.includes('>') && !s.includes('*')), `${role}: no wildcard`);
      assert.deepEqual(natsPermissions(role).subscribe, ['troupe.snapshot', `_INBOX_${natsUser(role)}.>`]);
    }
  });

  it('writes a configuration with one user per role only when given passwords, and sync only when asked', () => {
    const open = natsServerConfig({ host: '127.0.0.1', port: 4222, storeDir: '/s', syncAlways: false });
    assert.doesNotMatch(open, /accounts|sync_interval/);
    const locked = natsServerConfig({ host: '127.0.0.1', port: 4222, storeDir: '/s', syncAlways: true, passwords: { head: 'h"1', proxy: 'p2', client: 'c3' } });
    assert.match(locked, /sync_interval: always/);
    assert.match(locked, /user: "troupe-head", password: "h\\"1"/);
    assert.equal(locked.match(/\{ user: /g)?.length, 3);
  });

  it('connects each user with its own inbox prefix', () => {
    assert.deepEqual(natsAuthOptions({ TROUPE_NATS_USER: 'troupe-proxy', TROUPE_NATS_PASSWORD: 'pw' }), {
      user: 'troupe-proxy',
      pass: 'pw',
      inboxPrefix: '_INBOX_troupe-proxy',
    });
    assert.deepEqual(natsAuthOptions({ TROUPE_NATS_TOKEN: 't' }), { token: 't' });
    assert.deepEqual(natsAuthOptions({}), {});
  });
});
