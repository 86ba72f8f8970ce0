// The controller: owns desired state, persists it before acting, reconciles replicas onto
// workers, and publishes versioned snapshots of routes and replica sets on NATS.
import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import type { ChannelCredentials } from '@grpc/grpc-js';
import { SNAPSHOT_SUBJECT, v1, type troupe } from '@troupe/protocol';
import { checkImportPath, createLogger, natsConnectionOptions, TimeoutError, ValidationError, type Logger } from '@troupe/common';
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
  logger?: Logger;
}

const REPUBLISH_MS = 2_000;
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
  private readonly shapes = new Map<string, troupe.v1.BackendShape>();

  private constructor(
    readonly options: HeadOptions,
    readonly nats: NatsConnection,
    private readonly store: StateStore,
  ) {
    this.logger = options.logger ?? createLogger('head');
    this.workers = new WorkerRegistry(options.workerCredentials, options.adminToken);
    this.reconciler = new Reconciler(this);
  }

  static async start(options: HeadOptions): Promise<Head> {
    const nats = await connect(natsConnectionOptions(options.natsUrl, options.natsOptions));
    const store = await StateStore.open(nats);
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
    this.current = await this.store.loadDesired();
    const previous = await this.store.loadSnapshot();
    this.snapshotVersion = Number(previous?.version ?? 0);
    this.proxies.start(this.nats);
    // After a restart, workers re-register with the replicas they run; wait for them before
    // deciding anything is missing, and before publishing a snapshot that could lack them.
    const expected = new Set((previous?.backends ?? []).flatMap((b) => (b.replicas ?? []).map((r) => r.workerId ?? '')));
    this.reconciler.start(expected, ADOPTION_GRACE_MS);
    this.republisher = setInterval(() => this.republish(), REPUBLISH_MS);
    this.logger.info(
      { backends: this.current.backends.size, endpoints: this.current.endpoints.length, version: this.current.version },
      'head recovered desired state',
    );
  }

  async close(): Promise<void> {
    this.reconciler.stop();
    if (this.republisher) clearInterval(this.republisher);
    this.proxies.stop();
    for (const worker of this.workers.all()) worker.client.close();
    await this.nats.close().catch(() => undefined);
  }

  // ---- worker control -------------------------------------------------------------------------

  registerWorker(request: troupe.v1.IRegisterWorkerRequest): WorkerRecord {
    const worker = this.workers.register(request);
    this.logger.info({ worker: worker.id, node: worker.nodeId, replicas: worker.reported.length }, 'worker registered');
    this.reconciler.adopt(worker);
    return worker;
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
      await this.store.saveDesired(proposed);
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
        alive: true,
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
    };
  }

  timeoutError(detail: string): TimeoutError {
    return new TimeoutError(`the cluster did not converge: ${detail}`);
  }
}
