// A running proxy: the HTTP server, the route table and data plane fed by the head's snapshots,
// the heartbeat, and the drain sequence. Used by the process entry (main.ts) and in-process.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Server } from 'node:http';
import type { ConnectionOptions } from 'nats';
import { createLogger, DataPlane, dataMessageLimit, type Logger } from '@troupe/common';
import type { troupe } from '@troupe/protocol';
import { Drain } from './drain.js';
import { closeServer, createHttpServer, listen } from './http-server.js';
import { createProxyApp, DEFAULT_BODY_LIMIT_BYTES, DEFAULT_REQUEST_TIMEOUT_MS, type ProxyDataPlane } from './proxy-app.js';
import { HeartbeatPublisher } from './proxy-heartbeat.js';
import { ProxyRoutes } from './proxy-routes.js';
import { SnapshotLink } from './snapshot-link.js';

export interface ProxyOptions {
  /** NATS server(s), comma-separated. */
  natsUrl: string;
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port. @default 8000 */
  port?: number;
  /** @default the machine's host name */
  nodeId?: string;
  /** Host put in heartbeats' http_address. @default host, or the machine's host name when host is a wildcard */
  advertiseHost?: string;
  /** Minimum time between the start of draining and the end of accepting requests. @default 2 */
  drainSeconds?: number;
  /** @default 10 MiB */
  bodyLimitBytes?: number;
  /** Time a request may wait for its reply before 504. @default 60 */
  requestTimeoutSeconds?: number;
  /** Largest request head; larger ones get 431. @default 16 KiB */
  maxHeaderSize?: number;
  /** Time a client has to send the request head. @default 20 */
  headersTimeoutSeconds?: number;
  /** Time a client has to send the whole request. @default 120 */
  clientRequestTimeoutSeconds?: number;
  /** Idle keep-alive connections close after this. @default 5 */
  keepAliveTimeoutSeconds?: number;
  /**
   * Open connections at most; a new one beyond it is closed at once, while those open keep being
   * served. @default 10000
   */
  maxConnections?: number;
  /** @default 1000 */
  heartbeatIntervalMs?: number;
  natsOptions?: Partial<ConnectionOptions>;
  logger?: Logger;
  /** A data plane of the caller's (tests); the proxy then neither creates nor closes one. */
  dataPlane?: ProxyDataPlane & { applySnapshot(snapshot: troupe.v1.ISnapshot): void };
}

export interface RunningProxy {
  /** Random per proxy instance. */
  readonly proxyId: string;
  readonly nodeId: string;
  readonly port: number;
  /** `host:port` as announced in heartbeats. */
  readonly httpAddress: string;
  /** `http://host:port` of the listener. */
  readonly url: string;
  /** Version of the snapshot whose route table is served; 0 before the first. */
  readonly version: number;
  readonly draining: boolean;
  /**
   * Graceful stop: health checks fail and heartbeats say draining at once, requests are served
   * for `drainSeconds`, then the listener closes and in-flight requests finish.
   */
  drain(): Promise<void>;
  /** Stops without the drain period; in-flight requests still finish (within the request timeout). */
  close(): Promise<void>;
}

/** Starts listening at once; the route table arrives whenever NATS and the head are there. */
export async function startProxy(options: ProxyOptions): Promise<RunningProxy> {
  const proxy = new HttpProxy(options);
  await proxy.listen();
  return proxy;
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

class HttpProxy implements RunningProxy {
  readonly proxyId = randomUUID();
  readonly nodeId: string;
  private readonly host: string;
  private readonly logger: Logger;
  private readonly routes = new ProxyRoutes();
  private readonly drainState = new Drain();
  private readonly dataPlane: NonNullable<ProxyOptions['dataPlane']>;
  private readonly ownsDataPlane: boolean;
  private readonly server: Server;
  private readonly link: SnapshotLink;
  private heartbeat: HeartbeatPublisher | undefined;
  private listeningPort = 0;
  private stopping: Promise<void> | undefined;
  private cancelDrainWait: (() => void) | undefined;

  constructor(private readonly options: ProxyOptions) {
    this.nodeId = options.nodeId ?? hostname();
    this.host = options.host ?? '127.0.0.1';
    this.logger = options.logger ?? createLogger('proxy', { proxyId: this.proxyId, nodeId: this.nodeId });
    this.ownsDataPlane = options.dataPlane === undefined;
    const bodyLimitBytes = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
    this.dataPlane =
      options.dataPlane ??
      new DataPlane({ logger: this.logger, nodeId: this.nodeId, maxMessageBytes: dataMessageLimit(bodyLimitBytes) });
    const app = createProxyApp({
      dataPlane: this.dataPlane,
      routes: this.routes,
      drain: this.drainState,
      bodyLimitBytes,
      requestTimeoutMs: this.requestTimeoutMs,
      logger: this.logger,
    });
    this.server = createHttpServer(app, {
      bodyLimitBytes,
      maxHeaderSize: options.maxHeaderSize,
      headersTimeoutMs: seconds(options.headersTimeoutSeconds),
      clientRequestTimeoutMs: seconds(options.clientRequestTimeoutSeconds),
      keepAliveTimeoutMs: seconds(options.keepAliveTimeoutSeconds),
      maxConnections: options.maxConnections,
    });
    this.link = new SnapshotLink({
      natsUrl: options.natsUrl,
      natsOptions: options.natsOptions,
      logger: this.logger,
      onConnected: (watcher) => {
        this.heartbeat = new HeartbeatPublisher({
          nats: watcher.nats,
          describe: () => this.describe(),
          intervalMs: options.heartbeatIntervalMs,
          logger: this.logger,
        });
        this.heartbeat.start();
      },
      onSnapshot: (snapshot) => this.applySnapshot(snapshot),
    });
  }

  get port(): number {
    return this.listeningPort;
  }

  get httpAddress(): string {
    const advertised = this.options.advertiseHost ?? (WILDCARD_HOSTS.has(this.host) ? hostname() : this.host);
    return `${advertised}:${this.listeningPort}`;
  }

  get url(): string {
    const host = this.host.includes(':') ? `[${this.host}]` : this.host;
    return `http://${host}:${this.listeningPort}`;
  }

  get version(): number {
    return this.routes.version;
  }

  get draining(): boolean {
    return this.drainState.draining;
  }

  private get requestTimeoutMs(): number {
    return seconds(this.options.requestTimeoutSeconds) ?? DEFAULT_REQUEST_TIMEOUT_MS;
  }

  async listen(): Promise<void> {
    const address = await listen(this.server, this.host, this.options.port ?? 8000);
    this.listeningPort = address.port;
    this.logger.info({ httpAddress: this.httpAddress, url: this.url }, 'proxy ready');
    this.link.start();
  }

  drain(): Promise<void> {
    this.stopping ??= this.stop(seconds(this.options.drainSeconds) ?? 2_000);
    return this.stopping;
  }

  close(): Promise<void> {
    this.cancelDrainWait?.();
    this.stopping ??= this.stop(0);
    return this.stopping;
  }

  private describe(): troupe.v1.IProxyHeartbeat {
    return {
      proxyId: this.proxyId,
      nodeId: this.nodeId,
      httpAddress: this.httpAddress,
      version: this.routes.version,
      draining: this.drainState.draining,
    };
  }

  private applySnapshot(snapshot: troupe.v1.Snapshot): void {
    try {
      this.dataPlane.applySnapshot(snapshot);
      this.routes.apply(snapshot);
    } catch (error) {
      // The head validates routes; a table it should have refused keeps the previous one in force.
      this.logger.error({ err: error, version: snapshot.version }, 'snapshot not applied; keeping the previous route table');
    }
    this.heartbeat?.publish();
  }

  private async stop(drainMs: number): Promise<void> {
    this.drainState.begin();
    this.heartbeat?.publish();
    this.logger.info({ drainMs }, 'draining');
    if (drainMs > 0) await this.waitDrainPeriod(drainMs);
    this.drainState.close();
    // Idle connections close now; busy ones once their answer (marked Connection: close) is sent.
    const closed = closeServer(this.server);
    if (!(await settlesWithin(closed, this.requestTimeoutMs + 1_000))) {
      this.logger.warn('connections still open after the request timeout; closing them');
      this.server.closeAllConnections();
      await closed;
    }
    this.heartbeat?.publish();
    this.heartbeat?.stop();
    await this.link.close();
    if (this.ownsDataPlane) (this.dataPlane as DataPlane).close();
    this.logger.info('proxy stopped');
  }

  private waitDrainPeriod(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.cancelDrainWait = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void promise.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function seconds(value: number | undefined): number | undefined {
  return value === undefined ? undefined : value * 1_000;
}
