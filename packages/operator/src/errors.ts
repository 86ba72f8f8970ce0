// Errors of the operator itself. Head errors keep their @troupe/common classes and codes.

export class OperatorError extends Error {
  readonly code: string = 'OPERATOR';
  override name = 'OperatorError';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }
}

/** The API server answered with a failure status; `status` is its HTTP code, `reason` the Status reason. */
export class KubeApiError extends OperatorError {
  override readonly code: string = 'KUBE_API';
  override name = 'KubeApiError';

  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
  }

  get notFound(): boolean {
    return this.status === 404;
  }

  /** 409: the object changed since it was read (or already exists on create). */
  get conflict(): boolean {
    return this.status === 409;
  }

  /** 410: a watch or list asked for a resourceVersion the API server no longer has. */
  get gone(): boolean {
    return this.status === 410;
  }
}

/** A flag or environment variable has an unusable value. */
export class OperatorConfigError extends OperatorError {
  override readonly code: string = 'INVALID_ARGUMENT';
  override name = 'OperatorConfigError';
}

/** This replica lost (or never held) the leader Lease, so it must not act. */
export class NotLeaderError extends OperatorError {
  override readonly code: string = 'NOT_LEADER';
  override name = 'NotLeaderError';
}
