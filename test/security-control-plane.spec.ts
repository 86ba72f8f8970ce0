// The control plane cannot be forged and the state store cannot destroy the cluster. On a local
// cluster started with an admin token, nats-server runs with one user per role: attacks from a
// client's or a proxy's NATS identity (forged snapshots, forged heartbeats, writes to the state
// bucket) have no effect, anonymous connections are refused, and a corrupted or lost store is
// refused or rebuilt without stopping a running replica. HTTP traffic runs through every case and
// no request may fail.
import { strict as assert } from 'node:assert';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect as natsConnect, type NatsConnection } from 'nats';
import { natsUser, natsUserOptions, UnaryClient, type NatsRole } from '@troupe/common';
import { AdminService, DESIRED_STATE_KEY, PROXY_HEARTBEAT_SUBJECT, SNAPSHOT_SUBJECT, STATE_BUCKET, v1, type troupe } from '@troupe/protocol';
import { freePort, start, type TroupeClient } from '@troupe/serve';
import { pollUntil } from '@troupe/test-kit';
import { SteadyLoad, type LoadReport } from './support/bounded-load.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'faults', 'fixtures');
const TOKEN = 'control-plane-admin-token-0123456789';
const RUNNING = v1.ReplicaState.REPLICA_STATE_RUNNING;

describe('security: the control plane (NATS users, the state store)', function () {
  this.timeout(120_000);
  let client: TroupeClient;
  let base: string;
  let workDir: string;
  let natsUrl: string;
  const connections: NatsConnection[] = [];

  /** The password of a role, as the operator finds it in the cluster's nats-server configuration. */
  function password(role: NatsRole): string {
    const config = readFileSync(join(workDir, 'nats-server.conf'), 'utf8');
    const match = new RegExp(`user: "${natsUser(role)}", password: "([^"]+)"`).exec(config);
    assert.ok(match, `a user for the ${role} role`);
    return match[1]!;
  }

  async function connectAs(role: NatsRole): Promise<NatsConnection> {
    const connection = await natsConnect({ servers: natsUrl, reconnect: false, timeout: 5_000, ...natsUserOptions(natsUser(role), password(role)) });
    connections.push(connection);
    return connection;
  }

  async function clusterInfo(): Promise<troupe.v1.ClusterInfo> {
    const admin = new UnaryClient(AdminService, 'Admin', client.address, { token: TOKEN });
    try {
      return await admin.call<troupe.v1.ClusterInfo>('getClusterInfo', {});
    } finally {
      admin.close();
    }
  }

  async function storedDesired(): Promise<troupe.v1.DesiredState | undefined> {
    const connection = await connectAs('head');
    try {
      const kv = await connection.jetstream().views.kv(STATE_BUCKET, { bindOnly: true });
      const entry = await kv.get(DESIRED_STATE_KEY);
      return entry && entry.value.length > 0 ? v1.DesiredState.decode(entry.value) : undefined;
    } finally {
      await connection.close();
    }
  }

  /** What clients see of the desired state, replica tags aside. */
  async function declared(): Promise<unknown> {
    const backends = (await client.listBackends()).map(({ replicaTags: _replicaTags, ...rest }) => rest);
    return { backends, endpoints: await client.listEndpoints() };
  }

  async function runningReplicas(): Promise<string[]> {
    const status = await client.status();
    return status.workers.flatMap((w) => (w.replicas ?? []).filter((r) => r.state === RUNNING).map((r) => r.replicaTag ?? '')).sort();
  }

  async function storeCondition(): Promise<troupe.v1.IClusterCondition | undefined> {
    return (await client.status()).conditions.find((c) => c.type === 'StateStoreReady');
  }

  /** HTTP load on the route during `body`; every request must be answered 200. */
  async function underLoad(what: string, body: () => Promise<void>): Promise<LoadReport> {
    const load = new SteadyLoad(2, () => fetch(`${base}/probe`).then((r) => r.text().then(() => r.status)), (status) => status === 200);
    let report: LoadReport;
    try {
      await body();
    } finally {
      report = await load.stop();
    }
    console.log(`      ${what}: sent ${report.sent}, answered ${report.ok}, failed ${report.failed}`);
    assert.equal(report.failed, 0, `no failed request: ${report.failures.join('; ')}`);
    assert.ok(report.ok > 0, 'requests were answered');
    return report;
  }

  /** Keeps checking the route for `ms`: a forged message delivered in that time would show. */
  async function stillServed(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const reply = await fetch(`${base}/probe`);
      await reply.text();
      assert.equal(reply.status, 200, 'the route is still served');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  function forgedSnapshot(version: number, headId: string): Uint8Array {
    return v1.Snapshot.encode({ version, headId, endpoints: [], backends: [], publishedAtMs: Date.now() + 3_600_000, httpLocation: 'HeadOnly' }).finish();
  }

  async function waitForRestart(name: string, pid: number): Promise<void> {
    await pollUntil(() => client.cluster!.process(name).pid !== undefined && client.cluster!.process(name).pid !== pid, 30_000, `${name} restarted`);
  }

  async function natsBack(): Promise<void> {
    await pollUntil(
      async () => {
        const connection = await connectAs('head');
        await connection.close();
        return true;
      },
      30_000,
      'nats-server back',
      100,
    );
  }

  /** NATS comes back on an empty store: its directory is removed while it is stopped, then it dies. */
  async function restartNatsEmpty(): Promise<void> {
    const nats = client.cluster!.process('nats');
    const pid = nats.pid!;
    process.kill(pid, 'SIGSTOP');
    rmSync(join(workDir, 'jetstream'), { recursive: true, force: true });
    process.kill(pid, 'SIGKILL');
    await waitForRestart('nats', pid);
    await natsBack();
  }

  before(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    client = await start({ nodes: 1, port: 0, adminToken: TOKEN, codeDir: fixtures, httpOptions: { port } });
    workDir = dirname(client.cluster!.info.logDir);
    natsUrl = client.cluster!.info.natsUrl;
    await client.createBackend('probe', './fault-probe.mjs#faultProbe', { config: { numReplicas: 1 } });
    await client.createEndpoint('probe', { backend: 'probe', route: '/probe', methods: ['GET', 'POST'] });
  });

  afterEach(async () => {
    for (const connection of connections.splice(0)) await connection.close().catch(() => undefined);
  });

  after(async () => {
    await client?.shutdown();
  });

  it('refuses anonymous NATS connections and wrong passwords', async () => {
    await assert.rejects(natsConnect({ servers: natsUrl, reconnect: false, timeout: 2_000 }), /AUTHORIZATION_VIOLATION|Authorization/i);
    await assert.rejects(
      natsConnect({ servers: natsUrl, reconnect: false, timeout: 2_000, user: natsUser('head'), pass: 'guess' }),
      /AUTHORIZATION_VIOLATION|Authorization/i,
    );
  });

  it('hands SDK clients read-only credentials beside a URL without any', async () => {
    const info = await clusterInfo();
    assert.equal(info.natsUser, natsUser('client'));
    assert.equal(info.natsPassword, password('client'));
    assert.ok(!info.natsUrl.includes('@') && !info.natsUrl.includes(info.natsPassword), 'no credentials in the URL');
    // Handles work with them: the SDK follows snapshots as the client user.
    const handle = await client.getHandle('probe');
    assert.ok(await handle.remote({}));
  });

  it("keeps passwords out of every process's arguments, and all but the read-only identity out of the workers", async () => {
    const secrets = (['head', 'proxy', 'client'] as const).map(password);
    const read = (pid: number, file: string): string => readFileSync(`/proc/${pid}/${file}`, 'utf8');
    for (const [name, managed] of client.cluster!.processes) {
      const cmdline = read(managed.pid!, 'cmdline');
      for (const secret of secrets) assert.ok(!cmdline.includes(secret), `${name}: no password in its arguments`);
      assert.ok(!cmdline.includes(TOKEN), `${name}: no admin token in its arguments`);
    }
    const workerEnv = read(client.cluster!.process('worker node-1').pid!, 'environ').split('\0');
    // A worker routes its replicas' handle calls, so it reads snapshots as the client; its replica
    // threads get none of this (test/data-plane-security.spec.ts reads their environment).
    assert.deepEqual(
      workerEnv.filter((v) => /^TROUPE_NATS_(USER|PASSWORD|TOKEN|CLIENT_)/.test(v)).sort(),
      [`TROUPE_NATS_PASSWORD=${password('client')}`, `TROUPE_NATS_USER=${natsUser('client')}`],
      'the worker holds the read-only client identity only',
    );
    for (const secret of [password('head'), password('proxy')]) assert.ok(!workerEnv.some((v) => v.includes(secret)));
    const proxyEnv = read(client.cluster!.process('proxy node-1').pid!, 'environ').split('\0');
    assert.ok(proxyEnv.includes(`TROUPE_NATS_USER=${natsUser('proxy')}`), 'the proxy connects as the proxy user');
    assert.ok(!proxyEnv.some((v) => v.includes(password('head'))), "the proxy does not hold the head's password");
  });

  it('a snapshot forged by a client or a proxy identity has no effect', async () => {
    const { headId } = await client.status();
    await underLoad('forged snapshots', async () => {
      for (const role of ['client', 'proxy'] as const) {
        const connection = await connectAs(role);
        connection.publish(SNAPSHOT_SUBJECT, forgedSnapshot(1_000_000, `forger-${role}`));
        connection.publish(SNAPSHOT_SUBJECT, forgedSnapshot(1_000_001, headId));
        await connection.flush().catch(() => undefined);
      }
      await stillServed(1_000);
    });
    const status = await client.status();
    assert.ok(status.proxies.every((p) => Number(p.version) < 1_000_000), 'no proxy applied a forged version');
  });

  it('a snapshot version of 2^53 or more has no effect, even from the head identity, and the head is not locked out', async () => {
    const { headId } = await client.status();
    await underLoad('versions beyond 2^53', async () => {
      const connection = await connectAs('head');
      connection.publish(SNAPSHOT_SUBJECT, forgedSnapshot(2 ** 53, headId));
      connection.publish(SNAPSHOT_SUBJECT, forgedSnapshot(2 ** 63, headId));
      await connection.flush();
      await stillServed(1_000);
      // The real head's next change still reaches the proxies.
      await client.createEndpoint('probe-two', { backend: 'probe', route: '/probe-two' });
      const reply = await fetch(`${base}/probe-two`);
      await reply.text();
      assert.equal(reply.status, 200, 'a route added after the attempt is served');
    });
    await client.deleteEndpoint('probe-two');
  });

  it('fake proxy heartbeats from a non-proxy identity cannot hold changes back', async () => {
    const connection = await connectAs('client');
    const fake = v1.ProxyHeartbeat.encode({ proxyId: 'fake-proxy', nodeId: 'nowhere', httpAddress: '192.0.2.1:80', version: 0 }).finish();
    const beat = setInterval(() => connection.publish(PROXY_HEARTBEAT_SUBJECT, fake), 100);
    try {
      await underLoad('fake heartbeats', async () => {
        const started = Date.now();
        await client.updateBackendConfig('probe', { maxConcurrentQueries: 90 });
        assert.ok(Date.now() - started < 8_000, 'the change did not wait for the fake proxy');
      });
      assert.ok(!(await client.status()).proxies.some((p) => p.proxyId === 'fake-proxy'), 'the fake proxy is not listed');
    } finally {
      clearInterval(beat);
    }
  });

  it('only the head identity may write the state bucket', async () => {
    const before = await storedDesired();
    const hostile = v1.DesiredState.encode({ version: 1, backends: [], endpoints: [] }).finish();
    for (const role of ['client', 'proxy'] as const) {
      const connection = await connectAs(role);
      await assert.rejects(connection.jetstream().publish(`$KV.${STATE_BUCKET}.${DESIRED_STATE_KEY}`, hostile, { timeout: 2_000 }));
      await assert.rejects(
        connection.request(`$JS.API.STREAM.DELETE.KV_${STATE_BUCKET}`, new Uint8Array(0), { timeout: 2_000 }),
        (error: unknown) => error instanceof Error,
        'no JetStream administration',
      );
    }
    assert.deepEqual(await storedDesired(), before, 'the stored state is unchanged');
  });

  it('a corrupted desired state is refused when a restarted head loads it; the last good state stays', async () => {
    const before = await declared();
    const replicas = await runningReplicas();
    await underLoad('corrupted state + head restart', async () => {
      // As if the store were corrupted, or written by someone holding the head's credentials.
      const connection = await connectAs('head');
      const kv = await connection.jetstream().views.kv(STATE_BUCKET, { bindOnly: true });
      await kv.put(DESIRED_STATE_KEY, new TextEncoder().encode('\u0008\u00ff\u00ff garbage'));
      const hostile = v1.DesiredState.encode({
        version: 2 ** 60,
        backends: [{ tag: '../evil', importPath: '', initArgsJson: '{"not":"an array"}', config: { numReplicas: 1 } }],
        endpoints: [{ name: 'probe', route: '/probe', methods: ['GET'], traffic: { nowhere: 1 } }],
      }).finish();
      await kv.put(DESIRED_STATE_KEY, hostile);
      const head = client.cluster!.process('head');
      const pid = head.pid!;
      const ready = head.nextReady(30_000);
      process.kill(pid, 'SIGKILL');
      await ready;
      const condition = await pollUntil(async () => {
        const found = await storeCondition();
        return found?.status === 'False' && found;
      }, 15_000, 'the StateStoreReady condition to turn False');
      assert.equal(condition.reason, 'StoredStateRefused');
      assert.match(condition.message ?? '', /refused/);
      assert.deepEqual(await declared(), before, 'the last good state is in force');
      await client.waitConverged();
      assert.deepEqual(await runningReplicas(), replicas, 'the running replica was adopted, not replaced');
      await stillServed(500);
    });
    // The next change stores a valid state again.
    await client.updateBackendConfig('probe', { maxConcurrentQueries: 91 });
    assert.equal((await storeCondition())?.status, 'True');
    const stored = await storedDesired();
    assert.equal(stored?.backends[0]?.config?.maxConcurrentQueries, 91);
  });

  it('NATS restarted on an empty store: the running head writes its state back from memory', async () => {
    const before = await storedDesired();
    assert.ok(before);
    await underLoad('NATS on an empty store', async () => {
      await restartNatsEmpty();
      const rewritten = await pollUntil(() => storedDesired(), 15_000, 'the desired state written back');
      assert.deepEqual(
        rewritten.backends.map((b) => b.tag),
        before.backends.map((b) => b.tag),
      );
      assert.deepEqual(
        rewritten.endpoints.map((e) => e.name),
        before.endpoints.map((e) => e.name),
      );
      // And changes are accepted again.
      await client.updateBackendConfig('probe', { maxConcurrentQueries: 92 });
    });
    assert.equal((await storedDesired())?.backends[0]?.config?.maxConcurrentQueries, 92);
  });

  it('a head restarted on an empty store stops no running replica and says so until the state is declared again', async () => {
    const before = await declared();
    const replicas = await runningReplicas();
    assert.equal(replicas.length, 1);
    const head = client.cluster!.process('head');
    await underLoad('head restart on an empty store', async () => {
      // The head is frozen while the store is lost, so that it cannot write it back first.
      const pid = head.pid!;
      process.kill(pid, 'SIGSTOP');
      try {
        await restartNatsEmpty();
      } finally {
        process.kill(pid, 'SIGKILL');
      }
      await waitForRestart('head', pid);
      const condition = await pollUntil(async () => {
        const found = await storeCondition().catch(() => undefined);
        return found?.reason === 'StoreEmptyWithRunningReplicas' && found;
      }, 20_000, 'the StoreEmptyWithRunningReplicas condition');
      assert.equal(condition.status, 'False');
      assert.match(condition.message ?? '', /"probe"/);
      // It stays so, and the replica keeps running and serving.
      await stillServed(3_000);
      assert.deepEqual(await runningReplicas(), replicas, 'the running replica was not stopped');
      const log = readFileSync(join(client.cluster!.info.logDir, 'head.log'), 'utf8');
      assert.match(log, /"level":50.*held no desired state/, 'logged at error');
      // The operator declares the backend and its endpoint again.
      await client.createBackend('probe', './fault-probe.mjs#faultProbe', { config: { numReplicas: 1, maxConcurrentQueries: 92 } });
      await client.createEndpoint('probe', { backend: 'probe', route: '/probe', methods: ['GET', 'POST'] });
      await pollUntil(async () => (await storeCondition())?.status === 'True', 10_000, 'the condition to clear');
      await client.waitConverged();
      await stillServed(500);
    });
    assert.deepEqual(await declared(), before);
    assert.deepEqual(await runningReplicas(), replicas, 'the same replica serves: adopted, never restarted');
  });

  it('kill -9 of nats-server right after an acknowledged change loses nothing', async () => {
    await client.updateBackendConfig('probe', { maxConcurrentQueries: 93 });
    const nats = client.cluster!.process('nats');
    const pid = nats.pid!;
    process.kill(pid, 'SIGKILL');
    await waitForRestart('nats', pid);
    await natsBack();
    const stored = await storedDesired();
    assert.equal(stored?.backends[0]?.config?.maxConcurrentQueries, 93, 'the acknowledged change survived');
  });
});
