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
