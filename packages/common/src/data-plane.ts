// The routing library shared by HTTP proxies and SDK handles: endpoint → backend (traffic split,
// shard keys, shadows), backend → replica (ReplicaScheduler), replica → worker stream.
import type { ChannelCredentials } from '@grpc/grpc-js';
import type { troupe } from '@troupe/protocol';
import type { CallOptions, CallRequest, PendingCall } from './data-plane-types.js';
import { CancelledError, NotFoundError, TimeoutError, UnavailableError, type TroupeError } from './errors.js';
import { fromErrorInfo } from './failure-converter.js';
import type { Logger } from './logger.js';
import { ReplicaScheduler, type ReplicaSlot, type Waiter } from './replica-scheduler.js';
import { ChannelBrokenError, WorkerChannelPool, type ReplyReceiver } from './worker-channel.js';
import { TrafficPolicy } from './traffic-policy.js';

export interface DataPlaneOptions {
  logger?: Logger;
  /** Credentials of the data streams to workers. @default insecure */
  credentials?: ChannelCredentials;
  /** The cluster's data token (TROUPE_DATA_TOKEN), required by workers when they have one. */
  token?: string;
  /** Largest data-plane frame sent or read. @default dataMessageLimit() (10 MiB body limit plus framing) */
  maxMessageBytes?: number;
  /** Attempts of a call that no replica took (never of one a replica may have run). @default 5 */
  maxAttempts?: number;
  /**
   * The node this data plane runs on. When the cluster's HTTP location is EveryNode (a load
   * balancer already spreads requests over the nodes), calls prefer replicas on this node while
   * they have room. @default none: no preference
   */
  nodeId?: string;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const SWEEP_MS = 50;

/**
 * One call's life: waiting, assigned, settled. It is its own queue entry and its own reply
 * receiver, and makes promises only when asked for them, to keep the hot path allocation-light.
 */
class CallState implements Waiter, ReplyReceiver {
  cancelled = false;
  attempts = 0;
  slot: ReplicaSlot | undefined;
  private outcome: { reply: troupe.v1.Reply } | { error: TroupeError } | undefined;
  private replyPromise: Promise<troupe.v1.Reply> | undefined;
  private resolveReply: ((reply: troupe.v1.Reply) => void) | undefined;
  private rejectReply: ((error: TroupeError) => void) | undefined;
  /** Created only when someone asks (async handles): most callers never do. */
  private assignedPromise: Promise<void> | undefined;
  private resolveAssigned: (() => void) | undefined;
  private isAssigned = false;

  constructor(
    private readonly plane: DataPlane,
    readonly scheduler: ReplicaScheduler,
    readonly message: Omit<troupe.v1.ICall, 'id'>,
    readonly deadline: number,
  ) {}

  get reply(): Promise<troupe.v1.Reply> {
    if (this.replyPromise) return this.replyPromise;
    const outcome = this.outcome;
    if (outcome) {
      this.replyPromise = 'reply' in outcome ? Promise.resolve(outcome.reply) : Promise.reject(outcome.error);
    } else {
      this.replyPromise = new Promise((resolve, reject) => {
        this.resolveReply = resolve;
        this.rejectReply = reject;
      });
    }
    return this.replyPromise;
  }

  get assigned(): Promise<void> {
    if (this.isAssigned) return RESOLVED;
    this.assignedPromise ??= new Promise((resolve) => {
      this.resolveAssigned = resolve;
    });
    return this.assignedPromise;
  }

  refuse(error: TroupeError): void {
    this.fail(error);
  }

  private markAssigned(): void {
    this.isAssigned = true;
    this.resolveAssigned?.();
  }

  assign(slot: ReplicaSlot): void {
    this.slot = slot;
    this.attempts++;
    this.markAssigned();
    this.message.replicaTag = slot.tag;
    // The message object is reused on retry: the channel encodes it within this turn.
    slot.channel.dispatch(this.message, this);
  }

  cancel(): void {
    if (this.cancelled) return;
    const slot = this.slot;
    // Marked first: a waiting call is then skipped by the router's queue, and the worker's answer
    // to an assigned one only releases its slot.
    this.fail(new CancelledError('the caller went away before the call started'));
    if (slot !== undefined) slot.channel.cancel((this.message as troupe.v1.ICall).id as number, slot.tag);
  }

  /** @internal The worker answered the current attempt. */
  onReply(reply: troupe.v1.Reply): void {
    const slot = this.slot!;
    this.scheduler.release(slot);
    const error = reply.error;
    if (!error) return this.settle(reply);
    // The replica is gone from its worker, or its worker drains: the call never ran. Other calls
    // must not pick that replica either until the next route table drops it (several replicas of
    // a draining worker would otherwise use up a call's attempts between them).
    if (error.code === 'REPLICA_NOT_FOUND' && this.canRetry()) return this.retry(slot, true);
    this.fail(fromErrorInfo(error));
  }

  /** @internal The current attempt ended without a reply. */
  onFailure(error: unknown): void {
    const slot = this.slot!;
    this.scheduler.release(slot);
    if (error instanceof ChannelBrokenError && !error.mayHaveRun && this.canRetry()) return this.retry(slot, true);
    this.fail(error instanceof Error ? (error as TroupeError) : new UnavailableError(String(error)));
  }

  private canRetry(): boolean {
    return !this.cancelled && this.attempts < this.plane.maxAttempts;
  }

  private retry(slot: ReplicaSlot, suspect: boolean): void {
    if (suspect) this.scheduler.markSuspect(slot);
    this.slot = undefined;
    this.scheduler.acquire(this, slot);
  }

  private settle(reply: troupe.v1.Reply): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.plane.forget(this);
    this.outcome = { reply };
    this.resolveReply?.(reply);
  }

  fail(error: TroupeError): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.plane.forget(this);
    this.markAssigned();
    this.outcome = { error };
    this.rejectReply?.(error);
  }
}

export class DataPlane {
  readonly maxAttempts: number;
  private readonly pool: WorkerChannelPool;
  private readonly schedulers = new Map<string, ReplicaScheduler>();
  private endpoints = new Map<string, TrafficPolicy>();
  private readonly active = new Set<CallState>();
  private readonly sweeper: NodeJS.Timeout;
  private readonly logger: Logger | undefined;
  private readonly nodeId: string | undefined;
  private version = 0;

  constructor(options: DataPlaneOptions = {}) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.logger = options.logger;
    this.nodeId = options.nodeId;
    this.pool = new WorkerChannelPool({
      credentials: options.credentials,
      token: options.token,
      maxMessageBytes: options.maxMessageBytes,
    });
    this.sweeper = setInterval(() => this.sweepDeadlines(), SWEEP_MS);
    this.sweeper.unref();
  }

  /** Version of the last snapshot applied. */
  get snapshotVersion(): number {
    return this.version;
  }

  hasEndpoint(name: string): boolean {
    return this.endpoints.has(name);
  }

  applySnapshot(snapshot: troupe.v1.ISnapshot): void {
    this.version = Number(snapshot.version ?? 0);
    const localNode = snapshot.httpLocation === 'EveryNode' ? this.nodeId : undefined;
    const endpoints = new Map<string, TrafficPolicy>();
    for (const spec of snapshot.endpoints ?? []) endpoints.set(spec.name ?? '', new TrafficPolicy(spec));
    this.endpoints = endpoints;
    const addresses = new Set<string>();
    const present = new Set<string>();
    for (const route of snapshot.backends ?? []) {
      const tag = route.tag ?? '';
      present.add(tag);
      this.scheduler(tag).update(route, this.pool, localNode);
      for (const replica of route.replicas ?? []) addresses.add(replica.dataAddress ?? '');
    }
    for (const [tag, scheduler] of this.schedulers) {
      if (!present.has(tag) && scheduler.queued === 0) this.schedulers.delete(tag);
    }
    this.pool.retain(addresses);
    this.logger?.debug({ version: this.version }, 'snapshot applied');
  }

  call(endpoint: string, request: CallRequest, options: CallOptions = {}): PendingCall {
    const policy = this.endpoints.get(endpoint);
    if (!policy) return rejected(new NotFoundError(`endpoint "${endpoint}" does not exist`));
    const backend = policy.pickBackend(request.shardKey);
    if (backend === undefined) return rejected(new UnavailableError(`endpoint "${endpoint}" has no traffic`));
    const message = toCallMessage(request);
    for (const shadow of policy.pickShadows()) this.shadow(shadow, message);
    return this.dispatch(backend, message, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  }

  close(): void {
    clearInterval(this.sweeper);
    for (const state of [...this.active]) state.fail(new UnavailableError('the client was closed'));
    this.pool.close();
  }

  /** @internal */
  forget(state: CallState): void {
    this.active.delete(state);
  }

  private dispatch(backend: string, message: Omit<troupe.v1.ICall, 'id'>, timeoutMs: number): CallState {
    const state = new CallState(this, this.scheduler(backend), message, Date.now() + timeoutMs);
    this.active.add(state);
    state.scheduler.acquire(state);
    return state;
  }

  /** Shadow copies are fire-and-forget: their replies and errors never reach the client. */
  private shadow(backend: string, message: Omit<troupe.v1.ICall, 'id'>): void {
    const state = this.dispatch(backend, { ...message }, DEFAULT_TIMEOUT_MS);
    state.reply.catch(() => undefined);
  }

  private scheduler(backend: string): ReplicaScheduler {
    let scheduler = this.schedulers.get(backend);
    if (!scheduler) {
      scheduler = new ReplicaScheduler(backend);
      this.schedulers.set(backend, scheduler);
    }
    return scheduler;
  }

  private sweepDeadlines(): void {
    if (this.active.size === 0) return;
    const now = Date.now();
    for (const state of this.active) {
      if (state.deadline <= now) {
        state.fail(new TimeoutError(`no reply from backend "${state.scheduler.backend}" within the request timeout`));
      }
    }
  }
}

function toCallMessage(request: CallRequest): Omit<troupe.v1.ICall, 'id'> {
  return {
    replicaTag: '',
    methodName: request.methodName ?? '',
    http: request.http ?? null,
    data: request.data ?? EMPTY,
    hasData: request.data !== undefined,
    valueReply: request.valueReply ?? false,
  };
}

const EMPTY = new Uint8Array(0);
const RESOLVED = Promise.resolve();

function rejected(error: TroupeError): PendingCall {
  // Lazy, so that a call whose result nobody asks for does not raise an unhandled rejection.
  return {
    assigned: RESOLVED,
    get reply() {
      return Promise.reject(error);
    },
    cancel() {},
  };
}
