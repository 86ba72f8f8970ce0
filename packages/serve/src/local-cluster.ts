// A whole cluster on one machine: nats-server, the head, one worker per node and the proxies,
// each its own OS process, supervised and restarted when it dies.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AdminService, type troupe } from '@troupe/protocol';
import {
  createLogger,
  loadChannelCredentials,
  NATS_ROLES,
  natsServerConfig,
  natsUser,
  TimeoutError,
  UnaryClient,
  ValidationError,
  type Logger,
  type NatsPasswords,
  type NatsRole,
} from '@troupe/common';
import { ManagedProcess } from './managed-process.js';
import { resolveStartOptions, type ResolvedStartOptions, type StartOptions } from './start-options.js';

const REGISTRATION_TIMEOUT_MS = 30_000;

export interface LocalClusterInfo {
  /** Admin address of the head, host:port. */
  address: string;
  natsUrl: string;
  /** HTTP addresses of the proxies, host:port. */
  httpAddresses: string[];
  logDir: string;
}

const require = createRequire(import.meta.url);

function entryPoint(pkg: string): string {
  return join(dirname(require.resolve(pkg)), 'main.js');
}

/** Extra node flags for every Troupe process, e.g. `--cpu-prof` when profiling (TROUPE_NODE_ARGS). */
function nodeArgs(): string[] {
  return (process.env.TROUPE_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
}

export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ host, port: 0 }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Node k (1-based) of a local cluster lives on 127.0.0.k, so EveryNode proxies share one port. */
export function nodeHost(k: number): string {
  return `127.0.0.${k}`;
}

/** Variables that carry NATS credentials: set per role, and never given to workers (user code). */
const NATS_SECRET_VARIABLES = ['TROUPE_NATS_USER', 'TROUPE_NATS_PASSWORD', 'TROUPE_NATS_TOKEN', 'TROUPE_NATS_CLIENT_USER', 'TROUPE_NATS_CLIENT_PASSWORD'];

/** nats-server 2.10 added `sync_interval`; older ones refuse a configuration that names it. */
function supportsSyncAlways(natsServer: string): boolean {
  try {
    const match = /v?(\d+)\.(\d+)/.exec(execFileSync(natsServer, ['--version'], { encoding: 'utf8', timeout: 10_000 }));
    return match !== null && (Number(match[1]) > 2 || (Number(match[1]) === 2 && Number(match[2]) >= 10));
  } catch {
    return false;
  }
}

/**
 * A cluster that guards its admin API (a token) or its traffic (TLS) guards its data plane too:
 * with a data token of its own unless one is given (TROUPE_DATA_TOKEN). An open local cluster,
 * on loopback only, keeps an open data plane.
 */
function localDataToken(options: ResolvedStartOptions): string | undefined {
  const given = options.env.TROUPE_DATA_TOKEN || process.env.TROUPE_DATA_TOKEN;
  if (given) return given;
  const guarded =
    options.adminToken || process.env.TROUPE_ADMIN_TOKEN || options.env.TROUPE_TLS_CERT || process.env.TROUPE_TLS_CERT;
  return guarded ? randomBytes(32).toString('base64url') : undefined;
}

export class LocalCluster {
  readonly processes = new Map<string, ManagedProcess>();
  private readonly logger: Logger;
  private readonly options: ResolvedStartOptions;
  private readonly workDir: string;
  private headAddress = '';
  private natsUrl = '';
  private httpAddresses: string[] = [];
  private stopped = false;
  /** Per-role NATS passwords of the nats-server this cluster runs with authentication. */
  private natsPasswords: NatsPasswords | undefined;
  /** Required on the workers' data streams; handed to admin clients by GetClusterInfo. */
  private readonly dataToken: string | undefined;

  constructor(options: StartOptions = {}) {
    this.options = resolveStartOptions(options);
    this.dataToken = localDataToken(this.options);
    this.logger = createLogger('local-cluster');
    this.workDir = mkdtempSync(join(tmpdir(), 'troupe-cluster-'));
    mkdirSync(join(this.workDir, 'logs'));
  }

  get info(): LocalClusterInfo {
    return { address: this.headAddress, natsUrl: this.natsUrl, httpAddresses: this.httpAddresses, logDir: join(this.workDir, 'logs') };
  }

  process(name: string): ManagedProcess {
    const managed = this.processes.get(name);
    if (!managed) throw new ValidationError(`no process named "${name}"; have: ${[...this.processes.keys()].join(', ')}`);
    return managed;
  }

  async start(): Promise<LocalClusterInfo> {
    try {
      await this.startNats();
      await this.startHead();
      await Promise.all(Array.from({ length: this.options.nodes }, (_, i) => this.startWorker(i + 1)));
      await Promise.all(this.proxyNodes().map((k) => this.startProxy(k)));
      await this.workersRegistered();
    } catch (error) {
      await this.stop();
      throw error;
    }
    this.logger.info(this.info, 'local cluster ready');
    return this.info;
  }

  /**
   * A worker says "ready" before its registration reaches the head. Backends created before every
   * worker registered would be placed on fewer nodes than the cluster has, and stay there.
   */
  private async workersRegistered(): Promise<void> {
    const admin = new UnaryClient(AdminService, 'Admin', this.headAddress, {
      credentials: loadChannelCredentials(),
      token: this.options.adminToken ?? process.env.TROUPE_ADMIN_TOKEN,
    });
    try {
      const deadline = Date.now() + REGISTRATION_TIMEOUT_MS;
      for (;;) {
        const status = await admin.call<troupe.v1.ClusterStatus>('getStatus', {});
        if (status.workers.length >= this.options.nodes) return;
        if (Date.now() > deadline) {
          throw new TimeoutError(`${status.workers.length} of ${this.options.nodes} workers registered with the head within ${REGISTRATION_TIMEOUT_MS} ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      admin.close();
    }
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    // The head goes before the workers so that their drain does not read as replicas vanishing.
    const order = ['proxy', 'head', 'worker', 'nats'];
    for (const role of order) {
      await Promise.all([...this.processes.entries()].filter(([name]) => name.startsWith(role)).map(([, p]) => p.stop()));
    }
    if (!this.options.keepLogs) rmSync(this.workDir, { recursive: true, force: true });
  }

  /**
   * NATS authentication is on whenever the cluster is otherwise protected (an admin token or
   * TLS): a token is pointless if anyone on the machine can rewrite the route table.
   */
  private natsAuthWanted(): boolean {
    const env = { ...process.env, ...this.options.env };
    return Boolean(this.options.adminToken || env.TROUPE_ADMIN_TOKEN || env.TROUPE_TLS_CERT || env.TROUPE_TLS_CA);
  }

  /** The NATS identity of a role: its own user when this cluster's nats-server has auth. */
  private natsEnv(role: NatsRole | 'worker'): NodeJS.ProcessEnv {
    const passwords = this.natsPasswords;
    if (!passwords) return {};
    // A worker reads routes (snapshots) for the handle calls it relays for its replicas: the
    // read-only client identity, which its replica threads never see (replica-env.ts).
    if (role === 'worker') return { TROUPE_NATS_USER: natsUser('client'), TROUPE_NATS_PASSWORD: passwords.client };
    const own = { TROUPE_NATS_USER: natsUser(role), TROUPE_NATS_PASSWORD: passwords[role] };
    if (role !== 'head') return own;
    return { ...own, TROUPE_NATS_CLIENT_USER: natsUser('client'), TROUPE_NATS_CLIENT_PASSWORD: passwords.client };
  }

  private env(role: NatsRole | 'worker', extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TROUPE_PARENT_PID: String(process.pid),
      TROUPE_CODE_DIR: this.options.codeDir,
      TROUPE_ADDRESS: this.headAddress,
      TROUPE_NATS_URL: this.natsUrl,
      ...(this.options.adminToken ? { TROUPE_ADMIN_TOKEN: this.options.adminToken } : {}),
      ...(this.dataToken ? { TROUPE_DATA_TOKEN: this.dataToken } : {}),
      // Children log at info at least: the supervisor reads their ready lines.
      TROUPE_LOG_LEVEL: process.env.TROUPE_CHILD_LOG_LEVEL ?? 'info',
      ...this.options.env,
      ...extra,
    };
    // Only the credentials of each role's own identity reach it (workers: the read-only client's).
    if (this.natsPasswords || role === 'worker') for (const name of NATS_SECRET_VARIABLES) delete env[name];
    return { ...env, ...this.natsEnv(role) };
  }

  private add(name: string, spec: Omit<ConstructorParameters<typeof ManagedProcess>[0], 'name' | 'logFile'>): ManagedProcess {
    const managed = new ManagedProcess({ ...spec, name, logFile: join(this.workDir, 'logs', `${name.replace(/\s+/g, '-')}.log`) }, this.logger);
    this.processes.set(name, managed);
    return managed;
  }

  private async startNats(): Promise<void> {
    if (this.options.natsUrl) {
      this.natsUrl = this.options.natsUrl;
      return;
    }
    const port = await freePort();
    this.natsUrl = `nats://127.0.0.1:${port}`;
    const storeDir = join(this.workDir, 'jetstream');
    if (this.natsAuthWanted()) {
      this.natsPasswords = Object.fromEntries(NATS_ROLES.map((role) => [role, randomBytes(24).toString('base64url')])) as NatsPasswords;
    }
    // A configuration file, so that passwords never appear in a process's arguments.
    const configFile = join(this.workDir, 'nats-server.conf');
    const config = natsServerConfig({
      host: '127.0.0.1',
      port,
      storeDir,
      passwords: this.natsPasswords,
      syncAlways: supportsSyncAlways(this.options.natsServer),
    });
    writeFileSync(configFile, config, { mode: 0o600 });
    await this.add('nats', {
      command: this.options.natsServer,
      args: ['-c', configFile],
      env: process.env,
      readyPattern: /Server is ready/,
    }).start();
  }

  private async startHead(): Promise<void> {
    const port = this.options.port === 0 ? await freePort() : this.options.port;
    this.headAddress = `127.0.0.1:${port}`;
    await this.add('head', {
      command: process.execPath,
      args: [...nodeArgs(), entryPoint('@troupe/head'), 'head', '--nats-url', this.natsUrl, '--address', this.headAddress, '--http-location', this.options.httpOptions.location],
      env: this.env('head'),
      readyPattern: /head ready/,
    }).start();
  }

  private async startWorker(k: number): Promise<void> {
    await this.add(`worker node-${k}`, {
      command: process.execPath,
      args: [...nodeArgs(), entryPoint('@troupe/worker'), 'worker', '--head', this.headAddress, '--node-id', `node-${k}`, '--host', nodeHost(k)],
      env: this.env('worker'),
      readyPattern: /worker ready/,
    }).start();
  }

  private proxyNodes(): number[] {
    const { location } = this.options.httpOptions;
    if (location === 'NoServer') return [];
    if (location === 'HeadOnly') return [1];
    return Array.from({ length: this.options.nodes }, (_, i) => i + 1);
  }

  private async startProxy(k: number): Promise<void> {
    const { host, port, location } = this.options.httpOptions;
    const bindHost = location === 'EveryNode' ? nodeHost(k) : host;
    this.httpAddresses.push(`${bindHost}:${port}`);
    await this.add(`proxy node-${k}`, {
      command: process.execPath,
      args: [
        ...nodeArgs(), entryPoint('@troupe/proxy'), 'proxy', '--nats-url', this.natsUrl, '--host', bindHost, '--port', String(port),
        '--node-id', `node-${k}`, '--drain-seconds', String(this.options.httpOptions.drainSeconds),
      ],
      env: this.env('proxy'),
      readyPattern: /proxy ready/,
    }).start();
  }
}
