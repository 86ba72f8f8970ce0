// Changes under load: a steady stream of calls through a handle and through the HTTP proxy keeps
// being answered while replicas scale 2 → 4 → 1, traffic moves 100/0 → 0/100, userConfig changes
// and shadows come and go. Every call sent is counted, and none may fail.
import { strict as assert } from 'node:assert';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type TroupeClient } from '@troupe/serve';
import { pollUntil, startServingCluster } from '@troupe/test-kit';
import { runBounded, SteadyLoad, type LoadReport } from './support/bounded-load.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** What versioned.mjs answers. */
interface Answer {
  backend: string;
  replica: string;
  version: number;
}

function isAnswer(reply: unknown): reply is Answer {
  const answer = reply as Answer;
  return (answer?.backend === 'blue' || answer?.backend === 'green') && answer.replica.startsWith(`${answer.backend}#`);
}

describe('zero downtime under load', function () {
  this.timeout(120_000);
  let client: TroupeClient;
  let base: string;

  before(async () => {
    ({ client, base } = await startServingCluster({ nodes: 2, codeDir: fixtures }));
    await client.createBackend('blue', './versioned.mjs#Versioned', { config: { numReplicas: 2, userConfig: { version: 1 } } });
    await client.createBackend('green', './versioned.mjs#Versioned', { config: { numReplicas: 1, userConfig: { version: 1 } } });
    await client.createBackend('sink', './call-counter.mjs#CallCounter');
    await client.createEndpoint('live', { route: '/live', traffic: { blue: 1, green: 0 } });
  });

  after(async () => {
    await client?.shutdown();
  });

  it('answers every call while scaling, switching traffic, reconfiguring and shadowing', async () => {
    const handle = await client.getHandle('live');
    const viaHttp = async (): Promise<unknown> => {
      const reply = await fetch(`${base}/live`);
      if (reply.status !== 200) throw new Error(`HTTP ${reply.status}: ${await reply.text()}`);
      return reply.json();
    };
    // Eight callers: half through the handle, half through the proxy.
    const load = new SteadyLoad(8, (caller) => (caller % 2 === 0 ? handle.remote() : viaHttp()), isAnswer);
    /** Waits until `count` more calls succeeded: traffic kept flowing across the last change. */
    const flowing = async (count: number, after: string): Promise<void> => {
      const target = load.okCount + count;
      await pollUntil(() => load.okCount >= target, 20_000, `${count} more answered calls after ${after}`);
    };
    /** Samples both paths; each sample must satisfy `expected`. */
    const sample = async (expected: (answer: Answer) => boolean, what: string): Promise<void> => {
      const answers = await runBounded(40, 8, async (i) => (i % 2 === 0 ? handle.remote() : viaHttp()) as Promise<Answer>);
      for (const answer of answers) assert.ok(expected(answer), `${what}: got ${JSON.stringify(answer)}`);
    };

    let report: LoadReport;
    try {
      await flowing(200, 'the start');

      for (const replicas of [4, 1]) {
        await client.updateBackendConfig('blue', { numReplicas: replicas });
        await flowing(200, `scaling blue to ${replicas}`);
        const tags = (await client.describeBackend('blue')).replicaTags;
        assert.equal(tags.length, replicas);
        await sample((a) => a.backend === 'blue' && tags.includes(a.replica), `blue at ${replicas} replicas`);
      }

      await client.setTraffic('live', { blue: 0, green: 1 });
      await flowing(200, 'moving traffic to green');
      await sample((a) => a.backend === 'green', 'after 0/100');

      await client.updateBackendConfig('green', { userConfig: { version: 2 } });
      await flowing(200, 'changing userConfig');
      await sample((a) => a.backend === 'green' && a.version === 2, 'after userConfig version 2');

      await client.updateBackendConfig('green', { numReplicas: 3 });
      await flowing(200, 'scaling green to 3');

      for (const proportion of [1, 0.5, 0]) {
        await client.shadowTraffic('live', 'sink', proportion);
        await flowing(200, `shadowing at ${proportion}`);
      }

      await client.setTraffic('live', { blue: 1, green: 0 });
      await flowing(200, 'moving traffic back to blue');
      await sample((a) => a.backend === 'blue' && a.version === 1, 'after 100/0');
    } finally {
      // Stopped either way, so a failed step neither leaves callers running nor hides its error.
      report = await load.stop();
    }
    assert.deepEqual(report.failures, [], `${report.failed} of ${report.sent} calls failed`);
    assert.equal(report.failed, 0);
    assert.equal(report.ok, report.sent, 'every call sent was answered');
    assert.ok(report.sent >= 2_000, `only ${report.sent} calls were sent`);
  });
});
