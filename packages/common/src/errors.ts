// Every error that can cross a process boundary. Each class has a stable `code`; the failure
// converter sends code + name + message and rebuilds the same class on the other side.

export interface TroupeErrorOptions {
  cause?: unknown;
}

export class TroupeError extends Error {
  /** Stable machine-readable code; part of the public contract. */
  readonly code: string = 'INTERNAL';
  override name = 'TroupeError';

  constructor(message: string, options: TroupeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }
}

/** A request or configuration was refused; the message names the offending field. */
export class ValidationError extends TroupeError {
  override readonly code: string = 'INVALID_ARGUMENT';
  override name = 'ValidationError';
}

export class NotFoundError extends TroupeError {
  override readonly code: string = 'NOT_FOUND';
  override name = 'NotFoundError';
}

export class AlreadyExistsError extends TroupeError {
  override readonly code: string = 'ALREADY_EXISTS';
  override name = 'AlreadyExistsError';
}

/** The change conflicts with current state (e.g. deleting a backend that traffic still names). */
export class ConflictError extends TroupeError {
  override readonly code: string = 'FAILED_PRECONDITION';
  override name = 'ConflictError';
}

export class UnauthenticatedError extends TroupeError {
  override readonly code: string = 'UNAUTHENTICATED';
  override name = 'UnauthenticatedError';
}

/** A component could not be reached, or went away while a request was on it. */
export class UnavailableError extends TroupeError {
  override readonly code: string = 'UNAVAILABLE';
  override name = 'UnavailableError';
}

export class TimeoutError extends TroupeError {
  override readonly code: string = 'DEADLINE_EXCEEDED';
  override name = 'TimeoutError';
}

/**
 * A call reached a replica that is not (or no longer) there. Nothing ran, so the router may
 * retry it on another replica.
 */
export class ReplicaNotFoundError extends TroupeError {
  override readonly code: string = 'REPLICA_NOT_FOUND';
  override name = 'ReplicaNotFoundError';
}

/** The replica that held the request died while running it; the request is not retried. */
export class ReplicaDiedError extends TroupeError {
  override readonly code: string = 'REPLICA_DIED';
  override name = 'ReplicaDiedError';
}

/** The caller went away before the call started, so it never ran. */
export class CancelledError extends TroupeError {
  override readonly code: string = 'CANCELLED';
  override name = 'CancelledError';
}

/**
 * The router's queue for the backend is full (`maxQueuedRequests`): the call was refused before
 * it reached any replica, so the caller may retry later. HTTP answers 503 with Retry-After.
 */
export class BackPressureError extends TroupeError {
  override readonly code: string = 'BACK_PRESSURE';
  override name = 'BackPressureError';
}

/** A batch backend broke the batching contract (not an array, or the wrong length). */
export class BatchContractError extends TroupeError {
  override readonly code: string = 'BATCH_CONTRACT';
  override name = 'BatchContractError';
}

/**
 * User code threw. `name` and `message` are the user error's own, so callers see the backend's
 * error name; the stack stays in the worker's log.
 */
export class BackendError extends TroupeError {
  override readonly code: string = 'BACKEND_ERROR';

  constructor(name: string, message: string, options: TroupeErrorOptions = {}) {
    super(message, options);
    this.name = name;
  }
}

export class InternalError extends TroupeError {
  override readonly code: string = 'INTERNAL';
  override name = 'InternalError';
}

type ErrorClass = new (message: string, options?: TroupeErrorOptions) => TroupeError;

const byCode = new Map<string, ErrorClass>([
  ['INVALID_ARGUMENT', ValidationError],
  ['NOT_FOUND', NotFoundError],
  ['ALREADY_EXISTS', AlreadyExistsError],
  ['FAILED_PRECONDITION', ConflictError],
  ['UNAUTHENTICATED', UnauthenticatedError],
  ['UNAVAILABLE', UnavailableError],
  ['DEADLINE_EXCEEDED', TimeoutError],
  ['REPLICA_NOT_FOUND', ReplicaNotFoundError],
  ['REPLICA_DIED', ReplicaDiedError],
  ['BATCH_CONTRACT', BatchContractError],
  ['BACK_PRESSURE', BackPressureError],
  ['CANCELLED', CancelledError],
  ['INTERNAL', InternalError],
]);

/** Rebuilds an error from its wire form into the class that carries its code. */
export function errorFromCode(code: string, name: string, message: string): TroupeError {
  if (code === 'BACKEND_ERROR') return new BackendError(name || 'Error', message);
  const ErrorType = byCode.get(code) ?? InternalError;
  return new ErrorType(message);
}
