import { strict as assert } from 'node:assert';
import { livenessOf, readinessOf, startHealthServer, type HealthSource } from '../src/operator-health.js';

function source(fields: { attempt?: number; contact?: number; stopping?: boolean }): HealthSource {
  return { lastAttemptAt: () => fields.attempt ?? 0, lastContactAt: () => fields.contact ?? 0, stopping: () => fields.stopping ?? false };
}

describe('operator health', () => {
  const options = { stuckAfterMs: 30_000, unreachableAfterMs: 10_000, startedAt: 1_000, now: () => 20_000 };

  it('alive while the leader-election loop turns; stuck after stuckAfterMs without an attempt', () => {
    assert.equal(livenessOf(source({}), options).status, 200, 'just started');
    assert.equal(livenessOf(source({ attempt: 19_000 }), options).status, 200);
    assert.equal(livenessOf(source({ attempt: 5_000 }), { ...options, now: () => 40_000 }).status, 503);
  });

  it('ready once the API server answered recently, not while stopping', () => {
    assert.equal(readinessOf(source({}), options).status, 503);
    assert.equal(readinessOf(source({ contact: 15_000 }), options).status, 200);
    assert.equal(readinessOf(source({ contact: 5_000 }), options).status, 503);
    assert.equal(readinessOf(source({ contact: 19_000, stopping: true }), options).status, 503);
  });

  it('serves /-/healthz and /-/readyz over HTTP', async () => {
    const server = await startHealthServer('127.0.0.1', 0, source({ attempt: Date.now(), contact: Date.now() }), { ...options, now: Date.now, startedAt: Date.now() });
    try {
      for (const path of ['/-/healthz', '/-/readyz']) {
        const reply = await fetch(`http://127.0.0.1:${server.port}${path}`);
        assert.equal(reply.status, 200, path);
      }
      assert.equal((await fetch(`http://127.0.0.1:${server.port}/other`)).status, 404);
    } finally {
      await server.close();
    }
  });
});
