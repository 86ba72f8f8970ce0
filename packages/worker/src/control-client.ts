// Keeps the head informed: registers, heartbeats with every replica's status, registers again
// when the head forgot this worker (it restarted), and keeps trying quietly while the head is
// unreachable (replicas keep serving meanwhile).
import { Client, credentials, Metadata, type ChannelCredentials, type ServiceError } from '@grpc/grpc-js';
import { fromServiceError, type Logger } from '@troupe/common';
import { ControlService, type troupe } from '@troupe/protocol';

/** A call to the head that has not answered by then is given up; the next tick tries again. */
const CALL_TIMEOUT_MS = 3_000;

/**
 * grpc-js backs off reconnecting up to two minutes by default: a worker would then take that long
 * to re-register after a head restart. Heartbeats already pace the attempts.
 */
const CHANNEL_OPTIONS = {
  'grpc.initial_reconnect_backoff_ms': 250,
  'grpc.max_reconnect_backoff_ms': 1_000,
};

export interface ControlClientOptions {
  headAddress: string;
  adminToken: string | undefined;
  /** @default insecure */
  credentials: ChannelCredentials | undefined;
  workerId: string;
  nodeId: string;
  address: string;
  intervalMs: number;
  replicas: () => troupe.v1.IReplicaStatus[];
  /** True once the worker drains: the head then places nothing new on it. */
  draining: () => boolean;
  logger: Logger;
}

interface UnaryMethod<Request, Reply> {
  path: string;
  requestSerialize: (request: Request) => Buffer;
  responseDeserialize: (bytes: Buffer) => Reply;
}

export class ControlClient {
  private readonly client: Client;
  private registered = false;
  /** Undefined until the first attempt: the first failure is worth a warning, repeats are not. */
  private reachable: boolean | undefined;
  private intervalMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;
  private stopped = false;

  constructor(private readonly options: ControlClientOptions) {
    this.client = new Client(options.headAddress, options.credentials ?? credentials.createInsecure(), CHANNEL_OPTIONS);
    this.intervalMs = options.intervalMs;
  }

  start(): void {
    void this.tick();
  }

  /** Heartbeats now (e.g. a replica failed) rather than at the next interval. */
  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    void this.tick();
  }

  /** One last heartbeat (so the head sees replicas stopping), bounded by the call timeout. */
  async sendFinalHeartbeat(): Promise<void> {
    if (!this.registered) return;
    await this.heartbeat().catch(() => undefined);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.client.close();
  }

  private async tick(): Promise<void> {
    this.running = true;
    try {
      if (!this.registered) await this.register();
      else if (!(await this.heartbeat()).known) {
        this.options.logger.info('the head does not know this worker (it restarted?): registering again');
        this.registered = false;
        await this.register();
      }
      this.markReachable();
    } catch (error) {
      this.markUnreachable(error);
    } finally {
      this.running = false;
      this.scheduleNext();
    }
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    if (this.again) {
      this.again = false;
      void this.tick();
      return;
    }
    this.timer = setTimeout(() => void this.tick(), this.intervalMs);
  }

  private async register(): Promise<void> {
    const { workerId, nodeId, address } = this.options;
    const reply = await this.call<troupe.v1.IRegisterWorkerRequest, troupe.v1.RegisterWorkerReply>(
      ControlService.registerWorker,
      { workerId, nodeId, dataAddress: address, controlAddress: address, replicas: this.options.replicas(), draining: this.options.draining() },
    );
    if (reply.heartbeatIntervalSeconds > 0) this.intervalMs = reply.heartbeatIntervalSeconds * 1000;
    this.registered = true;
    this.options.logger.info({ headId: reply.headId, head: this.options.headAddress }, 'registered with the head');
  }

  private heartbeat(): Promise<troupe.v1.HeartbeatReply> {
    return this.call<troupe.v1.IHeartbeatRequest, troupe.v1.HeartbeatReply>(ControlService.heartbeat, {
      workerId: this.options.workerId,
      replicas: this.options.replicas(),
      draining: this.options.draining(),
    });
  }

  private markReachable(): void {
    this.reachable = true;
  }

  private markUnreachable(error: unknown): void {
    const cause = fromServiceError(error);
    if (this.reachable !== false) {
      this.options.logger.warn({ head: this.options.headAddress, reason: cause.message }, 'head unreachable; retrying');
    }
    this.reachable = false;
    this.registered = false;
  }

  private call<Request, Reply>(method: UnaryMethod<Request, Reply>, request: Request): Promise<Reply> {
    const metadata = new Metadata();
    if (this.options.adminToken) metadata.set('authorization', `Bearer ${this.options.adminToken}`);
    return new Promise((resolve, reject) => {
      this.client.makeUnaryRequest(
        method.path,
        method.requestSerialize,
        method.responseDeserialize,
        request,
        metadata,
        { deadline: Date.now() + CALL_TIMEOUT_MS },
        (error: ServiceError | null, reply?: Reply) => (error ? reject(error) : resolve(reply as Reply)),
      );
    });
  }
}
