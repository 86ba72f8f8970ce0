// The replica thread's side of the call path: decodes the calls the main thread sends, runs them
// (singly or as batches, at most maxConcurrentBatches of a method at once) and sends the replies of
// each event-loop turn back in one message.
import type { MessagePort } from 'node:worker_threads';
import type { Logger } from 'pino';
import { v1, type troupe } from '@troupe/protocol';
import { BatchGate } from './batch-gate.js';
import { BackendSetupError, BatchResultError, failureInfo } from './errors.js';
import type { ReplicaBackend } from './replica-backend.js';
import { ReplicaRequest } from './replica-request.js';
import { ReplyFrameWriter } from './reply-encoder.js';
import { CALL_ENTRY, type CallsMessage, type ReconfigureMessage } from './thread-messages.js';
import { TurnFlush } from './turn-flush.js';

/**
 * A batch method whose call returned within this long is asynchronous at heart: the next batch may
 * start before the last one's replies leave (see batchFinished).
 */
const QUICK_START_MS = 0.5;

/** At most this many failed calls per second get their stack logged; the rest are counted. */
const ERROR_LOGS_PER_SECOND = 20;

/** One call of a batch, kept until the batch settles. */
interface BatchEntry {
  seq: number;
  id: number;
  httpReply: boolean;
}

/** A decoded batch; `entries` and `requests` line up (calls that failed to decode are in neither). */
interface PreparedBatch {
  methodName: string;
  entries: BatchEntry[];
  requests: ReplicaRequest[];
}

export class ReplicaRuntime {
  private readonly replies: ReplyFrameWriter;
  private readonly turn = new TurnFlush(() => this.flush());
  private readonly batches = new BatchGate<PreparedBatch>((key, batch) => this.runBatch(key, batch));
  /** Per batch method key: how long its last call kept the thread before returning (ms). */
  private readonly batchSyncMs = new Map<number, number>();
  private errorLogWindow = 0;
  private errorLogsInWindow = 0;
  private suppressedErrorLogs = 0;

  constructor(
    private readonly port: MessagePort,
    private readonly backend: ReplicaBackend,
    private readonly logger: Logger,
    maxReplyBytes = Infinity,
  ) {
    this.replies = new ReplyFrameWriter(maxReplyBytes);
  }

  onCalls(message: CallsMessage): void {
    const bytes = message.bytes;
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const groups = message.groups;
    this.batches.setLimit(message.maxConcurrentBatches);
    let i = 0;
    while (i < groups.length) {
      const batchSize = groups[i++] as number;
      if (batchSize === 0) {
        this.runOne(groups, i, buffer);
        i += CALL_ENTRY;
      } else {
        const key = groups[i++] as number;
        this.batches.admit(key, this.prepareBatch(groups, i, batchSize, buffer));
        i += batchSize * CALL_ENTRY;
      }
    }
  }

  async onReconfigure(message: ReconfigureMessage): Promise<void> {
    let error: troupe.v1.IErrorInfo | undefined;
    try {
      await this.backend.reconfigure(JSON.parse(message.userConfigJson));
    } catch (caught) {
      this.logFailure(caught, 'reconfigure');
      error = failureInfo(caught);
    }
    this.port.postMessage({ type: 'reconfigured', requestId: message.requestId, error });
  }

  private runOne(groups: Float64Array, at: number, buffer: Buffer): void {
    const seq = groups[at] as number;
    const id = groups[at + 1] as number;
    const call = this.decode(seq, id, buffer, groups[at + 2] as number, groups[at + 3] as number);
    if (!call) return;
    const httpReply = wantsHttpReply(call);
    if (!this.callable(seq, id, call.methodName, httpReply)) return;
    let result: unknown;
    try {
      result = this.backend.invoke(call.methodName, new ReplicaRequest(call));
    } catch (error) {
      this.fail(seq, id, call.methodName, error);
      return;
    }
    if (isThenable(result)) {
      result.then(
        (value) => this.succeed(seq, id, httpReply, value),
        (error: unknown) => this.fail(seq, id, call.methodName, error),
      );
    } else {
      this.succeed(seq, id, httpReply, result);
    }
  }

  private prepareBatch(groups: Float64Array, at: number, size: number, buffer: Buffer): PreparedBatch {
    const entries: BatchEntry[] = [];
    const requests: ReplicaRequest[] = [];
    let methodName = '';
    for (let k = 0; k < size; k++) {
      const base = at + k * CALL_ENTRY;
      const seq = groups[base] as number;
      const id = groups[base + 1] as number;
      const call = this.decode(seq, id, buffer, groups[base + 2] as number, groups[base + 3] as number);
      if (!call) continue;
      methodName = call.methodName;
      if (!this.callable(seq, id, methodName, wantsHttpReply(call))) continue;
      try {
        requests.push(new ReplicaRequest(call));
      } catch (error) {
        this.fail(seq, id, methodName, error);
        continue;
      }
      entries.push({ seq, id, httpReply: wantsHttpReply(call) });
    }
    return { methodName, entries, requests };
  }

  private runBatch(key: number, { methodName, entries, requests }: PreparedBatch): void {
    if (entries.length === 0) {
      this.batchFinished(key);
      return;
    }
    let results: unknown;
    const began = performance.now();
    try {
      results = this.backend.invoke(methodName, requests);
    } catch (error) {
      this.failBatch(entries, methodName, error);
      this.batchFinished(key);
      return;
    } finally {
      this.batchSyncMs.set(key, performance.now() - began);
    }
    if (isThenable(results)) {
      results.then(
        (value) => {
          this.settleBatch(entries, methodName, value);
          this.batchFinished(key);
        },
        (error: unknown) => {
          this.failBatch(entries, methodName, error);
          this.batchFinished(key);
        },
      );
    } else {
      this.settleBatch(entries, methodName, results);
      this.batchFinished(key);
    }
  }

  private batchFinished(key: number): void {
    if (!this.batches.hasWaiting(key)) {
      this.batches.finished(key);
      return;
    }
    // Posting the replies wakes the main thread, which on a busy machine may take this core for a
    // while. An asynchronous batch method is quick to start, so it starts first and the wake-up
    // overlaps its wait; a method that computes before returning would delay the replies by a
    // whole batch, so they leave first.
    if ((this.batchSyncMs.get(key) ?? 0) < QUICK_START_MS) {
      this.batches.finished(key);
      this.flush();
    } else {
      this.flush();
      this.batches.finished(key);
    }
  }

  private settleBatch(entries: BatchEntry[], methodName: string, results: unknown): void {
    if (!Array.isArray(results) || results.length !== entries.length) {
      const error = new BatchResultError(
        `a batch backend must return an array with one result per request: expected an array of ${entries.length} results, got ${describeResult(results)}`,
      );
      this.failBatch(entries, methodName, error);
      return;
    }
    for (let k = 0; k < entries.length; k++) {
      const entry = entries[k] as BatchEntry;
      this.succeed(entry.seq, entry.id, entry.httpReply, results[k]);
    }
  }

  private failBatch(entries: BatchEntry[], methodName: string, error: unknown): void {
    this.logFailure(error, methodName);
    const info = failureInfo(error);
    for (const entry of entries) this.replies.writeError(entry.seq, entry.id, info);
    this.turn.request();
  }

  private decode(seq: number, id: number, buffer: Buffer, start: number, end: number): troupe.v1.Call | undefined {
    try {
      return v1.Call.decode(buffer.subarray(start, end));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.replies.writeError(seq, id, failureInfo(new BackendSetupError(`malformed Call: ${reason}`)));
      this.turn.request();
      return undefined;
    }
  }

  /**
   * Answers a call the backend does not take (a method not exposed to HTTP, a lifecycle hook)
   * without running anything. Not logged as a backend failure: any HTTP client can ask for one.
   */
  private callable(seq: number, id: number, methodName: string, viaHttp: boolean): boolean {
    try {
      this.backend.checkCallable(methodName, viaHttp);
      return true;
    } catch (error) {
      this.replies.writeError(seq, id, failureInfo(error));
      this.turn.request();
      return false;
    }
  }

  private succeed(seq: number, id: number, httpReply: boolean, result: unknown): void {
    this.replies.writeResult(seq, id, httpReply, result);
    this.turn.request();
  }

  private fail(seq: number, id: number, methodName: string, error: unknown): void {
    this.logFailure(error, methodName);
    this.replies.writeError(seq, id, failureInfo(error));
    this.turn.request();
  }

  private flush(): void {
    if (this.replies.isEmpty) return;
    const { bytes, spans } = this.replies.take();
    this.port.postMessage({ type: 'replies', bytes, spans }, [bytes.buffer, spans.buffer]);
  }

  /** The stack stays in the worker's log; callers only ever see the error's name and message. */
  private logFailure(error: unknown, methodName: string): void {
    const window = Math.floor(Date.now() / 1000);
    if (window !== this.errorLogWindow) {
      if (this.suppressedErrorLogs > 0) {
        this.logger.warn({ suppressed: this.suppressedErrorLogs }, 'more backend errors were not logged');
      }
      this.errorLogWindow = window;
      this.errorLogsInWindow = 0;
      this.suppressedErrorLogs = 0;
    }
    if (this.errorLogsInWindow++ >= ERROR_LOGS_PER_SECOND) {
      this.suppressedErrorLogs++;
      return;
    }
    this.logger.error({ err: error, method: methodName || undefined }, 'backend call failed');
  }
}

/** HTTP calls get an HTTP-ready reply, unless a handle sent `http` only to carry query and headers. */
function wantsHttpReply(call: troupe.v1.Call): boolean {
  return call.http !== null && call.http !== undefined && !call.valueReply;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function describeResult(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return `a ${typeof value}`;
}
