// Security end to end: the admin token guards every control surface (head admin and control
// APIs, workers' control API) and a refused call changes nothing; TLS between every component;
// NATS with credentials; the HTTP proxy exposes no admin surface, never leaks stack traces, and
// enforces header and body limits and slow-client timeouts (probed with raw sockets).
import { strict as assert } from 'node:assert';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect as netConnect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { credentials } from '@grpc/grpc-js';
import { connect as natsConnect } from 'nats';
import {
  loadChannelCredentials,
  UnaryClient,
  UnauthenticatedError,
  UnavailableError,
  WorkerChannel,
  type TroupeError,
} from '@troupe/common';
import { AdminService, ControlService, v1, WorkerControlService } from '@troupe/protocol';
import { connect, start, freePort, TroupeClient } from '@troupe/serve';
import { pollUntil } from '@troupe/test-kit';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'faults', 'fixtures');
const TOKEN = 's3cret-admin-token-0123456789';
const REPLICA_RUNNING = v1.ReplicaState.REPLICA_STATE_RUNNING;

/** Backends less replica tags, and endpoints: what a refused call must leave unchanged. */
async function desiredState(client: TroupeClient): Promise<unknown> {
  const backends = (await client.listBackends()).map(({ replicaTags: _replicaTags, ...rest }) => rest);
  return { backends, endpoints: await client.listEndpoints() };
}

function isUnauthenticated(error: unknown): true {
  assert.ok(error instanceof UnauthenticatedError, `expected UnauthenticatedError, got ${String(error)}`);
  assert.equal((error as TroupeError).code, 'UNAUTHENTICATED');
  return true;
}

interface RawExchange {
  /** Everything the server sent. */
  text: string;
  /** The status of the first response, if one came. */
  status: number | undefined;
  /** ms from connect to the server closing the connection; undefined if it stayed open. */
  closedAfterMs: number | undefined;
}

/**
 * Opens a socket, sends `chunks` (a number waits that many ms), then waits until the server closes
 * the connection or `waitMs` passed.
 */
async function exchange(host: string, port: number, chunks: Array<string | Buffer | number>, waitMs: number): Promise<RawExchange> {
  const socket: Socket = netConnect({ host, port });
  const started = Date.now();
  let text = '';
  let closedAfterMs: number | undefined;
  const closed = new Promise<void>((resolve) => {
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closedAfterMs = Date.now() - started;
      resolve();
    });
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  for (const chunk of chunks) {
    if (typeof chunk === 'number') await Promise.race([new Promise((resolve) => setTimeout(resolve, chunk)), closed]);
    else if (!socket.destroyed) socket.write(chunk);
  }
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, waitMs))]);
  socket.destroy();
  const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
  return { text, status: match ? Number(match[1]) : undefined, closedAfterMs };
}

describe('security: admin token and the HTTP proxy', function () {
  this.timeout(120_000);
  let client: TroupeClient;
  let address: string;
  let httpPort: number;

  before(async () => {
    httpPort = await freePort();
    client = await start({
      nodes: 1,
      port: 0,
      adminToken: TOKEN,
      codeDir: fixtures,
      httpOptions: { port: httpPort },
      // Short slow-client limits, so the test can watch them act.
      env: { TROUPE_HEADERS_TIMEOUT_SECONDS: '1', TROUPE_CLIENT_REQUEST_TIMEOUT_SECONDS: '2', TROUPE_KEEP_ALIVE_TIMEOUT_SECONDS: '1' },
    });
    address = client.address;
    await client.createBackend('probe', './fault-probe.mjs#faultProbe', { config: { numReplicas: 1 } });
    await client.createEndpoint('probe', { backend: 'probe', route: '/probe', methods: ['GET', 'POST'] });
    await client.createBackend('thrower', './thrower.mjs#thrower');
    await client.createEndpoint('thrower', { backend: 'thrower', route: '/boom' });
  });

  after(async () => {
    await client?.shutdown();
  });

  describe('admin token', () => {
    const attempts: Array<[string, unknown]> = [
      ['createBackend', { spec: { tag: 'intruder', importPath: './fault-probe.mjs#faultProbe', initArgsJson: '[]', config: {} } }],
      ['updateBackendConfig', { tag: 'probe', config: { numReplicas: 0 } }],
      ['deleteBackend', { tag: 'thrower' }],
      ['createEndpoint', { spec: { name: 'intruder', route: '/intruder', methods: ['GET'], traffic: { probe: 1 } } }],
      ['deleteEndpoint', { name: 'probe' }],
      ['setTraffic', { endpoint: 'probe', traffic: { thrower: 1 } }],
      ['shadowTraffic', { endpoint: 'probe', backend: 'thrower', proportion: 1 }],
      ['getBackend', { tag: 'probe' }],
      ['listBackends', {}],
      ['listEndpoints', {}],
      ['getStatus', {}],
      ['getClusterInfo', {}],
      ['waitConverged', { version: 0, timeoutSeconds: 1 }],
      ['shutdown', {}],
    ];
    const badTokens: Array<[string, string | undefined]> = [
      ['no token', undefined],
      ['a wrong token', 'wrong-token'],
      ['the token with one character more', `${TOKEN}x`],
      ['the token less its last character', TOKEN.slice(0, -1)],
      ['the token in upper case', TOKEN.toUpperCase()],
    ];

    for (const [what, token] of badTokens) {
      it(`refuses every admin call with ${what}, and changes nothing`, async () => {
        const before = await desiredState(client);
        const { headId } = await client.status();
        const admin = new UnaryClient(AdminService, 'Admin', address, { token });
        try {
          for (const [method, request] of attempts) {
            await assert.rejects(admin.call(method as keyof typeof AdminService & string, request, 5_000), isUnauthenticated, method);
          }
        } finally {
          admin.close();
        }
        assert.deepEqual(await desiredState(client), before);
        assert.equal((await client.status()).headId, headId, 'the head was not shut down');
      });
    }

    it('refuses other authorization schemes and values', async () => {
      for (const header of [`Basic ${Buffer.from(`admin:${TOKEN}`).toString('base64')}`, TOKEN, `Bearer  ${TOKEN}`, `Bearer ${TOKEN} `, 'Bearer ']) {
        const admin = new UnaryClient(AdminService, 'Admin', address);
        const metadata = (admin as unknown as { metadata: { set(k: string, v: string): void } }).metadata;
        metadata.set('authorization', header);
        try {
          await assert.rejects(admin.call('listBackends', {}, 5_000), isUnauthenticated, header);
        } finally {
          admin.close();
        }
      }
    });

    it('the SDK surfaces UnauthenticatedError, and connect() fails without the token', async () => {
      const before = await desiredState(client);
      const intruder = new TroupeClient({ address, token: 'wrong-token' });
      try {
        await assert.rejects(intruder.createBackend('intruder', './fault-probe.mjs#faultProbe'), isUnauthenticated);
        await assert.rejects(intruder.updateBackendConfig('probe', { numReplicas: 3 }), isUnauthenticated);
        await assert.rejects(intruder.deleteEndpoint('probe'), isUnauthenticated);
        await assert.rejects(intruder.getHandle('probe'), isUnauthenticated);
      } finally {
        await intruder.close();
      }
      await assert.rejects(connect({ address, token: '' }), isUnauthenticated);
      const friend = await connect({ address, token: TOKEN });
      assert.deepEqual(await desiredState(friend), before);
      await friend.close();
    });

    it("refuses a worker registering without the token (the head's control API)", async () => {
      const workersBefore = (await client.status()).workers.map((w) => w.workerId);
      const control = new UnaryClient(ControlService, 'Control', address);
      try {
        const rogue = { workerId: 'rogue', nodeId: 'rogue', dataAddress: '127.0.0.1:1', controlAddress: '127.0.0.1:1', replicas: [] };
        await assert.rejects(control.call('registerWorker', rogue, 5_000), isUnauthenticated);
        await assert.rejects(control.call('heartbeat', { workerId: workersBefore[0], replicas: [] }, 5_000), isUnauthenticated);
      } finally {
        control.close();
      }
      assert.deepEqual((await client.status()).workers.map((w) => w.workerId), workersBefore);
    });

    it("refuses control calls to a worker without the token: replicas can be neither started nor stopped", async () => {
      const tags = [...(await client.describeBackend('probe')).replicaTags, ...(await client.describeBackend('thrower')).replicaTags].sort();
      // The worker's heartbeats report every replica running (they lag changes by up to 1 s).
      const reported = async (): Promise<string[]> =>
        ((await client.status()).workers[0]?.replicas ?? []).filter((r) => r.state === REPLICA_RUNNING).map((r) => r.replicaTag ?? '').sort();
      await pollUntil(async () => JSON.stringify(await reported()) === JSON.stringify(tags), 5_000, 'heartbeats with every replica');
      const worker = (await client.status()).workers[0]!;
      const control = new UnaryClient(WorkerControlService, 'WorkerControl', worker.controlAddress ?? '');
      try {
        const start = { replicaTag: 'intruder#aaaaaa', backend: 'intruder', importPath: './fault-probe.mjs#faultProbe', initArgsJson: '[]', config: {} };
        await assert.rejects(control.call('startReplica', start, 5_000), isUnauthenticated);
        for (const tag of tags) await assert.rejects(control.call('stopReplica', { replicaTag: tag, graceSeconds: 0 }, 5_000), isUnauthenticated);
        await assert.rejects(control.call('reconfigureReplica', { replicaTag: tags[0], config: { maxConcurrentQueries: 1 } }, 5_000), isUnauthenticated);
        await assert.rejects(control.call('inspectBackend', { importPath: '/etc/passwd' }, 5_000), isUnauthenticated);
        await assert.rejects(control.call('listReplicas', {}, 5_000), isUnauthenticated);
      } finally {
        control.close();
      }
      // Nothing started, nothing stopped: the same replicas serve.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      assert.deepEqual(await reported(), tags);
      const reply = await fetch(`http://127.0.0.1:${httpPort}/probe?id=7`);
      assert.equal(reply.status, 200);
    });
  });

  describe('HTTP proxy', () => {
    it('exposes no admin surface: admin-looking paths and gRPC on the HTTP port change nothing', async () => {
      const before = await desiredState(client);
      const { headId } = await client.status();
      const base = `http://127.0.0.1:${httpPort}`;
      const probes: Array<[string, string, Record<string, string>?]> = [
        ['POST', '/-/shutdown'],
        ['GET', '/-/shutdown'],
        ['POST', '/-/routes'],
        ['PUT', '/-/routes'],
        ['DELETE', '/-/routes'],
        ['POST', '/-/healthz'],
        ['GET', '/-/admin'],
        ['GET', '/-/status'],
        ['POST', '/-/config'],
        ['POST', '/troupe.v1.Admin/Shutdown', { 'content-type': 'application/grpc' }],
        ['POST', '/troupe.v1.Admin/DeleteEndpoint', { 'content-type': 'application/grpc+proto' }],
        ['POST', '/troupe.v1.WorkerControl/StopReplica', { 'content-type': 'application/grpc' }],
      ];
      for (const [method, path, headers] of probes) {
        const reply = await fetch(`${base}${path}`, { method, headers, body: method === 'GET' ? undefined : 'x' });
        assert.ok([404, 405].includes(reply.status), `${method} ${path}: ${reply.status}`);
        await reply.text();
      }
      // A gRPC client speaking HTTP/2 to the proxy's port gets nowhere.
      const admin = new UnaryClient(AdminService, 'Admin', `127.0.0.1:${httpPort}`, { token: TOKEN });
      try {
        await assert.rejects(admin.call('shutdown', {}, 3_000));
        await assert.rejects(admin.call('deleteEndpoint', { name: 'probe' }, 3_000));
      } finally {
        admin.close();
      }
      assert.deepEqual(await desiredState(client), before);
      assert.equal((await client.status()).headId, headId);
      // And the proxy process listens on its HTTP port only.
      const pid = client.cluster!.process('proxy node-1').pid!;
      const listening = execFileSync('ss', ['-ltnpH'], { encoding: 'utf8' })
        .split('\n')
        .filter((line) => line.includes(`pid=${pid},`))
        .map((line) => line.trim().split(/\s+/)[3]);
      assert.deepEqual(listening, [`127.0.0.1:${httpPort}`]);
    });

    it('never sends stack traces or error internals to HTTP clients', async () => {
      const expected: Record<string, RegExp> = {
        default: /^InventoryError: no stock for bolts$/,
        cause: /^InventoryError: outer failure$/,
        async: /^TypeError: async failure$/,
        string: /^Error: thrown string$/,
        object: /^Error: \[object Object\]$/,
      };
      for (const [kind, body] of Object.entries(expected)) {
        const reply = await fetch(`http://127.0.0.1:${httpPort}/boom?kind=${kind}`);
        const text = await reply.text();
        assert.equal(reply.status, 500, kind);
        assert.match(reply.headers.get('content-type') ?? '', /^text\/plain/);
        assert.match(text, body, kind);
        for (const leak of [/\n\s*at /, /\.m?js/, /fixtures/, /inner secret/, /object internals/, /node:internal/]) {
          assert.doesNotMatch(text, leak, `${kind}: ${text}`);
        }
        for (const [name, value] of reply.headers) assert.doesNotMatch(`${name}: ${value}`, /\.m?js|\bat\b.*:\d+:\d+/);
      }
    });

    it('answers 431 to request heads over 16 KiB and serves heads under it', async () => {
      const ok = await exchange('127.0.0.1', httpPort, [`GET /probe?id=1 HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(8 * 1024)}\r\nConnection: close\r\n\r\n`], 5_000);
      assert.equal(ok.status, 200, ok.text.slice(0, 200));
      const big = await exchange('127.0.0.1', httpPort, [`GET /probe?id=1 HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(17 * 1024)}\r\n\r\n`], 5_000);
      assert.equal(big.status, 431, big.text.slice(0, 200));
      // Over the limit in many headers rather than one.
      const many = Array.from({ length: 200 }, (_, i) => `X-H${i}: ${'v'.repeat(100)}\r\n`).join('');
      const crowded = await exchange('127.0.0.1', httpPort, [`GET /probe?id=1 HTTP/1.1\r\nHost: x\r\n${many}\r\n`], 5_000);
      assert.equal(crowded.status, 431, crowded.text.slice(0, 200));
    });

    it('answers 413 to bodies over 10 MiB, declared or streamed, and accepts one at the limit', async () => {
      const limit = 10 * 1024 * 1024;
      const declared = await exchange('127.0.0.1', httpPort, [`POST /probe?id=1 HTTP/1.1\r\nHost: x\r\nContent-Length: ${limit + 1}\r\n\r\n`], 5_000);
      assert.equal(declared.status, 413, declared.text.slice(0, 200));
      const chunk = Buffer.alloc(1024 * 1024, 0x61);
      const chunks: Array<string | Buffer> = ['POST /probe?id=1 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n'];
      for (let i = 0; i < 11; i++) chunks.push(`${chunk.length.toString(16)}\r\n`, chunk, '\r\n');
      chunks.push('0\r\n\r\n');
      const streamed = await exchange('127.0.0.1', httpPort, chunks, 10_000);
      assert.equal(streamed.status, 413, streamed.text.slice(0, 200));
      const atLimit = await fetch(`http://127.0.0.1:${httpPort}/probe?id=9`, { method: 'POST', body: Buffer.alloc(limit, 0x62) });
      assert.equal(atLimit.status, 200);
      assert.equal(((await atLimit.json()) as { id: string }).id, '9');
    });

    it('closes connections whose request head does not arrive within the headers timeout, even trickled', async () => {
      const stalled = await exchange('127.0.0.1', httpPort, ['GET /probe?id=1 HTTP/1.1\r\nHost: x\r\n'], 6_000);
      assert.ok(stalled.closedAfterMs !== undefined && stalled.closedAfterMs <= 3_500, `closed after ${stalled.closedAfterMs} ms`);
      assert.ok(stalled.status === undefined || stalled.status === 408, stalled.text.slice(0, 200));
      // A slowloris client sends a header line every 300 ms: the timeout counts from the first byte.
      const trickle: Array<string | number> = ['GET /probe?id=1 HTTP/1.1\r\nHost: x\r\n'];
      for (let i = 0; i < 20; i++) trickle.push(300, `X-Slow-${i}: v\r\n`);
      const slowloris = await exchange('127.0.0.1', httpPort, trickle, 3_000);
      assert.ok(slowloris.closedAfterMs !== undefined && slowloris.closedAfterMs <= 3_500, `closed after ${slowloris.closedAfterMs} ms`);
    });

    it('closes connections whose body stalls past the request timeout, and idle keep-alive ones', async () => {
      const slowBody = await exchange('127.0.0.1', httpPort, ['POST /probe?id=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789'], 8_000);
      assert.ok(slowBody.closedAfterMs !== undefined && slowBody.closedAfterMs <= 4_500, `closed after ${slowBody.closedAfterMs} ms`);
      assert.ok(slowBody.status === undefined || slowBody.status === 408, slowBody.text.slice(0, 200));
      const idle = await exchange('127.0.0.1', httpPort, ['GET /probe?id=2 HTTP/1.1\r\nHost: x\r\n\r\n'], 6_000);
      assert.equal(idle.status, 200);
      assert.ok(idle.closedAfterMs !== undefined && idle.closedAfterMs <= 3_000, `idle connection closed after ${idle.closedAfterMs} ms`);
    });

    it('keeps serving others while many slow clients hold connections', async () => {
      let disconnected = 0;
      const sockets = await Promise.all(
        Array.from({ length: 100 }, () => {
          const socket = netConnect({ host: '127.0.0.1', port: httpPort });
          socket.on('error', () => undefined);
          socket.on('close', () => disconnected++);
          socket.resume();
          return new Promise<Socket>((resolve) => socket.once('connect', () => {
            socket.write('GET /probe?id=1 HTTP/1.1\r\nHost: x\r\n');
            resolve(socket);
          }));
        }),
      );
      try {
        const started = Date.now();
        const reply = await fetch(`http://127.0.0.1:${httpPort}/probe?id=3`);
        assert.equal(reply.status, 200);
        await reply.text();
        assert.ok(Date.now() - started < 1_000, `answered in ${Date.now() - started} ms`);
        // And the slow ones are all cut off by the headers timeout.
        await pollUntil(() => disconnected === sockets.length, 5_000, 'slow clients to be disconnected');
      } finally {
        for (const socket of sockets) socket.destroy();
      }
    });
  });
});

/** A CA and a certificate for 127.0.0.1 (server and client use), made with the openssl CLI. */
function makeCertificates(dir: string, name: string): { ca: string; cert: string; key: string } {
  const file = (suffix: string): string => join(dir, `${name}-${suffix}`);
  const openssl = (...args: string[]): void => {
    execFileSync('openssl', args, { stdio: 'pipe' });
  };
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl('req', '-x509', ...ec, '-keyout', file('ca.key'), '-out', file('ca.crt'), '-days', '2', '-subj', `/CN=${name} test CA`);
  openssl('req', ...ec, '-keyout', file('node.key'), '-out', file('node.csr'), '-subj', '/CN=127.0.0.1');
  writeFileSync(
    file('ext.cnf'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\nbasicConstraints=CA:FALSE\n',
  );
  openssl('x509', '-req', '-in', file('node.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-CAcreateserial',
    '-out', file('node.crt'), '-days', '2', '-extfile', file('ext.cnf'));
  return { ca: file('ca.crt'), cert: file('node.crt'), key: file('node.key') };
}

/** Sets variables for the duration of a suite; returns the function that restores them. */
function setEnv(values: Record<string, string>): () => void {
  const saved = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  return () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

describe('security: mutual TLS between every component', function () {
  this.timeout(120_000);
  let dir: string;
  let restoreEnv: (() => void) | undefined;
  let client: TroupeClient;
  let httpPort: number;
  let rogue: { ca: string; cert: string; key: string };
  let trusted: { ca: string; cert: string; key: string };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'troupe-tls-'));
    trusted = makeCertificates(dir, 'trusted');
    rogue = makeCertificates(dir, 'rogue');
    const env = { TROUPE_TLS_CA: trusted.ca, TROUPE_TLS_CERT: trusted.cert, TROUPE_TLS_KEY: trusted.key };
    // The SDK client in this process reads the same variables (admin calls and data streams).
    restoreEnv = setEnv(env);
    httpPort = await freePort();
    client = await start({ nodes: 1, port: 0, codeDir: fixtures, httpOptions: { port: httpPort }, env });
    await client.createBackend('probe', './fault-probe.mjs#faultProbe', { config: { numReplicas: 1 } });
    await client.createEndpoint('probe', { backend: 'probe', route: '/probe' });
  });

  after(async () => {
    await client?.shutdown();
    restoreEnv?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a cluster whose admin, control and data traffic is all TLS', async () => {
    // Head → worker (the replica started), client → worker (handle), proxy → worker (HTTP).
    const handle = await client.getHandle('probe');
    assert.deepEqual(await client.get(handle.remote({ id: 'tls' })), { replica: (await client.describeBackend('probe')).replicaTags[0], id: 'tls' });
    const reply = await fetch(`http://127.0.0.1:${httpPort}/probe?id=41`);
    assert.equal(reply.status, 200, await reply.clone().text());
    assert.equal(((await reply.json()) as { id: string }).id, '41');
  });

  it('refuses plaintext, clients without a certificate and certificates of another CA', async () => {
    const before = await desiredState(client);
    const worker = (await client.status()).workers[0]!;
    const tag = (await client.describeBackend('probe')).replicaTags[0]!;
    const variants: Array<[string, ReturnType<typeof credentials.createInsecure>]> = [
      ['plaintext', credentials.createInsecure()],
      ['TLS without a client certificate', credentials.createSsl(readFileSync(trusted.ca))],
      ['a client certificate of another CA', credentials.createSsl(readFileSync(trusted.ca), readFileSync(rogue.key), readFileSync(rogue.cert))],
      ['a server it does not trust', loadChannelCredentials({ TROUPE_TLS_CA: rogue.ca, TROUPE_TLS_CERT: rogue.cert, TROUPE_TLS_KEY: rogue.key })],
    ];
    for (const [what, creds] of variants) {
      const admin = new UnaryClient(AdminService, 'Admin', client.address, { credentials: creds });
      const control = new UnaryClient(WorkerControlService, 'WorkerControl', worker.controlAddress ?? '', { credentials: creds });
      const data = new WorkerChannel(worker.dataAddress ?? '', { credentials: creds });
      try {
        await assert.rejects(admin.call('deleteEndpoint', { name: 'probe' }, 5_000), UnavailableError, `admin, ${what}`);
        await assert.rejects(control.call('stopReplica', { replicaTag: tag, graceSeconds: 0 }, 5_000), UnavailableError, `worker control, ${what}`);
        await assert.rejects(data.send({ replicaTag: tag }), UnavailableError, `data stream, ${what}`);
      } finally {
        admin.close();
        control.close();
        data.close();
      }
    }
    assert.deepEqual(await desiredState(client), before);
    assert.deepEqual((await client.describeBackend('probe')).replicaTags, [tag]);
  });
});

describe('security: NATS with credentials', function () {
  this.timeout(120_000);
  let dir: string;
  let nats: ChildProcess | undefined;
  let natsUrl: string;
  let restoreEnv: (() => void) | undefined;
  let client: TroupeClient;
  let httpPort: number;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'troupe-nats-auth-'));
    const port = await freePort();
    natsUrl = `nats://127.0.0.1:${port}`;
    const config = join(dir, 'nats.conf');
    writeFileSync(
      config,
      [`listen: "127.0.0.1:${port}"`, `jetstream { store_dir: "${join(dir, 'js')}" }`, 'authorization { user: troupe, password: "n4ts-pa55" }', ''].join('\n'),
    );
    nats = spawn(process.env.TROUPE_NATS_SERVER ?? 'nats-server', ['-c', config], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    nats.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    nats.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await pollUntil(() => output.includes('Server is ready'), 15_000, 'nats-server with credentials');
    const env = { TROUPE_NATS_USER: 'troupe', TROUPE_NATS_PASSWORD: 'n4ts-pa55' };
    restoreEnv = setEnv(env);
    httpPort = await freePort();
    client = await start({ nodes: 1, port: 0, natsUrl, codeDir: fixtures, httpOptions: { port: httpPort }, env });
    await client.createBackend('probe', './fault-probe.mjs#faultProbe', { config: { numReplicas: 1 } });
    await client.createEndpoint('probe', { backend: 'probe', route: '/probe' });
  });

  after(async () => {
    await client?.shutdown();
    restoreEnv?.();
    if (nats && nats.exitCode === null) {
      const exited = new Promise((resolve) => nats!.once('exit', resolve));
      nats.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses NATS clients without the credentials', async () => {
    for (const options of [{}, { user: 'troupe', pass: 'wrong' }, { user: 'other', pass: 'n4ts-pa55' }]) {
      await assert.rejects(natsConnect({ servers: natsUrl, reconnect: false, timeout: 2_000, ...options }), /AUTHORIZATION_VIOLATION|Authorization/i);
    }
  });

  it('every component uses them: the head stores state, proxies get routes and heartbeat, handles get snapshots', async () => {
    const status = await client.status();
    assert.equal(status.proxies.length, 1, 'the proxy heartbeats over NATS');
    const reply = await fetch(`http://127.0.0.1:${httpPort}/probe?id=5`);
    assert.equal(reply.status, 200, 'the proxy got its route table over NATS');
    assert.equal(((await reply.json()) as { id: string }).id, '5');
    const handle = await client.getHandle('probe');
    assert.equal(((await client.get(handle.remote({ id: 'h' }))) as { id: string }).id, 'h');
    // The desired state is in JetStream, readable with the credentials only.
    const connection = await natsConnect({ servers: natsUrl, user: 'troupe', pass: 'n4ts-pa55' });
    try {
      const kv = await connection.jetstream().views.kv('troupe_state', { bindOnly: true });
      assert.ok(await kv.get('desired'));
    } finally {
      await connection.close();
    }
  });
});
