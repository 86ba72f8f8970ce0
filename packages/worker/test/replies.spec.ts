import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { Client, credentials, status as GrpcStatus } from '@grpc/grpc-js';
import { DataService, decodeValue, encodeValue } from '@troupe/protocol';
import {
  DataClient,
  eventually,
  fixtures,
  headerOf,
  REPLY_KIND_HTTP,
  REPLY_KIND_VALUE,
  replyError,
  valueOf,
  WorkerFixture,
} from './worker-harness.js';

describe('worker: requests and replies', function () {
  let fixture: WorkerFixture;
  const previousAddress = process.env.TROUPE_ADDRESS;

  before(async () => {
    process.env.TROUPE_ADDRESS = '127.0.0.1:7999';
    fixture = await WorkerFixture.start();
    await fixture.running('echo#aaaaaa', 'replies.mjs');
    for (const name of ['text', 'binary', 'bytes', 'nothing', 'nil', 'object', 'value', 'parseJson', 'created', 'jsonResponse', 'throws', 'rejects', 'unserializable', 'context']) {
      await fixture.running(`${name}#aaaaaa`, `./replies.mjs#${name}`);
    }
    await fixture.running('counter#aaaaaa', 'counter.cjs#Counter', {}, [10]);
  });

  after(async () => {
    await fixture.close();
    if (previousAddress === undefined) delete process.env.TROUPE_ADDRESS;
    else process.env.TROUPE_ADDRESS = previousAddress;
  });

  it('hands user code the HTTP request and answers an object as JSON', async () => {
    const reply = await fixture.data.http('echo#aaaaaa', {
      method: 'POST',
      path: '/api/alice',
      query: { q: '1' },
      headers: { 'x-serve-call-method': 'call', 'content-type': 'text/plain' },
      body: Buffer.from('payload'),
      pathParamsJson: '{"username":"alice","n":3}',
    });
    assert.equal(reply.error, null);
    assert.equal(reply.kind, REPLY_KIND_HTTP);
    assert.equal(reply.status, 200);
    assert.equal(headerOf(reply, 'content-type'), 'application/json');
    assert.deepEqual(JSON.parse(Buffer.from(reply.body).toString()), {
      method: 'POST',
      path: '/api/alice',
      query: { q: '1' },
      pathParams: { username: 'alice', n: 3 },
      headers: { 'x-serve-call-method': 'call', 'content-type': 'text/plain' },
      body: 'payload',
    });
  });

  it('answers strings as text/plain, bytes as octet-stream, nothing as an empty 200', async () => {
    const text = await fixture.data.http('text#aaaaaa');
    assert.equal(text.status, 200);
    assert.equal(headerOf(text, 'content-type'), 'text/plain; charset=utf-8');
    assert.equal(Buffer.from(text.body).toString(), 'hello');

    const binary = await fixture.data.http('binary#aaaaaa');
    assert.equal(headerOf(binary, 'content-type'), 'application/octet-stream');
    assert.deepEqual([...binary.body], [0, 1, 2, 255]);
    const bytes = await fixture.data.http('bytes#aaaaaa');
    assert.deepEqual([...bytes.body], [7, 8]);

    for (const tag of ['nothing#aaaaaa', 'nil#aaaaaa']) {
      const empty = await fixture.data.http(tag);
      assert.equal(empty.kind, REPLY_KIND_HTTP);
      assert.equal(empty.status, 200);
      assert.equal(empty.body.length, 0);
      assert.equal(headerOf(empty, 'content-type'), undefined);
    }
  });

  it('answers a Response with its status, headers and body', async () => {
    const created = await fixture.data.http('created#aaaaaa');
    assert.equal(created.status, 201);
    assert.equal(headerOf(created, 'x-custom'), 'yes');
    assert.equal(headerOf(created, 'content-type'), 'text/csv');
    assert.equal(Buffer.from(created.body).toString(), 'a,b');

    const json = await fixture.data.http('jsonResponse#aaaaaa');
    assert.equal(json.status, 202);
    assert.equal(headerOf(json, 'content-type'), 'application/json');
    assert.deepEqual(JSON.parse(Buffer.from(json.body).toString()), { accepted: true });
  });

  it('answers handle calls with the encoded value', async () => {
    const reply = await fixture.data.value('value#aaaaaa', { n: 1 });
    assert.equal(reply.kind, REPLY_KIND_VALUE);
    assert.deepEqual(valueOf(reply), { got: { n: 1 }, when: new Date(0), big: 10n, map: new Map([['a', 1]]) });
    assert.equal(await fixture.data.result('nothing#aaaaaa'), undefined);
    assert.deepEqual(await fixture.data.result('object#aaaaaa'), { ok: true, list: [1, 2] });
  });

  it('sees a handle call as GET with an empty body, and its data', async () => {
    const seen = (await fixture.data.result('echo#aaaaaa', [1, 'two'])) as Record<string, unknown>;
    assert.deepEqual(seen, { method: 'GET', path: '', query: {}, pathParams: {}, headers: {}, body: '', data: [1, 'two'] });
  });

  it('answers a value for handle calls that carry http only for method, query and headers', async () => {
    const reply = await fixture.data.send({
      replicaTag: 'echo#aaaaaa',
      http: { method: 'PUT', query: { a: 'b' }, headers: { 'x-h': '1' } },
      data: encodeValue('d'),
      hasData: true,
      valueReply: true,
    });
    assert.equal(reply.kind, REPLY_KIND_VALUE);
    assert.deepEqual(decodeValue(reply.value), {
      method: 'PUT',
      path: '',
      query: { a: 'b' },
      pathParams: {},
      headers: { 'x-h': '1' },
      body: '',
      data: 'd',
    });
  });

  it('parses the body with request.json()', async () => {
    const reply = await fixture.data.http('parseJson#aaaaaa', { method: 'POST', body: Buffer.from('{"x":[1,2]}') });
    assert.deepEqual(JSON.parse(Buffer.from(reply.body).toString()), { x: [1, 2] });
  });

  it('fails a call that throws with the error name and message, without a stack', async () => {
    for (const [tag, name, message] of [
      ['throws#aaaaaa', 'TypeError', 'bad input'],
      ['rejects#aaaaaa', 'QuotaError', 'over quota'],
    ] as const) {
      for (const reply of [await fixture.data.http(tag), await fixture.data.value(tag)]) {
        assert.deepEqual(
          { code: reply.error?.code, name: reply.error?.name, message: reply.error?.message },
          { code: 'BACKEND_ERROR', name, message },
        );
        assert.deepEqual(Object.keys(reply.error ?? {}).sort(), ['code', 'message', 'name']);
        assert.equal(reply.body.length + reply.value.length, 0);
      }
    }
  });

  it('fails a call whose result cannot be serialized', async () => {
    const error = replyError(await fixture.data.value('unserializable#aaaaaa'));
    assert.equal(error.code, 'BACKEND_ERROR');
    assert.match(error.message, /could not be cloned/);
  });

  it('calls class methods by name and refuses unknown ones', async () => {
    assert.match(String(await fixture.data.result('counter#aaaaaa', undefined, 'describe')), /^counter at \d+ for GET$/);
    const unknown = replyError(await fixture.data.value('counter#aaaaaa', undefined, 'nope'));
    assert.equal(unknown.code, 'INVALID_ARGUMENT');
    assert.equal(unknown.message, 'methodName: backend "counter" has no method "nope"');
    for (const method of ['constructor', 'toString', '__proto__', 'reconfigure']) {
      const error = replyError(await fixture.data.value('counter#aaaaaa', undefined, method));
      assert.equal(error.code, 'INVALID_ARGUMENT');
      assert.equal(error.message, `methodName: "${method}" of backend "counter" cannot be called through a handle`);
    }
  });

  it('lets HTTP calls reach exposed methods only, and runs nothing else', async () => {
    for (const method of ['describe', 'nope', 'constructor', 'toString', 'reconfigure']) {
      const error = replyError(await fixture.data.http('counter#aaaaaa', {}, method));
      assert.deepEqual([error.code, error.name], ['NOT_FOUND', 'NotFoundError'], method);
      assert.equal(error.message, `method "${method}" of backend "counter" is not exposed to HTTP`);
    }
    const called = await fixture.data.http('counter#aaaaaa', {}, 'call');
    assert.equal(called.error, null);
  });

  it('answers calls to an unknown replica with REPLICA_NOT_FOUND', async () => {
    const error = replyError(await fixture.data.value('ghost#zzzzzz'));
    assert.equal(error.code, 'REPLICA_NOT_FOUND');
    assert.match(error.message, /ghost#zzzzzz/);
  });

  it('gives user code its replica context and the environment', async () => {
    assert.deepEqual(await fixture.data.result('context#aaaaaa'), {
      context: { backend: 'context', replica: 'context#aaaaaa' },
      address: '127.0.0.1:7999',
    });
  });

  it('loads CommonJS named, default and compiled default exports, and absolute paths', async () => {
    await fixture.running('greet#aaaaaa', 'default-function.cjs');
    const greeting = await fixture.data.http('greet#aaaaaa', { query: { name: 'bo' } });
    assert.equal(Buffer.from(greeting.body).toString(), 'hi bo');
    await fixture.running('compiled#aaaaaa', './compiled-class.cjs', {}, ['hey']);
    assert.equal(await fixture.data.result('compiled#aaaaaa', 'you'), 'hey, you');
    await fixture.running('absolute#aaaaaa', `${join(fixtures, 'replies.mjs')}#text`);
    assert.equal(Buffer.from((await fixture.data.http('absolute#aaaaaa')).body).toString(), 'hello');
    assert.deepEqual(((await fixture.data.result('counter#aaaaaa')) as { count: number }).count > 10, true);
  });

  it('multiplexes many calls on one stream and coalesces replies of a turn into few frames', async () => {
    const client = new DataClient(fixture.worker.address);
    try {
      const results = await Promise.all(Array.from({ length: 500 }, (_, i) => client.result('value#aaaaaa', i)));
      results.forEach((result, i) => assert.equal((result as { got: number }).got, i));
      assert.ok(client.frameSizes.length < 100, `500 replies came in ${client.frameSizes.length} frames`);
    } finally {
      client.close();
    }
  });

  it('still runs the calls of a stream that closed, and drops their replies', async () => {
    await fixture.running('ledger#aaaaaa', 'concurrency.mjs#Tracker');
    const client = new DataClient(fixture.worker.address);
    const orphan = client.value('ledger#aaaaaa', 300).catch(() => 'stream gone');
    await eventually(async () => ((await fixture.data.result('ledger#aaaaaa', undefined, 'stats')) as { active: number }).active === 1);
    client.close();
    assert.equal(await orphan, 'stream gone');
    // The call ran to its end on the replica although nobody waits for it any more.
    await eventually(async () => ((await fixture.data.result('ledger#aaaaaa', undefined, 'stats')) as { active: number }).active === 0);
    assert.deepEqual(await fixture.data.result('ledger#aaaaaa', undefined, 'stats'), { active: 0, peak: 1 });
  });

  it('closes only the stream that sent a malformed frame', async () => {
    const raw = new Client(fixture.worker.address, credentials.createInsecure());
    const identity = (bytes: Buffer): Buffer => bytes;
    const stream = raw.makeBidiStreamRequest(DataService.stream.path, identity, identity);
    const ended = new Promise<{ code: number; details: string }>((resolve) => stream.on('error', resolve));
    stream.on('data', () => undefined);
    // Field 1, length-delimited, length 100, but only two bytes follow.
    stream.write(Buffer.from([0x0a, 100, 1, 2]));
    const error = await ended;
    assert.equal(error.code, GrpcStatus.INVALID_ARGUMENT);
    assert.match(error.details, /malformed CallFrame/);
    raw.close();
    assert.equal(await fixture.data.result('object#aaaaaa').then((v) => (v as { ok: boolean }).ok), true);
  });
});
