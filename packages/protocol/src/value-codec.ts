// How handle arguments and results travel: v8's structured serialization, except for the most
// common values (strings, Buffers, undefined), which skip the serializer's per-call setup. A v8
// payload always starts with its version tag 0xFF, so the one-byte tags below never collide.
import { deserialize, serialize } from 'node:v8';

const V8_VERSION_TAG = 0xff;
const STRING = 1;
const BYTES = 2;
const UNDEFINED = 3;
const UNDEFINED_BYTES = new Uint8Array([UNDEFINED]);

export function encodeValue(value: unknown): Uint8Array {
  if (typeof value === 'string') {
    const bytes = Buffer.allocUnsafe(1 + Buffer.byteLength(value));
    bytes[0] = STRING;
    bytes.write(value, 1, 'utf8');
    return bytes;
  }
  if (value === undefined) return UNDEFINED_BYTES;
  if (Buffer.isBuffer(value)) {
    const bytes = Buffer.allocUnsafe(1 + value.length);
    bytes[0] = BYTES;
    value.copy(bytes, 1);
    return bytes;
  }
  return serialize(value);
}

export function decodeValue(bytes: Uint8Array): unknown {
  if (bytes.length === 0) return undefined;
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (buffer[0]) {
    case V8_VERSION_TAG:
      return deserialize(buffer);
    case STRING:
      return buffer.toString('utf8', 1);
    case BYTES:
      // A copy: the received frame's memory must not stay reachable through user values.
      return Buffer.from(buffer.subarray(1));
    case UNDEFINED:
      return undefined;
    default:
      throw new Error(`unknown value encoding tag ${buffer[0]}`);
  }
}
