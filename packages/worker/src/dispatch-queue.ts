// The calls a replica holds back: beyond maxConcurrentQueries, and while a batch fills. Calls of
// methods that take batches wait per method; the rest wait in one FIFO. Whatever is ready leaves
// oldest first, so one method's filling batch never holds back another method's calls.
import { Fifo } from '@troupe/common';

export interface QueuedCall {
  /** Increases with arrival order on one replica. */
  readonly seq: number;
  readonly method: string;
  /** performance.now() at arrival; only read for batched calls. */
  enqueuedAt: number;
}

export interface BatchPolicy {
  maxBatchSize: number;
  batchWaitTimeoutMs: number;
  /** Batches of one method that may run at once; 0: no limit besides the capacity. */
  maxConcurrentBatches: number;
}

/**
 * Batches per method the owner of the queue has in the replica thread. At the limit one more full
 * batch may go, to wait in the thread and start the moment a running one returns.
 */
export type RunningBatches = ReadonlyMap<string, number>;

const NONE_RUNNING: RunningBatches = new Map();

export class DispatchQueue<T extends QueuedCall> {
  private readonly singles = new Fifo<T>();
  private readonly batches = new Map<string, Fifo<T>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  pushSingle(call: T): void {
    this.singles.push(call);
    this.count++;
  }

  pushBatched(call: T): void {
    let fifo = this.batches.get(call.method);
    if (!fifo) {
      fifo = new Fifo<T>();
      this.batches.set(call.method, fifo);
    }
    fifo.push(call);
    this.count++;
  }

  /**
   * Moves the oldest ready group into `out` (cleared first) and returns whether it is a batch.
   * `out` stays empty when nothing is ready. A batch takes at most `capacity` calls.
   */
  take(capacity: number, now: number, policy: BatchPolicy, out: T[], running: RunningBatches = NONE_RUNNING): boolean {
    out.length = 0;
    if (capacity <= 0 || this.count === 0) return false;
    const batch = this.oldestReadyBatch(now, capacity, policy, running);
    const single = this.singles.peek();
    if (batch === undefined || (single !== undefined && single.seq < (batch.peek() as T).seq)) {
      if (single === undefined) return false;
      out.push(this.singles.shift() as T);
      this.count--;
      return false;
    }
    const size = Math.min(batch.size, Math.max(1, policy.maxBatchSize), capacity);
    for (let i = 0; i < size; i++) out.push(batch.shift() as T);
    this.count -= size;
    return true;
  }

  /**
   * When the oldest call of a batch that is not full times out, or Infinity. Methods at their
   * batch limit are left out: a finishing batch, not a timer, lets them go on.
   */
  nextDeadline(policy: BatchPolicy, running: RunningBatches = NONE_RUNNING): number {
    let deadline = Infinity;
    for (const [method, fifo] of this.batches) {
      const head = fifo.peek();
      if (head !== undefined && fifo.size < policy.maxBatchSize && !atBatchLimit(method, policy, running)) {
        deadline = Math.min(deadline, head.enqueuedAt + policy.batchWaitTimeoutMs);
      }
    }
    return deadline;
  }

  /** Removes the oldest call that matches, wherever it waits. */
  remove(matches: (call: T) => boolean): T | undefined {
    let removed = this.singles.removeFirst(matches);
    if (removed === undefined) {
      for (const fifo of this.batches.values()) {
        removed = fifo.removeFirst(matches);
        if (removed !== undefined) break;
      }
    }
    if (removed !== undefined) this.count--;
    return removed;
  }

  /** Removes and returns every call, for a replica that will not run them. */
  drain(): T[] {
    const calls = this.singles.drain();
    for (const fifo of this.batches.values()) calls.push(...fifo.drain());
    this.batches.clear();
    this.count = 0;
    return calls;
  }

  private oldestReadyBatch(now: number, capacity: number, policy: BatchPolicy, running: RunningBatches): Fifo<T> | undefined {
    if (this.batches.size === 0) return undefined;
    let oldest: Fifo<T> | undefined;
    for (const [method, fifo] of this.batches) {
      const head = fifo.peek();
      if (head === undefined || !batchAdmitted(method, fifo.size, capacity, policy, running)) continue;
      const ready = fifo.size >= policy.maxBatchSize || now - head.enqueuedAt >= policy.batchWaitTimeoutMs;
      if (ready && (oldest === undefined || head.seq < (oldest.peek() as T).seq)) oldest = fifo;
    }
    return oldest;
  }
}

function atBatchLimit(method: string, policy: BatchPolicy, running: RunningBatches): boolean {
  return policy.maxConcurrentBatches > 0 && (running.get(method) ?? 0) >= policy.maxConcurrentBatches;
}

/** Under the limit; or exactly at it with a full batch to wait in the thread (only one such). */
function batchAdmitted(method: string, queued: number, capacity: number, policy: BatchPolicy, running: RunningBatches): boolean {
  if (!atBatchLimit(method, policy, running)) return true;
  return running.get(method) === policy.maxConcurrentBatches && Math.min(queued, capacity) >= policy.maxBatchSize;
}
