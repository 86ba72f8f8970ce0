import { strict as assert } from 'node:assert';
import { ValidationError } from '@troupe/common';
import { parseProxyCommandLine } from '../src/index.js';

describe('proxy command line', () => {
  it('reads every flag', () => {
    const options = parseProxyCommandLine(
      [
        '--nats-url', 'nats://10.0.0.1:4222',
        '--host', '127.0.0.2',
        '--port', '8001',
        '--node-id', 'node-2',
        '--drain-seconds', '0.5',
        '--body-limit-bytes', '1024',
        '--request-timeout-seconds', '30',
        '--max-header-size', '8192',
        '--max-connections', '500',
      ],
      {},
    );
    assert.deepEqual(options, {
      natsUrl: 'nats://10.0.0.1:4222',
      host: '127.0.0.2',
      port: 8001,
      nodeId: 'node-2',
      drainSeconds: 0.5,
      bodyLimitBytes: 1024,
      requestTimeoutSeconds: 30,
      maxHeaderSize: 8192,
      maxConnections: 500,
    });
  });

  it('falls back to the environment, and flags win over it', () => {
    const env = { TROUPE_NATS_URL: 'nats://env:4222', TROUPE_HTTP_PORT: '9000', TROUPE_NODE_ID: 'env-node' };
    assert.deepEqual(parseProxyCommandLine(['--port', '9001'], env), {
      natsUrl: 'nats://env:4222',
      port: 9001,
      nodeId: 'env-node',
    });
  });

  it('defaults the NATS URL to the local server', () => {
    assert.deepEqual(parseProxyCommandLine([], {}), { natsUrl: 'nats://127.0.0.1:4222' });
  });

  it('refuses bad values and unknown flags, naming them', () => {
    assert.throws(() => parseProxyCommandLine(['--port', '70000'], {}), (e: unknown) => e instanceof ValidationError && /--port/.test(e.message));
    assert.throws(() => parseProxyCommandLine(['--drain-seconds', '-1'], {}), /--drain-seconds/);
    assert.throws(() => parseProxyCommandLine(['--body-limit-bytes', '1.5'], {}), /--body-limit-bytes/);
    assert.throws(() => parseProxyCommandLine(['--max-connections', '0'], {}), /--max-connections/);
    assert.throws(() => parseProxyCommandLine([], { TROUPE_REQUEST_TIMEOUT_SECONDS: 'soon' }), /--request-timeout-seconds/);
    assert.throws(() => parseProxyCommandLine(['--bogus', '1'], {}), (e: unknown) => e instanceof ValidationError && /bogus/.test(e.message));
  });
});
