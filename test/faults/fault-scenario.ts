// One fault case: steady load through HTTP and handles, one fault, recovery within a budget,
// every request accounted for, and the acknowledged configuration read back unchanged.
import { strict as assert } from 'node:assert';
import type { ServeHandle, TroupeClient } from '@troupe/serve';
import { v1 } from '@troupe/protocol';
import { pollUntil } from '@troupe/test-kit';
import { describeFailures, FaultLoad, type Caller, type LoadCounts } from './fault-load.js';

export const REPLICA_RUNNING = v1.ReplicaState.REPLICA_STATE_RUNNING;

/** Each case runs its load this long at least, so the figures of the cases compare. */
export const LOAD_SECONDS = Number(process.env.FAULT_LOAD_SECONDS ?? 10);

export interface Fault {
  /** Injects the fault; resolves with the instant it took effect (the process was seen gone...). */
  inject(): Promise<number>;
  /** Polled until true: what the fault broke is back. */
  recovered(): Promise<boolean>;
  /** The recovery must complete within this many ms of the injection. */
  recoveryBudgetMs: number;
  /** Measure the recovery from the end of inject() (e.g. a stalled process resumed) instead. */
  recoveryFromInjectEnd?: boolean;
  /**
   * Whether requests in flight when the fault took effect may fail (they were on the process that
   * died). False: not a single request may fail.
   */
  inFlightMayFail: boolean;
  /** Checks after the load stopped (state read back, etc.). */
  verify?(): Promise<void>;
}

export interface ProbeTargets {
  /** http://host:port of a proxy or a load balancer in front of proxies. */
  httpBase?: string;
  handle?: ServeHandle;
  /** Per-request hold time in the replica, so that requests are in flight when the fault hits. */
  holdMs: number;
  httpConcurrency: number;
  handleConcurrency: number;
}

const REPLICA_TAG = /^probe#[a-z]{6}$/;

function checkProbeReply(reply: unknown, id: number): string | undefined {
  const value = reply as { replica?: unknown; id?: unknown } | undefined;
  if (typeof value?.replica !== 'string' || !REPLICA_TAG.test(value.replica)) return `bad reply ${JSON.stringify(reply)}`;
  if (value.id !== String(id)) return `reply for request ${String(value.id)} instead of ${id}`;
  return undefined;
}

export function probeCallers(targets: ProbeTargets): Record<string, { caller: Caller; concurrency: number }> {
  const callers: Record<string, { caller: Caller; concurrency: number }> = {};
  if (targets.httpBase && targets.httpConcurrency > 0) {
    const base = targets.httpBase;
    callers.http = {
      concurrency: targets.httpConcurrency,
      caller: async (id) => {
        const reply = await fetch(`${base}/probe?id=${id}&ms=${targets.holdMs}`, { signal: AbortSignal.timeout(35_000) });
        const body = await reply.text();
        if (reply.status !== 200) return { problem: `HTTP ${reply.status} ${body.slice(0, 120)}` };
        if (!reply.headers.get('content-type')?.startsWith('application/json')) return { problem: `content-type ${reply.headers.get('content-type')}` };
        let parsed: unknown;
        try {
          parsed = JSON.parse(body);
        } catch {
          return { problem: `body is not JSON: ${body.slice(0, 120)}` };
        }
        return { problem: checkProbeReply(parsed, id) };
      },
    };
  }
  if (targets.handle && targets.handleConcurrency > 0) {
    const handle = targets.handle;
    callers.handle = {
      concurrency: targets.handleConcurrency,
      caller: async (id) => ({ problem: checkProbeReply(await handle.remote({ id: String(id), ms: targets.holdMs }), id) }),
    };
  }
  return callers;
}

export interface AcknowledgedConfig {
  backends: Array<Record<string, unknown>>;
  endpoints: unknown[];
}

/** Backends (less their replica tags, which faults legitimately change) and endpoints. */
export async function acknowledgedConfig(client: TroupeClient): Promise<AcknowledgedConfig> {
  const backends = (await client.listBackends()).map(({ replicaTags: _replicaTags, ...rest }) => rest);
  return { backends, endpoints: await client.listEndpoints() };
}

export interface CaseReport {
  counts: LoadCounts;
  recoveryMs: number;
  bound: number;
}

/**
 * Runs one case and asserts its budget: every request answered; failures only among requests
 * sent before the fault took effect and at most as many as were then in flight (or none at
 * all); recovery within budget; configuration read back equal.
 */
export async function runFaultCase(name: string, client: TroupeClient, targets: ProbeTargets, fault: Fault): Promise<CaseReport> {
  const before = await acknowledgedConfig(client);
  const load = new FaultLoad(probeCallers(targets));
  const loadStart = Date.now();
  let counts: LoadCounts;
  let recoveryMs = -1;
  let faultAt = 0;
  let effectiveAt = 0;
  let bound = 0;
  try {
    await load.okAfter(200, 15_000);
    // What the fault can reach: what is in flight now plus whatever is sent until it took effect.
    const inFlightAtFault = load.inFlight;
    const sentAtFault = load.counts.sent;
    faultAt = Date.now();
    effectiveAt = await fault.inject();
    const recoveryFrom = fault.recoveryFromInjectEnd ? Date.now() : faultAt;
    bound = fault.inFlightMayFail ? inFlightAtFault + (load.counts.sent - sentAtFault) : 0;
    await pollUntil(fault.recovered, fault.recoveryBudgetMs + 5_000, `${name}: recovery`, 20);
    recoveryMs = Date.now() - recoveryFrom;
    // Traffic must keep flowing after the recovery, and every case runs at least LOAD_SECONDS.
    await load.okAfter(200, 15_000);
    const remaining = loadStart + LOAD_SECONDS * 1000 - Date.now();
    if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
  } finally {
    counts = await load.stop();
  }
  process.stdout.write(
    `      ${name}: sent ${counts.sent}, answered ${counts.answered}, failed ${counts.failed + counts.unanswered}, recovery ${recoveryMs} ms` +
      ` (budget: failures ≤ ${bound}, recovery ≤ ${fault.recoveryBudgetMs} ms)\n`,
  );
  const detail = describeFailures(counts.failures, faultAt);
  assert.equal(counts.unanswered, 0, `${name}: requests without an answer: ${detail}`);
  assert.equal(counts.answered, counts.sent, `${name}: every request answered`);
  assert.equal(counts.ok + counts.failed, counts.sent);
  assert.ok(counts.failed <= bound, `${name}: ${counts.failed} failed, budget ${bound}: ${detail}`);
  const late = counts.failures.filter((f) => f.sentAt > effectiveAt);
  assert.equal(late.length, 0, `${name}: requests sent after the fault took effect failed: ${describeFailures(late, faultAt)}`);
  assert.ok(recoveryMs <= fault.recoveryBudgetMs, `${name}: recovery took ${recoveryMs} ms, budget ${fault.recoveryBudgetMs} ms`);
  assert.deepEqual(await acknowledgedConfig(client), before, `${name}: configuration read back`);
  await fault.verify?.();
  return { counts, recoveryMs, bound };
}

/** A backend (default: probe) has `count` replicas, all RUNNING on workers other than `excludedWorker`. */
export async function replicasRunning(
  client: TroupeClient,
  count: number,
  options: { tag?: string; excludedTags?: ReadonlySet<string>; excludedWorker?: string } = {},
): Promise<string[] | false> {
  const status = await client.status();
  const tags = status.backends.find((b) => b.spec?.tag === (options.tag ?? 'probe'))?.replicaTags ?? [];
  if (tags.length !== count || tags.some((tag) => options.excludedTags?.has(tag))) return false;
  const running = new Set(
    status.workers
      .filter((w) => w.workerId !== options.excludedWorker)
      .flatMap((w) => (w.replicas ?? []).filter((r) => r.state === REPLICA_RUNNING).map((r) => r.replicaTag)),
  );
  return tags.every((tag) => running.has(tag)) ? [...tags] : false;
}
