// What user code can learn about the replica running it. The worker thread sets a global under a
// registered symbol before loading user code, so the SDK needs no link to the worker package.
import { TroupeError } from '@troupe/common';

export interface ReplicaContext {
  /** The backend tag. */
  backend: string;
  /** The replica tag, `<backend>#<6 letters>`. */
  replica: string;
}

const CONTEXT = Symbol.for('troupe.replicaContext');

export class NotInReplicaError extends TroupeError {
  override readonly code = 'NOT_IN_REPLICA';
  override name = 'NotInReplicaError';
}

/** The context of the replica running the caller; throws outside a replica. */
export function getReplicaContext(): ReplicaContext {
  const context = (globalThis as Record<symbol, ReplicaContext | undefined>)[CONTEXT];
  if (!context) throw new NotInReplicaError('getReplicaContext() was called outside a replica');
  return { backend: context.backend, replica: context.replica };
}
