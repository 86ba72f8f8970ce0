// Errors that only the HTTP edge raises: each maps to a 4xx answer and never crosses a process.
import { TroupeError, type TroupeErrorOptions } from '@troupe/common';

/** The request body is larger than the proxy's body limit: 413. */
export class PayloadTooLargeError extends TroupeError {
  override readonly code: string = 'PAYLOAD_TOO_LARGE';
  override name = 'PayloadTooLargeError';

  constructor(readonly limitBytes: number, options: TroupeErrorOptions = {}) {
    super(`Request body exceeds the limit of ${limitBytes} bytes.`, options);
  }
}

/** The request line cannot be understood (bad percent-encoding, an unusable target): 400. */
export class BadRequestError extends TroupeError {
  override readonly code: string = 'BAD_REQUEST';
  override name = 'BadRequestError';
}

/** The client went away while its body was being read; there is nobody left to answer. */
export class ClientAbortedError extends TroupeError {
  override readonly code: string = 'CLIENT_ABORTED';
  override name = 'ClientAbortedError';
}
