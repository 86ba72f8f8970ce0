// The contract between request sources (HTTP proxy, SDK handles) and the routing library.
import type { troupe } from '@troupe/protocol';

/** One call as a source hands it to the router. */
export interface CallRequest {
  /** Method of a class backend; empty or undefined: `call`. */
  methodName?: string;
  /** Set for HTTP requests: the replica then answers with an HTTP-ready reply. */
  http?: troupe.v1.IHttpRequest;
  /** v8-serialized value of a handle call. */
  data?: Uint8Array;
  /** Handle calls: answer with the v8-serialized value even though `http` carries query and headers. */
  valueReply?: boolean;
  /** Same key, same backend, every time. */
  shardKey?: string;
}

export interface CallOptions {
  /** Fails the call with TimeoutError when no reply came by then. @default 60000 */
  timeoutMs?: number;
}

export interface PendingCall {
  /** Resolves once the call is assigned to a replica (sent to it). */
  readonly assigned: Promise<void>;
  /** Resolves with the replica's reply; rejects with a TroupeError (rebuilt from the wire). */
  readonly reply: Promise<troupe.v1.Reply>;
  /**
   * The caller went away: the call is dropped if it has not started (in the router's queue or the
   * worker's), and `reply` rejects with a CancelledError. A call already running finishes.
   */
  cancel(): void;
}

/** How a relayed call failed: the wire form of the error, rebuilt by `fromErrorInfo`. */
export interface RelayedError {
  code: string;
  name: string;
  message: string;
}

/**
 * Handle calls from inside a replica. A replica thread holds no credential of the cluster: its
 * worker's main thread routes the calls for it, and this object, set by the thread under
 * `Symbol.for('troupe.replicaRelay')`, is how `connect()` inside a replica reaches it.
 */
export interface ReplicaRelay {
  /** Resolves once the worker's routes know `endpoint` (waiting for it when `missingOk`). Rejects with a RelayedError. */
  waitFor(endpoint: string, missingOk: boolean): Promise<void>;
  /** `reply` resolves with the v8-serialized value the backend returned, or rejects with a RelayedError. */
  call(endpoint: string, request: CallRequest, options?: CallOptions): RelayedCall;
}

export interface RelayedCall {
  readonly assigned: Promise<void>;
  readonly reply: Promise<Uint8Array>;
  cancel(): void;
}
