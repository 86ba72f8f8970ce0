import { strict as assert } from 'node:assert';
import { Agent } from 'node:http';
import { connect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { BackPressureError, RouteTable, UnavailableError } from '@troupe/common';
import { v1 } from '@troupe/protocol';
import { httpReply } from './fake-data-plane.js';
import { send, startTestServer, type TestServer } from './test-server.js';

const ROUTES = [
  { name: 'echo', route: '/echo', methods: ['GET', 'POST'] },
  { name: 'user', route: '/api/{user_id:int}/{number:float}', methods: ['GET'] },
  { name: 'files', route: '/files/{p:path}', methods: ['GET'] },
  { name: 'post-only', route: '/submit', methods: ['POST', 'PUT'] },
  { name: 'dir', route: '/dir/', methods: ['GET'] },
  { name: 'handle-only', route: '', methods: ['GET'] },
];

describe('proxy app', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startTestServer({ routes: ROUTES, requestTimeoutMs: 300, bodyLimitBytes: 1024 * 1024 });
  });

  afterEach(async () => {
    await server.close();
  });

  describe('routing answers', () => {
    it('answers an unknown path with 404 and the route-table hint', async () => {
      const res = await send(server, 'GET', '/nowhere?x=1');
      assert.equal(res.status, 404);
      assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
      assert.equal(
        res.body.toString(),
        `Path /nowhere not found. Please ping http://${server.host}/-/routes for route table.`,
      );
      assert.equal(server.dataPlane.calls.length, 0);
    });

    it('uses the Host header in the 404 text and the decoded path', async () => {
      const res = await send(server, 'GET', '/no%20where', { headers: { host: 'example.test:8000' } });
      assert.equal(res.body.toString(), 'Path /no where not found. Please ping http://example.test:8000/-/routes for route table.');
    });

    it('answers 405 with Allow when the method is not allowed', async () => {
      const res = await send(server, 'DELETE', '/echo');
      assert.equal(res.status, 405);
      assert.equal(res.headers['allow'], 'GET, HEAD, POST');
      assert.equal(res.body.toString(), 'Method Not Allowed');
      const post = await send(server, 'GET', '/submit');
      assert.equal(post.headers['allow'], 'POST, PUT');
    });

    it('redirects with 307 to the path with its trailing slash toggled, keeping the query', async () => {
      const add = await send(server, 'GET', '/dir?a=1&b=%20');
      assert.equal(add.status, 307);
      assert.equal(add.headers['location'], '/dir/?a=1&b=%20');
      const remove = await send(server, 'POST', '/echo/');
      assert.equal(remove.status, 307);
      assert.equal(remove.headers['location'], '/echo');
    });

    it('never redirects to another host', async () => {
      await server.close();
      server = await startTestServer({ routes: [{ name: 'any', route: '/{p:path}/', methods: ['GET'] }] });
      const res = await send(server, 'GET', '//evil.example');
      assert.equal(res.status, 307);
      assert.equal(res.headers['location'], '/%2Fevil.example/');
    });

    it('answers HEAD where GET is allowed, with headers only', async () => {
      server.dataPlane.answer = () => httpReply(200, 'hello', { 'content-type': 'text/plain; charset=utf-8' });
      const res = await send(server, 'HEAD', '/echo');
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-length'], '5');
      assert.equal(res.body.length, 0);
      assert.equal(server.dataPlane.last.request.http?.method, 'HEAD');
    });

    it('answers 400 to a malformed percent-encoding', async () => {
      for (const path of ['/echo%', '/echo%zz', '/%E0%A4%A']) {
        const res = await send(server, 'GET', path);
        assert.equal(res.status, 400, path);
      }
    });

    it('does not route handle-only endpoints', async () => {
      assert.equal((await send(server, 'GET', '/')).status, 404);
    });

    it('answers 404 before any route table arrived', async () => {
      await server.close();
      server = await startTestServer();
      assert.equal((await send(server, 'GET', '/echo')).status, 404);
    });
  });

  describe('system routes', () => {
    it('lists routes with their endpoint and methods', async () => {
      const res = await send(server, 'GET', '/-/routes');
      assert.equal(res.status, 200);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      assert.deepEqual(JSON.parse(res.body.toString()), {
        '/echo': ['echo', ['GET', 'POST']],
        '/api/{user_id:int}/{number:float}': ['user', ['GET']],
        '/files/{p:path}': ['files', ['GET']],
        '/submit': ['post-only', ['POST', 'PUT']],
        '/dir/': ['dir', ['GET']],
      });
    });

    it('is healthy once it has a route table, and 503 while draining', async () => {
      await server.close();
      server = await startTestServer();
      const before = await send(server, 'GET', '/-/healthz');
      assert.equal(before.status, 503);
      server.routes.use(new RouteTable([]), 1);
      const ready = await send(server, 'GET', '/-/healthz');
      assert.equal(ready.status, 200);
      assert.equal(ready.body.toString(), 'success');
      server.drain.begin();
      const draining = await send(server, 'GET', '/-/healthz');
      assert.equal(draining.status, 503);
      assert.equal(draining.body.toString(), 'This node is being drained.');
      server.routes.use(new RouteTable([{ name: 'e', route: '/echo' }]), 2);
      assert.equal((await send(server, 'GET', '/echo')).status, 200, 'requests are still served while draining');
    });

    it('answers 405 to other methods on system routes', async () => {
      const res = await send(server, 'POST', '/-/healthz');
      assert.equal(res.status, 405);
      assert.equal(res.headers['allow'], 'GET, HEAD');
    });
  });

  describe('request mapping', () => {
    it('hands method, decoded path, query, headers, body and typed path params to the data plane', async () => {
      await send(server, 'GET', '/api/123/3.14?a=1&b=2&a=3&sp=x+y%21', {
        headers: { 'X-Custom': 'V', 'X-Serve-Call-Method': 'other', 'X-Serve-Shard-Key': 'k1' },
      });
      const { endpoint, request, options } = server.dataPlane.last;
      assert.equal(endpoint, 'user');
      assert.equal(request.methodName, 'other');
      assert.equal(request.shardKey, 'k1');
      assert.equal(options?.timeoutMs, 300);
      const http = request.http!;
      assert.equal(http.method, 'GET');
      assert.equal(http.path, '/api/123/3.14');
      assert.deepEqual({ ...http.query }, { a: '3', b: '2', sp: 'x y!' });
      assert.equal(http.headers!['x-custom'], 'V');
      assert.equal(http.headers!['host'], server.host);
      assert.equal(http.body!.length, 0);
      assert.deepEqual(JSON.parse(http.pathParamsJson!), { user_id: 123, number: 3.14 });
    });

    it('decodes the path and matches path convertors with slashes', async () => {
      await send(server, 'GET', '/files/a%20b/c%2Fd.txt');
      const http = server.dataPlane.last.request.http!;
      assert.equal(http.path, '/files/a b/c/d.txt');
      assert.deepEqual(JSON.parse(http.pathParamsJson!), { p: 'a b/c/d.txt' });
    });

    it('does not match an int convertor with text', async () => {
      assert.equal((await send(server, 'GET', '/api/abc/3.14')).status, 404);
      assert.equal((await send(server, 'GET', '/api/-1/3.14')).status, 404);
    });

    it('joins repeated headers as Node does', async () => {
      await send(server, 'GET', '/echo', { headers: { 'x-multi': ['a', 'b'], cookie: ['c=1', 'd=2'] } });
      const headers = server.dataPlane.last.request.http!.headers!;
      assert.equal(headers['x-multi'], 'a, b');
      assert.equal(headers['cookie'], 'c=1; d=2');
    });

    it('echoes a 640 KiB body byte for byte', async () => {
      const body = randomBytes(640 * 1024);
      const res = await send(server, 'POST', '/echo', { body, headers: { 'content-type': 'application/octet-stream' } });
      assert.equal(res.status, 200);
      assert.ok(res.body.equals(body));
    });

    it('echoes a chunked body', async () => {
      const body = randomBytes(100_000);
      const res = await send(server, 'POST', '/echo', { body, headers: { 'transfer-encoding': 'chunked' } });
      assert.ok(res.body.equals(body));
    });

    it('answers 413 to a body over the limit, then serves the next request on the same connection', async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const big = randomBytes(1024 * 1024 + 1);
        const declared = await send(server, 'POST', '/echo', { body: big, agent });
        assert.equal(declared.status, 413);
        assert.match(declared.body.toString(), /limit of 1048576 bytes/);
        const chunked = await send(server, 'POST', '/echo', { body: big, agent, headers: { 'transfer-encoding': 'chunked' } });
        assert.equal(chunked.status, 413);
        const next = await send(server, 'POST', '/echo', { body: 'after', agent });
        assert.equal(next.status, 200);
        assert.equal(next.body.toString(), 'after');
        assert.ok(next.reusedSocket, 'the connection stayed open');
        assert.equal(server.dataPlane.calls.length, 1, 'oversized bodies never reach the data plane');
      } finally {
        agent.destroy();
      }
    });

    it('refuses an oversized body announced with Expect: 100-continue before it is sent', async () => {
      const res = await send(server, 'POST', '/echo', {
        headers: { expect: '100-continue', 'content-length': String(2 * 1024 * 1024) },
      }).catch((error: unknown) => error);
      assert.equal((res as { status: number }).status, 413);
      const ok = await send(server, 'POST', '/echo', { headers: { expect: '100-continue' }, body: 'fine' });
      assert.equal(ok.body.toString(), 'fine');
    });
  });

  describe('reply mapping', () => {
    it('sends the reply status, headers and body', async () => {
      server.dataPlane.answer = () =>
        httpReply(201, '{"ok":true}', [
          ['Content-Type', 'application/json'],
          ['set-cookie', 'a=1'],
          ['set-cookie', 'b=2'],
          ['x-reply', 'yes'],
          ['transfer-encoding', 'chunked'],
          ['content-length', '999'],
        ]);
      const res = await send(server, 'GET', '/echo');
      assert.equal(res.status, 201);
      assert.equal(res.headers['content-type'], 'application/json');
      assert.deepEqual(res.headers['set-cookie'], ['a=1', 'b=2']);
      assert.equal(res.headers['x-reply'], 'yes');
      assert.equal(res.headers['content-length'], '11');
      assert.equal(res.headers['transfer-encoding'], undefined);
      assert.equal(res.body.toString(), '{"ok":true}');
    });

    it('answers 500 to a reply that is not an HTTP reply', async () => {
      server.dataPlane.answer = () => v1.Reply.create({ kind: v1.ReplyKind.REPLY_KIND_VALUE, value: Buffer.from([1, 2]) });
      const res = await send(server, 'GET', '/echo');
      assert.equal(res.status, 500);
      assert.match(res.body.toString(), /^InternalError: /);
    });

    it('sends an empty 200 for an empty reply', async () => {
      server.dataPlane.answer = () => v1.Reply.create({ kind: v1.ReplyKind.REPLY_KIND_HTTP });
      const res = await send(server, 'GET', '/echo');
      assert.equal(res.status, 200);
      assert.equal(res.body.length, 0);
    });

    it('sends no body with 204', async () => {
      server.dataPlane.answer = () => httpReply(204, 'ignored');
      const res = await send(server, 'GET', '/echo');
      assert.equal(res.status, 204);
      assert.equal(res.body.length, 0);
    });

    it('answers 500 with name and message, never a stack, for a backend error', async () => {
      server.dataPlane.answer = () =>
        v1.Reply.create({ error: { code: 'BACKEND_ERROR', name: 'TypeError', message: 'boom' } });
      const res = await send(server, 'GET', '/echo');
      assert.equal(res.status, 500);
      assert.equal(res.body.toString(), 'TypeError: boom');
      assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
    });

    it('answers 500 without a stack for the proxy’s own unexpected errors', async () => {
      server.dataPlane.answer = () => {
        throw new Error('secret internals');
      };
      const res = await send(server, 'GET', '/echo');
      assert.equal(res.status, 500);
      assert.equal(res.body.toString(), 'InternalError: Internal Server Error');
    });

    it('answers 500 to an invalid status or header from the backend, without its other headers', async () => {
      server.dataPlane.answer = () => httpReply(42, 'x');
      assert.equal((await send(server, 'GET', '/echo')).status, 500);
      server.dataPlane.answer = () => httpReply(200, 'x', [['x-fine', 'ok'], ['bad header', 'v']]);
      const res = await send(server, 'GET', '/echo');
      assert.equal(res.status, 500);
      assert.equal(res.headers['x-fine'], undefined);
      assert.match(res.body.toString(), /^InternalError: .*invalid header/);
    });

    it('answers 503 when no replica can take the request', async () => {
      server.dataPlane.answer = () => {
        throw new UnavailableError('endpoint "echo" has no traffic');
      };
      const res = await send(server, 'GET', '/echo');
      assert.equal(res.status, 503);
      assert.equal(res.body.toString(), 'UnavailableError: endpoint "echo" has no traffic');
    });

    it('answers 503 with Retry-After when the backend\'s queue is full', async () => {
      server.dataPlane.answer = () => {
        throw new BackPressureError('backend "echo" has 2 requests waiting for a replica (maxQueuedRequests); try again later');
      };
      const res = await send(server, 'GET', '/echo');
      assert.equal(res.status, 503);
      assert.equal(res.headers['retry-after'], '1');
      assert.match(res.body.toString(), /^BackPressureError: .*maxQueuedRequests/);
    });

    it('answers 504 when no reply comes within the request timeout', async () => {
      server.dataPlane.answer = () => new Promise(() => undefined);
      const started = Date.now();
      const res = await send(server, 'GET', '/echo');
      assert.equal(res.status, 504);
      assert.match(res.body.toString(), /^TimeoutError: /);
      assert.ok(Date.now() - started >= 250);
    });

    it('answers 504 for a timeout reported by the data plane', async () => {
      server.dataPlane.answer = () =>
        v1.Reply.create({ error: { code: 'DEADLINE_EXCEEDED', name: 'TimeoutError', message: 'late' } });
      assert.equal((await send(server, 'GET', '/echo')).status, 504);
    });

    it('answers 500 when a replica died with the request', async () => {
      server.dataPlane.answer = () =>
        v1.Reply.create({ error: { code: 'REPLICA_DIED', name: 'ReplicaDiedError', message: 'replica x died' } });
      const res = await send(server, 'GET', '/echo');
      assert.equal(res.status, 500);
      assert.equal(res.body.toString(), 'ReplicaDiedError: replica x died');
    });
  });

  describe('client limits', () => {
    function rawExchange(port: number, bytes: string): Promise<{ text: string; ms: number }> {
      const started = Date.now();
      return new Promise((resolve, reject) => {
        const socket = connect(port, '127.0.0.1');
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
        socket.on('error', reject);
        socket.on('close', () => resolve({ text, ms: Date.now() - started }));
        socket.write(bytes);
      });
    }

    it('answers 431 to a request head over the header size limit', async () => {
      await server.close();
      server = await startTestServer({ routes: ROUTES, maxHeaderSize: 4096 });
      const res = await send(server, 'GET', '/echo', { headers: { 'x-big': 'v'.repeat(5000) } });
      assert.equal(res.status, 431);
      assert.equal((await send(server, 'GET', '/echo')).status, 200);
    });

    it('answers 408 and closes when a client is too slow to send its headers', async () => {
      await server.close();
      server = await startTestServer({ routes: ROUTES, headersTimeoutMs: 200 });
      const { text, ms } = await rawExchange(server.port, 'GET /echo HTTP/1.1\r\nHost: slow\r\n');
      assert.match(text, /^HTTP\/1\.1 408 /);
      assert.ok(ms < 3_000, `closed after ${ms} ms`);
    });

    it('answers CONNECT with 405 instead of dropping the connection', async () => {
      const { text } = await rawExchange(server.port, 'CONNECT example.test:443 HTTP/1.1\r\nHost: example.test:443\r\n\r\n');
      assert.match(text, /^HTTP\/1\.1 405 /);
      assert.match(text, /\r\nAllow: GET, HEAD, /);
    });
  });
});
