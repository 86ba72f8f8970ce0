// One fault at a time on a 2-node local cluster under steady load through the proxy and through
// handles: a worker killed, a replica exiting, an uncaught exception in user code, the head
// killed, nats-server killed. Each case prints `<case>: sent N, answered N, failed N, recovery M ms`.
//
// Budgets: no request is ever left unanswered; only requests in flight on the process that died
// may fail (none for head and NATS faults); replicas are back to the desired count within 5 s;
// the configuration read back afterwards equals what was acknowledged before.
import { strict as assert } from 'node:assert';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect as natsConnect } from 'nats';
import { ReplicaDiedError } from '@troupe/common';
import { start, freePort, type ServeHandle, type TroupeClient } from '@troupe/serve';
import { DESIRED_STATE_KEY, STATE_BUCKET, v1 } from '@troupe/protocol';
import { pollUntil } from '@troupe/test-kit';
import { acknowledgedConfig, replicasRunning, runFaultCase, type ProbeTargets } from './fault-scenario.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const REPLICA_BUDGET_MS = 5_000;

/** Resolves once the supervisor has seen the process with `pid` exit. */
function exitSeen(client: TroupeClient, name: string, pid: number): Promise<number> {
  return pollUntil(() => client.cluster!.process(name).pid !== pid && Date.now(), 10_000, `${name} to exit`, 2);
}

describe('fault tolerance: one component fails under load', function () {
  this.timeout(120_000);
  let client: TroupeClient;
  let targets: ProbeTargets;

  before(async () => {
    const port = await freePort();
    client = await start({ nodes: 2, port: 0, codeDir: fixtures, httpOptions: { port } });
    await client.createBackend('probe', './fault-probe.mjs#faultProbe', { config: { numReplicas: 2, maxConcurrentQueries: 50 } });
    await client.createEndpoint('probe', { backend: 'probe', route: '/probe', methods: ['GET', 'POST'] });
    // More acknowledged configuration to read back: an idle backend and a handle-only endpoint.
    await client.createBackend('spare', './fault-probe.mjs#faultProbe', { config: { numReplicas: 0, maxConcurrentQueries: 7 } });
    await client.createEndpoint('spare', { backend: 'spare' });
    const handle: ServeHandle = await client.getHandle('probe');
    targets = { httpBase: `http://127.0.0.1:${port}`, handle, holdMs: 5, httpConcurrency: 6, handleConcurrency: 6 };
  });

  after(async () => {
    await client?.shutdown();
  });

  beforeEach(async () => {
    // Each case starts from a settled cluster: every process up, both replicas running.
    await pollUntil(() => replicasRunning(client, 2), 15_000, 'two running replicas');
    await client.waitConverged();
  });

  it('kill -9 of the worker holding one of two replicas', async () => {
    const status = await client.status();
    const victim = status.workers.find((w) => w.nodeId === 'node-2');
    const killedTags = new Set((victim?.replicas ?? []).map((r) => r.replicaTag ?? '').filter((t) => t.startsWith('probe#')));
    assert.equal(killedTags.size, 1, 'replicas spread: one on node-2');
    const worker = client.cluster!.process('worker node-2');
    const restarted = worker.nextReady(30_000);
    await runFaultCase('worker kill -9', client, targets, {
      inFlightMayFail: true,
      recoveryBudgetMs: REPLICA_BUDGET_MS,
      async inject() {
        const pid = worker.pid!;
        process.kill(pid, 'SIGKILL');
        return exitSeen(client, 'worker node-2', pid);
      },
      recovered: async () => (await replicasRunning(client, 2, { excludedTags: killedTags, excludedWorker: victim!.workerId ?? '' })) !== false,
    });
    await restarted;
  });

  for (const [name, command] of [
    ['replica process.exit', 'exit'],
    ['uncaught exception in user code', 'throw-later'],
  ] as const) {
    it(`${name} in one of two replicas`, async () => {
      const before = new Set((await replicasRunning(client, 2)) || []);
      await runFaultCase(name, client, targets, {
        inFlightMayFail: true,
        recoveryBudgetMs: REPLICA_BUDGET_MS,
        async inject() {
          // The request that kills its replica is itself in flight on it: it fails, and says why.
          await assert.rejects(client.get(targets.handle!.remote({ command, id: 'fault', ms: 50 })), ReplicaDiedError);
          return Date.now();
        },
        async recovered() {
          const tags = await replicasRunning(client, 2);
          return tags !== false && tags.filter((t) => before.has(t)).length === 1;
        },
      });
    });
  }

  it('kill -9 of the head; the supervisor restarts it', async () => {
    const head = client.cluster!.process('head');
    const before = await acknowledgedConfig(client);
    const replicas = await replicasRunning(client, 2);
    await runFaultCase('head kill -9', client, targets, {
      inFlightMayFail: false,
      // The head's own restart: process start, state from JetStream, workers re-registering.
      recoveryBudgetMs: 10_000,
      async inject() {
        const pid = head.pid!;
        process.kill(pid, 'SIGKILL');
        return exitSeen(client, 'head', pid);
      },
      async recovered() {
        const now = await acknowledgedConfig(client);
        assert.deepEqual(now, before);
        return (await replicasRunning(client, 2)) !== false;
      },
      async verify() {
        // Running replicas were adopted by the new head, not replaced.
        assert.deepEqual(await replicasRunning(client, 2), replicas);
      },
    });
  });

  it('nats-server stalls (SIGSTOP) during a config change, then resumes', async () => {
    const nats = client.cluster!.process('nats');
    let stalledChange: Promise<unknown> | undefined;
    await runFaultCase('nats-server stalled', client, targets, {
      inFlightMayFail: false,
      // From the resumption of nats-server to a change acknowledged again.
      recoveryBudgetMs: 10_000,
      recoveryFromInjectEnd: true,
      async inject() {
        process.kill(nats.pid!, 'SIGSTOP');
        // The head cannot persist this change while NATS is stopped: the change must fail (it is
        // not acknowledged) and must not show up in the configuration read back.
        stalledChange = client.updateBackendConfig('spare', { maxConcurrentQueries: 9 });
        await assert.rejects(stalledChange, /could not persist/);
        process.kill(nats.pid!, 'SIGCONT');
        return Date.now();
      },
      // The head accepts changes again: one is acknowledged, then undone.
      async recovered() {
        await client.updateBackendConfig('spare', { maxConcurrentQueries: 8 });
        await client.updateBackendConfig('spare', { maxConcurrentQueries: 7 });
        return true;
      },
    });
  });

  it('kill -9 of nats-server; it restarts on the same port and JetStream store', async () => {
    const nats = client.cluster!.process('nats');
    const { natsUrl } = client.cluster!.info;
    const stored = async (): Promise<unknown> => {
      const connection = await natsConnect({ servers: natsUrl, reconnect: false, timeout: 1_000 });
      try {
        const kv = await connection.jetstream().views.kv(STATE_BUCKET, { bindOnly: true });
        const entry = await kv.get(DESIRED_STATE_KEY);
        return entry ? structuredClone(v1.DesiredState.decode(entry.value)) : undefined;
      } finally {
        await connection.close();
      }
    };
    const storedBefore = await stored();
    assert.ok(storedBefore, 'desired state is in JetStream');
    await runFaultCase('nats-server kill -9', client, targets, {
      inFlightMayFail: false,
      // nats-server restart (backoff from 100 ms) and JetStream recovering its store.
      recoveryBudgetMs: 10_000,
      async inject() {
        const pid = nats.pid!;
        process.kill(pid, 'SIGKILL');
        return exitSeen(client, 'nats', pid);
      },
      async recovered() {
        return nats.pid !== undefined && (await stored()) !== undefined;
      },
      async verify() {
        assert.deepEqual(await stored(), storedBefore, 'JetStream state survived the restart');
        // The head writes through the restarted server again: a change is acknowledged, persisted
        // and read back, then undone.
        await client.updateBackendConfig('spare', { maxConcurrentQueries: 8 });
        assert.equal((await client.getBackendConfig('spare')).maxConcurrentQueries, 8);
        assert.notDeepEqual(await stored(), storedBefore);
        await client.updateBackendConfig('spare', { maxConcurrentQueries: 7 });
      },
    });
  });
});
