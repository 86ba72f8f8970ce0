// Admission of calls into one replica thread. It never holds more than maxConcurrentQueries calls
// in the thread (a batch of k counts k); the rest wait here in arrival order, and calls of batch
// methods wait for their batch to fill or time out, or, at maxConcurrentBatches, for a batch of
// their method to finish. One full batch beyond that limit may wait in the thread instead, so the
// next batch starts without a round trip through this thread. Calls picked in one event-loop turn
// go to the thread in one message, their bytes copied into one transferred buffer.
import { performance } from 'node:perf_hooks';
import type { troupe } from '@troupe/protocol';
import { DispatchQueue, type BatchPolicy, type QueuedCall } from './dispatch-queue.js';
import type { ReplyChannel } from './reply-channel.js';
import { CALL_ENTRY, REPLY_ENTRY, type CallsMessage, type RepliesMessage } from './thread-messages.js';
import { TurnFlush } from './turn-flush.js';

const EMPTY_FRAME = Buffer.alloc(0);
const DEFAULT_METHOD = 'call';

export interface DispatchLimits {
  maxConcurrentQueries: number;
  maxBatchSize: number;
  /** Seconds. */
  batchWaitTimeout: number;
  /** 0: no limit besides maxConcurrentQueries. */
  maxConcurrentBatches: number;
}

/** One batch in the thread: its method stays counted until the last of its calls replied. */
interface RunningBatch {
  readonly method: string;
  unanswered: number;
}

/** A call from its arrival to its reply. */
interface HostedCall extends QueuedCall {
  readonly id: number;
  readonly channel: ReplyChannel;
  /** The frame the call came in; released once the call's bytes went to the thread. */
  frame: Buffer;
  readonly start: number;
  readonly end: number;
  batch: RunningBatch | undefined;
}

export type PostCalls = (message: CallsMessage, transfer: ArrayBuffer[]) => void;

export class CallDispatcher {
  private maxConcurrentQueries: number;
  private readonly policy: BatchPolicy;
  private batchAll = false;
  private batchMethods = new Set<string>();
  private readonly queue = new DispatchQueue<HostedCall>();
  private readonly inFlight = new Map<number, HostedCall>();
  private readonly runningBatches = new Map<string, number>();
  /** Small numbers naming batch methods to the thread, which needs them only to tell methods apart. */
  private readonly methodKeys = new Map<string, number>();
  private nextSeq = 1;
  private readonly picked: HostedCall[] = [];
  private readonly outboxHeaders: number[] = [];
  private readonly outboxCalls: HostedCall[] = [];
  private readonly turn = new TurnFlush(() => this.flush());
  private batchTimer: NodeJS.Timeout | undefined;
  private batchTimerAt = Infinity;
  private idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(
    limits: DispatchLimits,
    private readonly post: PostCalls,
  ) {
    this.maxConcurrentQueries = limits.maxConcurrentQueries;
    this.policy = {
      maxBatchSize: limits.maxBatchSize,
      batchWaitTimeoutMs: limits.batchWaitTimeout * 1000,
      maxConcurrentBatches: limits.maxConcurrentBatches,
    };
  }

  /** New limits apply to what is queued as well; nothing that runs is touched. */
  setLimits(limits: DispatchLimits): void {
    this.maxConcurrentQueries = limits.maxConcurrentQueries;
    this.policy.maxBatchSize = limits.maxBatchSize;
    this.policy.batchWaitTimeoutMs = limits.batchWaitTimeout * 1000;
    this.policy.maxConcurrentBatches = limits.maxConcurrentBatches;
    this.turn.request();
  }

  /** Which methods take arrays of requests, as the replica reported once it was constructed. */
  setBatchMethods(batchAll: boolean, methods: readonly string[]): void {
    this.batchAll = batchAll;
    this.batchMethods = new Set(methods);
  }

  submit(channel: ReplyChannel, id: number, method: string, frame: Buffer, start: number, end: number): void {
    // An acceptBatch method always receives arrays, if only of one call (maxBatchSize 1).
    const batched = this.batchAll || this.batchMethods.has(method === '' ? DEFAULT_METHOD : method);
    const call: HostedCall = {
      seq: this.nextSeq++,
      id,
      // Calls of one method form one batch however the caller spelled the default method.
      method: batched && method === '' ? DEFAULT_METHOD : method,
      enqueuedAt: batched ? performance.now() : 0,
      channel,
      frame,
      start,
      end,
      batch: undefined,
    };
    if (batched) this.queue.pushBatched(call);
    else this.queue.pushSingle(call);
    this.turn.request();
  }

  onReplies(message: RepliesMessage): void {
    const bytes = message.bytes;
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const spans = message.spans;
    for (let i = 0; i < spans.length; i += REPLY_ENTRY) {
      const seq = spans[i] as number;
      const call = this.inFlight.get(seq);
      if (call === undefined) continue;
      this.inFlight.delete(seq);
      if (call.batch !== undefined) this.answered(call.batch);
      call.channel.deliver(buffer, spans[i + 1] as number, spans[i + 2] as number);
    }
    if (this.queue.size > 0) this.turn.request();
    else if (this.inFlight.size === 0) this.notifyIdle();
  }

  /** Answers `error` for call `id` of `channel` if it still waits here; a call in the thread runs on. */
  cancel(channel: ReplyChannel, id: number, error: troupe.v1.IErrorInfo): void {
    const call = this.queue.remove((queued) => queued.id === id && queued.channel === channel);
    if (call === undefined) return;
    call.frame = EMPTY_FRAME;
    channel.deliverError(id, error);
    this.notifyIdle();
  }

  /** Resolves once nothing is queued or running. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * The thread is gone: calls it held may have run and fail with `heldError`; queued calls never
   * ran and fail with `queuedError` (REPLICA_NOT_FOUND, so that another replica may take them).
   */
  close(heldError: troupe.v1.IErrorInfo, queuedError: troupe.v1.IErrorInfo): void {
    this.closed = true;
    clearTimeout(this.batchTimer);
    this.batchTimer = undefined;
    for (const call of this.inFlight.values()) call.channel.deliverError(call.id, heldError);
    this.inFlight.clear();
    this.runningBatches.clear();
    this.outboxHeaders.length = 0;
    this.outboxCalls.length = 0;
    for (const call of this.queue.drain()) call.channel.deliverError(call.id, queuedError);
    this.notifyIdle();
  }

  private answered(batch: RunningBatch): void {
    if (--batch.unanswered > 0) return;
    const running = (this.runningBatches.get(batch.method) ?? 1) - 1;
    if (running > 0) this.runningBatches.set(batch.method, running);
    else this.runningBatches.delete(batch.method);
  }

  private isIdle(): boolean {
    return this.inFlight.size === 0 && this.queue.size === 0;
  }

  private notifyIdle(): void {
    if (this.idleWaiters.length === 0 || !this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Picks what may run now and sends it to the thread in one message. */
  private flush(): void {
    if (this.closed) return;
    this.pick();
    if (this.outboxCalls.length > 0) this.send();
  }

  /** Moves calls from the queue to the outbox while the replica has room. */
  private pick(): void {
    const limit = this.maxConcurrentQueries;
    const now = performance.now();
    const picked = this.picked;
    while (this.inFlight.size < limit && this.queue.size > 0) {
      const isBatch = this.queue.take(limit - this.inFlight.size, now, this.policy, picked, this.runningBatches);
      if (picked.length === 0) break;
      const batch = isBatch ? this.startBatch((picked[0] as HostedCall).method, picked.length) : undefined;
      if (batch === undefined) this.outboxHeaders.push(0);
      else this.outboxHeaders.push(picked.length, this.methodKey(batch.method));
      for (const call of picked) {
        call.batch = batch;
        this.inFlight.set(call.seq, call);
        this.outboxCalls.push(call);
      }
    }
    picked.length = 0;
    this.armBatchTimer();
  }

  private startBatch(method: string, size: number): RunningBatch {
    this.runningBatches.set(method, (this.runningBatches.get(method) ?? 0) + 1);
    return { method, unanswered: size };
  }

  private methodKey(method: string): number {
    let key = this.methodKeys.get(method);
    if (key === undefined) {
      key = this.methodKeys.size + 1;
      this.methodKeys.set(method, key);
    }
    return key;
  }

  private send(): void {
    const headers = this.outboxHeaders;
    const calls = this.outboxCalls;
    let size = 0;
    for (const call of calls) size += call.end - call.start;
    const bytes = new Uint8Array(size);
    const groups = new Float64Array(headers.length + calls.length * CALL_ENTRY);
    let g = 0;
    let c = 0;
    let position = 0;
    for (let h = 0; h < headers.length; ) {
      const header = headers[h++] as number;
      groups[g++] = header;
      if (header !== 0) groups[g++] = headers[h++] as number;
      const count = header === 0 ? 1 : header;
      for (let k = 0; k < count; k++) {
        const call = calls[c++] as HostedCall;
        groups[g++] = call.seq;
        groups[g++] = call.id;
        groups[g++] = position;
        position += call.frame.copy(bytes, position, call.start, call.end);
        groups[g++] = position;
        call.frame = EMPTY_FRAME;
      }
    }
    headers.length = 0;
    calls.length = 0;
    const message = { type: 'calls', bytes, groups, maxConcurrentBatches: this.policy.maxConcurrentBatches } as const;
    this.post(message, [bytes.buffer, groups.buffer]);
  }

  private armBatchTimer(): void {
    const deadline = this.queue.size === 0 ? Infinity : this.queue.nextDeadline(this.policy, this.runningBatches);
    if (deadline === Infinity) {
      clearTimeout(this.batchTimer);
      this.batchTimer = undefined;
      this.batchTimerAt = Infinity;
      return;
    }
    if (this.batchTimer && this.batchTimerAt <= deadline) return;
    clearTimeout(this.batchTimer);
    this.batchTimerAt = deadline;
    this.batchTimer = setTimeout(this.onBatchTimer, Math.max(0, Math.ceil(deadline - performance.now())));
  }

  private readonly onBatchTimer = (): void => {
    this.batchTimer = undefined;
    this.batchTimerAt = Infinity;
    this.flush();
  };
}
