import { strict as assert } from 'node:assert';
import { status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';
import { DataClient, replyError, WorkerFixture } from './worker-harness.js';

const LIMIT = 256 * 1024;

describe('worker: data-plane frame limits', function () {
  let fixture: WorkerFixture;

  before(async () => {
    fixture = await WorkerFixture.start({ maxMessageBytes: LIMIT });
    await fixture.running('echo#aaaaaa', 'replies.mjs');
  });

  after(async () => {
    await fixture.close();
  });

  /** The echo fixture answers JSON: each 0x01 byte of the body becomes six characters. */
  const body = (bytes: number): Buffer => Buffer.alloc(bytes, 0x01);

  it('cuts the replies of one turn into frames under the limit', async () => {
    const client = new DataClient(fixture.worker.address);
    try {
      const replies = await Promise.all([1, 2, 3].map(() => client.http('echo#aaaaaa', { method: 'POST', body: body(20 * 1024) })));
      for (const reply of replies) {
        assert.equal(reply.error, null);
        assert.ok(reply.body.length > 100 * 1024);
      }
      assert.equal(client.frameSizes.reduce((a, b) => a + b, 0), 3);
      assert.ok(client.frameSizes.length >= 2, `replies came in frames of ${client.frameSizes.join(', ')}`);
    } finally {
      client.close();
    }
  });

  it('fails a single reply over the limit, and the stream goes on', async () => {
    const client = new DataClient(fixture.worker.address);
    try {
      const [big, small] = await Promise.all([
        client.http('echo#aaaaaa', { method: 'POST', body: body(60 * 1024) }),
        client.http('echo#aaaaaa', { method: 'POST', body: body(10) }),
      ]);
      const error = replyError(big);
      assert.deepEqual([error.code, error.name], ['BACKEND_ERROR', 'ReplyTooLargeError']);
      assert.equal(small.error, null);
    } finally {
      client.close();
    }
  });

  it('ends a stream whose frame is over the limit, and serves other streams', async () => {
    const client = new DataClient(fixture.worker.address);
    try {
      await assert.rejects(client.http('echo#aaaaaa', { method: 'POST', body: body(LIMIT + 1) }), (error: ServiceError) => {
        assert.equal(error.code, GrpcStatus.RESOURCE_EXHAUSTED);
        return true;
      });
    } finally {
      client.close();
    }
    const other = new DataClient(fixture.worker.address);
    try {
      assert.equal((await other.http('echo#aaaaaa', { method: 'POST', body: body(10) })).error, null);
    } finally {
      other.close();
    }
  });
});
