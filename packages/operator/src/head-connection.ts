// The head's admin API through the SDK. One client for the operator's lifetime: its gRPC channel
// reconnects by itself, so while the head is down calls fail (UNAVAILABLE), the work queue backs
// off, and the operator keeps its Lease and proxies meanwhile.
import { TroupeClient } from '@troupe/serve';

/** What the reconcilers use of the SDK client. */
export type HeadApi = Pick<
  TroupeClient,
  | 'createBackend'
  | 'updateBackendConfig'
  | 'deleteBackend'
  | 'listBackends'
  | 'createEndpoint'
  | 'deleteEndpoint'
  | 'listEndpoints'
  | 'setTraffic'
  | 'shadowTraffic'
  | 'close'
>;

export interface HeadConnectionOptions {
  address: string;
  token?: string;
  /**
   * How long one change waits for the cluster to converge. Kept short: the operator reports
   * progress in status conditions and polls, instead of holding a worker for the whole rollout.
   */
  convergeTimeoutSeconds: number;
}

export function connectHead(options: HeadConnectionOptions): HeadApi {
  // Not `connect()`: that one probes the head first, and the operator must start without it.
  return new TroupeClient({
    address: options.address,
    convergeTimeoutSeconds: options.convergeTimeoutSeconds,
    ...(options.token ? { token: options.token } : {}),
  });
}
