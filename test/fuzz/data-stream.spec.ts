// Malformed frames on a worker's data stream: a raw gRPC client writes garbage to Data/Stream.
// Each garbage stream ends (with an error, or normally when the bytes happen to be a valid frame)
// within a deadline; a second stream keeps working throughout; the worker and its replica survive.
import { strict as assert } from 'node:assert';
import { connect as netConnect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import { Client, credentials, type ClientDuplexStream } from '@grpc/grpc-js';
import fc from 'fast-check';
import { WorkerChannel } from '@troupe/common';
import { DataService, v1 } from '@troupe/protocol';
import { start, type TroupeClient } from '@troupe/serve';
import { pollUntil } from '@troupe/test-kit';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'faults', 'fixtures');

type Outcome = 'error' | 'ended';

/** Writes `frames` as raw messages on a new stream, half-closes, and waits for the stream's end. */
function rawStream(client: Client, frames: Uint8Array[], deadlineMs: number): Promise<{ outcome: Outcome; replies: number }> {
  const identity = (bytes: Buffer): Buffer => bytes;
  const stream = client.makeBidiStreamRequest(DataService.stream.path, identity, identity) as ClientDuplexStream<Buffer, Buffer>;
  return new Promise((resolve, reject) => {
    let replies = 0;
    const timer = setTimeout(() => {
      stream.cancel();
      reject(new Error(`stream neither ended nor failed within ${deadlineMs} ms after ${frames.length} frames`));
    }, deadlineMs);
    const finish = (outcome: Outcome): void => {
      clearTimeout(timer);
      resolve({ outcome, replies });
    };
    stream.on('data', (frame: Buffer) => {
      // Replies the worker sends must themselves be well-formed frames.
      replies += v1.ReplyFrame.decode(frame).replies.length;
    });
    stream.on('error', () => finish('error'));
    stream.on('status', (status: { code: number }) => {
      if (status.code === 0) finish('ended');
    });
    for (const frame of frames) stream.write(Buffer.from(frame));
    stream.end();
  });
}

describe('fuzz: malformed frames on the data stream', function () {
  this.timeout(120_000);
  let client: TroupeClient;
  let workerAddress: string;
  let replicaTag: string;
  let workerPid: number;

  before(async () => {
    client = await start({ nodes: 1, port: 0, codeDir: fixtures, httpOptions: { location: 'NoServer' } });
    await client.createBackend('probe', './fault-probe.mjs#faultProbe', { config: { numReplicas: 1 } });
    await client.createEndpoint('probe', { backend: 'probe' });
    const status = await client.status();
    workerAddress = status.workers[0]!.dataAddress ?? '';
    replicaTag = (await client.describeBackend('probe')).replicaTags[0]!;
    workerPid = client.cluster!.process('worker node-1').pid!;
  });

  after(async () => {
    await client?.shutdown();
  });

  it('closes only the stream that sent garbage; another stream keeps answering', async () => {
    const raw = new Client(workerAddress, credentials.createInsecure());
    const good = new WorkerChannel(workerAddress);
    const goodCall = async (id: string): Promise<void> => {
      const reply = await good.send({ replicaTag, data: serialize({ id }), hasData: true, valueReply: true });
      assert.equal(reply.error, null, reply.error?.message ?? undefined);
    };
    const validCall = (tag: string, data: Uint8Array, id: number): Uint8Array =>
      v1.CallFrame.encode({ calls: [{ id, replicaTag: tag, data, hasData: true, valueReply: true }] }).finish();
    const garbage = fc.oneof(
      { weight: 4, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 300 }) },
      // Valid frames cut short, or with bytes flipped.
      {
        weight: 3,
        arbitrary: fc.tuple(fc.uint8Array({ maxLength: 40 }), fc.nat(), fc.nat()).map(([data, cut, flip]) => {
          const frame = Buffer.from(validCall(replicaTag, data, 1 + (cut % 1000)));
          if (flip % 2 === 0) return frame.subarray(0, cut % frame.length);
          frame[flip % frame.length] ^= 0xff;
          return frame;
        }),
      },
      // Length prefixes and varints that claim far more than there is.
      { weight: 1, arbitrary: fc.constantFrom(Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]), Buffer.from([0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]), Buffer.from([0x0a, 0x05, 0x08])) },
      // Well-formed frames whose call data is not what a handle sends: the replica must answer, not die.
      { weight: 2, arbitrary: fc.uint8Array({ maxLength: 60 }).map((data) => validCall(replicaTag, data, 7)) },
      { weight: 1, arbitrary: fc.constantFrom(validCall('nope#zzzzzz', new Uint8Array(), 3), new Uint8Array()) },
    );
    const outcomes = { error: 0, ended: 0, replies: 0 };
    let goodCalls = 0;
    // The second stream is busy during the whole run.
    let fuzzing = true;
    const background = (async () => {
      for (let i = 0; fuzzing && i < 100_000; i++) {
        await goodCall(`bg-${i}`);
        goodCalls++;
      }
    })();
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(garbage, { minLength: 1, maxLength: 3 }), async (frames) => {
          const result = await rawStream(raw, frames, 5_000);
          outcomes[result.outcome]++;
          outcomes.replies += result.replies;
          await goodCall('between');
        }),
        { numRuns: 300 },
      );
    } finally {
      fuzzing = false;
      await background;
    }
    process.stdout.write(
      `      garbage streams: ${outcomes.error} closed with an error, ${outcomes.ended} ended normally (${outcomes.replies} replies); ${goodCalls} calls on the good stream meanwhile\n`,
    );
    assert.ok(outcomes.error > 0, 'some garbage was refused');
    assert.ok(goodCalls > 0);
    // A stream opened afterwards works too, and nothing died or restarted.
    const fresh = new WorkerChannel(workerAddress);
    assert.equal((await fresh.send({ replicaTag, data: serialize({ id: 'after' }), hasData: true, valueReply: true })).error, null);
    fresh.close();
    good.close();
    raw.close();
    assert.equal(client.cluster!.process('worker node-1').pid, workerPid, 'the worker did not restart');
    assert.deepEqual((await client.describeBackend('probe')).replicaTags, [replicaTag], 'the replica was not replaced');
  });

  it('survives raw garbage on its port below gRPC', async () => {
    const [host, port] = [workerAddress.slice(0, workerAddress.lastIndexOf(':')), Number(workerAddress.slice(workerAddress.lastIndexOf(':') + 1))];
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 2_000 }), async (bytes) => {
        await new Promise<void>((resolve, reject) => {
          const socket = netConnect({ host, port });
          const timer = setTimeout(() => {
            socket.destroy();
            resolve();
          }, 250);
          socket.on('error', () => undefined);
          socket.on('close', () => {
            clearTimeout(timer);
            resolve();
          });
          socket.once('connect', () => socket.end(Buffer.from(bytes)));
          socket.once('error', reject);
        }).catch(() => undefined);
      }),
      { numRuns: 20 },
    );
    const handle = await client.getHandle('probe');
    assert.deepEqual(await client.get(handle.remote({ id: 'still' })), { replica: replicaTag, id: 'still' });
    await pollUntil(() => client.cluster!.process('worker node-1').pid === workerPid, 1_000, 'the same worker');
  });
});
