// The request object user code sees. Methods live on the prototype, so a request costs one object
// and no closures.
import { decodeValue, type troupe } from '@troupe/protocol';

const EMPTY_BODY = Buffer.alloc(0);

export class ReplicaRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly pathParams: Record<string, unknown>;
  /** Lower-case names. */
  readonly headers: Record<string, string>;
  readonly body: Buffer;
  /** The value passed to `handle.remote()`; undefined for HTTP requests. */
  readonly data: unknown;

  constructor(call: troupe.v1.Call) {
    const http = call.http as troupe.v1.HttpRequest | null;
    if (http) {
      this.method = http.method || 'GET';
      this.path = http.path;
      // Decoded messages share one frozen empty object for absent maps: hand out a fresh one.
      this.query = Object.hasOwn(http, 'query') ? http.query : {};
      this.headers = Object.hasOwn(http, 'headers') ? http.headers : {};
      this.pathParams = http.pathParamsJson ? (JSON.parse(http.pathParamsJson) as Record<string, unknown>) : {};
      this.body = http.body.length === 0 ? EMPTY_BODY : (http.body as Buffer);
    } else {
      this.method = 'GET';
      this.path = '';
      this.query = {};
      this.headers = {};
      this.pathParams = {};
      this.body = EMPTY_BODY;
    }
    this.data = call.hasData ? decodeValue(call.data) : undefined;
  }

  text(): string {
    return this.body.toString('utf8');
  }

  json(): unknown {
    return JSON.parse(this.text());
  }
}
