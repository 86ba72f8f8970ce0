// HTTP traffic for end-to-end cases, only to loopback (the load balancer) and to node addresses
// of the test cluster: one checked request, and a steady bounded load that counts every request
// sent, answered and failed (test/faults/fault-load.ts), for fault cases under load.
import { FaultLoad, type CallResult, type LoadCounts } from '../../faults/fault-load.ts';

export interface HttpReply {
  status: number;
  body: string;
  headers: Headers;
}

export async function httpGet(url: string, timeoutMs = 10_000): Promise<HttpReply> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  return { status: res.status, body: await res.text(), headers: res.headers };
}

/** A caller for FaultLoad: GET `url`, a problem unless `check` accepts the reply. */
export function httpCaller(url: string, check: (reply: HttpReply) => string | undefined): (id: number) => Promise<CallResult> {
  return async () => {
    const reply = await httpGet(url);
    const problem = check(reply);
    return problem === undefined ? {} : { problem };
  };
}

export interface LoadRun {
  load: FaultLoad;
  /** Stops the callers, waits for the last answers, returns the counts. */
  stop(): Promise<LoadCounts>;
}

/** `callers` loops, each one request at a time, until stop() (bounded by `maxPerCaller`). */
export function startHttpLoad(url: string, callers: number, check: (reply: HttpReply) => string | undefined, maxPerCaller = 50_000): LoadRun {
  const load = new FaultLoad({ http: { caller: httpCaller(url, check), concurrency: callers } }, maxPerCaller);
  return { load, stop: () => load.stop() };
}

/** A one-line account of a load run for test output and reports. */
export function describeCounts(label: string, counts: LoadCounts): string {
  return `${label}: sent ${counts.sent}, answered ${counts.answered} (ok ${counts.ok}, failed ${counts.failed}), unanswered ${counts.unanswered}`;
}
