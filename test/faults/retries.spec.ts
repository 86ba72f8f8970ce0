// The router's retry rule: a call is retried on another replica when the connection to its
// replica broke before the call was delivered, and never when the replica may have run it. A
// fixture appends one line per execution to a shared file, so double execution cannot hide.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { Server as GrpcServer, ServerCredentials, Metadata, status as GrpcStatus, type ServerDuplexStream } from '@grpc/grpc-js';
import {
  ChannelBrokenError,
  DataPlane,
  ReplicaDiedError,
  SnapshotWatcher,
  UnavailableError,
  WorkerChannel,
  type CallRequest,
} from '@troupe/common';
import { DataService, type troupe } from '@troupe/protocol';
import { start, freePort, type TroupeClient } from '@troupe/serve';
import { pollUntil } from '@troupe/test-kit';
import { REPLICA_RUNNING, replicasRunning } from './fault-scenario.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Executions per request id, read from the fixture's log: `<id> <replica>` per line. */
function executions(logFile: string): Map<string, string[]> {
  const runs = new Map<string, string[]>();
  for (const line of readFileSync(logFile, 'utf8').split('\n')) {
    if (line === '') continue;
    const [id, replica] = line.split(' ') as [string, string];
    runs.set(id, [...(runs.get(id) ?? []), replica]);
  }
  return runs;
}

function assertRanOnce(logFile: string, ids: string[]): Map<string, string[]> {
  const runs = executions(logFile);
  for (const id of ids) assert.equal(runs.get(id)?.length, 1, `request ${id} ran ${runs.get(id)?.length ?? 0} times: ${runs.get(id)?.join(', ')}`);
  return runs;
}

function handleCall(data: unknown): CallRequest {
  return { data: serialize(data), valueReply: true, http: { method: 'GET', path: '', query: {}, headers: {} } };
}

/** A TCP listener that accepts and at once resets every connection: it breaks before any byte. */
async function resettingListener(): Promise<{ server: Server; address: string; accepted: () => number }> {
  let accepted = 0;
  const server = createServer((socket: Socket) => {
    accepted++;
    socket.resetAndDestroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { server, address: `127.0.0.1:${port}`, accepted: () => accepted };
}

describe('router retries', function () {
  this.timeout(120_000);
  let client: TroupeClient;
  let httpBase: string;
  let dir: string;
  let logFile: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'troupe-retries-'));
    logFile = join(dir, 'executions.log');
    writeFileSync(logFile, '');
    const port = await freePort();
    httpBase = `http://127.0.0.1:${port}`;
    client = await start({ nodes: 2, port: 0, codeDir: fixtures, httpOptions: { port } });
    await client.createBackend('ledger', './execution-log.mjs#ExecutionLog', { config: { numReplicas: 2 }, initArgs: [logFile] });
    await client.createEndpoint('ledger', { backend: 'ledger', route: '/ledger' });
  });

  after(async () => {
    await client?.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Nodes whose worker reports a RUNNING ledger replica, once heartbeats show both replicas. */
  async function ledgerNodes(): Promise<Set<string>> {
    await pollUntil(() => replicasRunning(client, 2, { tag: 'ledger' }), 15_000, 'two running ledger replicas');
    const status = await client.status();
    return new Set(
      status.workers
        .filter((w) => (w.replicas ?? []).some((r) => r.replicaTag?.startsWith('ledger#') && r.state === REPLICA_RUNNING))
        .map((w) => w.nodeId ?? ''),
    );
  }

  /** The head forgot the killed worker and runs two ledger replicas elsewhere. */
  async function replaced(killedWorker: string): Promise<void> {
    await pollUntil(
      async () =>
        !(await client.status()).workers.some((w) => w.workerId === killedWorker) &&
        replicasRunning(client, 2, { tag: 'ledger', excludedWorker: killedWorker }),
      10_000,
      'the killed worker replaced',
    );
  }

  beforeEach(async () => {
    // Both workers registered (a killed one is forgotten when its Session stream ends).
    await pollUntil(async () => {
      const workers = (await client.status()).workers.map((w) => w.nodeId).sort();
      return workers.length === 2 && workers[0] === 'node-1' && workers[1] === 'node-2';
    }, 15_000, 'one worker per node');
    await client.waitConverged();
    if ((await ledgerNodes()).size !== 2) {
      // A previous case left both replicas on one node: place them on both again.
      await client.updateBackendConfig('ledger', { numReplicas: 0 });
      await client.updateBackendConfig('ledger', { numReplicas: 2 });
      assert.equal((await ledgerNodes()).size, 2, 'one ledger replica per node');
    }
  });

  it('retries calls whose connection broke before delivery: replicas that refuse or reset connections', async () => {
    const { natsUrl } = client.cluster!.info;
    const watcher = await SnapshotWatcher.start({ natsUrl });
    const reset = await resettingListener();
    const refusedPort = await freePort();
    const plane = new DataPlane();
    try {
      const snapshot = watcher.current!;
      const ledger = snapshot.backends.find((b) => b.tag === 'ledger')!;
      // The head's snapshot plus two replicas no call can reach: one whose port refuses
      // connections (a killed worker) and one whose connections break at once.
      plane.applySnapshot({
        ...snapshot,
        backends: [
          {
            ...ledger,
            replicas: [
              ...(ledger.replicas ?? []),
              { replicaTag: 'ledger#refuse', workerId: 'gone', nodeId: 'node-9', dataAddress: `127.0.0.1:${refusedPort}` },
              { replicaTag: 'ledger#resets', workerId: 'reset', nodeId: 'node-9', dataAddress: reset.address },
            ],
          },
        ],
      });
      const ids = Array.from({ length: 300 }, (_, i) => `refused-${i}`);
      // Issued in one turn: the scheduler spreads them over all four replicas before any fails.
      const replies = await Promise.all(ids.map((id) => plane.call('ledger', handleCall({ id })).reply));
      for (const [i, reply] of replies.entries()) {
        assert.equal(reply.error, null, `call ${ids[i]} failed: ${reply.error?.message}`);
        assert.equal((deserialize(reply.value) as { id: string }).id, ids[i]);
      }
      assert.ok(reset.accepted() >= 1, 'calls were sent to the replica whose connections break');
      const runs = assertRanOnce(logFile, ids);
      for (const id of ids) assert.match(runs.get(id)![0]!, /^ledger#[a-z]{6}$/);
    } finally {
      plane.close();
      reset.server.close();
      await watcher.close();
    }
  });

  it('retries calls routed to a killed worker until the head replaces it, and runs each once', async () => {
    const status = await client.status();
    const victim = status.workers.find((w) => w.nodeId === 'node-2')!;
    const killedTag = (victim.replicas ?? []).find((r) => r.replicaTag?.startsWith('ledger#'))!.replicaTag ?? '';
    const worker = client.cluster!.process('worker node-2');
    const back = worker.nextReady(30_000);
    const pid = worker.pid!;
    const handle = await client.getHandle('ledger');
    // The head drops a dead worker's replicas from the snapshot within milliseconds (the end of
    // its Session stream): frozen, it cannot, so every router still lists the dead replica while
    // the burst runs, whatever the machine's speed.
    const head = client.cluster!.process('head');
    const headPid = head.pid!;
    process.kill(headPid, 'SIGSTOP');
    try {
      process.kill(pid, 'SIGKILL');
      await pollUntil(() => worker.pid !== pid, 5_000, 'the worker to exit', 2);
    } catch (error) {
      process.kill(headPid, 'SIGCONT');
      throw error;
    }
    // Sent after the worker died, while every router still lists its replica.
    const handleIds = Array.from({ length: 200 }, (_, i) => `after-kill-${i}`);
    const httpIds = Array.from({ length: 60 }, (_, i) => `after-kill-http-${i}`);
    let handleReplies: unknown[];
    let httpReplies: unknown[];
    try {
      [handleReplies, httpReplies] = await Promise.all([
        Promise.all(handleIds.map((id) => client.get(handle.remote({ id })))),
        Promise.all(httpIds.map(async (id) => (await fetch(`${httpBase}/ledger?id=${id}`)).json())),
      ]);
      assert.equal(head.pid, headPid, 'the burst ran while the head, frozen, still listed the dead replica');
    } finally {
      process.kill(headPid, 'SIGCONT');
    }
    for (const [i, reply] of handleReplies.entries()) assert.equal((reply as { id: string }).id, handleIds[i]);
    for (const [i, reply] of httpReplies.entries()) assert.equal((reply as { id: string }).id, httpIds[i]);
    const burst = [...handleIds, ...httpIds];
    const runs = assertRanOnce(logFile, burst);
    for (const id of burst) assert.notEqual(runs.get(id)![0], killedTag);
    await back;
    await replaced(victim.workerId ?? '');
  });

  it('never re-runs a call the killed worker may have run: it fails instead', async () => {
    const handle = await client.getHandle('ledger');
    const handleIds = Array.from({ length: 16 }, (_, i) => `in-flight-${i}`);
    const httpIds = Array.from({ length: 8 }, (_, i) => `in-flight-http-${i}`);
    const handleOutcomes = handleIds.map((id) =>
      client.get(handle.remote({ id, ms: 4_000 })).then(
        (reply) => ({ ok: true as const, reply }),
        (error: Error) => ({ ok: false as const, error }),
      ),
    );
    const httpOutcomes = httpIds.map(async (id) => {
      const reply = await fetch(`${httpBase}/ledger?id=${id}&ms=4000`);
      return { status: reply.status, body: await reply.text() };
    });
    // Every call is running (logged) before the kill.
    await pollUntil(() => [...handleIds, ...httpIds].every((id) => executions(logFile).has(id)), 10_000, 'all calls to start');
    const victim = (await client.status()).workers.find((w) => w.nodeId === 'node-2')!;
    const onVictim = new Set((victim.replicas ?? []).map((r) => r.replicaTag ?? ''));
    const worker = client.cluster!.process('worker node-2');
    const back = worker.nextReady(30_000);
    process.kill(worker.pid!, 'SIGKILL');
    const handleResults = await Promise.all(handleOutcomes);
    const httpResults = await Promise.all(httpOutcomes);
    const runs = assertRanOnce(logFile, [...handleIds, ...httpIds]);
    let failed = 0;
    for (const [i, outcome] of handleResults.entries()) {
      const ranOnVictim = onVictim.has(runs.get(handleIds[i]!)![0]!);
      if (ranOnVictim) {
        failed++;
        assert.equal(outcome.ok, false, `${handleIds[i]} ran on the killed worker yet succeeded`);
        if (!outcome.ok) assert.ok(outcome.error instanceof UnavailableError, `${outcome.error.name}: ${outcome.error.message}`);
      } else {
        assert.ok(outcome.ok, `${handleIds[i]} ran on the live worker: ${outcome.ok ? '' : outcome.error.message}`);
      }
    }
    for (const [i, result] of httpResults.entries()) {
      const ranOnVictim = onVictim.has(runs.get(httpIds[i]!)![0]!);
      if (ranOnVictim) failed++;
      assert.equal(result.status, ranOnVictim ? 503 : 200, `${httpIds[i]}: ${result.status} ${result.body}`);
    }
    assert.ok(failed >= 1, 'some calls were on the killed worker');
    await back;
    await replaced(victim.workerId ?? '');
  });

  it('never re-runs a call whose replica thread died under it', async () => {
    await pollUntil(() => replicasRunning(client, 2, { tag: 'ledger' }), 15_000, 'two running replicas');
    const handle = await client.getHandle('ledger');
    const ids = Array.from({ length: 20 }, (_, i) => `thread-death-${i}`);
    const outcomes = ids.map((id) =>
      client.get(handle.remote({ id, ms: 3_000 })).then(
        () => 'ok',
        (error: Error) => error,
      ),
    );
    await pollUntil(() => ids.every((id) => executions(logFile).has(id)), 10_000, 'all calls to start');
    await assert.rejects(client.get(handle.remote({ id: 'exit-now', command: 'exit' })), ReplicaDiedError);
    const exitedOn = executions(logFile).get('exit-now')![0]!;
    const results = await Promise.all(outcomes);
    const runs = assertRanOnce(logFile, ids);
    let died = 0;
    for (const [i, result] of results.entries()) {
      if (runs.get(ids[i]!)![0] === exitedOn) {
        died++;
        assert.ok(result instanceof ReplicaDiedError, `${ids[i]}: ${String(result)}`);
      } else {
        assert.equal(result, 'ok');
      }
    }
    assert.ok(died >= 1, 'some calls were on the replica that exited');
  });

  it('counts a call as possibly run when its connection drops before the worker answered the headers', async () => {
    // A worker stand-in that takes the call without sending headers, then loses its connection:
    // the call reached it, so it must not be retried.
    const server = new GrpcServer();
    let received = 0;
    server.addService(DataService, {
      stream: (stream: ServerDuplexStream<troupe.v1.CallFrame, troupe.v1.ReplyFrame>) => {
        stream.on('data', () => {
          received++;
          server.forceShutdown();
        });
      },
    });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
    const channel = new WorkerChannel(`127.0.0.1:${port}`);
    try {
      await assert.rejects(channel.send({ replicaTag: 'x#aaaaaa' }), (error: ChannelBrokenError) => {
        assert.ok(error instanceof ChannelBrokenError, String(error));
        assert.equal(error.mayHaveRun, true, error.message);
        return true;
      });
      assert.equal(received, 1);
    } finally {
      channel.close();
      server.forceShutdown();
    }
  });

  it('fails calls still waiting to be written with a retryable error when their stream breaks', async () => {
    // A worker stand-in that opens the stream (sends headers) and breaks it on the first frame.
    const server = new GrpcServer();
    server.addService(DataService, {
      stream: (stream: ServerDuplexStream<troupe.v1.CallFrame, troupe.v1.ReplyFrame>) => {
        stream.sendMetadata(new Metadata());
        stream.on('data', () => stream.emit('error', { code: GrpcStatus.INTERNAL, details: 'broken on purpose' }));
      },
    });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
    const channel = new WorkerChannel(`127.0.0.1:${port}`);
    try {
      // The next call is queued the moment the break is seen, before it could be written.
      let queued: Promise<troupe.v1.Reply> | undefined;
      const internals = channel as unknown as { ensureStream(): NodeJS.EventEmitter };
      const ensureStream = internals.ensureStream.bind(channel);
      internals.ensureStream = () => {
        const stream = ensureStream();
        if (stream.listenerCount('error') === 1) {
          stream.prependListener('error', () => {
            queued ??= channel.send({ replicaTag: 'x#aaaaaa' });
          });
        }
        return stream;
      };
      const written = channel.send({ replicaTag: 'x#aaaaaa' });
      await assert.rejects(written, (error: ChannelBrokenError) => error instanceof ChannelBrokenError && error.mayHaveRun);
      assert.ok(queued, 'a call was queued as the stream broke');
      await assert.rejects(queued, (error: ChannelBrokenError) => error instanceof ChannelBrokenError && !error.mayHaveRun);
    } finally {
      channel.close();
      server.forceShutdown();
    }
  });
});
