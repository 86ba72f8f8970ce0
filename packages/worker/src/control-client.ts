// Keeps the head informed: registers, holds a Session stream open (its end tells the head at once
// that this worker is gone, and tells this worker at once that the head is gone), heartbeats with
// every replica's status, and registers again whenever the registration is lost. Replicas keep
// serving while the head is away.
//
// Registration is bounded by design: every call has a deadline, retries come at most half a second
// apart, and each failed attempt dials a fresh channel (a fresh DNS lookup and connection), so
// neither grpc-js's reconnect backoff nor a dead connection can delay re-registration once a
// head answers again.
import {
  Client,
  credentials,
  Metadata,
  type ChannelCredentials,
  type ClientReadableStream,
  type ServiceError,
} from '@grpc/grpc-js';
import { fromServiceError, type Logger } from '@troupe/common';
import { ControlService, type troupe } from '@troupe/protocol';

/** A call to the head that has not answered by then is given up; the next attempt follows. */
const CALL_TIMEOUT_MS = 3_000;
/** Pace of registration attempts while unregistered: doubling from the first, capped. */
const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 500;
/** As the head: this many heartbeat intervals without one getting through and it is over. */
const HEARTBEATS_BEFORE_GIVING_UP = 3;
/** While unregistered, a warning this often, so that an outage never goes silent in the log. */
const STILL_UNREGISTERED_LOG_MS = 10_000;

/**
 * grpc-js backs off reconnecting up to two minutes and re-resolves DNS at most every 30 s by
 * default. Keepalive pings find a connection whose peer vanished without closing it (the head's
 * pod deleted with its network) within seconds; a local subchannel pool makes each re-dial a
 * really new connection instead of the process-wide one in backoff.
 */
const CHANNEL_OPTIONS = {
  'grpc.initial_reconnect_backoff_ms': 100,
  'grpc.max_reconnect_backoff_ms': 1_000,
  'grpc.keepalive_time_ms': 2_000,
  'grpc.keepalive_timeout_ms': 2_000,
  'grpc.keepalive_permit_without_calls': 1,
  'grpc.dns_min_time_between_resolutions_ms': 1_000,
  'grpc.use_local_subchannel_pool': 1,
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
  private client: Client;
  private registered = false;
  /** The current registration's Session stream; events of earlier ones are ignored. */
  private session: ClientReadableStream<troupe.v1.SessionEvent> | undefined;
  /** Undefined until the first attempt: the first failure is worth a warning, repeats are not. */
  private reachable: boolean | undefined;
  private intervalMs: number;
  private retryMs = RETRY_FIRST_MS;
  /** Since when this worker is not registered (for the log), and when that was last logged. */
  private unregisteredSince = Date.now();
  private lastOutageLog = Date.now();
  private timer: NodeJS.Timeout | undefined;
  /** Since when heartbeats fail while the session stands. */
  private heartbeatFailingSince: number | undefined;
  private running = false;
  private again = false;
  private stopped = false;

  constructor(private readonly options: ControlClientOptions) {
    this.client = this.dial();
    this.intervalMs = options.intervalMs;
  }

  start(): void {
    void this.tick();
  }

  /** True while registered with the head that answers now (the worker's readiness). */
  get isRegistered(): boolean {
    return this.registered;
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
    this.closeSession();
    this.client.close();
  }

  private dial(): Client {
    return new Client(this.options.headAddress, this.options.credentials ?? credentials.createInsecure(), CHANNEL_OPTIONS);
  }

  /** A fresh channel: new name resolution, new connection, no inherited backoff. */
  private redial(): void {
    this.closeSession();
    this.client.close();
    this.client = this.dial();
  }

  private async tick(): Promise<void> {
    this.running = true;
    try {
      if (!this.registered) await this.register();
      else if (!(await this.heartbeat()).known) {
        this.loseRegistration('the head does not know this worker (it restarted?)');
        await this.register();
      }
      this.reachable = true;
      this.heartbeatFailingSince = undefined;
    } catch (error) {
      this.onCallFailed(error);
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
    this.timer = setTimeout(() => void this.tick(), this.registered ? this.intervalMs : this.nextRetryMs());
  }

  private nextRetryMs(): number {
    const delay = this.retryMs;
    this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
    return delay;
  }

  private async register(): Promise<void> {
    const { workerId, nodeId, address } = this.options;
    const reply = await this.call<troupe.v1.IRegisterWorkerRequest, troupe.v1.RegisterWorkerReply>(
      ControlService.registerWorker,
      { workerId, nodeId, dataAddress: address, controlAddress: address, replicas: this.options.replicas(), draining: this.options.draining() },
    );
    if (reply.heartbeatIntervalSeconds > 0) this.intervalMs = reply.heartbeatIntervalSeconds * 1000;
    this.registered = true;
    this.retryMs = RETRY_FIRST_MS;
    this.openSession(Number(reply.session));
    this.options.logger.info(
      { headId: reply.headId, head: this.options.headAddress, session: Number(reply.session), unregisteredMs: Date.now() - this.unregisteredSince },
      'registered with the head',
    );
  }

  /** Holds the Session stream open; its end means the head is gone (or forgot this worker). */
  private openSession(session: number): void {
    this.closeSession();
    if (session <= 0) return;
    const stream = this.client.makeServerStreamRequest(
      ControlService.session.path,
      ControlService.session.requestSerialize,
      ControlService.session.responseDeserialize,
      { workerId: this.options.workerId, session },
      this.metadata(),
    );
    this.session = stream;
    stream.on('data', () => undefined);
    const lost = (reason: string): void => {
      if (this.session !== stream || this.stopped) return;
      this.session = undefined;
      this.loseRegistration(`session with the head ended: ${reason}`);
      this.poke();
    };
    stream.on('error', (error: ServiceError) => lost(fromServiceError(error).message));
    stream.on('end', () => lost('closed by the head'));
  }

  private closeSession(): void {
    const stream = this.session;
    this.session = undefined;
    stream?.cancel();
  }

  private loseRegistration(reason: string): void {
    if (!this.registered) return;
    this.registered = false;
    this.unregisteredSince = Date.now();
    this.lastOutageLog = Date.now();
    this.retryMs = RETRY_FIRST_MS;
    this.options.logger.warn({ head: this.options.headAddress, reason }, 'registration with the head lost; registering again');
  }

  private heartbeat(): Promise<troupe.v1.HeartbeatReply> {
    return this.call<troupe.v1.IHeartbeatRequest, troupe.v1.HeartbeatReply>(ControlService.heartbeat, {
      workerId: this.options.workerId,
      replicas: this.options.replicas(),
      draining: this.options.draining(),
    });
  }

  private onCallFailed(error: unknown): void {
    const reason = fromServiceError(error).message;
    const now = Date.now();
    this.heartbeatFailingSince ??= now;
    if (this.registered && this.session && now - this.heartbeatFailingSince < HEARTBEATS_BEFORE_GIVING_UP * this.intervalMs) {
      // The Session stream still stands, so the connection and the head are alive (a hung head
      // stops answering keepalive pings and the stream ends): a slow heartbeat is no loss, until
      // the head would have given up on this worker anyway.
      if (this.reachable !== false) this.options.logger.warn({ head: this.options.headAddress, reason }, 'heartbeat failed; the session stands');
      this.reachable = false;
      return;
    }
    this.loseRegistration(`call to the head failed: ${reason}`);
    if (this.reachable !== false) {
      this.options.logger.warn({ head: this.options.headAddress, reason }, 'head unreachable; retrying');
    } else if (now - this.lastOutageLog >= STILL_UNREGISTERED_LOG_MS) {
      this.lastOutageLog = now;
      this.options.logger.warn(
        { head: this.options.headAddress, reason, unregisteredMs: now - this.unregisteredSince },
        'still not registered with the head; retrying',
      );
    }
    this.reachable = false;
    if (!this.stopped) this.redial();
  }

  private metadata(): Metadata {
    const metadata = new Metadata();
    if (this.options.adminToken) metadata.set('authorization', `Bearer ${this.options.adminToken}`);
    return metadata;
  }

  private call<Request, Reply>(method: UnaryMethod<Request, Reply>, request: Request): Promise<Reply> {
    return new Promise((resolve, reject) => {
      this.client.makeUnaryRequest(
        method.path,
        method.requestSerialize,
        method.responseDeserialize,
        request,
        this.metadata(),
        { deadline: Date.now() + CALL_TIMEOUT_MS },
        (error: ServiceError | null, reply?: Reply) => (error ? reject(error) : resolve(reply as Reply)),
      );
    });
  }
}
