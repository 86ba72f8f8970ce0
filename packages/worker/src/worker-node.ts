// One worker: a gRPC server (data streams and the head's control calls) in front of the replicas
// of this node, each in its own thread, and the registration/heartbeat loop to the head.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import {
  createLogger,
  dataMessageLimit,
  loadChannelCredentials,
  natsAuthOptions,
  ReplicaNotFoundError,
  startHealthServer,
  type HealthServer,
  type Readiness,
  UnavailableError,
  ValidationError,
  type Logger,
} from '@troupe/common';
import { WorkerControlService, type troupe } from '@troupe/protocol';
import { inspectBackend } from './backend-inspector.js';
import { ControlClient } from './control-client.js';
import { DataService, RawDataService } from './data-service.js';
import { HandleRelay } from './handle-relay.js';
import { ReplicaHost, toRunConfig } from './replica-host.js';
import type { BackendShape } from './thread-messages.js';
import { workerControlHandlers, type ReplicaControl } from './worker-control-service.js';
import type { WorkerOptions } from './worker-options.js';

const DEFAULT_DRAIN_GRACE_SECONDS = 20;
const INSPECT_TIMEOUT_MS = 30_000;
/** After replicas stopped, how long open streams get to flush their last replies. */
const STREAM_END_TIMEOUT_MS = 2_000;


/** A running worker, as startWorker returns it. */
export interface WorkerHandle {
  readonly workerId: string;
  readonly nodeId: string;
  /** host:port of the Data and WorkerControl services (one server serves both). */
  readonly address: string;
  /** host:port of the HTTP health server (`/-/healthz`, `/-/readyz`), when one runs. */
  readonly healthAddress: string | undefined;
  /** Registered with the head that answers now (always true for a worker without a head). */
  readonly isRegistered: boolean;
  listReplicas(): troupe.v1.IReplicaStatus[];
  /** Refuses new calls, lets running ones finish (up to the grace period), stops every replica, closes the server. */
  drain(graceSeconds?: number): Promise<void>;
  /** Stops at once: replica threads are terminated, open streams cut. */
  close(): Promise<void>;
}

export async function startWorker(options: WorkerOptions = {}): Promise<WorkerHandle> {
  const worker = new WorkerNode(options);
  await worker.listen();
  return worker;
}

class WorkerNode implements WorkerHandle, ReplicaControl {
  readonly workerId: string;
  readonly nodeId: string;
  address = '';
  healthAddress: string | undefined;
  private health: HealthServer | undefined;
  private readonly logger: Logger;
  private readonly logLevel: string;
  private readonly codeDir: string;
  private readonly drainGraceMs: number;
  private readonly server: Server;
  private readonly data: DataService;
  private readonly relay: HandleRelay;
  private readonly maxMessageBytes: number;
  private readonly hosts = new Map<string, ReplicaHost>();
  private control: ControlClient | undefined;
  private draining: Promise<void> | undefined;

  constructor(private readonly options: WorkerOptions) {
    this.workerId = options.workerId ?? `worker-${randomUUID()}`;
    this.nodeId = options.nodeId ?? hostname();
    this.logLevel = options.logLevel ?? process.env.TROUPE_LOG_LEVEL ?? 'info';
    this.logger = createLogger('worker', { workerId: this.workerId, nodeId: this.nodeId });
    this.logger.level = this.logLevel;
    this.codeDir = options.codeDir ?? process.cwd();
    this.drainGraceMs = (options.drainGraceSeconds ?? DEFAULT_DRAIN_GRACE_SECONDS) * 1000;
    this.maxMessageBytes = options.maxMessageBytes ?? dataMessageLimit();
    this.server = new Server({
      // grpc-js refuses a larger message from its length prefix, before buffering any of it, and
      // ends only that stream (RESOURCE_EXHAUSTED).
      'grpc.max_receive_message_length': this.maxMessageBytes,
      // Reply frames are cut to the limit by the reply channels; peers enforce their own.
      'grpc.max_send_message_length': -1,
    });
    this.data = new DataService((tag) => this.hosts.get(tag), this.logger, options.dataToken, this.maxMessageBytes);
    this.relay = new HandleRelay({
      natsUrl: options.natsUrl,
      natsOptions: natsAuthOptions(),
      credentials: options.relayCredentials ?? loadChannelCredentials(),
      dataToken: options.dataToken,
      maxMessageBytes: this.maxMessageBytes,
      logger: this.logger,
    });
  }

  get isRegistered(): boolean {
    return this.control === undefined || this.control.isRegistered;
  }

  private readiness(): Readiness {
    return this.isRegistered ? { ready: true } : { ready: false, reason: 'not registered with the head' };
  }

  async listen(): Promise<void> {
    if (this.options.healthPort !== undefined) {
      this.health = await startHealthServer({ host: this.options.healthHost, port: this.options.healthPort, readiness: () => this.readiness() });
      this.healthAddress = this.health.address;
    }
    this.server.addService(RawDataService, { stream: this.data.handleStream });
    this.server.addService(WorkerControlService, workerControlHandlers(this, this.options.adminToken));
    const host = this.options.host ?? '127.0.0.1';
    const port = await new Promise<number>((resolve, reject) => {
      const serverCredentials = this.options.serverCredentials ?? ServerCredentials.createInsecure();
      this.server.bindAsync(hostPort(host, this.options.port ?? 0), serverCredentials, (error, bound) =>
        error ? reject(error) : resolve(bound),
      );
    });
    this.address = hostPort(this.options.advertiseHost ?? host, port);
    if (this.options.headAddress) {
      this.control = new ControlClient({
        headAddress: this.options.headAddress,
        adminToken: this.options.adminToken,
        credentials: this.options.headCredentials,
        workerId: this.workerId,
        nodeId: this.nodeId,
        address: this.address,
        intervalMs: (this.options.heartbeatIntervalSeconds ?? 1) * 1000,
        replicas: () => this.listReplicas(),
        draining: () => this.draining !== undefined,
        logger: this.logger,
      });
      this.control.start();
    }
  }

  listReplicas(): troupe.v1.IReplicaStatus[] {
    return [...this.hosts.values()].map((host) => host.status());
  }

  async startReplica(request: troupe.v1.StartReplicaRequest): Promise<troupe.v1.IReplicaStatus> {
    const tag = request.replicaTag;
    if (!tag) throw new ValidationError('replicaTag: must not be empty');
    if (this.draining) throw new UnavailableError(`worker ${this.workerId} is draining`);
    const existing = this.hosts.get(tag);
    if (existing) {
      // Idempotent for the head's retries; a failed or stopping replica gives way to a new one.
      if (!existing.isFailed && !existing.isStopping) return existing.whenStarted();
      await existing.stop(0);
      if (this.hosts.get(tag) === existing) this.hosts.delete(tag);
    }
    const host = new ReplicaHost(
      {
        replicaTag: tag,
        backend: request.backend,
        importPath: request.importPath,
        initArgsJson: request.initArgsJson,
        codeDir: this.codeDir,
        logLevel: this.logLevel,
        exposedMethods: request.exposedMethods ?? [],
        // Room for the reply's own framing within a frame.
        maxReplyBytes: this.maxMessageBytes - 1024,
        relay: this.relay,
      },
      toRunConfig(request.config),
      this.logger,
      () => this.control?.poke(),
    );
    this.hosts.set(tag, host);
    const status = await host.start();
    // Report it now rather than at the next heartbeat: status readers see it running at once.
    this.control?.poke();
    this.logger.info({ replica: tag, backend: request.backend, state: status.state, error: status.error ?? undefined }, 'replica started');
    return status;
  }

  async stopReplica(request: troupe.v1.StopReplicaRequest): Promise<void> {
    const host = this.hosts.get(request.replicaTag);
    if (!host) return;
    const graceMs = Math.max(0, request.graceSeconds * 1000);
    await host.stop(graceMs);
    if (this.hosts.get(request.replicaTag) === host) this.hosts.delete(request.replicaTag);
    this.logger.info({ replica: request.replicaTag }, 'replica stopped');
  }

  async reconfigureReplica(request: troupe.v1.ReconfigureReplicaRequest): Promise<troupe.v1.IReplicaStatus> {
    const host = this.hosts.get(request.replicaTag);
    if (!host) throw new ReplicaNotFoundError(`replica "${request.replicaTag}" is not on this worker`);
    return host.reconfigure(toRunConfig(request.config));
  }

  inspectBackend(importPath: string): Promise<BackendShape> {
    return inspectBackend(importPath, { codeDir: this.codeDir, logLevel: this.logLevel, timeoutMs: INSPECT_TIMEOUT_MS });
  }

  drain(graceSeconds?: number): Promise<void> {
    this.draining ??= this.drainNow(graceSeconds === undefined ? this.drainGraceMs : graceSeconds * 1000);
    return this.draining;
  }

  async close(): Promise<void> {
    this.draining ??= Promise.resolve();
    this.control?.stop();
    await Promise.all([...this.hosts.values()].map((host) => host.terminate()));
    this.hosts.clear();
    await this.relay.close();
    this.server.forceShutdown();
    await this.health?.close();
  }

  private async drainNow(graceMs: number): Promise<void> {
    this.logger.info({ graceMs }, 'draining');
    this.data.drain();
    const stops = [...this.hosts.values()].map((host) => host.stop(graceMs));
    // Replicas now report STOPPING: tell the head at once so routers look elsewhere.
    this.control?.poke();
    await Promise.all(stops);
    this.hosts.clear();
    await this.control?.sendFinalHeartbeat();
    this.control?.stop();
    await this.data.endStreams(STREAM_END_TIMEOUT_MS);
    await this.relay.close();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.server.forceShutdown();
        resolve();
      }, STREAM_END_TIMEOUT_MS);
      this.server.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    await this.health?.close();
    this.logger.info('drained');
  }
}

function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
