// How head errors turn into status reasons and retries. Matched on the stable `code` of
// @troupe/common errors, which survives the gRPC boundary.
import { Reason } from './status-conditions.js';

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The change reached the head, which then did not converge within the short wait: not a failure. */
export function isConvergeTimeout(error: unknown): boolean {
  return errorCode(error) === 'DEADLINE_EXCEEDED';
}

export function isHeadUnavailable(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'UNAVAILABLE' || code === 'DEADLINE_EXCEEDED' || code === 'UNAUTHENTICATED';
}

/**
 * Refusals that retrying cannot fix: the resource stays failed until its spec (or, for a missing
 * backend, another resource) changes, which enqueues it again.
 */
export function refusalReason(error: unknown): string | undefined {
  const code = errorCode(error);
  const message = errorMessage(error);
  switch (code) {
    case 'INVALID_ARGUMENT':
      return Reason.InvalidSpec;
    case 'ALREADY_EXISTS':
      return message.startsWith('route:') ? Reason.RouteConflict : Reason.InvalidSpec;
    case 'NOT_FOUND':
      return Reason.BackendNotFound;
    case 'FAILED_PRECONDITION':
      return Reason.StillReferenced;
    default:
      return undefined;
  }
}

/** A change call whose converge wait ran out has still been applied; the caller polls for the rest. */
export async function applied(change: Promise<void>): Promise<void> {
  try {
    await change;
  } catch (error) {
    if (!isConvergeTimeout(error)) throw error;
  }
}
