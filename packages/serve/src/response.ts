// A reply with its own status and headers. Branded with a registered symbol so the worker knows
// it without importing this package (user code may load its own copy of it).
const RESPONSE = Symbol.for('troupe.response');

export interface ResponseInit {
  /** @default 200 */
  status?: number;
  headers?: Record<string, string>;
}

export class Response {
  readonly [RESPONSE] = true;
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(
    /** string → text/plain, Buffer → octet-stream, undefined → empty, other → JSON. */
    readonly body?: unknown,
    init: ResponseInit = {},
  ) {
    this.status = init.status ?? 200;
    this.headers = { ...(init.headers ?? {}) };
  }
}
