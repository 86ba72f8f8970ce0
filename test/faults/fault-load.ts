// A steady load for fault injection: a fixed number of callers, each sending one request at a
// time until stopped. Every request gets an id and is accounted for: answered well-formed (ok),
// answered otherwise (failed, with when it was sent), or not answered within the answer deadline
// (unanswered). In-flight requests are tracked so a fault can be bounded by what it could hit.

export interface CallResult {
  /** Undefined when the reply is the well-formed answer to this request; else what was wrong. */
  problem?: string;
}

/** Sends request `id` and checks its reply; throws or returns a problem when it is not right. */
export type Caller = (id: number) => Promise<CallResult>;

export interface Failure {
  id: number;
  caller: string;
  sentAt: number;
  endedAt: number;
  problem: string;
}

export interface LoadCounts {
  sent: number;
  answered: number;
  ok: number;
  failed: number;
  unanswered: number;
  failures: Failure[];
}

/** Longer than any recovery under test: a request without an answer by then never gets one. */
const ANSWER_DEADLINE_MS = 30_000;

export class FaultLoad {
  readonly counts: LoadCounts = { sent: 0, answered: 0, ok: 0, failed: 0, unanswered: 0, failures: [] };
  private readonly inFlightSince = new Map<number, number>();
  private stopped = false;
  private nextId = 1;
  private readonly lanes: Promise<void>[];

  constructor(
    callers: Record<string, { caller: Caller; concurrency: number }>,
    /** A safety bound: no lane sends more than this, whatever happens to stop(). */
    maxPerLane = 100_000,
  ) {
    this.lanes = Object.entries(callers).flatMap(([name, { caller, concurrency }]) =>
      Array.from({ length: concurrency }, () => this.lane(name, caller, maxPerLane)),
    );
  }

  get inFlight(): number {
    return this.inFlightSince.size;
  }

  /** Requests sent at or before `time` that are still waiting for their answer. */
  inFlightAt(time: number): number {
    let count = 0;
    for (const sentAt of this.inFlightSince.values()) if (sentAt <= time) count++;
    return count;
  }

  /** Resolves once `count` more requests succeeded (or fails after `timeoutMs`). */
  async okAfter(count: number, timeoutMs: number): Promise<void> {
    const target = this.counts.ok + count;
    const deadline = Date.now() + timeoutMs;
    while (this.counts.ok < target) {
      if (Date.now() > deadline) throw new Error(`only ${this.counts.ok - target + count} of ${count} requests succeeded within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<LoadCounts> {
    this.stopped = true;
    await Promise.all(this.lanes);
    return this.counts;
  }

  private async lane(name: string, caller: Caller, maxPerLane: number): Promise<void> {
    for (let i = 0; i < maxPerLane && !this.stopped; i++) {
      const id = this.nextId++;
      const sentAt = Date.now();
      this.counts.sent++;
      this.inFlightSince.set(id, sentAt);
      const outcome = await answeredWithin(caller(id), ANSWER_DEADLINE_MS);
      this.inFlightSince.delete(id);
      if (outcome === 'unanswered') {
        this.counts.unanswered++;
        this.record({ id, caller: name, sentAt, endedAt: Date.now(), problem: 'no answer' });
        continue;
      }
      this.counts.answered++;
      if (outcome.problem === undefined) this.counts.ok++;
      else {
        this.counts.failed++;
        this.record({ id, caller: name, sentAt, endedAt: Date.now(), problem: outcome.problem });
      }
    }
  }

  private record(failure: Failure): void {
    if (this.counts.failures.length < 200) this.counts.failures.push(failure);
  }
}

async function answeredWithin(call: Promise<CallResult>, ms: number): Promise<CallResult | 'unanswered'> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'unanswered'>((resolve) => {
    timer = setTimeout(() => resolve('unanswered'), ms);
  });
  try {
    return await Promise.race([
      call.catch((error: unknown) => ({ problem: error instanceof Error ? `${error.name}: ${error.message}` : String(error) })),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Failures that describe themselves in an assertion message. */
export function describeFailures(failures: Failure[], since: number, limit = 8): string {
  return failures
    .slice(0, limit)
    .map((f) => `#${f.id} ${f.caller} sent ${f.sentAt - since} ms, ended ${f.endedAt - since} ms: ${f.problem}`)
    .join('; ');
}
