// Drives the running replicas toward the desired state: places missing replicas (spread across
// nodes), retires surplus ones only after proxies stopped routing to them, applies config changes
// in place, and replaces replicas of dead workers or failed threads.
import { randomBytes } from 'node:crypto';
import { v1, type troupe } from '@troupe/protocol';
import type { BackendConfig, Logger } from '@troupe/common';
import type { BackendState, DesiredState } from './desired-state.js';
import type { WorkerRecord, WorkerRegistry } from './worker-registry.js';

export type ReplicaPhase = 'starting' | 'running' | 'stopping';

export interface ReplicaRecord {
  tag: string;
  backend: string;
  workerId: string;
  phase: ReplicaPhase;
  epoch: number;
  reconfiguring: boolean;
  since: number;
  /** Found running on a worker rather than started by this head. */
  adopted?: boolean;
}

export interface ReconcilerHost {
  desired(): DesiredState;
  readonly workers: WorkerRegistry;
  /** Publishes a snapshot when the routable replica set changed; returns its version. */
  publish(): number;
  /** Resolves once every live proxy applied `version` (or the wait timed out). */
  proxiesAt(version: number, timeoutMs: number): Promise<boolean>;
  readonly logger: Logger;
  /** A worker was found dead (its replicas are being replaced). */
  workerDied?(worker: WorkerRecord): void;
  /** True while replicas of backends the desired state does not name must not be stopped. */
  keepsUnknownReplicas(): boolean;
}

const { REPLICA_STATE_RUNNING, REPLICA_STATE_FAILED, REPLICA_STATE_STARTING } = v1.ReplicaState;
const VANISHED_GRACE_MS = 3_000;
const STOP_GRACE_SECONDS = 30;
/** How long a stopped replica is not adopted back while its worker's reports still list it. */
const STOPPED_MEMORY_MS = 10_000;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A deterministic fingerprint of what a replica applies in place, stable across head restarts. */
export function configEpoch(config: BackendConfig): number {
  const text = JSON.stringify([
    config.maxConcurrentQueries,
    config.maxBatchSize,
    config.batchWaitTimeout,
    config.userConfig ?? null,
    // Appended only when set, so replicas of configs without it keep their fingerprint.
    ...(config.maxConcurrentBatches !== undefined ? [config.maxConcurrentBatches] : []),
  ]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0) + 1;
}

export function replicaConfig(config: BackendConfig): troupe.v1.IReplicaConfig {
  const wire: troupe.v1.IReplicaConfig = {
    maxConcurrentQueries: config.maxConcurrentQueries,
    maxBatchSize: config.maxBatchSize,
    batchWaitTimeout: config.batchWaitTimeout,
    maxConcurrentBatches: config.maxConcurrentBatches ?? 0,
    epoch: configEpoch(config),
  };
  if (config.userConfig !== undefined) wire.userConfigJson = JSON.stringify(config.userConfig);
  return wire;
}

function replicaTag(backend: string): string {
  const bytes = randomBytes(6);
  let suffix = '';
  for (const byte of bytes) suffix += LETTERS[byte % LETTERS.length];
  return `${backend}#${suffix}`;
}

export class Reconciler {
  readonly records = new Map<string, ReplicaRecord>();
  /**
   * Replicas this head stopped, until their worker's reports stop listing them. A heartbeat sent
   * before the stop still says RUNNING; adopting from it brought the replica back into the
   * snapshot (routers then got "no such replica") and made shrink retire a live replica instead.
   */
  private readonly stopped = new Map<string, { workerId: string; at: number }>();
  private readonly startBackoff = new Map<string, { failures: number; until: number; lastError?: string }>();
  private timer: NodeJS.Timeout | undefined;
  private scheduled = false;
  private enabled = false;
  private expectedWorkers: ReadonlySet<string> = new Set();
  private enableDeadline = 0;

  constructor(private readonly host: ReconcilerHost) {}

  /**
   * Starts the periodic loop. Decisions wait until the workers that ran replicas before a head
   * restart have registered again (or `maxDelayMs` passed), so their replicas are adopted rather
   * than replaced.
   */
  start(expectedWorkers: ReadonlySet<string>, maxDelayMs: number): void {
    this.expectedWorkers = expectedWorkers;
    this.enableDeadline = Date.now() + maxDelayMs;
    this.timer = setInterval(() => this.kick(), 250);
    this.kick();
  }

  private maybeEnable(): void {
    if (this.enabled) return;
    const registered = [...this.expectedWorkers].every((id) => this.host.workers.get(id) !== undefined);
    if (registered || Date.now() >= this.enableDeadline) this.enabled = true;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  get active(): boolean {
    return this.enabled;
  }

  kick(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      try {
        this.run();
      } catch (error) {
        this.host.logger.error({ err: error }, 'reconcile pass failed');
      }
    });
  }

  lastError(backend: string): string | undefined {
    return this.startBackoff.get(backend)?.lastError;
  }

  /** Running replicas (routable), by backend. */
  running(backend: string): ReplicaRecord[] {
    return [...this.records.values()].filter((r) => r.backend === backend && r.phase === 'running');
  }

  /** True when every backend runs its replica count with its current config and nothing moves. */
  converged(): { ok: boolean; detail: string; failing?: boolean } {
    if (!this.enabled) return { ok: false, detail: 'the head is still adopting running replicas' };
    for (const backend of this.host.desired().backends.values()) {
      const epoch = configEpoch(backend.config);
      const records = [...this.records.values()].filter((r) => r.backend === backend.tag);
      const ready = records.filter((r) => r.phase === 'running' && r.epoch === epoch && !r.reconfiguring);
      if (ready.length !== backend.config.numReplicas || records.length !== ready.length) {
        const error = this.lastError(backend.tag);
        const failures = this.startBackoff.get(backend.tag)?.failures ?? 0;
        return {
          failing: failures >= 3,
          ok: false,
          detail: `backend "${backend.tag}": ${ready.length}/${backend.config.numReplicas} replicas ready${error ? ` (last error: ${error})` : ''}`,
        };
      }
    }
    for (const record of this.records.values()) {
      if (!this.host.desired().backends.has(record.backend)) return { ok: false, detail: `replica ${record.tag} is stopping` };
    }
    return { ok: true, detail: 'converged' };
  }

  /** A worker (re)registered: adopt what it runs so that a restarted head loses nothing. */
  adopt(worker: WorkerRecord): void {
    for (const status of worker.reported) {
      const tag = status.replicaTag ?? '';
      if (this.records.has(tag) || this.stopped.has(tag)) continue;
      const alive = status.state === REPLICA_STATE_RUNNING || status.state === REPLICA_STATE_STARTING;
      if (alive && this.host.desired().backends.has(status.backend ?? '')) {
        this.records.set(tag, {
          tag,
          backend: status.backend ?? '',
          workerId: worker.id,
          phase: status.state === REPLICA_STATE_RUNNING ? 'running' : 'starting',
          epoch: Number(status.configEpoch ?? 0),
          reconfiguring: false,
          // Adopted replicas predate anything this head started: shrinking keeps them first.
          since: 0,
          adopted: true,
        });
      }
    }
    this.kick();
  }

  private run(): void {
    this.maybeEnable();
    this.dropDeadWorkers();
    this.syncReports();
    if (!this.enabled) return;
    const desired = this.host.desired();
    for (const backend of desired.backends.values()) this.reconcileBackend(backend);
    for (const record of this.records.values()) {
      if (!desired.backends.has(record.backend) && record.phase !== 'stopping') this.retire(record);
    }
    this.host.publish();
  }

  private dropDeadWorkers(): void {
    for (const worker of this.host.workers.sweep()) {
      const reason = worker.liveness.reason;
      this.host.logger.warn({ worker: worker.id, node: worker.nodeId, reason }, 'worker is dead; replacing its replicas');
      this.host.workerDied?.(worker);
      for (const record of [...this.records.values()]) if (record.workerId === worker.id) this.records.delete(record.tag);
    }
  }

  /** Applies what workers report: failed threads and vanished replicas are dropped; strays stopped. */
  private syncReports(): void {
    const now = Date.now();
    this.forgetStopped(now);
    for (const worker of this.host.workers.all()) {
      const reported = new Map(worker.reported.map((s) => [s.replicaTag ?? '', s]));
      for (const status of worker.reported) this.applyReport(worker, status);
      for (const record of [...this.records.values()]) {
        const vanished = record.workerId === worker.id && record.phase === 'running' && !reported.has(record.tag);
        if (vanished && now - record.since > VANISHED_GRACE_MS) {
          this.host.logger.warn({ replica: record.tag }, 'replica vanished from its worker; replacing it');
          this.records.delete(record.tag);
        }
      }
    }
  }

  /** A stopped replica is forgotten once its worker no longer reports it alive, or after a while. */
  private forgetStopped(now: number): void {
    for (const [tag, { workerId, at }] of this.stopped) {
      const worker = this.host.workers.get(workerId);
      const status = worker?.reported.find((s) => s.replicaTag === tag);
      const alive = status?.state === REPLICA_STATE_RUNNING || status?.state === REPLICA_STATE_STARTING;
      if (!alive || now - at > STOPPED_MEMORY_MS) this.stopped.delete(tag);
    }
  }

  private applyReport(worker: WorkerRecord, status: troupe.v1.IReplicaStatus): void {
    const tag = status.replicaTag ?? '';
    if (this.stopped.has(tag)) return;
    const record = this.records.get(tag);
    // A replica adopted mid-start finishes starting without this head's StartReplica call.
    if (record?.adopted && record.phase === 'starting' && status.state === REPLICA_STATE_RUNNING) {
      record.phase = 'running';
      record.epoch = Number(status.configEpoch ?? record.epoch);
    }
    if (status.state === REPLICA_STATE_FAILED) {
      if (record && record.phase !== 'starting') {
        this.host.logger.warn({ replica: tag, error: status.error?.message }, 'replica failed; replacing it');
        this.records.delete(tag);
      }
      if (!record || record.phase !== 'starting') this.stopQuietly(worker, tag);
      return;
    }
    if (!record && status.state === REPLICA_STATE_RUNNING && !this.host.desired().backends.has(status.backend ?? '')) {
      if (!this.host.keepsUnknownReplicas()) this.stopQuietly(worker, tag);
    } else if (!record && this.enabled && status.state === REPLICA_STATE_RUNNING) {
      this.adopt(worker);
    }
  }

  private reconcileBackend(backend: BackendState): void {
    // Replicas of a draining worker (being evicted, rolled or stopped) are replaced elsewhere at
    // once: they still answer what they hold, but take nothing new, and the worker goes soon.
    const live = [...this.records.values()].filter(
      (r) => r.backend === backend.tag && r.phase !== 'stopping' && this.host.workers.get(r.workerId)?.draining !== true,
    );
    const missing = backend.config.numReplicas - live.length;
    if (missing > 0) this.place(backend, missing);
    if (missing < 0) this.shrink(live, -missing);
    const epoch = configEpoch(backend.config);
    for (const record of live) {
      if (record.phase === 'running' && record.epoch !== epoch && !record.reconfiguring) this.reconfigure(record, backend);
    }
  }

  private place(backend: BackendState, count: number): void {
    const backoff = this.startBackoff.get(backend.tag);
    if (backoff && backoff.until > Date.now()) return;
    for (let i = 0; i < count; i++) {
      const worker = this.chooseWorker(backend.tag);
      if (!worker) return;
      this.startOn(worker, backend);
    }
  }

  /** Fewest replicas of this backend on the node, then on the worker, then overall. */
  private chooseWorker(backend: string): WorkerRecord | undefined {
    const workers = this.host.workers.placeable();
    const score = (worker: WorkerRecord): [number, number, number] => {
      let onNode = 0;
      let onWorker = 0;
      let total = 0;
      for (const record of this.records.values()) {
        const owner = this.host.workers.get(record.workerId);
        if (record.workerId === worker.id) total++;
        if (record.backend !== backend || record.phase === 'stopping') continue;
        if (owner?.nodeId === worker.nodeId) onNode++;
        if (record.workerId === worker.id) onWorker++;
      }
      return [onNode, onWorker, total];
    };
    let best: WorkerRecord | undefined;
    let bestScore: [number, number, number] | undefined;
    for (const worker of workers) {
      const s = score(worker);
      if (!bestScore || s[0] < bestScore[0] || (s[0] === bestScore[0] && (s[1] < bestScore[1] || (s[1] === bestScore[1] && s[2] < bestScore[2])))) {
        best = worker;
        bestScore = s;
      }
    }
    return best;
  }

  private startOn(worker: WorkerRecord, backend: BackendState): void {
    const config = replicaConfig(backend.config);
    const record: ReplicaRecord = {
      tag: replicaTag(backend.tag),
      backend: backend.tag,
      workerId: worker.id,
      phase: 'starting',
      epoch: Number(config.epoch),
      reconfiguring: false,
      since: Date.now(),
    };
    this.records.set(record.tag, record);
    const request = {
      replicaTag: record.tag,
      backend: backend.tag,
      importPath: backend.importPath,
      initArgsJson: JSON.stringify(backend.initArgs),
      config,
      exposedMethods: backend.exposedMethods,
    };
    worker.client.startReplica(request).then(
      (status) => this.onStarted(record, status),
      (error: Error) => this.onStartFailed(record, error.message),
    );
  }

  private onStarted(record: ReplicaRecord, status: troupe.v1.ReplicaStatus): void {
    if (status.state !== REPLICA_STATE_RUNNING) return this.onStartFailed(record, status.error?.message ?? 'did not start');
    if (this.records.get(record.tag) !== record) return;
    record.phase = 'running';
    record.since = Date.now();
    this.startBackoff.delete(record.backend);
    this.host.logger.info({ replica: record.tag, worker: record.workerId }, 'replica running');
    this.kick();
  }

  private onStartFailed(record: ReplicaRecord, message: string): void {
    if (this.records.get(record.tag) === record) {
      this.records.delete(record.tag);
      this.stopped.set(record.tag, { workerId: record.workerId, at: Date.now() });
    }
    const previous = this.startBackoff.get(record.backend);
    const failures = (previous?.failures ?? 0) + 1;
    const delay = Math.min(10_000, 250 * 2 ** failures);
    this.startBackoff.set(record.backend, { failures, until: Date.now() + delay, lastError: message });
    this.host.logger.error({ replica: record.tag, error: message, retryInMs: delay }, 'replica failed to start');
    const worker = this.host.workers.get(record.workerId);
    if (worker) this.stopQuietly(worker, record.tag);
  }

  private shrink(live: ReplicaRecord[], count: number): void {
    // Replicas still starting go first: they serve nobody yet.
    const victims = [...live].sort((a, b) => phaseRank(a.phase) - phaseRank(b.phase) || b.since - a.since).slice(0, count);
    for (const victim of victims) this.retire(victim);
  }

  /** Stops routing to a replica, waits until proxies know, then drains and stops it. */
  private retire(record: ReplicaRecord): void {
    record.phase = 'stopping';
    const version = this.host.publish();
    void this.host.proxiesAt(version, 3_000).then(async () => {
      const worker = this.host.workers.get(record.workerId);
      try {
        await worker?.client.stopReplica({ replicaTag: record.tag, graceSeconds: STOP_GRACE_SECONDS });
      } catch (error) {
        this.host.logger.warn({ replica: record.tag, err: error }, 'stopping a replica failed');
      }
      this.records.delete(record.tag);
      this.stopped.set(record.tag, { workerId: record.workerId, at: Date.now() });
      this.host.logger.info({ replica: record.tag }, 'replica stopped');
      this.kick();
    });
  }

  private reconfigure(record: ReplicaRecord, backend: BackendState): void {
    const worker = this.host.workers.get(record.workerId);
    if (!worker) return;
    record.reconfiguring = true;
    const config = replicaConfig(backend.config);
    worker.client.reconfigureReplica({ replicaTag: record.tag, config }).then(
      (status) => {
        record.reconfiguring = false;
        if (status.error?.message) {
          // The replica keeps serving with its previous userConfig; the error shows in status.
          this.host.logger.error({ replica: record.tag, error: status.error.message }, 'reconfigure failed');
          this.startBackoff.set(record.backend, { failures: 0, until: 0, lastError: status.error.message });
        }
        record.epoch = Number(config.epoch);
        this.kick();
      },
      (error: Error) => {
        record.reconfiguring = false;
        this.host.logger.warn({ replica: record.tag, err: error }, 'reconfigure call failed; will retry');
      },
    );
  }

  private stopQuietly(worker: WorkerRecord, tag: string): void {
    worker.client.stopReplica({ replicaTag: tag, graceSeconds: 0 }).catch(() => undefined);
  }
}

function phaseRank(phase: ReplicaPhase): number {
  return phase === 'starting' ? 0 : phase === 'running' ? 1 : 2;
}
