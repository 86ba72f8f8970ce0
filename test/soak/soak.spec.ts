// Soak: a 2-node local cluster under a steady rate through HTTP and handles for SOAK_SECONDS
// (default 600), with a small config change every 30 s. Every 10 s the RSS of every component
// (nats, head, workers, proxy) is read from /proc/<pid>/status. Fails when a request fails, a
// component restarts, or a component's RSS grows after warm-up by more than
// max(32 MiB, 15 % of its warm RSS): at this rate that is a leak of ~140 bytes per request over
// 10 minutes (~700 over 2).
//
// Run: `npm run soak` (SOAK_SECONDS=120 npm run soak for a short one). Not part of `npm test`.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, freePort, type TroupeClient } from '@troupe/serve';
import { pollUntil } from '@troupe/test-kit';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'faults', 'fixtures');
const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const SAMPLE_MS = 10_000;
/** Requests per second through each of HTTP and handles. */
const RATE = Number(process.env.SOAK_RATE ?? 200);
const TICK_MS = 20;
const WARM_UP_SECONDS = Math.min(60, Math.round(SECONDS / 4));
const BOUND_MIB = 32;
const BOUND_FRACTION = 0.15;
const COMPONENTS = ['nats', 'head', 'worker node-1', 'worker node-2', 'proxy node-1'];

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]) / 1024;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface Sample {
  atSeconds: number;
  rss: Record<string, number>;
}

describe('soak', function () {
  this.timeout((SECONDS + 300) * 1000);
  let client: TroupeClient;
  let base: string;

  before(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    client = await start({ nodes: 2, port: 0, codeDir: fixtures, httpOptions: { port } });
    await client.createBackend('probe', './fault-probe.mjs#faultProbe', { config: { numReplicas: 2 } });
    await client.createEndpoint('probe', { backend: 'probe', route: '/probe' });
  });

  after(async () => {
    await client?.shutdown();
  });

  it(`holds ${RATE} req/s over HTTP and ${RATE} over handles for ${SECONDS} s without failures or memory growth`, async () => {
    const handle = await client.getHandle('probe');
    const pids = Object.fromEntries(COMPONENTS.map((name) => [name, client.cluster!.process(name).pid!]));
    const counts = { sent: 0, ok: 0, failed: 0, failures: [] as string[] };
    const fail = (what: string): void => {
      counts.failed++;
      if (counts.failures.length < 10) counts.failures.push(what);
    };
    const check = (reply: unknown, id: number): void => {
      const value = reply as { id?: string; replica?: string };
      if (value?.id === String(id) && /^probe#[a-z]{6}$/.test(value.replica ?? '')) counts.ok++;
      else fail(`bad reply ${JSON.stringify(reply)}`);
    };
    let nextId = 1;
    const inFlight = new Set<Promise<void>>();
    const track = (promise: Promise<void>): void => {
      inFlight.add(promise);
      void promise.finally(() => inFlight.delete(promise));
    };
    const loadStart = Date.now();
    let pairs = 0;
    // A fixed rate, not a fixed concurrency: requests keep coming whatever the latency, and a
    // late timer catches up with what is due by now.
    const ticker = setInterval(() => {
      const due = Math.floor(((Date.now() - loadStart) * RATE) / 1000);
      for (; pairs < due; pairs++) {
        const httpId = nextId++;
        const handleId = nextId++;
        counts.sent += 2;
        track(
          fetch(`${base}/probe?id=${httpId}`, { signal: AbortSignal.timeout(30_000) })
            .then(async (reply) => (reply.status === 200 ? check(await reply.json(), httpId) : fail(`HTTP ${reply.status} ${await reply.text()}`)))
            .catch((error: Error) => fail(`HTTP ${error.name}: ${error.message}`)),
        );
        track(
          client
            .get(handle.remote({ id: String(handleId) }))
            .then((reply) => check(reply, handleId))
            .catch((error: Error) => fail(`handle ${error.name}: ${error.message}`)),
        );
      }
    }, TICK_MS);
    // Control-plane churn: a config change every 30 s republishes snapshots and reconfigures.
    let churn = 0;
    const churner = setInterval(() => {
      churn++;
      void client.updateBackendConfig('probe', { maxConcurrentQueries: 100 + (churn % 2) }).catch((error: Error) => fail(`config change: ${error.message}`));
    }, 30_000);
    const samples: Sample[] = [];
    const started = Date.now();
    const sample = (): void => {
      const rss: Record<string, number> = { 'test process': process.memoryUsage().rss / 1024 / 1024 };
      for (const [name, pid] of Object.entries(pids)) rss[name] = rssMiB(pid);
      samples.push({ atSeconds: Math.round((Date.now() - started) / 1000), rss });
    };
    try {
      sample();
      for (let i = 1; i <= Math.ceil((SECONDS * 1000) / SAMPLE_MS); i++) {
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + i * SAMPLE_MS - Date.now())));
        for (const name of COMPONENTS) assert.equal(client.cluster!.process(name).pid, pids[name], `${name} restarted`);
        sample();
        const last = samples.at(-1)!;
        process.stdout.write(
          `      ${String(last.atSeconds).padStart(4)} s: sent ${counts.sent}, ok ${counts.ok}, failed ${counts.failed}; RSS MiB ${COMPONENTS.map((n) => `${n} ${last.rss[n]!.toFixed(0)}`).join(', ')}\n`,
        );
      }
    } finally {
      clearInterval(ticker);
      clearInterval(churner);
      await pollUntil(() => inFlight.size === 0, 60_000, 'the last requests to be answered');
    }
    // Warm RSS: median over the window after warm-up; end RSS: median over the last window.
    const window = Math.max(3, Math.min(6, Math.floor((samples.length - WARM_UP_SECONDS / 10) / 2)));
    const warmSamples = samples.filter((s) => s.atSeconds >= WARM_UP_SECONDS).slice(0, window);
    const endSamples = samples.slice(-window);
    process.stdout.write(`      requests: sent ${counts.sent}, ok ${counts.ok}, failed ${counts.failed} in ${SECONDS} s (${churn} config changes)\n`);
    process.stdout.write(`      RSS MiB (start → warm at ${WARM_UP_SECONDS} s → end; bound: growth after warm-up ≤ max(${BOUND_MIB} MiB, ${BOUND_FRACTION * 100} %))\n`);
    const over: string[] = [];
    for (const name of ['test process', ...COMPONENTS]) {
      const first = samples[0]!.rss[name]!;
      const warm = median(warmSamples.map((s) => s.rss[name]!));
      const end = median(endSamples.map((s) => s.rss[name]!));
      const bound = Math.max(BOUND_MIB, warm * BOUND_FRACTION);
      const growth = end - warm;
      process.stdout.write(
        `      ${name.padEnd(14)} ${first.toFixed(1).padStart(7)} → ${warm.toFixed(1).padStart(7)} → ${end.toFixed(1).padStart(7)}  growth ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} (bound ${bound.toFixed(1)})${name === 'test process' ? ' [load generator, not asserted]' : ''}\n`,
      );
      if (name !== 'test process' && growth > bound) over.push(`${name} grew ${growth.toFixed(1)} MiB after warm-up (bound ${bound.toFixed(1)})`);
    }
    assert.equal(counts.failed, 0, counts.failures.join('; '));
    assert.equal(counts.ok, counts.sent);
    assert.deepEqual(over, []);
  });
});
