// Keys waiting to be reconciled. A key is never handled by two workers at once: one added while it
// is being handled runs again right after, once, however often it was added. A failed key comes
// back after an exponentially growing delay; a success resets its delay.
import type { Logger } from '@troupe/common';

export interface ReconcileResult {
  /** Handle the key again after this many ms even if nothing changes (polling the head). */
  requeueAfterMs?: number;
}

export type ReconcileHandler = (key: string) => Promise<ReconcileResult | void>;

export interface WorkQueueOptions {
  name: string;
  handler: ReconcileHandler;
  logger: Logger;
  /** Keys handled at once (never the same key twice). @default 2 */
  concurrency?: number;
  /** @default 200 ms */
  initialBackoffMs?: number;
  /** @default 60 s */
  maxBackoffMs?: number;
  /** Errors that should be logged at debug level (expected, retried) instead of warn. */
  quiet?: (error: unknown) => boolean;
}

export class WorkQueue {
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private readonly processing = new Set<string>();
  /** Added again while being processed: goes back on the queue when done. */
  private readonly dirty = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly timers = new Map<string, { at: number; timer: NodeJS.Timeout }>();
  private readonly workers: Promise<void>[] = [];
  private readonly waiting: Array<() => void> = [];
  private stopped = false;

  constructor(private readonly options: WorkQueueOptions) {}

  start(): void {
    if (this.workers.length > 0) return;
    for (let i = 0; i < (this.options.concurrency ?? 2); i++) this.workers.push(this.work());
  }

  add(key: string): void {
    if (this.stopped) return;
    if (this.processing.has(key)) {
      this.dirty.add(key);
      return;
    }
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.queue.push(key);
    this.waiting.shift()?.();
  }

  /** Adds the key after `ms`; of several pending delays for one key the earliest wins. */
  addAfter(key: string, ms: number): void {
    if (this.stopped) return;
    if (ms <= 0) {
      this.add(key);
      return;
    }
    const at = Date.now() + ms;
    const pending = this.timers.get(key);
    if (pending !== undefined && pending.at <= at) return;
    if (pending !== undefined) clearTimeout(pending.timer);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.add(key);
    }, ms);
    this.timers.set(key, { at, timer });
  }

  /** Failures of a key since its last success. */
  failureCount(key: string): number {
    return this.failures.get(key) ?? 0;
  }

  get length(): number {
    return this.queue.length;
  }

  /** Stops taking keys and waits for the ones in hand. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const wake of this.waiting.splice(0)) wake();
    await Promise.all(this.workers);
  }

  private async next(): Promise<string | undefined> {
    while (!this.stopped) {
      const key = this.queue.shift();
      if (key !== undefined) {
        this.queued.delete(key);
        return key;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    return undefined;
  }

  private async work(): Promise<void> {
    for (;;) {
      const key = await this.next();
      if (key === undefined) return;
      this.processing.add(key);
      try {
        const result = await this.options.handler(key);
        this.failures.delete(key);
        if (result?.requeueAfterMs !== undefined) this.addAfter(key, result.requeueAfterMs);
      } catch (error) {
        const count = (this.failures.get(key) ?? 0) + 1;
        this.failures.set(key, count);
        const initial = this.options.initialBackoffMs ?? 200;
        const delay = Math.min(initial * 2 ** Math.min(count - 1, 30), this.options.maxBackoffMs ?? 60_000);
        const level = this.options.quiet?.(error) ? 'debug' : 'warn';
        this.options.logger[level]({ queue: this.options.name, key, err: error, attempt: count, retryInMs: delay }, 'reconcile failed');
        this.addAfter(key, delay);
      } finally {
        this.processing.delete(key);
        if (this.dirty.delete(key)) this.add(key);
      }
    }
  }
}
