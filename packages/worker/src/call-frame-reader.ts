// Reads just enough of a CallFrame to route its calls (id, replica tag, method) and leaves each
// Call's bytes undecoded: the replica thread decodes them, which takes that work off the main
// thread that serves every replica.
import { ValidationError } from '@troupe/common';

export interface CallVisitor {
  /** `start`/`end` delimit the encoded Call inside `frame`. */
  onCall(id: number, replicaTag: string, methodName: string, frame: Buffer, start: number, end: number): void;
  /** The peer no longer wants call `id` it sent to `replicaTag`. */
  onCancel(id: number, replicaTag: string): void;
}

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LEN = 2;
const WIRE_FIXED32 = 5;

const FRAME_CALLS = 1;
const FRAME_CANCELS = 2;
const CALL_ID = 1;
const CALL_REPLICA_TAG = 2;
const CALL_METHOD_NAME = 3;

/** A cursor over protobuf bytes; `pos` moves as fields are read. */
class WireCursor {
  pos = 0;

  constructor(readonly buf: Buffer) {}

  varint(limit: number): number {
    const buf = this.buf;
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= limit) throw malformed('truncated varint');
      const byte = buf[this.pos++] as number;
      // Arithmetic rather than bit operations: ids may exceed 32 bits.
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 128;
    }
    throw malformed('varint longer than 10 bytes');
  }

  /** Returns the end of a length-delimited field whose length prefix is at `pos`. */
  lengthDelimited(limit: number): number {
    const length = this.varint(limit);
    const end = this.pos + length;
    if (end > limit) throw malformed('field runs past its message');
    return end;
  }

  skip(wireType: number, limit: number): void {
    switch (wireType) {
      case WIRE_VARINT:
        this.varint(limit);
        return;
      case WIRE_FIXED64:
        this.pos += 8;
        break;
      case WIRE_LEN:
        this.pos = this.lengthDelimited(limit);
        return;
      case WIRE_FIXED32:
        this.pos += 4;
        break;
      default:
        throw malformed(`unsupported wire type ${wireType}`);
    }
    if (this.pos > limit) throw malformed('field runs past its message');
  }
}

/** Calls `visitor.onCall` for every call of the frame, in order. Throws ValidationError when malformed. */
export function readCallFrame(frame: Buffer, visitor: CallVisitor): void {
  const cursor = new WireCursor(frame);
  const limit = frame.length;
  while (cursor.pos < limit) {
    const key = cursor.varint(limit);
    if (key >>> 3 === FRAME_CALLS && (key & 7) === WIRE_LEN) {
      const end = cursor.lengthDelimited(limit);
      readCall(cursor, end, visitor);
      cursor.pos = end;
    } else if (key >>> 3 === FRAME_CANCELS && (key & 7) === WIRE_LEN) {
      const end = cursor.lengthDelimited(limit);
      readCancel(cursor, end, visitor);
      cursor.pos = end;
    } else {
      cursor.skip(key & 7, limit);
    }
  }
}

/** CallCancel has Call's field numbers for the id and the replica tag, so the call reader serves. */
function readCancel(cursor: WireCursor, end: number, visitor: CallVisitor): void {
  readCall(cursor, end, { onCall: (id, replicaTag) => visitor.onCancel(id, replicaTag), onCancel: () => undefined });
}

function readCall(cursor: WireCursor, end: number, visitor: CallVisitor): void {
  const start = cursor.pos;
  const buf = cursor.buf;
  let id = 0;
  let replicaTag = '';
  let methodName = '';
  while (cursor.pos < end) {
    const key = cursor.varint(end);
    const field = key >>> 3;
    const wireType = key & 7;
    if (field === CALL_ID && wireType === WIRE_VARINT) {
      id = cursor.varint(end);
    } else if (field === CALL_REPLICA_TAG && wireType === WIRE_LEN) {
      const stringEnd = cursor.lengthDelimited(end);
      replicaTag = buf.toString('utf8', cursor.pos, stringEnd);
      cursor.pos = stringEnd;
    } else if (field === CALL_METHOD_NAME && wireType === WIRE_LEN) {
      const stringEnd = cursor.lengthDelimited(end);
      if (stringEnd > cursor.pos) methodName = buf.toString('utf8', cursor.pos, stringEnd);
      cursor.pos = stringEnd;
    } else {
      cursor.skip(wireType, end);
    }
  }
  visitor.onCall(id, replicaTag, methodName, buf, start, end);
}

function malformed(reason: string): ValidationError {
  return new ValidationError(`malformed CallFrame: ${reason}`);
}
