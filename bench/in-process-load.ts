import { percentile, type Sample } from './statistics.ts';

/**
 * Closed-loop load from inside this process: `inFlight` callers each await one call, then issue
 * the next, until the deadline. Mirrors wrk's connections for code that calls through handles,
 * where the caller's event loop is part of what is measured.
 */
export async function runInFlight(call: () => Promise<unknown>, inFlight: number, seconds: number): Promise<Sample> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: unknown;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const caller = async (): Promise<void> => {
    // Bounded by the deadline; a failing target still yields to the event loop on each await.
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        await call();
        latencies.push(performance.now() - t0);
      } catch (error) {
        errors++;
        firstError ??= error;
        // Fail-fast targets would otherwise spin a core and starve the servers being measured.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, caller));
  const elapsed = (performance.now() - started) / 1000;
  if (latencies.length === 0 && firstError !== undefined) throw firstError;
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    seconds: elapsed,
    rps: latencies.length / elapsed,
    p50Ms: percentile(sorted, 50),
    p90Ms: percentile(sorted, 90),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.length > 0 ? sorted[sorted.length - 1]! : Number.NaN,
    errors,
  };
}
