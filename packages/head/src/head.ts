// The controller: owns desired state, persists it before acting, reconciles replicas onto
// workers, and publishes versioned snapshots of routes and replica sets on NATS.
import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import type { ChannelCredentials } from '@grpc/grpc-js';
import { SNAPSHOT_SUBJECT, v1, type troupe } from '@troupe/protocol';
import {
  checkImportPath,
  createLogger,
  isValidSnapshotVersion,
  natsConnectionOptions,
  TimeoutError,
  ValidationError,
  type Logger,
} from '@troupe/common';
import * as state from './desired-state.js';
import type { DesiredState } from './desired-state.js';
import { ProxyTracker } from './proxy-tracker.js';
import { Reconciler, type ReconcilerHost } from './reconciler.js';
import { StateStore } from './state-store.js';
import { WorkerRegistry, type WorkerRecord } from './worker-registry.js';

export interface HeadOptions {
  natsUrl: string;
  /** Where proxies run: HeadOnly, EveryNode or NoServer (reported to clients). @default "HeadOnly" */
  httpLocation?: string;
  /** Credentials for the head's calls to workers. @default insecure */
  workerCredentials?: ChannelCredentials;
  /** Sent as a bearer token on the head's calls to workers, which require it when it is set. */
  adminToken?: string;
  /** Extra NATS connection options (credentials, TLS). */
  natsOptions?: Record<string, unknown>;
  /** Read-only NATS credentials handed to SDK clients by GetClusterInfo. @default none */
  clientNatsCredentials?: { user: string; password: string };
  logger?: Logger;
}

/** The condition type the head reports about its desired state and where it is stored. */
export const STATE_STORE_CONDITION = 'StateStoreReady';

interface StoreProblem {
  reason: 'StoreEmptyWithRunningReplicas' | 'StoredStateRefused' | 'StoreUnavailable';
  message: string;
}

const REPUBLISH_MS = 2_000;
/** How often the head checks that the store still holds its state (NATS may restart empty). */
const STORE_CHECK_MS = 2_000;
const ADOPTION_GRACE_MS = 5_000;
const PROXY_ACK_TIMEOUT_MS = 10_000;

export class Head implements ReconcilerHost {
  readonly id = randomUUID();
  readonly logger: Logger;
  readonly workers: WorkerRegistry;
  readonly proxies = new ProxyTracker();
  readonly reconciler: Reconciler;
  private current: DesiredState = state.emptyState();
  private mutations: Promise<unknown> = Promise.resolve();
  private snapshotVersion = 0;
  private snapshotKey = '';
  private lastSnapshot: troupe.v1.ISnapshot | undefined;
  private republisher: NodeJS.Timeout | undefined;
  private storeChecker: NodeJS.Timeout | undefined;
  private checkingStore = false;
  /**
   * Set when the store held no valid desired state at start: until the workers had time to report
   * what they run, and for as long as they run replicas of backends nobody declared again, the head
   * stops nothing it does not know and publishes no route table that would drop their routes.
   */
  private storeGuard: { until: number; holding: boolean; orphans: string[] } | undefined;
  private storeProblem: StoreProblem | undefined;
  private readonly shapes = new Map<string, troupe.v1.BackendShape>();

  private constructor(
    readonly options: HeadOptions,
    readonly nats: NatsConnection,
    private readonly store: StateStore,
  ) {
    this.logger = options.logger ?? createLogger('head');
    this.workers = new WorkerRegistry({ credentials: options.workerCredentials, token: options.adminToken });
    this.reconciler = new Reconciler(this);
  }

  static async start(options: HeadOptions): Promise<Head> {
    const nats = await connect(natsConnectionOptions(options.natsUrl, options.natsOptions));
    const store = await StateStore.open(nats, options.logger ?? createLogger('head'));
    const head = new Head(options, nats, store);
    await head.recover();
    return head;
  }

  get httpLocation(): string {
    return this.options.httpLocation ?? 'HeadOnly';
  }

  desired(): DesiredState {
    return this.current;
  }

  private async recover(): Promise<void> {
    const loaded = await this.store.loadDesired();
    this.current = loaded.state;
    if (loaded.kind === 'refused') {
      const kept = loaded.fallbackRevision === undefined ? 'no earlier valid revision' : `kept revision ${loaded.fallbackRevision}`;
      const message = `the stored desired state (revision ${loaded.revision}) was refused: ${loaded.error.message}; ${kept}`;
      this.logger.error({ err: loaded.error, revision: loaded.revision, fallbackRevision: loaded.fallbackRevision }, message);
      this.storeProblem = { reason: 'StoredStateRefused', message };
    }
    if (loaded.kind === 'empty' || (loaded.kind === 'refused' && loaded.fallbackRevision === undefined)) {
      this.storeGuard = { until: Date.now() + ADOPTION_GRACE_MS, holding: false, orphans: [] };
    }
    const previous = await this.store.loadSnapshot();
    // A stored version out of range (corrupted or forged) would leave nothing to count up to.
    const previousVersion = Number(previous?.version ?? 0);
    this.snapshotVersion = isValidSnapshotVersion(previousVersion) ? previousVersion : 0;
    this.proxies.start(this.nats);
    // After a restart, workers re-register with the replicas they run; wait for them before
    // deciding anything is missing, and before publishing a snapshot that could lack them.
    const expected = new Set((previous?.backends ?? []).flatMap((b) => (b.replicas ?? []).map((r) => r.workerId ?? '')));
    this.reconciler.start(expected, ADOPTION_GRACE_MS);
    this.republisher = setInterval(() => this.republish(), REPUBLISH_MS);
    this.storeChecker = setInterval(() => void this.checkStore(), STORE_CHECK_MS);
    this.logger.info(
      { backends: this.current.backends.size, endpoints: this.current.endpoints.length, version: this.current.version },
      'head recovered desired state',
    );
  }

  async close(): Promise<void> {
    this.reconciler.stop();
    if (this.republisher) clearInterval(this.republisher);
    if (this.storeChecker) clearInterval(this.storeChecker);
    this.proxies.stop();
    this.workers.closeAll();
    await this.nats.close().catch(() => undefined);
  }

  // ---- the state store ------------------------------------------------------------------------

  /** Rewrites the desired state from memory when NATS lost it (a restart on an empty store). */
  private async checkStore(): Promise<void> {
    if (this.current.version === 0 && this.current.backends.size === 0 && this.current.endpoints.length === 0) return;
    // While NATS stalls, a check waits for its timeouts: never queue a second one behind it.
    if (this.checkingStore) return;
    this.checkingStore = true;
    try {
      const run = this.mutations.then(() => this.store.repair(this.current, this.lastSnapshot));
      this.mutations = run.catch(() => undefined);
      const outcome = await run.catch(() => 'unreachable' as const);
      if (outcome !== 'unreachable' && this.storeProblem?.reason === 'StoreUnavailable') this.storeProblem = undefined;
    } finally {
      this.checkingStore = false;
    }
  }

  /**
   * True while replicas the head does not know must be left running: the store held no valid
   * state at start, and workers may still report replicas of backends that were lost with it.
   */
  keepsUnknownReplicas(): boolean {
    const guard = this.storeGuard;
    if (!guard) return false;
    const running = this.runningBackends();
    if (!guard.holding) {
      const undeclared = [...running].filter((backend) => !this.current.backends.has(backend)).sort();
      if (undeclared.length === 0) {
        if (Date.now() >= guard.until) this.storeGuard = undefined;
        return this.storeGuard !== undefined;
      }
      guard.holding = true;
      guard.orphans = undeclared;
      const message =
        `the state store held no desired state, but workers run replicas of ${undeclared.map((b) => `"${b}"`).join(', ')}: ` +
        'not stopping them and not publishing routes until they are declared again (re-create their backends and endpoints)';
      this.storeProblem = { reason: 'StoreEmptyWithRunningReplicas', message };
      this.logger.error({ backends: undeclared }, message);
      return true;
    }
    // Resolved once each is declared and routed again, or no longer runs anywhere.
    const routed = new Set(this.current.endpoints.flatMap((e) => Object.keys(e.traffic)));
    const waiting = guard.orphans.filter((b) => running.has(b) && !(this.current.backends.has(b) && routed.has(b)));
    if (waiting.length > 0) return true;
    this.logger.info('every backend found running is declared again; the head acts normally');
    this.storeProblem = undefined;
    this.storeGuard = undefined;
    return false;
  }

  /** Backends of which workers report a replica running or starting. */
  private runningBackends(): Set<string> {
    const running = new Set<string>();
    for (const worker of this.workers.all()) {
      for (const status of worker.reported) {
        const alive = status.state === v1.ReplicaState.REPLICA_STATE_RUNNING || status.state === v1.ReplicaState.REPLICA_STATE_STARTING;
        if (alive) running.add(status.backend ?? '');
      }
    }
    return running;
  }

  private conditions(): troupe.v1.IClusterCondition[] {
    const problem = this.storeProblem;
    return [
      problem
        ? { type: STATE_STORE_CONDITION, status: 'False', reason: problem.reason, message: problem.message }
        : { type: STATE_STORE_CONDITION, status: 'True', reason: 'Stored', message: 'the desired state is stored' },
    ];
  }

  // ---- worker control -------------------------------------------------------------------------

  registerWorker(request: troupe.v1.IRegisterWorkerRequest): WorkerRecord {
    const worker = this.workers.register(request);
    this.logger.info(
      { worker: worker.id, node: worker.nodeId, replicas: worker.reported.length, session: worker.liveness.session },
      'worker registered',
    );
    this.reconciler.adopt(worker);
    return worker;
  }

  /** The worker's Session stream opened; false when `session` is stale (it must register again). */
  sessionOpened(workerId: string, session: number): boolean {
    return this.workers.sessionOpened(workerId, session);
  }

  /** The worker's Session stream ended: unless a newer registration replaced it, the worker is dead. */
  sessionClosed(workerId: string, session: number, detail: string): void {
    if (this.workers.sessionClosed(workerId, session, detail)) this.reconciler.kick();
  }

  /** Called for each worker found dead, e.g. to end its Session stream. */
  onWorkerDied: ((worker: WorkerRecord) => void) | undefined;

  workerDied(worker: WorkerRecord): void {
    this.onWorkerDied?.(worker);
  }

  heartbeat(request: troupe.v1.IHeartbeatRequest): boolean {
    const worker = this.workers.heartbeat(request);
    if (worker) this.reconciler.kick();
    return worker !== undefined;
  }

  // ---- admin operations -----------------------------------------------------------------------

  /** Runs one change at a time: validate, persist, then act. */
  mutate(change: (current: DesiredState) => DesiredState | Promise<DesiredState>): Promise<number> {
    const run = this.mutations.then(async () => {
      const proposed = await change(this.current);
      if (proposed === this.current) return this.current.version;
      try {
        await this.store.saveDesired(proposed);
      } catch (error) {
        this.storeProblem ??= { reason: 'StoreUnavailable', message: (error as Error).message };
        throw error;
      }
      if (this.storeProblem?.reason !== 'StoreEmptyWithRunningReplicas') this.storeProblem = undefined;
      this.current = proposed;
      this.reconciler.kick();
      return proposed.version;
    });
    this.mutations = run.catch(() => undefined);
    return run;
  }

  async createBackend(spec: troupe.v1.IBackendSpec): Promise<number> {
    return this.mutate(async (current) => {
      checkImportPath(spec.importPath ?? '');
      const next = state.createBackend(current, spec);
      await this.checkShape(next, spec.tag ?? '');
      return next;
    });
  }

  async updateBackendConfig(tag: string, config: troupe.v1.IBackendConfig | null | undefined): Promise<number> {
    return this.mutate(async (current) => {
      const next = state.updateBackendConfig(current, tag, config);
      await this.checkShape(next, tag);
      return next;
    });
  }

  /** Refuses configs the code cannot honour; learns the code's shape from a worker. */
  private async checkShape(desired: DesiredState, tag: string): Promise<void> {
    const backend = state.requireBackend(desired, tag);
    const shape = await this.inspect(backend.importPath);
    if (!shape) return;
    if (backend.config.userConfig !== undefined && !(shape.isClass && shape.hasReconfigure)) {
      throw new ValidationError(
        `config.userConfig: backend "${tag}" is ${shape.isClass ? 'a class without reconfigure()' : 'a function'}; userConfig needs a class with reconfigure()`,
      );
    }
    if (backend.config.maxBatchSize > 1 && !shape.acceptBatch) {
      throw new ValidationError(`config.maxBatchSize: ${backend.config.maxBatchSize} > 1 needs a backend marked with acceptBatch`);
    }
    if (backend.config.maxConcurrentBatches !== undefined && !shape.acceptBatch) {
      throw new ValidationError(
        `config.maxConcurrentBatches: backend "${tag}" has no method marked with acceptBatch, so it never runs batches`,
      );
    }
  }

  private async inspect(importPath: string): Promise<troupe.v1.BackendShape | undefined> {
    const cached = this.shapes.get(importPath);
    if (cached) return cached;
    const worker = this.workers.all()[0];
    if (!worker) return undefined;
    const shape = await worker.client.inspectBackend({ importPath });
    this.shapes.set(importPath, shape);
    return shape;
  }

  deleteBackend(tag: string): Promise<number> {
    return this.mutate((current) => state.deleteBackend(current, tag));
  }

  createEndpoint(spec: troupe.v1.IEndpointSpec): Promise<number> {
    return this.mutate((current) => state.createEndpoint(current, spec));
  }

  deleteEndpoint(name: string): Promise<number> {
    return this.mutate((current) => state.deleteEndpoint(current, name));
  }

  setTraffic(endpoint: string, traffic: Record<string, number>): Promise<number> {
    return this.mutate((current) => {
      const shadows = current.endpoints.find((e) => e.name === endpoint)?.shadows ?? {};
      for (const [backend, weight] of Object.entries(traffic)) {
        if (weight > 0 && (shadows[backend] ?? 0) > 0) {
          throw new ValidationError(
            `traffic.${backend}: backend "${backend}" is a shadow of endpoint "${endpoint}"; remove the shadow first, or requests would run twice`,
          );
        }
      }
      return state.setTraffic(current, endpoint, traffic);
    });
  }

  shadowTraffic(endpoint: string, backend: string, proportion: number): Promise<number> {
    return this.mutate((current) => {
      const traffic = current.endpoints.find((e) => e.name === endpoint)?.traffic ?? {};
      if (proportion > 0 && (traffic[backend] ?? 0) > 0) {
        throw new ValidationError(
          `backend: "${backend}" already takes the traffic of endpoint "${endpoint}"; a shadow of it would run requests twice`,
        );
      }
      return state.shadowTraffic(current, endpoint, backend, proportion);
    });
  }

  backendInfo(backend: state.BackendState): troupe.v1.IBackendInfo {
    return {
      spec: state.backendToWire(backend),
      replicaTags: this.reconciler.running(backend.tag).map((r) => r.tag).sort(),
    };
  }

  /** Waits until replicas match `version` and every live proxy routes by the latest snapshot. */
  async waitConverged(version: number, timeoutMs: number): Promise<{ converged: boolean; detail: string; snapshotVersion: number }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const replicas = this.current.version >= version ? this.reconciler.converged() : { ok: false, detail: 'change not applied yet' };
      if (replicas.ok && this.keepsUnknownReplicas() && this.storeGuard?.holding) {
        // No route table goes out until every running backend is declared again: re-declaring
        // them one change at a time must not wait for proxies that cannot catch up yet.
        return { converged: true, detail: this.storeProblem?.message ?? 'holding', snapshotVersion: this.snapshotVersion };
      }
      if (replicas.ok) {
        const published = this.publish();
        const lagging = this.proxies.lagging(published);
        if (lagging.length === 0) return { converged: true, detail: 'converged', snapshotVersion: published };
        if (Date.now() > deadline) {
          const detail = `proxies not at version ${published}: ${lagging.map((p) => p.httpAddress).join(', ')}`;
          return { converged: false, detail, snapshotVersion: published };
        }
        await this.proxies.waitForVersion(published, Math.min(PROXY_ACK_TIMEOUT_MS, Math.max(0, deadline - Date.now())));
        continue;
      }
      // A backend whose replicas keep failing to start will not converge by waiting longer.
      if (Date.now() > deadline || replicas.failing) {
        return { converged: false, detail: replicas.detail, snapshotVersion: this.snapshotVersion };
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  // ---- snapshots ------------------------------------------------------------------------------

  /** Publishes when the routable view changed; returns the current snapshot version. */
  publish(): number {
    if (!this.reconciler.active) return this.snapshotVersion;
    // After a lost store, a route table without the routes of replicas still running (or an empty
    // one, before the workers said what they run) would make every proxy drop those routes.
    if (this.keepsUnknownReplicas() && (this.storeGuard?.holding || this.current.endpoints.length === 0)) return this.snapshotVersion;
    const body = this.snapshotBody();
    const key = JSON.stringify(body);
    if (key === this.snapshotKey) return this.snapshotVersion;
    this.snapshotKey = key;
    this.snapshotVersion++;
    this.lastSnapshot = { ...body, version: this.snapshotVersion, headId: this.id, publishedAtMs: Date.now() };
    this.send(this.lastSnapshot);
    void this.store.saveSnapshot(this.lastSnapshot).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'could not store the snapshot');
    });
    return this.snapshotVersion;
  }

  private snapshotBody(): Omit<troupe.v1.ISnapshot, 'version' | 'headId' | 'publishedAtMs'> {
    const backends: troupe.v1.IBackendRoute[] = [];
    for (const backend of this.current.backends.values()) {
      backends.push({
        tag: backend.tag,
        maxConcurrentQueries: backend.config.maxConcurrentQueries,
        maxQueuedRequests: backend.config.maxQueuedRequests,
        numReplicas: backend.config.numReplicas,
        replicas: this.reconciler
          .running(backend.tag)
          .sort((a, b) => (a.tag < b.tag ? -1 : 1))
          .map((record) => {
            const worker = this.workers.get(record.workerId);
            return { replicaTag: record.tag, workerId: record.workerId, dataAddress: worker?.dataAddress ?? '', nodeId: worker?.nodeId ?? '' };
          }),
      });
    }
    return { endpoints: this.current.endpoints.map(state.endpointToWire), backends, httpLocation: this.httpLocation };
  }

  private republish(): void {
    if (this.lastSnapshot) this.send(this.lastSnapshot);
  }

  private send(snapshot: troupe.v1.ISnapshot): void {
    try {
      this.nats.publish(SNAPSHOT_SUBJECT, v1.Snapshot.encode(snapshot).finish());
    } catch (error) {
      // NATS is away: proxies keep their last snapshot; the republisher catches them up later.
      this.logger.warn({ err: error }, 'snapshot not published');
    }
  }

  proxiesAt(version: number, timeoutMs: number): Promise<boolean> {
    return this.proxies.waitForVersion(version, timeoutMs);
  }

  status(): troupe.v1.IClusterStatus {
    return {
      version: this.current.version,
      backends: [...this.current.backends.values()].map((b) => this.backendInfo(b)),
      endpoints: this.current.endpoints.map(state.endpointToWire),
      workers: this.workers.all().map((w) => ({
        workerId: w.id,
        nodeId: w.nodeId,
        dataAddress: w.dataAddress,
        controlAddress: w.controlAddress,
        replicas: w.reported,
        alive: w.liveness.phase !== 'dead',
      })),
      proxies: this.proxies.live().map((p) => ({
        proxyId: p.proxyId,
        nodeId: p.nodeId,
        httpAddress: p.httpAddress,
        version: p.version,
        draining: p.draining,
      })),
      headId: this.id,
      httpLocation: this.httpLocation,
      conditions: this.conditions(),
    };
  }

  timeoutError(detail: string): TimeoutError {
    return new TimeoutError(`the cluster did not converge: ${detail}`);
  }
}
