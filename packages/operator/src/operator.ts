// The operator: campaigns for the Lease, and while it holds it runs the informers, work queues and
// reconcilers. Losing the Lease stops them all (and campaigning goes on), so at most one replica
// acts at a time; every write also checks leadership right before it is sent.
import { createLogger, type Logger } from '@troupe/common';
import { BackendReconciler, backendKeysOf } from './backend-reconciler.js';
import { EndpointReconciler } from './endpoint-reconciler.js';
import { KubeApiError, NotLeaderError } from './errors.js';
import { releaseAllFinalizers } from './finalizers.js';
import { HeadPresence } from './head-presence.js';
import { connectHead, type HeadApi } from './head-connection.js';
import { isHeadUnavailable } from './head-failures.js';
import { Informer } from './informer.js';
import { KubeClient, type ResourceType } from './kube-client.js';
import { LeaderElector } from './leader-election.js';
import { startHealthServer, type RunningHealthServer } from './operator-health.js';
import type { OperatorOptions } from './operator-options.js';
import { managedSelector, type ProxySettings } from './proxy-manifests.js';
import { PROXY_KEY, ProxyReconciler } from './proxy-reconciler.js';
import type { ReconcileContext } from './reconcile-context.js';
import {
  CONFIG_MAP,
  DAEMON_SET,
  DEPLOYMENT,
  SERVE_BACKEND,
  SERVE_ENDPOINT,
  SERVICE,
  objectKey,
  type ServeBackend,
  type ServeEndpoint,
} from './resource-types.js';
import { WorkQueue, type ReconcileResult } from './work-queue.js';

export interface OperatorDependencies {
  kube?: KubeClient;
  head?: HeadApi;
  logger?: Logger;
}

/** Expected while the head starts or a write races another: retried without a warning. */
function expected(error: unknown): boolean {
  return error instanceof NotLeaderError || (error instanceof KubeApiError && error.conflict) || isHeadUnavailable(error);
}

/**
 * A 404 from the API server while reconciling means the object went away under us (its finalizer
 * was just removed); its delete event follows, so there is nothing to retry.
 */
function ignoringGone(handler: (key: string) => Promise<ReconcileResult | void>): (key: string) => Promise<ReconcileResult | void> {
  return async (key) => {
    try {
      return await handler(key);
    } catch (error) {
      if (error instanceof KubeApiError && error.notFound) return;
      throw error;
    }
  };
}

/** How long stop() waits for reconciles in progress before it gives the Lease up anyway. */
const CONTROLLER_STOP_MS = 3_000;

interface Controllers {
  informers: Informer[];
  queues: WorkQueue[];
  resync: NodeJS.Timeout;
}

export class Operator {
  readonly namespace: string;
  readonly watchNamespace: string;
  private readonly kube: KubeClient;
  private readonly head: HeadApi;
  private readonly logger: Logger;
  private readonly elector: LeaderElector;
  private controllers: Controllers | undefined;
  /** Serializes starting and stopping of the controllers. */
  private transition: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly presence: HeadPresence;
  private health: Promise<RunningHealthServer | undefined> = Promise.resolve(undefined);
  private readonly startedAt = Date.now();

  constructor(
    private readonly options: OperatorOptions,
    dependencies: OperatorDependencies = {},
  ) {
    this.logger = dependencies.logger ?? createLogger('operator', { identity: options.identity });
    this.kube = dependencies.kube ?? KubeClient.fromDefault(options.kubeconfig);
    this.namespace = options.namespace ?? this.kube.defaultNamespace;
    this.watchNamespace = options.watchNamespace ?? this.namespace;
    this.head =
      dependencies.head ??
      connectHead({
        address: options.headAddress,
        convergeTimeoutSeconds: options.convergeTimeoutSeconds,
        ...(options.adminToken === undefined ? {} : { token: options.adminToken }),
      });
    this.presence = new HeadPresence({
      kube: this.kube,
      namespace: this.namespace,
      watchNamespace: this.watchNamespace,
      ...(options.headDeployment === undefined ? {} : { headDeployment: options.headDeployment }),
    });
    this.elector = new LeaderElector(this.kube, {
      namespace: this.namespace,
      name: options.leaseName,
      identity: options.identity,
      leaseDurationMs: options.leaseDurationMs,
      ...(options.renewDeadlineMs === undefined ? {} : { renewDeadlineMs: options.renewDeadlineMs }),
      ...(options.retryPeriodMs === undefined ? {} : { retryPeriodMs: options.retryPeriodMs }),
      logger: this.logger,
      onStartedLeading: () => this.switchControllers(true),
      onStoppedLeading: () => this.switchControllers(false),
    });
  }

  get identity(): string {
    return this.options.identity;
  }

  isLeader(): boolean {
    return this.elector.isLeader();
  }

  start(): void {
    this.logger.info(
      { namespace: this.namespace, watchNamespace: this.watchNamespace, head: this.options.headAddress, httpLocation: this.options.proxy.location },
      'operator started; campaigning for the lease',
    );
    this.elector.start();
    if (this.options.healthPort > 0) this.startHealth();
  }

  /** Port of the health endpoints once they listen; undefined when they are off or failed. */
  async healthPort(): Promise<number | undefined> {
    return (await this.health)?.port;
  }

  private startHealth(): void {
    const leaseMs = this.options.leaseDurationMs;
    this.health = startHealthServer(
      this.options.healthHost,
      this.options.healthPort,
      {
        lastAttemptAt: () => this.elector.lastAttemptAt(),
        lastContactAt: () => this.elector.lastContactAt(),
        stopping: () => this.stopped,
      },
      { stuckAfterMs: Math.max(3 * leaseMs, 30_000), unreachableAfterMs: Math.max(2 * leaseMs, 10_000), startedAt: this.startedAt },
    ).catch((error: unknown) => {
      this.logger.error({ err: error, port: this.options.healthPort }, 'could not start the health endpoints');
      return undefined;
    });
  }

  /**
   * Stops acting at once, lets reconciles in progress end (bounded), releases the finalizers when
   * the installation itself is going away, then gives the Lease up so a successor starts at once.
   */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const wasLeader = this.elector.isLeader();
    this.elector.resign();
    this.switchControllers(false);
    let timer: NodeJS.Timeout | undefined;
    const bounded = new Promise<void>((resolve) => (timer = setTimeout(resolve, CONTROLLER_STOP_MS)));
    await Promise.race([this.transition, bounded]);
    clearTimeout(timer);
    if (wasLeader) await this.releaseFinalizersIfUninstalled();
    await this.elector.stop();
    await (await this.health)?.close();
    await this.head.close();
  }

  /** When the operator's own Deployment or the head is going away, nothing will clean up later. */
  private async releaseFinalizersIfUninstalled(): Promise<void> {
    try {
      let reason = await this.presence.goneReason();
      if (reason === undefined && this.options.ownerDeployment !== undefined) {
        const own = await this.kube.find(DEPLOYMENT, this.namespace, this.options.ownerDeployment);
        if (own === undefined || own.metadata.deletionTimestamp !== undefined) reason = `the operator's Deployment ${this.options.ownerDeployment} is deleted`;
      }
      if (reason === undefined) return;
      const released = await releaseAllFinalizers(this.kube, this.watchNamespace, [SERVE_BACKEND, SERVE_ENDPOINT]);
      this.logger.info({ reason, released }, 'released the finalizers of every Serve resource: the installation is going away');
    } catch (error) {
      this.logger.warn({ err: error }, 'could not release the finalizers on the way out');
    }
  }

  private switchControllers(on: boolean): void {
    this.transition = this.transition.then(async () => {
      if (on && this.controllers === undefined && !this.stopped) {
        this.controllers = this.startControllers();
      } else if (!on && this.controllers !== undefined) {
        const controllers = this.controllers;
        this.controllers = undefined;
        clearInterval(controllers.resync);
        await Promise.all(controllers.queues.map((q) => q.stop()));
        await Promise.all(controllers.informers.map((i) => i.stop()));
        this.logger.info('controllers stopped');
      }
    });
  }

  private startControllers(): Controllers {
    const logger = this.logger;
    const quiet = expected;
    // Declared first so the informers' callbacks can reach the queues.
    const queues: { backend?: WorkQueue; endpoint?: WorkQueue; proxy?: WorkQueue } = {};

    const backends = new Informer<ServeBackend>(this.kube, {
      type: SERVE_BACKEND,
      namespace: this.watchNamespace,
      logger,
      onChange: (key) => queues.backend?.add(key),
    });
    const endpoints = new Informer<ServeEndpoint>(this.kube, {
      type: SERVE_ENDPOINT,
      namespace: this.watchNamespace,
      logger,
      onChange: (key, object, kind) => {
        queues.endpoint?.add(key);
        // A vanished endpoint no longer holds back the deletion of its backends.
        if (kind === 'deleted') for (const b of backendKeysOf(object.metadata.namespace, (object as ServeEndpoint).spec ?? {})) queues.backend?.add(b);
      },
    });
    const settings: ProxySettings = { ...this.options.proxy, namespace: this.namespace };
    const proxyInformers = new Map<ResourceType, Informer>();
    for (const type of [DAEMON_SET, DEPLOYMENT, SERVICE, CONFIG_MAP]) {
      proxyInformers.set(
        type,
        new Informer(this.kube, {
          type,
          namespace: this.namespace,
          labelSelector: managedSelector(settings),
          logger,
          onChange: () => queues.proxy?.add(PROXY_KEY),
        }),
      );
    }

    const context: ReconcileContext = {
      kube: this.kube,
      head: this.head,
      logger,
      backends,
      endpoints,
      enqueueBackend: (key) => queues.backend?.add(key),
      enqueueEndpoint: (key) => queues.endpoint?.add(key),
      isLeader: () => this.elector.isLeader(),
      progressPollMs: this.options.progressPollMs,
      waitPollMs: this.options.waitPollMs,
      headGoneReason: () => this.presence.goneReason(),
    };
    const backendReconciler = new BackendReconciler(context);
    const endpointReconciler = new EndpointReconciler(context);
    const proxyReconciler = new ProxyReconciler({
      kube: this.kube,
      settings,
      logger,
      informers: proxyInformers,
      ...(this.options.ownerDeployment === undefined ? {} : { ownerDeployment: this.options.ownerDeployment }),
      assertLeader: () => {
        if (!this.elector.isLeader()) throw new NotLeaderError('not the leader');
      },
      identity: this.options.identity,
    });

    const backendQueue = new WorkQueue({ name: 'servebackends', handler: ignoringGone((key) => backendReconciler.reconcile(key)), logger, quiet });
    const endpointQueue = new WorkQueue({ name: 'serveendpoints', handler: ignoringGone((key) => endpointReconciler.reconcile(key)), logger, quiet });
    const proxyQueue = new WorkQueue({ name: 'proxies', handler: () => proxyReconciler.reconcile(), logger, quiet, concurrency: 1 });

    const serveInformers = [backends, endpoints];
    const informers = [...serveInformers, ...proxyInformers.values()];
    for (const informer of informers) informer.start();
    // Each queue starts once the caches it reads are filled: a reconcile must not read a
    // half-listed world (e.g. take a missing cache entry for a deleted object). The two groups
    // start apart, so missing CRDs do not hold back the proxies.
    const current = (): boolean => this.controllers?.informers === informers;
    void Promise.all(serveInformers.map((i) => i.synced)).then(() => {
      if (!current()) return;
      queues.backend = backendQueue;
      queues.endpoint = endpointQueue;
      for (const b of backends.list()) backendQueue.add(objectKey(b));
      for (const e of endpoints.list()) endpointQueue.add(objectKey(e));
      backendQueue.start();
      endpointQueue.start();
      logger.info({ backends: backends.list().length, endpoints: endpoints.list().length }, 'caches synced; reconciling');
    });
    void Promise.all([...proxyInformers.values()].map((i) => i.synced)).then(() => {
      if (!current()) return;
      queues.proxy = proxyQueue;
      proxyQueue.add(PROXY_KEY);
      proxyQueue.start();
      logger.info({ location: settings.location }, 'proxy caches synced; reconciling proxies');
    });

    const resync = setInterval(() => {
      for (const b of backends.list()) queues.backend?.add(objectKey(b));
      for (const e of endpoints.list()) queues.endpoint?.add(objectKey(e));
      queues.proxy?.add(PROXY_KEY);
    }, this.options.resyncMs);
    resync.unref();

    return { informers, queues: [backendQueue, endpointQueue, proxyQueue], resync };
  }
}
