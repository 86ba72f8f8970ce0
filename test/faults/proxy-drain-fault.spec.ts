// SIGTERM of one proxy of an EveryNode cluster behind a real HAProxy that health-checks
// `/-/healthz`, under steady load through the balancer and through handles. Budget: not a
// single failed request; the proxy is back (restarted by the supervisor) within 10 s; the
// configuration read back equals what was acknowledged.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, freePort, type TroupeClient } from '@troupe/serve';
import { pollUntil, startLoadBalancer, type LoadBalancer } from '@troupe/test-kit';
import { replicasRunning, runFaultCase } from './fault-scenario.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const NODES = ['127.0.0.1', '127.0.0.2'];

describe('fault tolerance: a proxy drains behind a load balancer under load', function () {
  this.timeout(120_000);
  let client: TroupeClient;
  let port: number;
  let balancer: LoadBalancer | undefined;

  before(async () => {
    port = await freePort();
    client = await start({ nodes: 2, port: 0, codeDir: fixtures, httpOptions: { port, location: 'EveryNode', drainSeconds: 2 } });
    await client.createBackend('probe', './fault-probe.mjs#faultProbe', { config: { numReplicas: 2 } });
    await client.createEndpoint('probe', { backend: 'probe', route: '/probe' });
    balancer = await startLoadBalancer({ targets: NODES.map((host) => `${host}:${port}`) });
    // Both proxies in rotation before the load starts.
    await pollUntil(
      async () => {
        for (const host of NODES) if ((await fetch(`http://${host}:${port}/-/healthz`)).status !== 200) return false;
        return (await fetch(`${balancer!.url}/probe?id=0`)).status === 200;
      },
      15_000,
      'the balancer to route to both proxies',
    );
  });

  after(async () => {
    await balancer?.stop();
    await client?.shutdown();
  });

  it('SIGTERM of the proxy on node 2', async () => {
    await pollUntil(() => replicasRunning(client, 2), 15_000, 'two running replicas');
    const proxy = client.cluster!.process('proxy node-2');
    const back = proxy.nextReady(30_000);
    let restarted = false;
    void back.then(() => (restarted = true));
    const handle = await client.getHandle('probe');
    await runFaultCase('proxy SIGTERM behind HAProxy', client, { httpBase: balancer!.url, handle, holdMs: 5, httpConcurrency: 8, handleConcurrency: 4 }, {
      inFlightMayFail: false,
      // Drain period (2 s), exit, restart by the supervisor, listening again.
      recoveryBudgetMs: 10_000,
      async inject() {
        process.kill(proxy.pid!, 'SIGTERM');
        return Date.now();
      },
      async recovered() {
        return restarted && (await fetch(`http://${NODES[1]}:${port}/-/healthz`)).status === 200;
      },
    });
    await back;
  });
});
