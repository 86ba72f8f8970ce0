// The workers the head knows, their liveness and the replicas they report.
import type { ChannelCredentials } from '@grpc/grpc-js';
import { WorkerControlService, type troupe } from '@troupe/protocol';
import { UnaryClient } from '@troupe/common';
import { nextLiveness, registeredLiveness, type LivenessEvent, type LivenessTimings, type WorkerLiveness } from './worker-liveness.js';

export interface WorkerRecord {
  id: string;
  nodeId: string;
  dataAddress: string;
  controlAddress: string;
  /** What the head believes about the worker's life; changed only by the registry. */
  liveness: WorkerLiveness;
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

export interface WorkerRegistryOptions {
  credentials?: ChannelCredentials;
  token?: string;
  /** Heartbeat silence after which a worker is suspect, then dead. */
  timings?: LivenessTimings;
  /** The registry's clock (a fake one in tests). @default Date.now */
  now?: () => number;
}

/** Suspect after one missed interval and a half, dead after three (heartbeats every second). */
export const DEFAULT_LIVENESS_TIMINGS: LivenessTimings = { suspectAfterMs: 1_500, deadAfterMs: 3_000 };

/** The live workers; each one's liveness changes only through `nextLiveness`. */
export class WorkerRegistry {
  private readonly workers = new Map<string, WorkerRecord>();
  /** Workers found dead since the last sweep, with why. */
  private departed: WorkerRecord[] = [];
  private sessions = 0;
  private readonly timings: LivenessTimings;
  private readonly now: () => number;

  constructor(private readonly options: WorkerRegistryOptions = {}) {
    this.timings = options.timings ?? DEFAULT_LIVENESS_TIMINGS;
    this.now = options.now ?? Date.now;
  }

  /** A worker registered (first time, or again after the head forgot it): a new session. */
  register(request: troupe.v1.IRegisterWorkerRequest): WorkerRecord {
    const id = request.workerId ?? '';
    const previous = this.workers.get(id);
    if (previous && previous.controlAddress !== request.controlAddress) previous.client.close();
    const session = ++this.sessions;
    const record: WorkerRecord = {
      id,
      nodeId: request.nodeId ?? '',
      dataAddress: request.dataAddress ?? '',
      controlAddress: request.controlAddress ?? '',
      liveness: registeredLiveness(session, this.now()),
      client:
        previous && previous.controlAddress === request.controlAddress
          ? previous.client
          : new WorkerControlClient(request.controlAddress ?? '', this.options.credentials, this.options.token),
      reported: request.replicas ?? [],
      draining: request.draining ?? false,
    };
    this.workers.set(id, record);
    return record;
  }

  heartbeat(request: troupe.v1.IHeartbeatRequest): WorkerRecord | undefined {
    const record = this.workers.get(request.workerId ?? '');
    if (!record) return undefined;
    this.apply(record, { type: 'heartbeat', at: this.now() });
    record.reported = request.replicas ?? [];
    record.draining = request.draining ?? false;
    return record;
  }

  /** The worker's Session stream is open; false when `session` is not its current one. */
  sessionOpened(workerId: string, session: number): boolean {
    const record = this.workers.get(workerId);
    if (!record || record.liveness.session !== session) return false;
    this.apply(record, { type: 'session-opened', session });
    return true;
  }

  /** The worker's Session stream ended; true when that made it dead. */
  sessionClosed(workerId: string, session: number, detail: string): boolean {
    const record = this.workers.get(workerId);
    if (!record) return false;
    this.apply(record, { type: 'session-closed', session, detail });
    return record.liveness.phase === 'dead';
  }

  /** Applies the clock to every worker; returns (and forgets) the workers dead since the last sweep. */
  sweep(): WorkerRecord[] {
    const at = this.now();
    for (const record of this.all()) this.apply(record, { type: 'tick', at });
    const departed = this.departed;
    this.departed = [];
    return departed;
  }

  get(id: string): WorkerRecord | undefined {
    return this.workers.get(id);
  }

  /** Live workers (registered or suspect). */
  all(): WorkerRecord[] {
    return [...this.workers.values()];
  }

  /**
   * Workers that may take new replicas: not draining, and not suspect unless every candidate is
   * (on a starved machine every heartbeat may be late; placing nothing would be worse).
   */
  placeable(): WorkerRecord[] {
    const candidates = this.all().filter((w) => !w.draining);
    const healthy = candidates.filter((w) => w.liveness.phase === 'registered');
    return healthy.length > 0 ? healthy : candidates;
  }

  closeAll(): void {
    for (const record of this.all()) record.client.close();
  }

  private apply(record: WorkerRecord, event: LivenessEvent): void {
    const before = record.liveness;
    record.liveness = nextLiveness(before, event, this.timings);
    if (before.phase !== 'dead' && record.liveness.phase === 'dead') {
      record.client.close();
      if (this.workers.get(record.id) === record) this.workers.delete(record.id);
      this.departed.push(record);
    }
  }
}
