// HTTP locations of a local cluster: EveryNode (one proxy per node on 127.0.0.k, same port,
// behind a real HAProxy), NoServer (no HTTP at all, handles only).
import { strict as assert } from 'node:assert';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, freePort, type TroupeClient } from '@troupe/serve';
import { pollUntil, startLoadBalancer, type LoadBalancer } from '@troupe/test-kit';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const NODES = ['127.0.0.1', '127.0.0.2', '127.0.0.3'];

function refused(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

/** Sends requests from `concurrency` callers until `stop()`; counts every outcome. */
function steadyLoad(url: string, concurrency: number) {
  const counts = { sent: 0, ok: 0, failed: 0, errors: [] as string[] };
  let running = true;
  const caller = async (): Promise<void> => {
    // Bounded: at most a few thousand requests per caller even if stop() never came.
    for (let i = 0; running && i < 20_000; i++) {
      counts.sent++;
      try {
        const reply = await fetch(url);
        const body = await reply.text();
        if (reply.status === 200 && body.startsWith('whoami#')) counts.ok++;
        else {
          counts.failed++;
          counts.errors.push(`${reply.status} ${body.slice(0, 80)}`);
        }
      } catch (error) {
        counts.failed++;
        counts.errors.push(String(error));
      }
    }
  };
  const callers = Array.from({ length: concurrency }, caller);
  return {
    counts,
    async stop() {
      running = false;
      await Promise.all(callers);
      return counts;
    },
  };
}

describe('HTTP location EveryNode', function () {
  this.timeout(120_000);
  let client: TroupeClient;
  let port: number;
  let balancer: LoadBalancer | undefined;

  before(async () => {
    port = await freePort();
    client = await start({ nodes: 3, port: 0, codeDir: fixtures, httpOptions: { port, location: 'EveryNode', drainSeconds: 2 } });
    await client.createBackend('whoami', './whoami.mjs#whoami', { config: { numReplicas: 3 } });
    await client.createEndpoint('whoami', { backend: 'whoami', route: '/whoami' });
  });

  after(async () => {
    await balancer?.stop();
    await client?.shutdown();
  });

  it('runs one proxy per node on the same port, with identical route tables', async () => {
    const tables = await Promise.all(NODES.map(async (host) => (await fetch(`http://${host}:${port}/-/routes`)).json()));
    assert.deepEqual(tables[0], { '/whoami': ['whoami', ['GET']] });
    for (const table of tables) assert.deepEqual(table, tables[0]);
    for (const host of NODES) assert.equal(await (await fetch(`http://${host}:${port}/-/healthz`)).text(), 'success');
    const status = await client.status();
    assert.equal(status.proxies.length, 3);
    assert.deepEqual(new Set(status.workers.map((w) => w.nodeId)), new Set(['node-1', 'node-2', 'node-3']));
  });

  it('has each proxy send sequential requests to the replica on its own node', async () => {
    // Workers list their replicas from heartbeats, which may trail the change by one beat.
    const nodeOf = await pollUntil(
      async () => {
        const placed = new Map<string, string>();
        for (const worker of (await client.status()).workers) {
          for (const replica of worker.replicas ?? []) placed.set(replica.replicaTag ?? '', worker.nodeId ?? '');
        }
        return placed.size === 3 ? placed : undefined;
      },
      10_000,
      'the workers to report the three replicas',
    );
    assert.deepEqual(new Set(nodeOf.values()), new Set(['node-1', 'node-2', 'node-3']), 'one replica per node');
    for (const [k, host] of NODES.entries()) {
      for (let i = 0; i < 10; i++) {
        const replica = await (await fetch(`http://${host}:${port}/whoami`)).text();
        assert.equal(nodeOf.get(replica), `node-${k + 1}`, `the proxy on ${host} answered from ${replica}`);
      }
    }
  });

  it('keeps serving on the other nodes when one proxy is killed', async () => {
    const proxy = client.cluster!.process('proxy node-2');
    const back = proxy.nextReady(30_000);
    process.kill(proxy.pid!, 'SIGKILL');
    for (let i = 0; i < 20; i++) {
      for (const host of [NODES[0], NODES[2]]) {
        const reply = await fetch(`http://${host}:${port}/whoami`);
        assert.equal(reply.status, 200);
      }
    }
    await back;
    await pollUntil(async () => (await fetch(`http://${NODES[1]}:${port}/whoami`)).status === 200, 10_000, 'restarted proxy');
  });

  it('drains a proxy on SIGTERM behind a health-checking load balancer with zero failed requests', async () => {
    balancer = await startLoadBalancer({ targets: NODES.map((host) => `${host}:${port}`) });
    await pollUntil(async () => (await fetch(`${balancer!.url}/whoami`)).status === 200, 10_000, 'load balancer to route');
    const load = steadyLoad(`${balancer.url}/whoami`, 8);
    await pollUntil(() => load.counts.ok > 200, 20_000, 'load to build up');
    const proxy = client.cluster!.process('proxy node-2');
    const back = proxy.nextReady(30_000);
    process.kill(proxy.pid!, 'SIGTERM');
    await back;
    await pollUntil(async () => (await fetch(`http://${NODES[1]}:${port}/-/healthz`)).status === 200, 10_000, 'proxy back');
    const sentBefore = load.counts.sent;
    await pollUntil(() => load.counts.sent > sentBefore + 200, 20_000, 'load after the restart');
    const counts = await load.stop();
    process.stdout.write(`      drain: sent ${counts.sent}, ok ${counts.ok}, failed ${counts.failed}\n`);
    assert.equal(counts.failed, 0, counts.errors.slice(0, 5).join('; '));
    assert.equal(counts.ok, counts.sent);
  });
});

describe('HTTP location NoServer', function () {
  this.timeout(120_000);
  let client: TroupeClient;
  let port: number;

  before(async () => {
    port = await freePort();
    client = await start({ nodes: 1, port: 0, codeDir: fixtures, httpOptions: { port, location: 'NoServer' } });
  });

  after(async () => {
    await client?.shutdown();
  });

  it('opens no HTTP port, and handles still work', async () => {
    await client.createBackend('whoami', './whoami.mjs#whoami');
    await client.createEndpoint('whoami', { backend: 'whoami', route: '/whoami' });
    assert.ok(await refused('127.0.0.1', port), `nothing listens on ${port}`);
    assert.equal((await client.status()).proxies.length, 0);
    const handle = await client.getHandle('whoami');
    assert.match((await handle.remote()) as string, /^whoami#/);
  });
});
