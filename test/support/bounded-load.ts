// Load generators for end-to-end tests: a fixed number of calls with a fixed number in flight, and
// a steady load that runs until told to stop. Both count every call, so none can go unnoticed.

/** Runs `task(i)` for i in [0, total) with at most `concurrency` in flight; results in index order. */
export async function runBounded<T>(total: number, concurrency: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(total);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < total) {
      const index = next++;
      results[index] = await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, lane));
  return results;
}

/** Tallies of values, e.g. which backend answered. */
export function tally<T>(values: Iterable<T>): Map<T, number> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

export interface LoadReport {
  sent: number;
  ok: number;
  failed: number;
  /** The first few failures, for the assertion message. */
  failures: string[];
}

/**
 * Keeps `callers` loops calling until stop() (or until `maxCallsPerCaller`, a safety bound) and
 * checks every reply with `accept`. A reply `accept` rejects counts as failed.
 */
export class SteadyLoad {
  private stopped = false;
  private readonly report: LoadReport = { sent: 0, ok: 0, failed: 0, failures: [] };
  private readonly running: Promise<void>;

  constructor(
    callers: number,
    private readonly call: (caller: number) => PromiseLike<unknown>,
    private readonly accept: (reply: unknown) => boolean,
    private readonly maxCallsPerCaller = 200_000,
  ) {
    this.running = Promise.all(Array.from({ length: callers }, (_, caller) => this.loop(caller))).then(() => undefined);
  }

  get okCount(): number {
    return this.report.ok;
  }

  /** Stops the callers and waits for their last calls: each one sent is then answered or failed. */
  async stop(): Promise<LoadReport> {
    this.stopped = true;
    await this.running;
    return this.report;
  }

  private async loop(caller: number): Promise<void> {
    for (let i = 0; i < this.maxCallsPerCaller && !this.stopped; i++) {
      this.report.sent++;
      try {
        const reply = await this.call(caller);
        if (this.accept(reply)) this.report.ok++;
        else this.fail(`unexpected reply ${JSON.stringify(reply)}`);
      } catch (error) {
        this.fail(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      }
    }
  }

  private fail(reason: string): void {
    this.report.failed++;
    if (this.report.failures.length < 10) this.report.failures.push(reason);
  }
}
