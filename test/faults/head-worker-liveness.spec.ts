// Head ↔ worker liveness with real processes: a real nats-server, a head and two workers started
// and killed by the test itself (no supervisor), so that the head can stay away as long as a
// case wants. Each case prints its measured times.
//
// - a kill -9ed worker is known dead from the end of its Session stream, not from missed
//   heartbeats, and its replicas are replaced;
// - after a kill -9 of the head and a new head on the same port, every worker registers again
//   within 5 s (readyz 503 while unregistered, 200 again after), and running replicas are adopted:
//   no replica stopped or started;
// - the same after a 12 s outage, which proves the reconnect backoff is capped;
// - the health endpoints of head and workers.
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { connect, freePort, type TroupeClient } from '@troupe/serve';
import { pollUntil, startNatsServer, type NatsServer } from '@troupe/test-kit';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const require = createRequire(import.meta.url);
const RUNNING = 2;

function entryPoint(pkg: string): string {
  return join(dirname(require.resolve(pkg)), 'main.js');
}

interface Child {
  process: ChildProcess;
  /** Resolves with the instant the ready line was printed. */
  ready: Promise<number>;
  exited: Promise<void>;
}

function launch(args: string[], readyPattern: RegExp, env: NodeJS.ProcessEnv = {}): Child {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, TROUPE_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready within 30 s: ${args.join(' ')}\n${output.slice(-2000)}`)), 30_000);
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        output = (output + line + '\n').slice(-8_000);
        if (readyPattern.test(line)) {
          clearTimeout(timer);
          resolve(Date.now());
        }
      });
    }
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code ?? signal}) before ready: ${output.slice(-2000)}`));
    });
  });
  ready.catch(() => undefined);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { process: child, ready, exited };
}

async function kill9(child: Child | undefined): Promise<void> {
  if (!child || child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGKILL');
  await child.exited;
}

async function httpGet(url: string): Promise<{ status: number; body: string } | undefined> {
  try {
    const reply = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return { status: reply.status, body: await reply.text() };
  } catch {
    return undefined;
  }
}

describe('head ↔ worker liveness', function () {
  this.timeout(180_000);
  let nats: NatsServer;
  let headPort: number;
  let headHealthPort: number;
  let head: Child | undefined;
  const workers: Array<{ child: Child; healthPort: number; nodeId: string }> = [];
  let client: TroupeClient;

  const startHead = async (): Promise<number> => {
    head = launch(
      [entryPoint('@troupe/head'), 'head', '--nats-url', nats.url, '--address', `127.0.0.1:${headPort}`, '--health-port', String(headHealthPort)],
      /head ready/,
    );
    return head.ready;
  };

  const readyz = (port: number): Promise<{ status: number; body: string } | undefined> => httpGet(`http://127.0.0.1:${port}/-/readyz`);

  /** Worker ids the head lists, once it lists `count` of them. */
  const registered = async (count: number): Promise<string[] | false> => {
    const status = await client.status();
    return status.workers.length === count ? status.workers.map((w) => w.workerId ?? '').sort() : false;
  };

  const everyWorkerReady = async (): Promise<boolean> => {
    for (const worker of workers) if ((await readyz(worker.healthPort))?.status !== 200) return false;
    return true;
  };

  /** Replica tags per backend, once every replica the head lists runs on a listed worker. */
  const runningTags = async (): Promise<Record<string, string[]> | false> => {
    const status = await client.status();
    const hosted = new Set(status.workers.flatMap((w) => (w.replicas ?? []).filter((r) => r.state === RUNNING).map((r) => r.replicaTag)));
    const tags: Record<string, string[]> = {};
    for (const backend of status.backends) {
      const list = [...(backend.replicaTags ?? [])].sort();
      if (list.length !== backend.spec?.config?.numReplicas || list.some((t) => !hosted.has(t))) return false;
      tags[backend.spec?.tag ?? ''] = list;
    }
    return tags;
  };

  before(async () => {
    nats = await startNatsServer();
    headPort = await freePort();
    headHealthPort = await freePort();
    await startHead();
    for (const k of [1, 2]) {
      const healthPort = await freePort();
      const nodeId = `node-${k}`;
      const child = launch(
        [
          entryPoint('@troupe/worker'), 'worker', '--head', `127.0.0.1:${headPort}`, '--node-id', nodeId, '--host', '127.0.0.1',
          '--health-port', String(healthPort),
        ],
        /worker ready/,
        { TROUPE_CODE_DIR: fixtures },
      );
      workers.push({ child, healthPort, nodeId });
    }
    await Promise.all(workers.map((w) => w.child.ready));
    client = await connect({ address: `127.0.0.1:${headPort}`, convergeTimeoutSeconds: 60 });
    await pollUntil(() => registered(2), 15_000, 'both workers to register');
    await client.createBackend('whoami', './whoami.mjs#whoami', { config: { numReplicas: 3 } });
    await client.createEndpoint('whoami', { backend: 'whoami' });
    await client.createBackend('conf', './configurable.mjs#Configurable', { config: { numReplicas: 2, userConfig: { level: 1 } }, initArgs: ['p'] });
  });

  after(async () => {
    await client?.close();
    await kill9(head);
    await Promise.all(workers.map((w) => kill9(w.child)));
    await nats?.stop();
  });

  it('serves /-/healthz and /-/readyz on the head and on each worker', async () => {
    assert.deepEqual(await httpGet(`http://127.0.0.1:${headHealthPort}/-/healthz`), { status: 200, body: 'ok' });
    assert.deepEqual(await readyz(headHealthPort), { status: 200, body: 'ok' });
    for (const worker of workers) {
      assert.deepEqual(await httpGet(`http://127.0.0.1:${worker.healthPort}/-/healthz`), { status: 200, body: 'ok' });
      assert.deepEqual(await readyz(worker.healthPort), { status: 200, body: 'ok' });
    }
    assert.equal((await httpGet(`http://127.0.0.1:${headHealthPort}/-/nothing`))?.status, 404);
  });

  for (const outageMs of [0, 12_000]) {
    const name = outageMs === 0 ? 'a new head on the same port at once' : `a new head after a ${outageMs / 1000} s outage`;
    it(`kill -9 of the head, ${name}: every worker registers again within seconds and no replica moves`, async () => {
      await client.waitConverged();
      const before = await pollUntil(runningTags, 15_000, 'replicas running');
      const workerIds = await pollUntil(() => registered(2), 5_000, 'two workers');
      await kill9(head);
      const killedAt = Date.now();
      // The workers know at once: their Session stream ended.
      for (const worker of workers) {
        const seen = await pollUntil(
          async () => ((await readyz(worker.healthPort))?.status === 503 ? Date.now() : false),
          3_000,
          `${worker.nodeId} readyz to turn 503`,
          10,
        );
        assert.ok(seen - killedAt < 3_000);
        assert.deepEqual(await readyz(worker.healthPort), { status: 503, body: 'not registered with the head' });
      }
      const notReadyAfter = Date.now() - killedAt;
      if (outageMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.max(0, outageMs - notReadyAfter)));
      const listening = await startHead();
      assert.deepEqual(await pollUntil(() => registered(2), 10_000, 'both workers to register again', 10), workerIds);
      await pollUntil(everyWorkerReady, 10_000, 'every worker readyz 200', 10);
      const reregisteredMs = Date.now() - listening;
      process.stdout.write(
        `      head kill -9, outage ${Date.now() - killedAt - reregisteredMs} ms: workers not ready after ≤ ${notReadyAfter} ms, ` +
          `all registered and ready ${reregisteredMs} ms after the new head listened\n`,
      );
      assert.ok(reregisteredMs < (outageMs === 0 ? 5_000 : 3_000), `re-registered ${reregisteredMs} ms after the new head listened`);
      await client.waitConverged();
      assert.deepEqual(await pollUntil(runningTags, 10_000, 'replicas running'), before, 'running replicas were adopted, none moved');
      assert.deepEqual(await readyz(headHealthPort), { status: 200, body: 'ok' });
    });
  }

  it('a kill -9ed worker is dead from the end of its session; its replicas run elsewhere', async () => {
    await client.waitConverged();
    await pollUntil(runningTags, 15_000, 'replicas running');
    const status = await client.status();
    const victim = workers.find((w) => w.nodeId === 'node-2')!;
    const victimId = status.workers.find((w) => w.nodeId === 'node-2')!.workerId!;
    const killedTags = new Set((status.workers.find((w) => w.workerId === victimId)?.replicas ?? []).map((r) => r.replicaTag));
    assert.ok(killedTags.size > 0, 'the victim runs replicas');
    await kill9(victim.child);
    const killedAt = Date.now();
    await pollUntil(async () => (await client.status()).workers.every((w) => w.workerId !== victimId), 5_000, 'the worker to be dropped', 5);
    const detectedMs = Date.now() - killedAt;
    const tags = await pollUntil(
      async () => {
        const running = await runningTags();
        return running && Object.values(running).flat().every((t) => !killedTags.has(t)) ? running : false;
      },
      15_000,
      'replacement replicas running',
      10,
    );
    const servingMs = Date.now() - killedAt;
    const handle = await client.getHandle('whoami');
    const answers = new Set((await Promise.all(Array.from({ length: 30 }, () => handle.remote()))) as string[]);
    for (const tag of answers) assert.ok(tags.whoami!.includes(tag), `answered by ${tag}, one of the running replicas`);
    process.stdout.write(`      worker kill -9: dropped by the head after ${detectedMs} ms, replicas running elsewhere after ${servingMs} ms\n`);
    // Heartbeats alone would take more than 3 s; the session's end takes milliseconds.
    assert.ok(detectedMs < 1_500, `worker known dead after ${detectedMs} ms`);
    assert.ok(servingMs < 10_000, `replicas replaced after ${servingMs} ms`);
  });
});
