// Failures raised and reported inside replica threads. Threads do not load @troupe/common: its
// module graph (ajv, typebox, nats, grpc-js) would add a quarter of a second to every replica
// start. These classes carry the same code and name as @troupe/common's ValidationError and
// BatchContractError, so the other side rebuilds those (a test checks that they agree).
import type { troupe } from '@troupe/protocol';

export interface ReplicaErrorOptions {
  cause?: unknown;
}

/** The backend's code or configuration cannot be used: bad import path, method, initArgs or userConfig. */
export class BackendSetupError extends Error {
  readonly code = 'INVALID_ARGUMENT';
  override name = 'ValidationError';

  constructor(message: string, options: ReplicaErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }
}

/**
 * An HTTP call named a method the backend does not expose (X-Serve-Call-Method): nothing ran, and
 * the proxy answers 404. Carries the code and name of @troupe/common's NotFoundError.
 */
export class MethodNotExposedError extends Error {
  readonly code = 'NOT_FOUND';
  override name = 'NotFoundError';
}

/** A result larger than the data plane carries; the call fails rather than the whole stream. */
export class ReplyTooLargeError extends Error {
  override name = 'ReplyTooLargeError';
}

/** A batch backend did not return one result per request. */
export class BatchResultError extends Error {
  readonly code = 'BATCH_CONTRACT';
  override name = 'BatchContractError';
}

/**
 * The wire form of a failure inside a replica thread. Whatever user code throws is the backend's
 * failure (BACKEND_ERROR, with the user error's own name and message), even an error carrying a
 * Troupe code of its own: a REPLICA_NOT_FOUND from a call to another endpoint must not tell the
 * router that this call never ran.
 */
export function failureInfo(error: unknown): troupe.v1.IErrorInfo {
  if (error instanceof BackendSetupError || error instanceof BatchResultError || error instanceof MethodNotExposedError) {
    return { code: error.code, name: error.name, message: error.message };
  }
  if (error instanceof Error) return { code: 'BACKEND_ERROR', name: error.name, message: error.message };
  return { code: 'BACKEND_ERROR', name: 'Error', message: String(error) };
}
