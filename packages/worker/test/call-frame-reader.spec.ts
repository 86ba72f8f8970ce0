import { strict as assert } from 'node:assert';
import { v1 } from '@troupe/protocol';
import { readCallFrame } from '../src/call-frame-reader.js';

interface Seen {
  id: number;
  tag: string;
  method: string;
  call: InstanceType<typeof v1.Call>;
}

function read(frame: Buffer): Seen[] {
  const seen: Seen[] = [];
  readCallFrame(frame, {
    onCall(id, tag, method, buffer, start, end) {
      seen.push({ id, tag, method, call: v1.Call.decode(buffer.subarray(start, end)) });
    },
    onCancel() {},
  });
  return seen;
}

function encode(calls: Parameters<typeof v1.CallFrame.encode>[0]['calls']): Buffer {
  return Buffer.from(v1.CallFrame.encode({ calls }).finish());
}

describe('call frame reader', () => {
  it('reads the cancels of a frame after its calls', () => {
    const events: string[] = [];
    const frame = v1.CallFrame.encode({
      calls: [{ id: 7, replicaTag: 'a#x' }],
      cancels: [{ id: 7, replicaTag: 'a#x' }, { id: 2 ** 40, replicaTag: 'b#y' }],
    }).finish();
    readCallFrame(Buffer.from(frame), {
      onCall: (id, tag) => events.push(`call ${id} ${tag}`),
      onCancel: (id, tag) => events.push(`cancel ${id} ${tag}`),
    });
    assert.deepEqual(events, ['call 7 a#x', 'cancel 7 a#x', `cancel ${2 ** 40} b#y`]);
  });

  it('finds id, replica tag and method of each call, and the bytes of the whole call', () => {
    const seen = read(
      encode([
        { id: 1, replicaTag: 'a#x', methodName: '', http: { method: 'POST', body: Buffer.from('hi') } },
        { id: 2 ** 40 + 3, replicaTag: 'b#y', methodName: 'handle', data: Buffer.from([1, 2]), hasData: true, valueReply: true },
        { id: 3, replicaTag: 'ünï#z' },
      ]),
    );
    assert.deepEqual(
      seen.map(({ id, tag, method }) => [id, tag, method]),
      [
        [1, 'a#x', ''],
        [2 ** 40 + 3, 'b#y', 'handle'],
        [3, 'ünï#z', ''],
      ],
    );
    assert.equal(seen[0]?.call.http?.method, 'POST');
    assert.deepEqual([...(seen[1]?.call.data ?? [])], [1, 2]);
    assert.equal(seen[1]?.call.valueReply, true);
  });

  it('reads an empty frame as no calls', () => {
    assert.deepEqual(read(Buffer.alloc(0)), []);
  });

  it('skips fields it does not know', () => {
    // Field 9 (varint) before the calls, as a newer peer might send.
    const frame = Buffer.concat([Buffer.from([0x48, 0x05]), encode([{ id: 9, replicaTag: 't' }])]);
    assert.deepEqual(read(frame).map((s) => s.id), [9]);
  });

  it('refuses truncated and malformed frames', () => {
    const whole = encode([{ id: 1, replicaTag: 'a#x' }]);
    for (const frame of [whole.subarray(0, whole.length - 1), Buffer.from([0x0a, 0x80]), Buffer.from([0x0b])]) {
      assert.throws(() => read(frame), (error: Error) => error.name === 'ValidationError' && /malformed CallFrame/.test(error.message));
    }
  });
});
