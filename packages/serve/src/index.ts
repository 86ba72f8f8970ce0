// Public API of @troupe/serve.
export { start, connect } from './connect.js';
export {
  TroupeClient,
  type ConnectOptions,
  type CreateBackendOptions,
  type CreateEndpointOptions,
  type BackendDescription,
  type EndpointDescription,
  type GetHandleOptions,
} from './troupe-client.js';
export { ServeHandle, AsyncServeHandle, type HandleOptions } from './serve-handle.js';
export { ObjectRef } from './object-ref.js';
export { Response, type ResponseInit } from './response.js';
export { acceptBatch } from './accept-batch.js';
export { getReplicaContext, NotInReplicaError, type ReplicaContext } from './replica-context.js';
export { LocalCluster, nodeHost, freePort, type LocalClusterInfo } from './local-cluster.js';
export type { StartOptions, HttpOptions, HttpLocation } from './start-options.js';
export type { BackendConfig, BackendConfigInput } from '@troupe/common';
// Every error the SDK can throw, each with a stable `code`.
export {
  TroupeError,
  ValidationError,
  NotFoundError,
  AlreadyExistsError,
  ConflictError,
  UnauthenticatedError,
  UnavailableError,
  TimeoutError,
  ReplicaNotFoundError,
  ReplicaDiedError,
  CancelledError,
  BatchContractError,
  BackPressureError,
  BackendError,
  InternalError,
  ChannelBrokenError,
} from '@troupe/common';
