// Security of the data plane and of user code, end to end on a local cluster with an admin token
// (and so a data token): the workers' data streams refuse peers without the token and frames over
// the limit before buffering them; X-Serve-Call-Method reaches only exposed methods; importPath
// stays inside the code directory; a shadow never doubles the traffic backend; the routers'
// queues are bounded; replicas see no credential and still compose through their worker.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Client, credentials, Metadata, status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';
import { UnaryClient, WorkerChannel } from '@troupe/common';
import { AdminService, DataService, encodeValue, v1 } from '@troupe/protocol';
import {
  BackPressureError,
  freePort,
  start,
  UnauthenticatedError,
  ValidationError,
  type TroupeClient,
} from '@troupe/serve';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const TOKEN = 'data-plane-admin-token-0123456789';

/** Resident memory of a process, from /proc (bytes). */
function residentBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  assert.ok(match, `no VmRSS for pid ${pid}`);
  return Number(match[1]) * 1024;
}

/** Sends one raw frame on a data stream and resolves with the status the stream ended with. */
function sendRawFrame(address: string, token: string | undefined, frame: Buffer): Promise<{ code: number; details: string; replies: number }> {
  const client = new Client(address, credentials.createInsecure(), { 'grpc.max_send_message_length': -1 });
  const metadata = new Metadata();
  if (token) metadata.set('authorization', `Bearer ${token}`);
  const identity = (bytes: Buffer): Buffer => bytes;
  const stream = client.makeBidiStreamRequest(DataService.stream.path, identity, identity, metadata);
  return new Promise((resolve) => {
    let replies = 0;
    stream.on('data', () => replies++);
    stream.on('error', (error: ServiceError) => {
      client.close();
      resolve({ code: error.code, details: error.details, replies });
    });
    stream.on('status', (status: { code: number; details: string }) => {
      if (status.code === GrpcStatus.OK) {
        client.close();
        resolve({ code: status.code, details: status.details, replies });
      }
    });
    stream.write(frame);
    stream.end();
  });
}

describe('security: data plane and user code', function () {
  this.timeout(180_000);
  let client: TroupeClient;
  let httpPort: number;
  let http: string;

  before(async () => {
    httpPort = await freePort();
    http = `http://127.0.0.1:${httpPort}`;
    client = await start({ nodes: 1, port: 0, adminToken: TOKEN, codeDir: fixtures, httpOptions: { port: httpPort } });
    await client.createBackend('counter', './call-counter.mjs#CallCounter');
    await client.createEndpoint('counter', { backend: 'counter' });
    await client.createBackend('conf', './configurable.mjs#Configurable', { initArgs: ['p'], config: { userConfig: { v: 1 } } });
    await client.createEndpoint('conf', { backend: 'conf', route: '/conf', methods: ['GET', 'POST'] });
  });

  after(async () => {
    await client?.shutdown();
  });

  async function worker(): Promise<{ dataAddress: string; pid: number }> {
    const status = await client.status();
    const pid = client.cluster!.process('worker node-1').pid;
    assert.ok(pid, 'the worker runs');
    return { dataAddress: status.workers[0]!.dataAddress ?? '', pid };
  }

  async function counted(phase: string): Promise<number> {
    const handle = (await client.getHandle('counter')).options({ methodName: 'count' });
    return (await handle.remote(phase)) as number;
  }

  describe('worker data streams', () => {
    it('refuse calls without the data token, or with another one, and run nothing', async () => {
      const { dataAddress } = await worker();
      const tag = (await client.describeBackend('counter')).replicaTags[0]!;
      for (const token of [undefined, 'wrong-token', TOKEN]) {
        const channel = new WorkerChannel(dataAddress, { token });
        try {
          await assert.rejects(channel.send({ replicaTag: tag, data: encodeValue({ phase: 'anonymous' }), hasData: true }), (error: Error) => {
            assert.match(error.message, /bearer token/, `token ${String(token)}`);
            assert.ok(error.cause instanceof UnauthenticatedError, `token ${String(token)}: ${String(error.cause)}`);
            return true;
          });
        } finally {
          channel.close();
        }
      }
      assert.equal(await counted('anonymous'), 0, 'no refused call ran');
      // The SDK got the data token from GetClusterInfo: its handles call.
      const handle = await client.getHandle('counter');
      assert.equal(await handle.remote({ phase: 'with-token' }), 'counted');
      assert.equal(await counted('with-token'), 1);
    });

    it('hand the data token to admin callers only, as a field of GetClusterInfo', async () => {
      const anonymous = new UnaryClient(AdminService, 'Admin', client.address, {});
      const admin = new UnaryClient(AdminService, 'Admin', client.address, { token: TOKEN });
      try {
        await assert.rejects(anonymous.call('getClusterInfo', {}), UnauthenticatedError);
        const info = await admin.call<{ dataToken: string; natsUrl: string }>('getClusterInfo', {});
        assert.ok(info.dataToken.length >= 32, 'a generated data token');
        assert.ok(!info.natsUrl.includes(info.dataToken), 'never in a URL');
      } finally {
        anonymous.close();
        admin.close();
      }
    });

    it('refuse a frame over the limit before buffering it: the worker stays small and keeps serving', async () => {
      const { dataAddress, pid } = await worker();
      const info = await (async () => {
        const admin = new UnaryClient(AdminService, 'Admin', client.address, { token: TOKEN });
        try {
          return await admin.call<{ dataToken: string }>('getClusterInfo', {});
        } finally {
          admin.close();
        }
      })();
      const tag = (await client.describeBackend('counter')).replicaTags[0]!;
      const body = Buffer.alloc(96 * 1024 * 1024, 0x61);
      const frame = Buffer.from(
        v1.CallFrame.encode({ calls: [{ id: 1, replicaTag: tag, http: { method: 'POST', path: '/', body } }] }).finish(),
      );
      const before = residentBytes(pid);
      const ended = await sendRawFrame(dataAddress, info.dataToken, frame);
      const after = residentBytes(pid);
      assert.equal(ended.code, GrpcStatus.RESOURCE_EXHAUSTED, `stream ended with ${ended.code}: ${ended.details}`);
      assert.equal(ended.replies, 0);
      assert.ok(after - before < 48 * 1024 * 1024, `the worker grew by ${Math.round((after - before) / 1048576)} MiB for a 96 MiB frame`);
      // The worker keeps serving: a handle call and an HTTP request.
      const handle = await client.getHandle('counter');
      assert.equal(await handle.remote({ phase: 'after-oversized' }), 'counted');
      const reply = await fetch(`${http}/conf`);
      assert.equal(reply.status, 200);
    });

    it('carry bodies up to the proxy limit, and refuse handle arguments over it without breaking the stream', async () => {
      const atLimit = await fetch(`${http}/conf`, { method: 'POST', body: Buffer.alloc(10 * 1024 * 1024, 0x62) });
      assert.equal(atLimit.status, 200, await atLimit.clone().text());
      const handle = await client.getHandle('counter');
      const big = handle.remote({ phase: 'too-big', blob: Buffer.alloc(12 * 1024 * 1024) });
      const small = handle.remote({ phase: 'beside-too-big' });
      await assert.rejects(Promise.resolve(big), (error: Error) => error instanceof ValidationError && /data plane carries/.test(error.message));
      assert.equal(await small, 'counted');
      assert.equal(await counted('too-big'), 0);
    });
  });

  describe('HTTP method calls', () => {
    it('X-Serve-Call-Method: reconfigure answers 404 and leaves userConfig unchanged', async () => {
      const before = (await (await fetch(`${http}/conf`)).json()) as { configs: unknown[]; replica: string };
      assert.deepEqual(before.configs, [{ v: 1 }]);
      for (const method of ['reconfigure', 'constructor', 'toString', 'hasOwnProperty', '__proto__', 'checkHealth', 'shutdown', 'nope']) {
        const reply = await fetch(`${http}/conf`, {
          method: 'POST',
          headers: { 'X-Serve-Call-Method': method, 'content-type': 'application/json' },
          body: JSON.stringify({ hacked: true }),
        });
        assert.equal(reply.status, 404, `${method}: ${await reply.clone().text()}`);
        assert.match(await reply.text(), /not exposed/);
      }
      const after = (await (await fetch(`${http}/conf`)).json()) as { configs: unknown[]; replica: string };
      assert.deepEqual(after.configs, [{ v: 1 }], 'reconfigure never ran');
      assert.equal(after.replica, before.replica);
      const explicitCall = await fetch(`${http}/conf`, { headers: { 'X-Serve-Call-Method': 'call' } });
      assert.equal(explicitCall.status, 200);
    });

    it('reach the methods a class lists, or the backend was created with; handles reach any public method', async () => {
      await client.createBackend('listed', './methods.mjs#Listed');
      await client.createEndpoint('listed', { backend: 'listed', route: '/listed' });
      await client.createBackend('unlisted', './methods.mjs#Unlisted');
      await client.createEndpoint('unlisted', { backend: 'unlisted', route: '/unlisted' });
      await client.createBackend('opted', './methods.mjs#Unlisted', { exposedMethods: ['greet'] });
      await client.createEndpoint('opted', { backend: 'opted', route: '/opted' });
      const status = async (route: string, method?: string): Promise<number> =>
        (await fetch(`${http}${route}?name=x`, { headers: method ? { 'X-Serve-Call-Method': method } : {} })).status;
      assert.deepEqual(
        [await status('/listed'), await status('/listed', 'greet'), await status('/listed', 'internal')],
        [200, 200, 404],
      );
      assert.deepEqual(
        [await status('/unlisted'), await status('/unlisted', 'greet'), await status('/unlisted', 'internal')],
        [200, 404, 404],
      );
      assert.deepEqual([await status('/opted', 'greet'), await status('/opted', 'internal')], [200, 404]);
      assert.deepEqual((await client.describeBackend('opted')).exposedMethods, ['greet']);
      const handle = await client.getHandle('unlisted');
      assert.equal(await handle.options({ methodName: 'internal' }).remote(), 'internal');
      assert.equal(await handle.options({ methodName: 'greet' }).remote(), 'greet');
      for (const never of ['reconfigure', 'constructor', 'toString']) {
        await assert.rejects(Promise.resolve(handle.options({ methodName: never }).remote()), ValidationError, never);
      }
      await assert.rejects(client.createBackend('bad-exposed', './methods.mjs#Unlisted', { exposedMethods: ['reconfigure'] }), /exposedMethods/);
    });
  });

  describe('importPath', () => {
    const refused: Array<[string, string, RegExp]> = [
      ['a builtin', 'node:worker_threads#Worker', /builtin/],
      ['a bare builtin', 'child_process#exec', /builtin/],
      ['a ../ escape', '../faults/fixtures/thrower.mjs#thrower', /\.\./],
      ['a file: URL', `${pathToFileURL(join(fixtures, 'whoami.mjs')).href}#whoami`, /URL/],
      ['a data: URL', 'data:text/javascript,export default () => 1', /URL/],
      ['an http: URL', 'http://127.0.0.1:1/x.mjs#x', /URL/],
      ['an absolute path outside the code directory', `${join(fixtures, '..', 'faults', 'fixtures', 'thrower.mjs')}#thrower`, /outside the code directory|\.\./],
    ];
    for (const [what, importPath, why] of refused) {
      it(`refuses ${what} at create time with a ValidationError naming importPath, in the head too`, async () => {
        const before = await client.listBackends();
        await assert.rejects(client.createBackend('intruder', importPath, { initArgs: ['process.exit(1)', { eval: true }] }), (error: Error) => {
          assert.ok(error instanceof ValidationError, String(error));
          assert.match(error.message, /importPath/);
          assert.match(error.message, why);
          return true;
        });
        // The head refuses on its own, whatever a client checks first.
        const admin = new UnaryClient(AdminService, 'Admin', client.address, { token: TOKEN });
        try {
          await assert.rejects(
            admin.call('createBackend', { spec: { tag: 'intruder', importPath, initArgsJson: '[]', config: {} } }),
            (error: Error) => error instanceof ValidationError && /importPath/.test(error.message),
          );
        } finally {
          admin.close();
        }
        assert.deepEqual((await client.listBackends()).map((b) => b.tag), before.map((b) => b.tag));
      });
    }

    it('loads a .ts backend as written', async () => {
      await client.createBackend('typed', './typed.ts#Typed', { initArgs: ['hi'] });
      await client.createEndpoint('typed', { backend: 'typed', route: '/typed' });
      const handle = await client.getHandle('typed');
      assert.deepEqual(await handle.remote('there'), { text: 'hi there', mood: 'happy' });
      const reply = await fetch(`${http}/typed`);
      assert.deepEqual(await reply.json(), { text: 'hi world', mood: 'happy' });
    });
  });

  describe('shadows and queues', () => {
    it('refuses a shadow naming a backend the traffic already goes to, and traffic to a shadow', async () => {
      await client.createEndpoint('shadowed', { backend: 'counter' });
      await assert.rejects(client.shadowTraffic('shadowed', 'counter', 0.5), (error: Error) => error instanceof ValidationError && /^backend: /.test(error.message));
      await client.shadowTraffic('shadowed', 'conf', 0.5);
      await assert.rejects(client.setTraffic('shadowed', { conf: 1 }), (error: Error) => error instanceof ValidationError && /traffic\.conf/.test(error.message));
      const endpoint = (await client.listEndpoints()).find((e) => e.name === 'shadowed')!;
      assert.deepEqual([endpoint.traffic, endpoint.shadows], [{ counter: 1 }, { conf: 0.5 }]);
    });

    it('answers 503 with Retry-After once maxQueuedRequests wait, and handles get BackPressureError', async () => {
      await client.createBackend('sleepy', './sleepy.mjs#sleepy', { config: { maxConcurrentQueries: 1, maxQueuedRequests: 2 } });
      await client.createEndpoint('sleepy', { backend: 'sleepy', route: '/sleepy' });
      // One runs, two wait, the other three are refused at once, whatever order they arrive in.
      const replies = await Promise.all(Array.from({ length: 6 }, () => fetch(`${http}/sleepy?ms=4000`)));
      const statuses = replies.map((r) => r.status).sort();
      assert.deepEqual(statuses, [200, 200, 200, 503, 503, 503]);
      for (const reply of replies.filter((r) => r.status === 503)) {
        assert.equal(reply.headers.get('retry-after'), '1');
        assert.match(await reply.text(), /^BackPressureError: .*maxQueuedRequests/);
      }
      // A handle client is a router of its own, with the same bound.
      const handle = await client.getHandle('sleepy');
      const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => Promise.resolve(handle.remote({ ms: 1500 }))));
      const refused = outcomes.filter((o) => o.status === 'rejected');
      assert.equal(refused.length, 3);
      for (const outcome of refused) {
        const error = (outcome as PromiseRejectedResult).reason as BackPressureError;
        assert.ok(error instanceof BackPressureError, String(error));
        assert.equal(error.code, 'BACK_PRESSURE');
      }
      // Applied in place: the replica stays, and an unbounded queue refuses nothing.
      const tags = (await client.describeBackend('sleepy')).replicaTags;
      await client.updateBackendConfig('sleepy', { maxQueuedRequests: -1 });
      assert.deepEqual((await client.describeBackend('sleepy')).replicaTags, tags);
      const unbounded = await Promise.all(Array.from({ length: 5 }, () => fetch(`${http}/sleepy?ms=200`)));
      assert.deepEqual(unbounded.map((r) => r.status), [200, 200, 200, 200, 200]);
    });
  });

  describe('replicas', () => {
    it('see none of the cluster credentials in their environment', async () => {
      await client.createBackend('probe', './replica-probe.mjs#environment');
      await client.createEndpoint('probe', { backend: 'probe', route: '/env' });
      const env = (await (await client.getHandle('probe')).remote()) as Record<string, string>;
      for (const name of Object.keys(env)) {
        assert.doesNotMatch(name, /^TROUPE_(ADMIN_TOKEN|DATA_TOKEN|NATS_|TLS_)/, `${name} reached user code`);
      }
      assert.ok(!JSON.stringify(env).includes(TOKEN), 'the admin token reached user code');
      assert.equal(env.TROUPE_CODE_DIR, fixtures, 'the rest of the environment is there');
      const overHttp = await (await fetch(`${http}/env`)).text();
      assert.ok(!overHttp.includes(TOKEN));
    });

    it('still compose through handles with a token configured, and cannot reach the admin API', async () => {
      await client.createBackend('whoami', './whoami.mjs#whoami');
      await client.createEndpoint('whoami', { backend: 'whoami' });
      await client.createBackend('composer', './composer.mjs#composer');
      await client.createEndpoint('composer', { backend: 'composer' });
      const reply = (await (await client.getHandle('composer')).remote('x')) as { outer: string; inner: string; data: string };
      assert.equal(reply.outer, 'composer');
      assert.match(reply.inner, /^whoami#/);
      assert.equal(reply.data, 'x');
      await client.createBackend('admin-attempt', './replica-probe.mjs#adminAttempt');
      await client.createEndpoint('admin-attempt', { backend: 'admin-attempt' });
      const attempt = await (await client.getHandle('admin-attempt')).remote();
      assert.deepEqual(attempt, { error: 'UnauthenticatedError', code: 'UNAUTHENTICATED' });
    });
  });
});
