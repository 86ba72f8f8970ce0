import { strict as assert } from 'node:assert';
import { parseHealthPort, startHealthServer, type Readiness } from '../src/health-server.js';

describe('health server', () => {
  it('answers /-/healthz with ok and /-/readyz from the readiness check, as it changes', async () => {
    let readiness: Readiness = { ready: false, reason: 'not registered with the head' };
    const server = await startHealthServer({ port: 0, readiness: () => readiness });
    try {
      assert.match(server.address, /^127\.0\.0\.1:\d+$/);
      const get = async (path: string, method = 'GET') => {
        const reply = await fetch(`http://${server.address}${path}`, { method });
        return [reply.status, await reply.text(), reply.headers.get('content-type')] as const;
      };
      assert.deepEqual(await get('/-/healthz'), [200, 'ok', 'text/plain; charset=utf-8']);
      assert.deepEqual(await get('/-/readyz'), [503, 'not registered with the head', 'text/plain; charset=utf-8']);
      readiness = { ready: true };
      assert.deepEqual(await get('/-/readyz?verbose'), [200, 'ok', 'text/plain; charset=utf-8']);
      assert.equal((await get('/-/other'))[0], 404);
      assert.equal((await get('/-/healthz', 'POST'))[0], 405);
    } finally {
      await server.close();
    }
  });

  it('reads the port with the flag name in its errors; unset means no server', () => {
    assert.equal(parseHealthPort(undefined), undefined);
    assert.equal(parseHealthPort(''), undefined);
    assert.equal(parseHealthPort('7431'), 7431);
    assert.throws(() => parseHealthPort('http'), /health-port: expected a port number from 0 to 65535, got "http"/);
    assert.throws(() => parseHealthPort('70000'), /health-port/);
  });
});
