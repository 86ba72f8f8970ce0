// What the ServeBackend and ServeEndpoint reconcilers share.
import type { Logger } from '@troupe/common';
import { NotLeaderError } from './errors.js';
import type { HeadApi } from './head-connection.js';
import type { Informer } from './informer.js';
import type { KubeClient } from './kube-client.js';
import type { ServeBackend, ServeEndpoint } from './resource-types.js';

export interface ReconcileContext {
  kube: KubeClient;
  head: HeadApi;
  logger: Logger;
  backends: Informer<ServeBackend>;
  endpoints: Informer<ServeEndpoint>;
  enqueueBackend(key: string): void;
  enqueueEndpoint(key: string): void;
  /** False once this replica may no longer hold the Lease. */
  isLeader(): boolean;
  /** How often a resource that is still converging on the head is looked at again. */
  progressPollMs: number;
  /** How often a resource waiting on something the operator does not watch is retried. */
  waitPollMs: number;
  /** Why deletions need not wait for the head (it is going away for good), or undefined. */
  headGoneReason(): Promise<string | undefined>;
}

/** Called before every write, so a replica that lost its Lease stops mid-reconcile. */
export function assertLeader(context: ReconcileContext): void {
  if (!context.isLeader()) throw new NotLeaderError('not the leader; leaving the change to the Lease holder');
}
