// Hostile HTTP against a real proxy process of a local cluster, over raw sockets. Each random
// request is followed on the same connection by a known-good one: the fuzzed request gets
// exactly one well-formed answer (or, when it is malformed, a 4xx and the connection closes),
// and the next request is answered as if nothing happened: no hang, no desync, no crash.
import { strict as assert } from 'node:assert';
import { connect as netConnect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { start, freePort, type TroupeClient } from '@troupe/serve';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'faults', 'fixtures');

interface ParsedResponse {
  status: number;
  headers: Array<[string, string]>;
  body: Buffer;
}

/**
 * Parses one HTTP/1.1 response (skipping interim 1xx) from `data`; undefined while incomplete,
 * throws when it is malformed. A response without a length runs to the end of the connection.
 */
function parseResponse(data: Buffer, headRequest: boolean, ended: boolean): { response: ParsedResponse; rest: Buffer } | undefined {
  let offset = 0;
  for (;;) {
    const headEnd = data.indexOf('\r\n\r\n', offset);
    // Closed between responses: there is no further response, which the caller judges.
    if (ended && offset === data.length) return undefined;
    if (headEnd < 0) {
      if (ended) throw new Error(`connection closed inside a response head: ${JSON.stringify(data.subarray(offset, offset + 200).toString('latin1'))}`);
      return undefined;
    }
    const lines = data.subarray(offset, headEnd).toString('latin1').split('\r\n');
    const statusLine = /^HTTP\/1\.1 ([1-5]\d\d) [^\r\n]*$/.exec(lines[0]!);
    if (!statusLine) throw new Error(`bad status line ${JSON.stringify(lines[0])}`);
    const status = Number(statusLine[1]);
    const headers = lines.slice(1).map((line): [string, string] => {
      const colon = line.indexOf(':');
      if (colon <= 0 || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(line.slice(0, colon))) throw new Error(`bad header line ${JSON.stringify(line)}`);
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
    });
    let bodyStart = headEnd + 4;
    if (status < 200) {
      offset = bodyStart;
      continue;
    }
    const get = (name: string): string[] => headers.filter(([n]) => n === name).map(([, v]) => v);
    const lengths = get('content-length');
    const chunked = get('transfer-encoding').some((v) => /chunked/i.test(v));
    if (lengths.length > 1) throw new Error(`several Content-Length headers: ${lengths.join(', ')}`);
    if (chunked && lengths.length > 0) throw new Error('both Content-Length and Transfer-Encoding');
    if (headRequest || status === 204 || status === 304) {
      return { response: { status, headers, body: Buffer.alloc(0) }, rest: data.subarray(bodyStart) };
    }
    if (lengths.length === 1) {
      if (!/^\d+$/.test(lengths[0]!)) throw new Error(`bad Content-Length ${lengths[0]}`);
      const length = Number(lengths[0]);
      if (data.length < bodyStart + length) {
        if (ended) throw new Error(`connection closed after ${data.length - bodyStart} of ${length} body bytes`);
        return undefined;
      }
      return { response: { status, headers, body: data.subarray(bodyStart, bodyStart + length) }, rest: data.subarray(bodyStart + length) };
    }
    if (chunked) {
      const chunks: Buffer[] = [];
      for (;;) {
        const lineEnd = data.indexOf('\r\n', bodyStart);
        if (lineEnd < 0) return ended ? failClosed() : undefined;
        const size = Number.parseInt(data.subarray(bodyStart, lineEnd).toString('latin1'), 16);
        if (!Number.isFinite(size)) throw new Error('bad chunk size');
        if (data.length < lineEnd + 2 + size + 2) return ended ? failClosed() : undefined;
        if (size === 0) {
          return { response: { status, headers, body: Buffer.concat(chunks) }, rest: data.subarray(lineEnd + 4) };
        }
        chunks.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
        bodyStart = lineEnd + 2 + size + 2;
      }
    }
    if (!ended) return undefined;
    return { response: { status, headers, body: data.subarray(bodyStart) }, rest: Buffer.alloc(0) };
  }
}

function failClosed(): never {
  throw new Error('connection closed inside a chunked body');
}

/** Sends `bytes`, collects responses until `expected` arrived or the server closed; bounded. */
async function converse(port: number, bytes: Buffer, heads: boolean[], timeoutMs: number): Promise<{ responses: ParsedResponse[]; closed: boolean }> {
  const socket = netConnect({ host: '127.0.0.1', port });
  let data: Buffer = Buffer.alloc(0);
  let ended = false;
  const responses: ParsedResponse[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete answer within ${timeoutMs} ms; got ${responses.length} responses and ${JSON.stringify(data.toString('latin1').slice(0, 200))}`));
    }, timeoutMs);
    const drain = (): void => {
      try {
        while (responses.length < heads.length) {
          const parsed = parseResponse(data, heads[responses.length]!, ended);
          if (!parsed) break;
          responses.push(parsed.response);
          data = parsed.rest;
          if (ended && data.length === 0) break;
        }
      } catch (error) {
        clearTimeout(timer);
        socket.destroy();
        reject(error);
        return;
      }
      if (responses.length === heads.length || ended) {
        clearTimeout(timer);
        socket.destroy();
        if (data.length > 0 && responses.length === heads.length) reject(new Error(`bytes after the last response: ${JSON.stringify(data.toString('latin1').slice(0, 100))}`));
        else resolve({ responses, closed: ended });
      }
    };
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      drain();
    });
    socket.on('end', () => {
      ended = true;
      drain();
    });
    socket.on('error', () => {
      ended = true;
      drain();
    });
    socket.once('connect', () => socket.write(bytes));
  });
}

const ROUTES_USED = ['/probe', '/api/1/2.5', '/files/a/b', '/boom', '/-/routes', '/-/healthz', '/dir/', '/pathological'];
const URL_PIECES = [
  'probe', 'api', 'files', 'boom', 'dir', '-', 'routes', 'healthz', 'pathological', '123', '3.14', '..', '.', '', '%', '%2', '%zz', '%2F',
  '%00', '%ff', '%C0%AF', '%E2%82%AC', '%ED%A0%80', '%0A', '%20', '?', '?id=1&id=2', '?ms=abc', '?__proto__=1', '?command=exit', '#f', ';',
  '~', '*', '@', ':', '"', '<', '>', '{', '}', '|', '^', '`', 'a'.repeat(300), 'ab'.repeat(2_000),
];
const METHOD = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH') },
  { weight: 1, arbitrary: fc.constantFrom('get', 'FOO', 'G ET', 'CONNECT', 'TRACE', '') },
);
const target = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...URL_PIECES), { maxLength: 6 }).map((p) => `/${p.join('/')}`) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...URL_PIECES), { maxLength: 6 }).map((p) => `/${p.join('')}`) },
  { weight: 6, arbitrary: fc.constantFrom(...ROUTES_USED) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((s) => `/${s}`) },
  { weight: 1, arbitrary: fc.constantFrom('*', '', 'probe', 'http://h/probe', 'ftp://x/probe', '//probe', '/'.repeat(50)) },
);
const HEADER_NAMES = [
  'x-serve-call-method', 'x-serve-shard-key', 'accept', 'cookie', 'host', 'expect', 'content-type', 'content-length', 'transfer-encoding',
  '__proto__', 'constructor', 'upgrade', 'connection', 'te', 'trailer', 'x-forwarded-for',
];
const header = fc.tuple(
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...HEADER_NAMES) },
    { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,20}$/) },
    { weight: 1, arbitrary: fc.constantFrom('bad name', 'bad:name', 'bäd', '', 'x\u0000y') },
    { weight: 10, arbitrary: fc.constantFrom('accept', 'x-request-id', 'user-agent') },
  ),
  fc.oneof(
    { weight: 30, arbitrary: fc.stringMatching(/^[ -~]{0,30}$/) },
    { weight: 2, arbitrary: fc.constantFrom('100-continue', 'websocket', 'Upgrade', 'close', 'keep-alive', 'chunked', 'gzip, chunked', '-1', '1e3', '0x10', ' 5', 'call') },
    { weight: 1, arbitrary: fc.string({ maxLength: 30, unit: 'binary' }) },
    { weight: 1, arbitrary: fc.constant('v'.repeat(20_000)) },
  ),
);
// Bodies are framed correctly here; malformed and never-ending bodies have a test of their own.
type Body = { kind: 'none' } | { kind: 'length'; data: string } | { kind: 'chunked'; data: string };
const body: fc.Arbitrary<Body> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 3, arbitrary: fc.string({ maxLength: 200 }).map((data) => ({ kind: 'length' as const, data })) },
  { weight: 2, arbitrary: fc.string({ maxLength: 200 }).map((data) => ({ kind: 'chunked' as const, data })) },
);

function encodeRequest(method: string, path: string, headers: Array<[string, string]>, payload: Body): Buffer {
  // A body's framing headers would contradict the generated ones: framing is the generator's job.
  const kept = payload.kind === 'none' ? headers : headers.filter(([n]) => !['content-length', 'transfer-encoding'].includes(n.toLowerCase()));
  let head = `${method} ${path} HTTP/1.1\r\nHost: fuzz\r\n${kept.map(([n, v]) => `${n}: ${v}\r\n`).join('')}`;
  let tail = Buffer.alloc(0);
  if (payload.kind === 'length') {
    tail = Buffer.from(payload.data);
    head += `Content-Length: ${tail.length}\r\n`;
  } else if (payload.kind === 'chunked') {
    const data = Buffer.from(payload.data);
    head += 'Transfer-Encoding: chunked\r\n';
    tail = Buffer.concat([data.length > 0 ? Buffer.from(`${data.length.toString(16)}\r\n`) : Buffer.alloc(0), data, data.length > 0 ? Buffer.from('\r\n') : Buffer.alloc(0), Buffer.from('0\r\n\r\n')]);
  }
  return Buffer.concat([Buffer.from(`${head}\r\n`, 'latin1'), tail]);
}

const FOLLOW_UP = 'GET /probe?id=follow-up HTTP/1.1\r\nHost: fuzz\r\n\r\n';

describe('fuzz: hostile HTTP against a proxy process', function () {
  this.timeout(180_000);
  let client: TroupeClient;
  let port: number;
  let proxyPid: number;

  before(async () => {
    port = await freePort();
    client = await start({
      nodes: 1,
      port: 0,
      codeDir: fixtures,
      httpOptions: { port },
      // Short, so that requests that never complete are cut off quickly.
      env: { TROUPE_HEADERS_TIMEOUT_SECONDS: '1', TROUPE_CLIENT_REQUEST_TIMEOUT_SECONDS: '1' },
    });
    await client.createBackend('probe', './fault-probe.mjs#faultProbe', { config: { numReplicas: 1 } });
    await client.createBackend('thrower', './thrower.mjs#thrower');
    await client.createEndpoint('probe', { backend: 'probe', route: '/probe', methods: ['GET', 'POST', 'PUT', 'DELETE'] });
    await client.createEndpoint('typed', { backend: 'probe', route: '/api/{user_id:int}/{number:float}', methods: ['GET'] });
    await client.createEndpoint('files', { backend: 'probe', route: '/files/{p:path}', methods: ['GET', 'POST'] });
    await client.createEndpoint('dir', { backend: 'probe', route: '/dir/', methods: ['GET'] });
    await client.createEndpoint('boom', { backend: 'thrower', route: '/boom', methods: ['GET', 'POST'] });
    // Placeholders that can end in many places: must not let a long path stall the proxy.
    await client.createEndpoint('pathological', { backend: 'probe', route: '/pathological/{a}{b}{c}{d}{e}{f}x', methods: ['GET'] });
    proxyPid = client.cluster!.process('proxy node-1').pid!;
  });

  after(async () => {
    await client?.shutdown();
  });

  it('answers every request once, well-formed, and the next request on the connection as usual', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(METHOD, target, fc.array(header, { maxLength: 4 }), body, async (method, path, headers, payload) => {
        const request = encodeRequest(method, path, headers, payload);
        const { responses, closed } = await converse(port, Buffer.concat([request, Buffer.from(FOLLOW_UP)]), [method === 'HEAD', false], 10_000);
        const context = `${JSON.stringify(request.toString('latin1').slice(0, 300))} → ${responses.map((r) => r.status).join(', ')}`;
        assert.ok(responses.length >= 1, `no answer: ${context}`);
        const first = responses[0]!;
        statuses.set(first.status, (statuses.get(first.status) ?? 0) + 1);
        // Server errors come only from the backend that throws on purpose (or a request it routed
        // that the replica refused); anything else is the proxy's own failure.
        if (first.status >= 500) {
          assert.ok(first.status === 500 && /^\/boom/.test(path), `server error: ${context} ${first.body.toString().slice(0, 200)}`);
          assert.doesNotMatch(first.body.toString(), /\n\s+at |\.m?js/, 'no stack trace');
        }
        // Framing headers drawn at random for a request without a body make the follow-up's
        // bytes that request's body, by HTTP's own rules: what remains is no request, and a 4xx
        // for it is the right answer.
        const followUpIsBody =
          payload.kind === 'none' && headers.some(([n]) => ['content-length', 'transfer-encoding'].includes(n.toLowerCase()));
        if (responses.length === 2 && followUpIsBody && responses[1]!.status !== 200) {
          assert.ok(responses[1]!.status >= 400 && responses[1]!.status < 500, `after the body: ${context}`);
        } else if (responses.length === 2) {
          const followUp = responses[1]!;
          assert.equal(followUp.status, 200, `follow-up after ${context}: ${followUp.body.toString().slice(0, 200)}`);
          assert.deepEqual(JSON.parse(followUp.body.toString()).id, 'follow-up');
        } else {
          // Only a refused (4xx) request may end the connection before the follow-up.
          assert.ok(closed && first.status >= 400 && first.status < 500, `connection ended after ${context}`);
        }
      }),
      { numRuns: 400 },
    );
    process.stdout.write(`      first-response statuses: ${[...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ')}\n`);
    assert.equal(client.cluster!.process('proxy node-1').pid, proxyPid, 'the proxy did not crash');
    assert.equal((await fetch(`http://127.0.0.1:${port}/-/healthz`)).status, 200);
  });

  it('answers a request with a malformed or never-ending body once, then closes the connection', async () => {
    // Routes the proxy answers without reading the body (404, 405, 307, system routes) and one it
    // forwards; bodies whose framing is broken, or that never end.
    const bodies = [
      'Transfer-Encoding: chunked\r\n\r\n3\r\nabcdef\r\n0\r\n\r\n',
      'Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n',
      'Transfer-Encoding: chunked\r\n\r\nffff\r\nx',
      'Content-Length: 1000\r\n\r\nx',
    ];
    const failures: string[] = [];
    for (const [method, path] of [['GET', '/nope'], ['PUT', '/api/1/2'], ['POST', '/dir'], ['POST', '/-/healthz'], ['POST', '/probe?id=1']] as const) {
      for (const framing of bodies) {
        const request = Buffer.from(`${method} ${path} HTTP/1.1\r\nHost: fuzz\r\n${framing}`);
        const { responses, closed } = await converse(port, request, [false, false], 8_000);
        if (!closed || responses.length !== 1) {
          failures.push(`${method} ${path} ${JSON.stringify(framing)}: ${responses.map((r) => r.status).join(' then ')}${closed ? '' : ', left open'}`);
        }
      }
    }
    assert.deepEqual(failures, [], 'requests answered more than once (or never)');
  });

  it('answers pipelined bursts in order, one response per request', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('/probe?id=A', '/api/1/2', '/nope', '/dir', '/-/routes', '/boom'), { minLength: 1, maxLength: 20 }), async (paths) => {
        const bytes = Buffer.from(paths.map((p) => `GET ${p} HTTP/1.1\r\nHost: fuzz\r\n\r\n`).join(''));
        const { responses } = await converse(port, bytes, paths.map(() => false), 10_000);
        const expected: Record<string, number> = { '/probe?id=A': 200, '/api/1/2': 200, '/nope': 404, '/dir': 307, '/-/routes': 200, '/boom': 500 };
        assert.deepEqual(responses.map((r) => r.status), paths.map((p) => expected[p]));
      }),
      { numRuns: 50 },
    );
  });
});
