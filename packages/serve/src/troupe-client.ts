// The SDK client: manages backends and endpoints through the head's admin API, and hands out
// handles that call endpoints directly on the data plane.
import type { ChannelCredentials } from '@grpc/grpc-js';
import { AdminService, type troupe } from '@troupe/protocol';
import {
  BACKEND_CONFIG_DEFAULTS,
  BackendConfigSchema,
  checkImportPath,
  DataPlane,
  dataMessageLimit,
  dataTokenFromEnv,
  fromErrorInfo,
  NotFoundError,
  SnapshotWatcher,
  TimeoutError,
  UnaryClient,
  createLogger,
  loadChannelCredentials,
  natsAuthOptions,
  natsUserOptions,
  validateSchema,
  type BackendConfig,
  type BackendConfigInput,
  type CallOptions,
  type CallRequest,
  type PendingCall,
  type RelayedError,
  type ReplicaRelay,
} from '@troupe/common';
import { AsyncServeHandle, ServeHandle, type HandlePlane, type HandleRouter } from './serve-handle.js';
import type { ObjectRef } from './object-ref.js';
import type { LocalCluster } from './local-cluster.js';

export interface ConnectOptions {
  /** The head's admin address. @default $TROUPE_ADDRESS, else "127.0.0.1:7420" */
  address?: string;
  /** Admin bearer token. @default $TROUPE_ADMIN_TOKEN */
  token?: string;
  /** gRPC credentials. @default from TROUPE_TLS_* variables, else insecure */
  credentials?: ChannelCredentials;
  /** How long a change may take to converge (replicas running, proxies updated). @default 120 */
  convergeTimeoutSeconds?: number;
}

export interface CreateBackendOptions {
  config?: BackendConfigInput;
  /** Arguments of the class constructor. @default [] */
  initArgs?: unknown[];
  /**
   * Methods of a class backend that HTTP clients may name in `X-Serve-Call-Method`, besides those
   * the class lists in `static exposedMethods`. @default ["call"] (when the class lists none)
   */
  exposedMethods?: string[];
}

export interface CreateEndpointOptions {
  /** Shorthand for `traffic: { [backend]: 1 }`. */
  backend?: string;
  traffic?: Record<string, number>;
  /** Starlette-style route; none: handle-only. */
  route?: string;
  /** @default ["GET"] */
  methods?: string[];
}

export interface BackendDescription {
  tag: string;
  importPath: string;
  initArgs: unknown[];
  config: BackendConfig;
  exposedMethods: string[];
  replicaTags: string[];
}

export interface EndpointDescription {
  name: string;
  route?: string;
  methods: string[];
  traffic: Record<string, number>;
  shadows: Record<string, number>;
}

export interface GetHandleOptions {
  /** Sync handles return refs at once; async ones once a replica took the call. @default true */
  sync?: boolean;
  /** Wait for an unknown endpoint to appear instead of throwing. @default false */
  missingOk?: boolean;
}

function configToWire(config: BackendConfigInput | undefined): troupe.v1.IBackendConfig {
  const valid = validateSchema(BackendConfigSchema, config ?? {}, 'config');
  const wire: troupe.v1.IBackendConfig = {};
  if (valid.numReplicas !== undefined) wire.numReplicas = valid.numReplicas;
  if (valid.maxConcurrentQueries !== undefined) wire.maxConcurrentQueries = valid.maxConcurrentQueries;
  if (valid.maxBatchSize !== undefined) wire.maxBatchSize = valid.maxBatchSize;
  if (valid.batchWaitTimeout !== undefined) wire.batchWaitTimeout = valid.batchWaitTimeout;
  if (valid.maxConcurrentBatches !== undefined) wire.maxConcurrentBatches = valid.maxConcurrentBatches;
  if (valid.maxQueuedRequests !== undefined) wire.maxQueuedRequests = valid.maxQueuedRequests;
  if (valid.userConfig !== undefined) wire.userConfigJson = JSON.stringify(valid.userConfig);
  return wire;
}

function configFromWire(wire: troupe.v1.IBackendConfig | null | undefined): BackendConfig {
  const config: BackendConfig = {
    numReplicas: wire?.numReplicas ?? 1,
    maxConcurrentQueries: wire?.maxConcurrentQueries ?? 100,
    maxBatchSize: wire?.maxBatchSize ?? 1,
    batchWaitTimeout: wire?.batchWaitTimeout ?? 0,
    maxQueuedRequests: wire?.maxQueuedRequests ?? BACKEND_CONFIG_DEFAULTS.maxQueuedRequests,
  };
  if (wire?.maxConcurrentBatches) config.maxConcurrentBatches = wire.maxConcurrentBatches;
  if (wire?.userConfigJson) config.userConfig = JSON.parse(wire.userConfigJson);
  return config;
}

function describeBackend(info: troupe.v1.IBackendInfo): BackendDescription {
  const spec = info.spec ?? {};
  return {
    tag: spec.tag ?? '',
    importPath: spec.importPath ?? '',
    initArgs: spec.initArgsJson ? (JSON.parse(spec.initArgsJson) as unknown[]) : [],
    config: configFromWire(spec.config),
    exposedMethods: [...(spec.exposedMethods ?? [])],
    replicaTags: [...(info.replicaTags ?? [])],
  };
}

function describeEndpoint(spec: troupe.v1.IEndpointSpec): EndpointDescription {
  const endpoint: EndpointDescription = {
    name: spec.name ?? '',
    methods: [...(spec.methods ?? [])],
    traffic: { ...(spec.traffic ?? {}) },
    shadows: { ...(spec.shadows ?? {}) },
  };
  if (spec.route) endpoint.route = spec.route;
  return endpoint;
}

export class TroupeClient implements HandleRouter {
  readonly address: string;
  private readonly admin: UnaryClient<typeof AdminService>;
  private readonly convergeTimeoutSeconds: number;
  private plane: DataPlane | undefined;
  private watcher: SnapshotWatcher | undefined;
  private planeReady: Promise<DataPlane> | undefined;
  private readonly logger = createLogger('client');
  /** Inside a replica: handle calls go through the worker (see replicaRelay()). */
  private readonly relayPlane: RelayPlane | undefined;

  constructor(
    options: ConnectOptions = {},
    /** The local cluster this client started, if any: shutdown() stops it. */
    readonly cluster?: LocalCluster,
    relay?: ReplicaRelay,
  ) {
    this.relayPlane = relay === undefined ? undefined : new RelayPlane(relay);
    this.address = options.address ?? process.env.TROUPE_ADDRESS ?? '127.0.0.1:7420';
    this.admin = new UnaryClient(AdminService, 'Admin', this.address, {
      credentials: options.credentials ?? loadChannelCredentials(),
      token: options.token ?? process.env.TROUPE_ADMIN_TOKEN,
    });
    this.convergeTimeoutSeconds = options.convergeTimeoutSeconds ?? 120;
  }

  // ---- backends -------------------------------------------------------------------------------

  async createBackend(tag: string, importPath: string, options: CreateBackendOptions = {}): Promise<void> {
    checkImportPath(importPath);
    const spec = {
      tag,
      importPath,
      initArgsJson: JSON.stringify(options.initArgs ?? []),
      config: configToWire(options.config),
      exposedMethods: options.exposedMethods ?? [],
    };
    await this.change('createBackend', { spec });
  }

  async updateBackendConfig(tag: string, config: BackendConfigInput): Promise<void> {
    await this.change('updateBackendConfig', { tag, config: configToWire(config) });
  }

  async getBackendConfig(tag: string): Promise<BackendConfig> {
    return (await this.describeBackend(tag)).config;
  }

  async describeBackend(tag: string): Promise<BackendDescription> {
    return describeBackend(await this.admin.call<troupe.v1.BackendInfo>('getBackend', { tag }));
  }

  async deleteBackend(tag: string): Promise<void> {
    await this.change('deleteBackend', { tag });
  }

  async listBackends(): Promise<BackendDescription[]> {
    const list = await this.admin.call<troupe.v1.BackendList>('listBackends', {});
    return list.backends.map(describeBackend);
  }

  // ---- endpoints ------------------------------------------------------------------------------

  async createEndpoint(name: string, options: CreateEndpointOptions): Promise<void> {
    const traffic = options.traffic ?? (options.backend !== undefined ? { [options.backend]: 1 } : {});
    const spec = { name, route: options.route ?? '', methods: options.methods ?? ['GET'], traffic };
    await this.change('createEndpoint', { spec });
  }

  async deleteEndpoint(name: string): Promise<void> {
    await this.change('deleteEndpoint', { name });
  }

  async listEndpoints(): Promise<EndpointDescription[]> {
    const list = await this.admin.call<troupe.v1.EndpointList>('listEndpoints', {});
    return list.endpoints.map(describeEndpoint);
  }

  async setTraffic(endpoint: string, traffic: Record<string, number>): Promise<void> {
    await this.change('setTraffic', { endpoint, traffic });
  }

  async shadowTraffic(endpoint: string, backend: string, proportion: number): Promise<void> {
    await this.change('shadowTraffic', { endpoint, backend, proportion });
  }

  async status(): Promise<troupe.v1.ClusterStatus> {
    return this.admin.call<troupe.v1.ClusterStatus>('getStatus', {});
  }

  /** Applies a change, then waits until replicas and every proxy have caught up with it. */
  private async change(method: keyof typeof AdminService & string, request: unknown): Promise<void> {
    const { version } = await this.admin.call<troupe.v1.ChangeReply>(method, request);
    await this.waitConverged(Number(version));
  }

  /**
   * Read-your-writes for handles: proxies have the change once the head says converged, but this
   * client's own snapshot subscription may still be a message behind.
   */
  private async handlesCaughtUp(version: number, headId: string): Promise<void> {
    const watcher = this.watcher;
    if (watcher === undefined || version <= 0) return;
    // The watcher only moves forward, so a snapshot of a newer head is past this one too.
    const caughtUp = (snapshot: troupe.v1.Snapshot): boolean => snapshot.headId !== headId || Number(snapshot.version) >= version;
    try {
      await watcher.waitFor(caughtUp, this.convergeTimeoutSeconds * 1000);
    } catch {
      this.logger.warn({ version }, "this client's handles have not seen the change yet; they will once its snapshot arrives");
    }
  }

  async waitConverged(version = 0): Promise<void> {
    const reply = await this.admin.call<troupe.v1.WaitReply>(
      'waitConverged',
      { version, timeoutSeconds: this.convergeTimeoutSeconds },
      (this.convergeTimeoutSeconds + 10) * 1000,
    );
    if (!reply.converged) throw new TimeoutError(`the cluster did not converge: ${reply.detail}`);
    await this.handlesCaughtUp(Number(reply.snapshotVersion), reply.headId);
  }

  // ---- handles --------------------------------------------------------------------------------

  getHandle(endpoint: string, options: { sync: false; missingOk?: boolean }): Promise<AsyncServeHandle>;
  getHandle(endpoint: string, options?: { sync?: true; missingOk?: boolean }): Promise<ServeHandle>;
  getHandle(endpoint: string, options?: GetHandleOptions): Promise<ServeHandle | AsyncServeHandle>;
  async getHandle(endpoint: string, options: GetHandleOptions = {}): Promise<ServeHandle | AsyncServeHandle> {
    const missingOk = options.missingOk ?? false;
    if (!missingOk) await this.waitFor(endpoint, false);
    return options.sync === false
      ? new AsyncServeHandle(endpoint, this, missingOk, {})
      : new ServeHandle(endpoint, this, missingOk, {});
  }

  /** The result of a ref (same as `await ref`). */
  get<T>(ref: ObjectRef<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => ref.then(resolve, reject));
  }

  /** @internal */
  readyFor(endpoint: string): HandlePlane | undefined {
    if (this.relayPlane) return this.relayPlane.readyFor(endpoint);
    return this.plane?.hasEndpoint(endpoint) ? this.plane : undefined;
  }

  /** @internal */
  async waitFor(endpoint: string, missingOk: boolean): Promise<HandlePlane> {
    if (this.relayPlane) return this.relayPlane.waitFor(endpoint, missingOk);
    const plane = await this.dataPlane();
    if (plane.hasEndpoint(endpoint)) return plane;
    const watcher = this.watcher!;
    if (!missingOk) {
      const known = (await this.listEndpoints()).some((e) => e.name === endpoint);
      if (!known) throw new NotFoundError(`endpoint "${endpoint}" does not exist`);
    }
    const timeoutMs = missingOk ? 24 * 3600_000 : 30_000;
    await watcher.waitFor((s) => s.endpoints.some((e) => e.name === endpoint), timeoutMs);
    return plane;
  }

  private dataPlane(): Promise<DataPlane> {
    this.planeReady ??= this.openDataPlane();
    return this.planeReady;
  }

  private async openDataPlane(): Promise<DataPlane> {
    const info = await this.admin.call<troupe.v1.ClusterInfo>('getClusterInfo', {});
    // The head hands out read-only NATS credentials to those holding the admin token; without any,
    // the client's own environment may name some (an external NATS).
    const natsOptions = info.natsUser ? natsUserOptions(info.natsUser, info.natsPassword) : natsAuthOptions();
    const watcher = await SnapshotWatcher.start({ natsUrl: info.natsUrl, logger: this.logger, natsOptions });
    // The data token comes with the cluster's info, to admin clients only; the environment's
    // (TROUPE_DATA_TOKEN) serves clients of a head that does not hand it out.
    const plane = new DataPlane({
      logger: this.logger,
      credentials: loadChannelCredentials(),
      token: info.dataToken || dataTokenFromEnv(),
      maxMessageBytes: dataMessageLimit(),
    });
    if (watcher.current) plane.applySnapshot(watcher.current);
    watcher.on('snapshot', (snapshot) => plane.applySnapshot(snapshot));
    this.watcher = watcher;
    this.plane = plane;
    return plane;
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  /** Disconnects; the cluster keeps running. */
  async close(): Promise<void> {
    this.plane?.close();
    await this.watcher?.close().catch(() => undefined);
    this.admin.close();
  }

  /** Stops the cluster: the local one this client started, or the one it is connected to. */
  async shutdown(): Promise<void> {
    if (this.cluster) {
      await this.close();
      await this.cluster.stop();
      return;
    }
    await this.admin.call('shutdown', {}).catch(() => undefined);
    await this.close();
  }
}

/**
 * The relay a replica thread offers under a registered symbol; undefined outside a replica. Inside
 * one, `connect()` without an address calls endpoints through the worker running the replica, so
 * user code needs (and gets) no credential of the cluster.
 */
export function replicaRelay(): ReplicaRelay | undefined {
  return (globalThis as Record<symbol, ReplicaRelay | undefined>)[Symbol.for('troupe.replicaRelay')];
}

/** Handle calls of a client inside a replica, relayed by the worker's main thread. */
class RelayPlane implements HandlePlane {
  private readonly known = new Set<string>();

  constructor(private readonly relay: ReplicaRelay) {}

  readyFor(endpoint: string): HandlePlane | undefined {
    return this.known.has(endpoint) ? this : undefined;
  }

  async waitFor(endpoint: string, missingOk: boolean): Promise<HandlePlane> {
    await this.relay.waitFor(endpoint, missingOk).catch(rethrow);
    this.known.add(endpoint);
    return this;
  }

  call(endpoint: string, request: CallRequest, options?: CallOptions): PendingCall {
    const relayed = this.relay.call(endpoint, request, options);
    // Made on first use: a failed call nobody awaits must not be an unhandled rejection.
    let reply: Promise<troupe.v1.Reply> | undefined;
    return {
      assigned: relayed.assigned,
      get reply() {
        reply ??= relayed.reply.then((value) => ({ value }) as troupe.v1.Reply, rethrow);
        return reply;
      },
      cancel: () => relayed.cancel(),
    };
  }
}

function rethrow(error: unknown): never {
  const info = error as Partial<RelayedError> | undefined;
  if (info && typeof info.code === 'string') throw fromErrorInfo(info);
  throw error;
}
