// Handles call an endpoint in-process through the same routing library the proxies use.
import type { CallOptions, CallRequest, PendingCall } from '@troupe/common';
import { decodeValue, encodeValue, type troupe } from '@troupe/protocol';
import { ObjectRef } from './object-ref.js';

export interface HandleOptions {
  /** Method of a class backend. @default "call" */
  methodName?: string;
  /** Same key, same backend, every time. */
  shardKey?: string;
  /** `request.method` seen by the backend. @default "GET" */
  httpMethod?: string;
  /** `request.headers` seen by the backend (keys lower-cased). */
  httpHeaders?: Record<string, string>;
}

/** What handles call through: the routing library (`DataPlane`), or a replica's relay to its worker. */
export interface HandlePlane {
  call(endpoint: string, request: CallRequest, options?: CallOptions): PendingCall;
}

/** Where handles send calls: a ready data plane, or a promise of one that knows the endpoint. */
export interface HandleRouter {
  /** The data plane when it is ready and knows `endpoint`, for the synchronous fast path. */
  readyFor(endpoint: string): HandlePlane | undefined;
  /** Resolves when the data plane knows `endpoint` (waiting for it if `missingOk`). */
  waitFor(endpoint: string, missingOk: boolean): Promise<HandlePlane>;
}

function lowerKeys(headers: Record<string, string> | undefined): Record<string, string> {
  const lowered: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers ?? {})) lowered[key.toLowerCase()] = value;
  return lowered;
}

function toRequest(options: HandleOptions, data: unknown, query: Record<string, string> | undefined): CallRequest {
  const request: CallRequest = {
    methodName: options.methodName,
    shardKey: options.shardKey,
    data: encodeValue(data),
    valueReply: true,
  };
  // Without `http` the replica sees GET, no query and no headers: skip encoding empty maps.
  if (query !== undefined || options.httpMethod !== undefined || options.httpHeaders !== undefined) {
    request.http = {
      method: (options.httpMethod ?? 'GET').toUpperCase(),
      path: '',
      query: query ?? {},
      headers: lowerKeys(options.httpHeaders),
    };
  }
  return request;
}

function decode(reply: troupe.v1.Reply): unknown {
  return decodeValue(reply.value);
}

abstract class BaseHandle {
  constructor(
    readonly endpoint: string,
    protected readonly router: HandleRouter,
    protected readonly missingOk: boolean,
    protected readonly handleOptions: HandleOptions,
  ) {}

  protected dispatch(data: unknown, query?: Record<string, string>): PendingCall {
    const request = toRequest(this.handleOptions, data, query);
    const plane = this.router.readyFor(this.endpoint);
    if (plane) return plane.call(this.endpoint, request);
    const pending = this.router.waitFor(this.endpoint, this.missingOk).then((p) => p.call(this.endpoint, request));
    // Whoever awaits the ref or the assignment sees a failure; nobody awaiting is no crash.
    pending.catch(() => undefined);
    return {
      get assigned() {
        return pending.then((p) => p.assigned);
      },
      get reply() {
        return pending.then((p) => p.reply);
      },
      cancel() {
        void pending.then((p) => p.cancel(), () => undefined);
      },
    };
  }

  protected refFor(pending: PendingCall): ObjectRef {
    return new ObjectRef(() => pending.reply.then(decode));
  }
}

/** `remote()` returns an ObjectRef at once; `await ref` gives the result. */
export class ServeHandle extends BaseHandle {
  remote(data?: unknown, query?: Record<string, string>): ObjectRef {
    return this.refFor(this.dispatch(data, query));
  }

  options(options: HandleOptions): ServeHandle {
    return new ServeHandle(this.endpoint, this.router, this.missingOk, { ...this.handleOptions, ...options });
  }
}

/** `await remote()` gives an ObjectRef once a replica took the call; `await ref` gives the result. */
export class AsyncServeHandle extends BaseHandle {
  remote(data?: unknown, query?: Record<string, string>): Promise<ObjectRef> {
    const pending = this.dispatch(data, query);
    return ObjectRef.revealed(this.refFor(pending), pending.assigned);
  }

  options(options: HandleOptions): AsyncServeHandle {
    return new AsyncServeHandle(this.endpoint, this.router, this.missingOk, { ...this.handleOptions, ...options });
  }
}
