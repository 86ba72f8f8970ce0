// Hostile and malformed requests over raw sockets: every one is answered (4xx, or 2xx/3xx when
// it is valid after all), none crashes the proxy or hangs, and the proxy stays healthy.
import { strict as assert } from 'node:assert';
import { connect } from 'node:net';
import fc from 'fast-check';
import { v1 } from '@troupe/protocol';
import { echoBody } from './fake-data-plane.js';
import { send, startTestServer, type TestServer } from './test-server.js';

const ROUTES = [
  { name: 'echo', route: '/echo', methods: ['GET', 'POST', 'PUT'] },
  { name: 'user', route: '/api/{user_id:int}/{number:float}', methods: ['GET'] },
  { name: 'files', route: '/files/{p:path}', methods: ['GET', 'POST'] },
  { name: 'uuid', route: '/u/{id:uuid}', methods: ['GET'] },
  { name: 'dir', route: '/dir/', methods: ['GET'] },
];

// Pieces a request line may carry (Node parses them), and pieces it refuses outright.
const URL_PIECES = [
  'echo', 'api', 'files', 'u', 'dir', '-', 'routes', 'healthz', '123', '3.14', '-1', '1e9', '..', '.', '',
  '%', '%2', '%zz', '%2F', '%2f', '%00', '%ff', '%C0%AF', '%E2%82%AC', '%ED%A0%80', '%F4%90%80%80', '%25',
  '%0A', '%0D%0A', '%20', '?', '?a=1&a=2', '?x=%zz', '?__proto__=1', '#frag', '\\', ';', '~', '*', '@', ':',
  '"', '<', '>', '{', '}', '|', '^', '`', '123e4567-e89b-12d3-a456-426614174000', 'A'.repeat(300),
];
const LINE_BREAKERS = ['\t', ' ', 'é', '\x7f', '\x00'];
const PATH_PIECE = fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...URL_PIECES) }, { weight: 1, arbitrary: fc.constantFrom(...LINE_BREAKERS) });

const METHOD = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH') },
  { weight: 1, arbitrary: fc.constantFrom('get', 'FOO', 'G ET', 'CONNECT', '') },
);

const HEADER_NAMES = [
  'x-serve-call-method', 'x-serve-shard-key', 'accept', 'cookie', 'x-a', 'host', 'expect', 'content-type',
  'set-cookie', '__proto__', 'constructor', 'upgrade', 'connection', 'x-forwarded-for',
];
const BAD_HEADER_NAMES = ['bad name', 'bad:name', 'bäd', '', '(x)', 'x\x00y'];

const VALUE_CHARS = fc.constantFrom('a', 'Z', '0', ' ', '\t', ',', ';', '=', '"', '\x80', '\xff', 'é', '€', '%', '\\');
const BAD_VALUE_CHARS = fc.constantFrom('\x00', '\x01', '\x7f');

const target = fc.oneof(
  { weight: 6, arbitrary: fc.array(PATH_PIECE, { maxLength: 6 }).map((p) => `/${p.join('/')}`) },
  { weight: 6, arbitrary: fc.array(PATH_PIECE, { maxLength: 6 }).map((p) => `/${p.join('')}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((s) => `/${s}`) },
  { weight: 1, arbitrary: fc.constantFrom('*', '', 'echo', 'http://h/echo', 'http://h', 'ftp://x/echo', '//echo', '/'.repeat(50)) },
  { weight: 1, arbitrary: fc.constantFrom('/echo', '/api/1/2.5', '/files/a/b', '/dir', '/-/routes', '/-/healthz') },
);

const header = fc.tuple(
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...HEADER_NAMES) },
    { weight: 5, arbitrary: fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,20}$/) },
    { weight: 1, arbitrary: fc.constantFrom(...BAD_HEADER_NAMES) },
  ),
  fc.oneof(
    { weight: 16, arbitrary: fc.array(VALUE_CHARS, { maxLength: 30 }).map((c) => c.join('')) },
    { weight: 1, arbitrary: fc.array(fc.oneof(VALUE_CHARS, BAD_VALUE_CHARS), { maxLength: 30 }).map((c) => c.join('')) },
    { weight: 1, arbitrary: fc.constant('v'.repeat(20_000)) },
    { weight: 1, arbitrary: fc.constantFrom('100-continue', 'websocket', 'Upgrade', 'close', 'keep-alive', 'a=1; b=2') },
  ),
);

type Body = { kind: 'none' } | { kind: 'length'; data: string } | { kind: 'chunked'; data: string } | { kind: 'bad-chunked' };

const body: fc.Arbitrary<Body> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 3, arbitrary: fc.string({ maxLength: 200 }).map((data) => ({ kind: 'length' as const, data })) },
  { weight: 2, arbitrary: fc.string({ maxLength: 200 }).map((data) => ({ kind: 'chunked' as const, data })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'bad-chunked' as const }) },
);

const request = fc.record({
  method: METHOD,
  target,
  headers: fc.array(header, { maxLength: 4 }),
  body,
  encoding: fc.constantFrom<BufferEncoding>('latin1', 'utf8'),
});

type FuzzRequest = typeof request extends fc.Arbitrary<infer T> ? T : never;

function encode(r: FuzzRequest): Buffer {
  const lines = [`${r.method} ${r.target} HTTP/1.1`, 'Host: fuzz.test'];
  for (const [name, value] of r.headers) lines.push(`${name}: ${value}`);
  let payload = Buffer.alloc(0);
  if (r.body.kind === 'length') {
    payload = Buffer.from(r.body.data, 'utf8');
    lines.push(`Content-Length: ${payload.length}`);
  } else if (r.body.kind === 'chunked') {
    const data = Buffer.from(r.body.data, 'utf8');
    lines.push('Transfer-Encoding: chunked');
    payload = Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n0\r\n\r\n')]);
    if (data.length === 0) payload = Buffer.from('0\r\n\r\n');
  } else if (r.body.kind === 'bad-chunked') {
    lines.push('Transfer-Encoding: chunked');
    payload = Buffer.from('zz\r\nhello\r\n0\r\n\r\n');
  }
  lines.push('Connection: close');
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, r.encoding), payload]);
}

/** Sends raw bytes and reads until the server closes; the status of the first response line. */
function exchange(port: number, bytes: Buffer, timeoutMs: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      // Interim answers (100 Continue) come before the one that counts.
      const text = Buffer.concat(chunks).toString('latin1').replace(/^(HTTP\/1\.1 1\d\d [^\r]*\r\n\r\n)+/, '');
      const match = /^HTTP\/1\.1 (\d{3}) /.exec(text);
      if (!match) reject(new Error(`no HTTP answer: ${JSON.stringify(text.slice(0, 200))}`));
      else resolve({ status: Number(match[1]), text });
    });
    socket.write(bytes);
  });
}

describe('proxy fuzz', function () {
  this.timeout(120_000);
  let server: TestServer;

  before(async () => {
    server = await startTestServer({ routes: ROUTES, maxHeaderSize: 16 * 1024, requestTimeoutMs: 2_000 });
    // Whatever reaches the data plane must survive the wire encoding to a worker.
    server.dataPlane.answer = (call) => {
      const { http, methodName, shardKey } = call.request;
      v1.Call.decode(v1.Call.encode({ id: 1, replicaTag: 'r', methodName, http }).finish());
      JSON.parse(http?.pathParamsJson ?? '');
      void shardKey;
      return echoBody(call);
    };
  });

  after(async () => {
    await server.close();
  });

  it('answers 1000 hostile requests with 4xx (or a valid answer) and stays healthy', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const callsBefore = server.dataPlane.calls.length;
        const { status, text } = await exchange(server.port, encode(r), 5_000);
        assert.ok(status >= 200 && status < 500, `status ${status} for ${JSON.stringify(r.target)}: ${text.slice(0, 300)}`);
        assert.doesNotMatch(text, /\n\s+at .*:\d+:\d+/, 'no stack trace in an answer');
        const system = r.target.startsWith('/-/');
        if (status < 300 && !system) assert.equal(server.dataPlane.calls.length, callsBefore + 1, 'a 2xx came from the data plane');
      }),
      { numRuns: 1000 },
    );
    const health = await send(server, 'GET', '/-/healthz');
    assert.equal(health.status, 200);
    const echo = await send(server, 'POST', '/echo', { body: 'still here' });
    assert.equal(echo.body.toString(), 'still here');
  });
});
