// The head's handle on this worker: start, reconfigure, stop and list replicas, inspect backends.
import type { sendUnaryData, ServerUnaryCall, UntypedServiceImplementation } from '@grpc/grpc-js';
import { requireBearerToken, toServiceError } from '@troupe/common';
import type { troupe } from '@troupe/protocol';
import type { BackendShape } from './thread-messages.js';

export interface ReplicaControl {
  startReplica(request: troupe.v1.StartReplicaRequest): Promise<troupe.v1.IReplicaStatus>;
  stopReplica(request: troupe.v1.StopReplicaRequest): Promise<void>;
  reconfigureReplica(request: troupe.v1.ReconfigureReplicaRequest): Promise<troupe.v1.IReplicaStatus>;
  listReplicas(): troupe.v1.IReplicaStatus[];
  inspectBackend(importPath: string): Promise<BackendShape>;
}

function unary<Request, Reply>(
  token: string | undefined,
  run: (request: Request) => Promise<Reply> | Reply,
): (call: ServerUnaryCall<Request, Reply>, callback: sendUnaryData<Reply>) => void {
  return (call, callback) => {
    Promise.resolve()
      .then(() => {
        requireBearerToken(call.metadata, token);
        return run(call.request);
      })
      .then(
        (reply) => callback(null, reply),
        (error: unknown) => callback(toServiceError(error)),
      );
  };
}

/**
 * With a token (the cluster's admin token), every call must carry it: whoever reaches this port
 * could otherwise start replicas of any code the worker can load, or stop the ones it runs.
 */
export function workerControlHandlers(control: ReplicaControl, token?: string): UntypedServiceImplementation {
  return {
    startReplica: unary(token, (request: troupe.v1.StartReplicaRequest) => control.startReplica(request)),
    stopReplica: unary(token, async (request: troupe.v1.StopReplicaRequest): Promise<troupe.v1.IEmpty> => {
      await control.stopReplica(request);
      return {};
    }),
    reconfigureReplica: unary(token, (request: troupe.v1.ReconfigureReplicaRequest) => control.reconfigureReplica(request)),
    listReplicas: unary(token, (): troupe.v1.IReplicaList => ({ replicas: control.listReplicas() })),
    inspectBackend: unary(
      token,
      async (request: troupe.v1.InspectBackendRequest): Promise<troupe.v1.IBackendShape> =>
        control.inspectBackend(request.importPath),
    ),
  };
}
