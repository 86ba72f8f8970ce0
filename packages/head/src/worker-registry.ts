// The workers the head knows, their liveness and the replicas they report.
import type { ChannelCredentials } from '@grpc/grpc-js';
import { WorkerControlService, type troupe } from '@troupe/protocol';
import { UnaryClient } from '@troupe/common';

export interface WorkerRecord {
  id: string;
  nodeId: string;
  dataAddress: string;
  controlAddress: string;
  lastSeen: number;
  client: WorkerControlClient;
  reported: troupe.v1.IReplicaStatus[];
  draining: boolean;
}

/** Promise wrapper over the generated WorkerControl client. */
export class WorkerControlClient {
  private readonly client: UnaryClient<typeof WorkerControlService>;

  constructor(address: string, creds?: ChannelCredentials, token?: string) {
    this.client = new UnaryClient(WorkerControlService, 'WorkerControl', address, { credentials: creds, token });
  }

  startReplica(request: troupe.v1.IStartReplicaRequest): Promise<troupe.v1.ReplicaStatus> {
    return this.client.call('startReplica', request, 120_000);
  }

  stopReplica(request: troupe.v1.IStopReplicaRequest): Promise<troupe.v1.Empty> {
    return this.client.call('stopReplica', request, 120_000);
  }

  reconfigureReplica(request: troupe.v1.IReconfigureReplicaRequest): Promise<troupe.v1.ReplicaStatus> {
    return this.client.call('reconfigureReplica', request, 60_000);
  }

  inspectBackend(request: troupe.v1.IInspectBackendRequest): Promise<troupe.v1.BackendShape> {
    return this.client.call('inspectBackend', request, 30_000);
  }

  close(): void {
    this.client.close();
  }
}

export class WorkerRegistry {
  private readonly workers = new Map<string, WorkerRecord>();

  constructor(
    private readonly creds?: ChannelCredentials,
    private readonly token?: string,
  ) {}

  register(request: troupe.v1.IRegisterWorkerRequest): WorkerRecord {
    const id = request.workerId ?? '';
    const previous = this.workers.get(id);
    if (previous && previous.controlAddress !== request.controlAddress) previous.client.close();
    const record: WorkerRecord = {
      id,
      nodeId: request.nodeId ?? '',
      dataAddress: request.dataAddress ?? '',
      controlAddress: request.controlAddress ?? '',
      lastSeen: Date.now(),
      client:
        previous && previous.controlAddress === request.controlAddress
          ? previous.client
          : new WorkerControlClient(request.controlAddress ?? '', this.creds, this.token),
      reported: request.replicas ?? [],
      draining: request.draining ?? false,
    };
    this.workers.set(id, record);
    return record;
  }

  heartbeat(request: troupe.v1.IHeartbeatRequest): WorkerRecord | undefined {
    const record = this.workers.get(request.workerId ?? '');
    if (!record) return undefined;
    record.lastSeen = Date.now();
    record.reported = request.replicas ?? [];
    record.draining = request.draining ?? false;
    return record;
  }

  get(id: string): WorkerRecord | undefined {
    return this.workers.get(id);
  }

  all(): WorkerRecord[] {
    return [...this.workers.values()];
  }

  /** Forgets workers silent for longer than `timeoutMs`; returns them. */
  expire(timeoutMs: number): WorkerRecord[] {
    const now = Date.now();
    const expired = this.all().filter((w) => now - w.lastSeen > timeoutMs);
    for (const worker of expired) {
      worker.client.close();
      this.workers.delete(worker.id);
    }
    return expired;
  }
}
