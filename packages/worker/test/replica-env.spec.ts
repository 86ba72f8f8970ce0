import { strict as assert } from 'node:assert';
import { replicaEnv } from '../src/thread-launcher.js';

describe('replica thread environment', () => {
  it("keeps the worker's environment less every credential of the cluster", () => {
    const env = replicaEnv({
      PATH: '/usr/bin',
      HOME: '/home/app',
      TROUPE_ADDRESS: '127.0.0.1:7420',
      TROUPE_CODE_DIR: '/srv/code',
      TROUPE_LOG_LEVEL: 'info',
      TROUPE_ADMIN_TOKEN: 'admin',
      TROUPE_DATA_TOKEN: 'data',
      TROUPE_NATS_URL: 'nats://10.0.0.1:4222',
      TROUPE_NATS_USER: 'worker',
      TROUPE_NATS_PASSWORD: 'secret',
      TROUPE_NATS_TOKEN: 'nats-token',
      TROUPE_NATS_CREDS: '/etc/troupe/nats.creds',
      TROUPE_TLS_CERT: '/etc/troupe/tls.crt',
      TROUPE_TLS_KEY: '/etc/troupe/tls.key',
      TROUPE_TLS_CA: '/etc/troupe/ca.crt',
      TROUPE_SOMETHING_SECRET: 'x',
      UNSET: undefined,
    });
    assert.deepEqual(env, {
      PATH: '/usr/bin',
      HOME: '/home/app',
      TROUPE_ADDRESS: '127.0.0.1:7420',
      TROUPE_CODE_DIR: '/srv/code',
      TROUPE_LOG_LEVEL: 'info',
    });
  });
});
