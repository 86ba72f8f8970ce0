import { strict as assert } from 'node:assert';
import { decodeValue, encodeValue } from '@troupe/protocol';

describe('value codec', () => {
  it('round-trips strings, Buffers and undefined on their fast paths', () => {
    for (const value of ['', 'hello world', 'ünïcødé ✓', undefined]) assert.equal(decodeValue(encodeValue(value)), value);
    const bytes = Buffer.from([0, 1, 2, 255]);
    const decoded = decodeValue(encodeValue(bytes));
    assert.ok(Buffer.isBuffer(decoded));
    assert.deepEqual(decoded, bytes);
  });

  it('round-trips everything else through v8 serialization', () => {
    const values = [0, -1.5, true, null, { a: [1, 'x'] }, new Map([['k', 1]]), new Date(5), [undefined, 2], new Uint8Array([7])];
    for (const value of values) assert.deepEqual(decodeValue(encodeValue(value)), value);
  });

  it('decodes an empty payload as undefined and refuses an unknown tag', () => {
    assert.equal(decodeValue(new Uint8Array(0)), undefined);
    assert.throws(() => decodeValue(new Uint8Array([9, 1])), /unknown value encoding tag 9/);
  });
});
