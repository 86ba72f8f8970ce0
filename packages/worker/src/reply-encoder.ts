// Turns what user code returned into a Reply: HTTP-ready for HTTP calls (the proxy copies it out
// as is), a v8-serialized value for handle calls. Replies are written straight into ReplyFrame
// field encoding so frames are built by concatenating byte ranges, never by re-encoding.
import protobuf from 'protobufjs/minimal.js';
import { encodeValue, v1, type troupe } from '@troupe/protocol';
import { failureInfo, ReplyTooLargeError } from './errors.js';

/** The SDK's `Response` class carries this brand. */
export const RESPONSE_BRAND = Symbol.for('troupe.response');

/** Key of ReplyFrame field 1 (`replies`), wire type 2. */
const REPLIES_FIELD_KEY = (1 << 3) | 2;

const EMPTY_BODY = Buffer.alloc(0);
const TEXT_HEADERS = Object.freeze([Object.freeze({ name: 'content-type', value: 'text/plain; charset=utf-8' })]);
const BINARY_HEADERS = Object.freeze([Object.freeze({ name: 'content-type', value: 'application/octet-stream' })]);
const JSON_HEADERS = Object.freeze([Object.freeze({ name: 'content-type', value: 'application/json' })]);
const NO_HEADERS = Object.freeze([]) as readonly troupe.v1.IHeader[];

interface EncodedBody {
  body: Uint8Array;
  headers: readonly troupe.v1.IHeader[];
}

interface ResponseLike {
  status?: unknown;
  headers?: Record<string, unknown> | null;
  body?: unknown;
}

/** Replies of one event-loop turn, as one buffer of ReplyFrame fields plus where each one lies. */
export class ReplyFrameWriter {
  private writer = protobuf.Writer.create();
  private spans: number[] = [];
  // One scratch message: a reply is encoded the moment it is complete, so it is never shared.
  private readonly scratch: troupe.v1.IReply = {
    id: 0,
    error: null,
    kind: null,
    value: null,
    status: null,
    headers: null,
    body: null,
  };

  /** `maxReplyBytes`: results larger than this fail their call (the data plane would not carry them). */
  constructor(private readonly maxReplyBytes = Infinity) {}

  get isEmpty(): boolean {
    return this.spans.length === 0;
  }

  /** A result that cannot be encoded (not serializable, bad Response) fails its call instead. */
  writeResult(seq: number, id: number, httpReply: boolean, result: unknown): void {
    const reply = this.fresh(id);
    try {
      if (httpReply) fillHttpReply(reply, result);
      else fillValueReply(reply, result);
      const bytes = replyBytes(reply);
      if (bytes > this.maxReplyBytes) {
        throw new ReplyTooLargeError(`the result takes ${bytes} bytes, more than the data plane carries (${this.maxReplyBytes})`);
      }
    } catch (error) {
      this.writeError(seq, id, failureInfo(error));
      return;
    }
    this.append(seq, reply);
  }

  writeError(seq: number, id: number, error: troupe.v1.IErrorInfo): void {
    const reply = this.fresh(id);
    reply.error = error;
    this.append(seq, reply);
  }

  /** Everything written so far, in buffers the caller may transfer; the writer starts afresh. */
  take(): { bytes: Uint8Array<ArrayBuffer>; spans: Float64Array<ArrayBuffer> } {
    const encoded = this.writer.finish();
    // finish() may hand out a slice of a shared pool, which must not be transferred.
    const bytes = new Uint8Array(encoded.length);
    bytes.set(encoded);
    const spans = Float64Array.from(this.spans);
    this.writer = protobuf.Writer.create();
    this.spans.length = 0;
    return { bytes, spans };
  }

  private fresh(id: number): troupe.v1.IReply {
    const reply = this.scratch;
    reply.id = id;
    reply.error = null;
    reply.kind = null;
    reply.value = null;
    reply.status = null;
    reply.headers = null;
    reply.body = null;
    return reply;
  }

  private append(seq: number, reply: troupe.v1.IReply): void {
    const writer = this.writer;
    const start = writer.len;
    v1.Reply.encode(reply, writer.uint32(REPLIES_FIELD_KEY).fork()).ldelim();
    this.spans.push(seq, start, writer.len);
  }
}

/** An upper bound of the encoded size of a filled reply (headers counted at UTF-8's worst case). */
function replyBytes(reply: troupe.v1.IReply): number {
  let bytes = 64 + (reply.value?.length ?? 0) + (reply.body?.length ?? 0);
  for (const header of reply.headers ?? []) bytes += 12 + 3 * ((header.name?.length ?? 0) + (header.value?.length ?? 0));
  return bytes;
}

/** One error reply as ReplyFrame field bytes, for calls the main thread answers itself. */
export function encodeErrorReply(id: number, error: troupe.v1.IErrorInfo): Buffer {
  const writer = protobuf.Writer.create();
  v1.Reply.encode({ id, error }, writer.uint32(REPLIES_FIELD_KEY).fork()).ldelim();
  const encoded = writer.finish();
  return Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength);
}

function fillValueReply(reply: troupe.v1.IReply, result: unknown): void {
  reply.kind = v1.ReplyKind.REPLY_KIND_VALUE;
  reply.value = encodeValue(result);
}

function fillHttpReply(reply: troupe.v1.IReply, result: unknown): void {
  reply.kind = v1.ReplyKind.REPLY_KIND_HTTP;
  if (isResponse(result)) {
    fillFromResponse(reply, result);
    return;
  }
  const encoded = encodeBody(result);
  reply.status = 200;
  reply.headers = encoded.headers as troupe.v1.IHeader[];
  reply.body = encoded.body;
}

function isResponse(value: unknown): value is ResponseLike {
  return typeof value === 'object' && value !== null && Boolean((value as Record<symbol, unknown>)[RESPONSE_BRAND]);
}

function fillFromResponse(reply: troupe.v1.IReply, response: ResponseLike): void {
  const status = response.status ?? 200;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
    throw new TypeError(`Response status must be an integer from 100 to 599, got ${String(status)}`);
  }
  const headers: troupe.v1.IHeader[] = [];
  let hasContentType = false;
  for (const [name, value] of Object.entries(response.headers ?? {})) {
    if (value === undefined || value === null) continue;
    const lowerName = name.toLowerCase();
    if (lowerName === 'content-type') hasContentType = true;
    headers.push({ name: lowerName, value: String(value) });
  }
  const encoded = encodeBody(response.body);
  if (!hasContentType) headers.push(...encoded.headers);
  reply.status = status;
  reply.headers = headers;
  reply.body = encoded.body;
}

function encodeBody(value: unknown): EncodedBody {
  if (value === undefined || value === null) return { body: EMPTY_BODY, headers: NO_HEADERS };
  if (typeof value === 'string') return { body: Buffer.from(value, 'utf8'), headers: TEXT_HEADERS };
  if (value instanceof Uint8Array) return { body: value, headers: BINARY_HEADERS };
  const json = JSON.stringify(value) ?? 'null';
  return { body: Buffer.from(json, 'utf8'), headers: JSON_HEADERS };
}
