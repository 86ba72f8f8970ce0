// startProxy and the process entry against a real nats-server: snapshots in, heartbeats out,
// serving on through a NATS outage, draining.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { connect as connectTcp } from 'node:net';
import { fileURLToPath } from 'node:url';
import { connect, type NatsConnection } from 'nats';
import { createLogger } from '@troupe/common';
import { PROXY_HEARTBEAT_SUBJECT, SNAPSHOT_SUBJECT, v1, type troupe } from '@troupe/protocol';
import { pollUntil, startNatsServer, type NatsServer } from '@troupe/test-kit';
import { startProxy, type RunningProxy } from '../src/index.js';
import { FakeDataPlane, httpReply } from './fake-data-plane.js';

const quiet = createLogger('proxy-test');
quiet.level = 'silent';

function snapshot(version: number, endpoints: troupe.v1.IEndpointSpec[]): Uint8Array {
  return v1.Snapshot.encode({ version, headId: 'head-1', endpoints, publishedAtMs: Date.now() }).finish();
}

async function get(url: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url);
  return { status: res.status, text: await res.text() };
}

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connectTcp(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe('startProxy', function () {
  this.timeout(30_000);
  let nats: NatsServer;
  let client: NatsConnection;
  const heartbeats: troupe.v1.ProxyHeartbeat[] = [];
  const proxies: RunningProxy[] = [];

  before(async () => {
    nats = await startNatsServer();
    client = await connect({ servers: nats.url });
    client.subscribe(PROXY_HEARTBEAT_SUBJECT, {
      callback: (error, message) => {
        if (!error) heartbeats.push(v1.ProxyHeartbeat.decode(message.data));
      },
    });
    await client.flush();
  });

  after(async () => {
    await client.close();
    await nats.stop();
  });

  afterEach(async () => {
    await Promise.all(proxies.splice(0).map((p) => p.close()));
  });

  async function start(dataPlane = new FakeDataPlane(), natsUrl = nats.url, natsOptions = {}): Promise<RunningProxy> {
    const proxy = await startProxy({
      natsUrl,
      natsOptions,
      port: 0,
      nodeId: 'node-1',
      dataPlane,
      heartbeatIntervalMs: 100,
      drainSeconds: 0.5,
      logger: quiet,
    });
    proxies.push(proxy);
    return proxy;
  }

  function beatOf(proxy: RunningProxy, predicate: (h: troupe.v1.ProxyHeartbeat) => boolean): Promise<troupe.v1.ProxyHeartbeat> {
    return pollUntil(() => heartbeats.find((h) => h.proxyId === proxy.proxyId && predicate(h)), 5_000, 'a heartbeat');
  }

  it('routes by the published snapshots and announces the applied version', async () => {
    const dataPlane = new FakeDataPlane();
    const proxy = await start(dataPlane);
    assert.equal((await get(`${proxy.url}/-/healthz`)).status, 503);
    const first = await beatOf(proxy, () => true);
    assert.equal(first.nodeId, 'node-1');
    assert.equal(first.httpAddress, `127.0.0.1:${proxy.port}`);
    assert.equal(first.draining, false);

    client.publish(SNAPSHOT_SUBJECT, snapshot(5, [{ name: 'echo', route: '/echo', methods: ['GET'], traffic: { b: 1 } }]));
    await beatOf(proxy, (h) => h.version === 5);
    assert.equal(proxy.version, 5);
    assert.equal(Number(dataPlane.snapshots.at(-1)?.version), 5);
    assert.deepEqual(await get(`${proxy.url}/-/healthz`), { status: 200, text: 'success' });
    dataPlane.answer = () => httpReply(200, 'routed');
    assert.deepEqual(await get(`${proxy.url}/echo`), { status: 200, text: 'routed' });
    assert.deepEqual(JSON.parse((await get(`${proxy.url}/-/routes`)).text), { '/echo': ['echo', ['GET']] });
  });

  it('listens and reports unhealthy while NATS cannot be reached', async () => {
    const proxy = await start(new FakeDataPlane(), 'nats://127.0.0.1:1', { waitOnFirstConnect: false });
    assert.deepEqual(await get(`${proxy.url}/-/healthz`), { status: 503, text: 'No route table yet.' });
    assert.equal((await get(`${proxy.url}/echo`)).status, 404);
  });

  it('keeps the previous route table when a snapshot has an invalid route', async () => {
    const proxy = await start();
    await beatOf(proxy, () => true);
    client.publish(SNAPSHOT_SUBJECT, snapshot(10, [{ name: 'a', route: '/a', methods: ['GET'] }]));
    await beatOf(proxy, (h) => h.version === 10);
    client.publish(SNAPSHOT_SUBJECT, snapshot(11, [{ name: 'bad', route: '/x/{y:nope}', methods: ['GET'] }]));
    client.publish(SNAPSHOT_SUBJECT, snapshot(12, [{ name: 'b', route: '/b', methods: ['GET'] }]));
    await beatOf(proxy, (h) => h.version === 12);
    assert.equal((await get(`${proxy.url}/b`)).status, 200);
    assert.equal((await get(`${proxy.url}/a`)).status, 404);
  });

  it('keeps serving its last snapshot while NATS is down', async () => {
    const own = await startNatsServer();
    try {
      const publisher = await connect({ servers: own.url });
      const proxy = await start(new FakeDataPlane(), own.url);
      const seen: number[] = [];
      publisher.subscribe(PROXY_HEARTBEAT_SUBJECT, {
        callback: (_e, m) => seen.push(Number(v1.ProxyHeartbeat.decode(m.data).version)),
      });
      await publisher.flush();
      await pollUntil(() => seen.length > 0, 5_000, 'a heartbeat');
      publisher.publish(SNAPSHOT_SUBJECT, snapshot(7, [{ name: 'echo', route: '/echo', methods: ['GET'] }]));
      await pollUntil(() => seen.includes(7), 5_000, 'version 7 applied');
      await publisher.close();
      await own.stop();
      assert.deepEqual(await get(`${proxy.url}/-/healthz`), { status: 200, text: 'success' });
      assert.equal((await get(`${proxy.url}/echo`)).status, 200);
    } finally {
      await own.stop();
    }
  });

  it('drains: unhealthy at once, serves for the drain period, then stops accepting and finishes in-flight requests', async () => {
    const dataPlane = new FakeDataPlane();
    const proxy = await start(dataPlane);
    await beatOf(proxy, () => true);
    client.publish(SNAPSHOT_SUBJECT, snapshot(20, [{ name: 'echo', route: '/echo', methods: ['GET'] }]));
    await beatOf(proxy, (h) => h.version === 20);

    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    dataPlane.answer = async () => {
      await released;
      return httpReply(200, 'slow but answered');
    };
    const slow = get(`${proxy.url}/echo`);
    await pollUntil(() => dataPlane.calls.length === 1, 5_000, 'the slow request in flight');

    const drained = proxy.drain();
    assert.deepEqual(await get(`${proxy.url}/-/healthz`), { status: 503, text: 'This node is being drained.' });
    await beatOf(proxy, (h) => h.draining);
    dataPlane.answer = () => httpReply(200, 'during drain');
    assert.deepEqual(await get(`${proxy.url}/echo`), { status: 200, text: 'during drain' });

    await pollUntil(() => refusesConnections(proxy.port), 5_000, 'the listener to close');
    release();
    assert.deepEqual(await slow, { status: 200, text: 'slow but answered' });
    await drained;
  });
});

describe('proxy process', function () {
  this.timeout(30_000);
  const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));

  it('logs "proxy ready" with its address, and exits 0 after draining on SIGTERM', async () => {
    const nats = await startNatsServer();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', main, 'proxy', '--nats-url', nats.url, '--port', '0', '--node-id', 'node-7', '--drain-seconds', '0.2'],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TROUPE_LOG_LEVEL: 'info' } },
    );
    try {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const ready = await pollUntil(
        () => output.split('\n').find((line) => line.includes('proxy ready')),
        15_000,
        'the ready line',
      );
      const { httpAddress } = JSON.parse(ready) as { httpAddress: string };
      assert.match(httpAddress, /^127\.0\.0\.1:\d+$/);
      assert.equal((await get(`http://${httpAddress}/-/healthz`)).status, 503);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    } finally {
      child.kill('SIGKILL');
      await nats.stop();
    }
  });

  it('refuses a command line that does not name the role', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', main, '--port', '0'], { stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    assert.equal(code, 2);
  });
});
