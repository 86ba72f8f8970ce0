// How a worker is configured: options for in-process use, and their reading from a command line
// and environment for the worker process.
import { parseArgs } from 'node:util';
import type { ChannelCredentials, ServerCredentials } from '@grpc/grpc-js';
import {
  bodyLimitFromEnv,
  dataMessageLimit,
  dataTokenFromEnv,
  loadChannelCredentials,
  loadServerCredentials,
  parseHealthPort,
  ValidationError,
} from '@troupe/common';

export interface WorkerOptions {
  /** host:port of the head's Control service. Unset: the worker does not register (standalone). */
  headAddress?: string;
  /** @default os.hostname() */
  nodeId?: string;
  /** Interface the gRPC server binds. @default '127.0.0.1' */
  host?: string;
  /** @default 0 (a free port) */
  port?: number;
  /** Host others reach this worker at, when not `host` (e.g. it binds 0.0.0.0). */
  advertiseHost?: string;
  /** Where relative import paths and package names resolve from. @default process.cwd() */
  codeDir?: string;
  /** Sent as `authorization: Bearer <token>` on calls to the head. */
  adminToken?: string;
  /** @default a random id, stable for the life of the worker */
  workerId?: string;
  /** Until the head says otherwise at registration. @default 1 */
  heartbeatIntervalSeconds?: number;
  /** How long a drain lets running calls finish. @default 20 */
  drainGraceSeconds?: number;
  /** Log level of the worker and its replica threads. @default $TROUPE_LOG_LEVEL or 'info' */
  logLevel?: string;
  /** Of the worker's gRPC server. @default insecure */
  serverCredentials?: ServerCredentials;
  /** Of calls to the head. @default insecure */
  headCredentials?: ChannelCredentials;
  /** Port of the HTTP health server (`/-/healthz`, `/-/readyz`). @default none (not served) */
  healthPort?: number;
  /** Interface the health server binds. @default '127.0.0.1' */
  healthHost?: string;
  /** Of the data streams of replicas' handle calls to other workers. @default from TROUPE_TLS_*, else insecure */
  relayCredentials?: ChannelCredentials;
  /**
   * Bearer token every data stream must carry (TROUPE_DATA_TOKEN); streams without it are refused
   * before a frame is read. @default none: any peer that reaches the port may call
   */
  dataToken?: string;
  /**
   * Largest data-plane frame read (and reply sent); larger frames end their stream before they
   * are buffered. @default dataMessageLimit(): TROUPE_BODY_LIMIT_BYTES (10 MiB) plus framing
   */
  maxMessageBytes?: number;
  /**
   * NATS of the cluster, for the snapshots that route handle calls made by replicas (see
   * handle-relay.ts). @default $TROUPE_NATS_URL; unset: replicas cannot call other endpoints
   */
  natsUrl?: string;
}

const DEFAULT_HEAD_ADDRESS = '127.0.0.1:7420';

/**
 * `worker --head H:P --node-id N --host H [--port P] [--advertise-host H] [--code-dir D]
 * [--drain-grace S] [--health-port P] [--health-host H]`; flags win over TROUPE_HEAD_ADDRESS,
 * TROUPE_NODE_ID, TROUPE_WORKER_HOST, TROUPE_WORKER_PORT, TROUPE_WORKER_ADVERTISE_HOST,
 * TROUPE_CODE_DIR, TROUPE_DRAIN_GRACE_SECONDS, TROUPE_HEALTH_PORT, TROUPE_HEALTH_HOST.
 * TROUPE_ADMIN_TOKEN is read from the environment only, so it never shows in `ps`; so are the
 * TLS files (TROUPE_TLS_CERT, TROUPE_TLS_KEY, TROUPE_TLS_CA, see @troupe/common).
 * [--drain-grace S]`; flags win over TROUPE_HEAD_ADDRESS, TROUPE_NODE_ID, TROUPE_WORKER_HOST,
 * TROUPE_WORKER_PORT, TROUPE_WORKER_ADVERTISE_HOST, TROUPE_CODE_DIR, TROUPE_DRAIN_GRACE_SECONDS.
 * TROUPE_ADMIN_TOKEN and TROUPE_DATA_TOKEN are read from the environment only, so they never show
 * in `ps`; so are the TLS files (TROUPE_TLS_CERT, TROUPE_TLS_KEY, TROUPE_TLS_CA, see
 * @troupe/common), TROUPE_BODY_LIMIT_BYTES and TROUPE_NATS_URL.
 */
export function workerOptionsFromCommandLine(args: string[], env: NodeJS.ProcessEnv): WorkerOptions {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      head: { type: 'string' },
      'node-id': { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      'advertise-host': { type: 'string' },
      'code-dir': { type: 'string' },
      'drain-grace': { type: 'string' },
      'health-port': { type: 'string' },
      'health-host': { type: 'string' },
    },
  });
  const extra = positionals[0] === 'worker' ? positionals.slice(1) : positionals;
  if (extra.length > 0) throw new ValidationError(`unexpected argument "${extra[0]}"`);
  return {
    headAddress: values.head ?? env.TROUPE_HEAD_ADDRESS ?? DEFAULT_HEAD_ADDRESS,
    nodeId: values['node-id'] ?? env.TROUPE_NODE_ID,
    host: values.host ?? env.TROUPE_WORKER_HOST,
    port: optionalNumber('port', values.port ?? env.TROUPE_WORKER_PORT),
    advertiseHost: values['advertise-host'] ?? env.TROUPE_WORKER_ADVERTISE_HOST,
    codeDir: values['code-dir'] ?? env.TROUPE_CODE_DIR,
    adminToken: env.TROUPE_ADMIN_TOKEN || undefined,
    drainGraceSeconds: optionalNumber('drain-grace', values['drain-grace'] ?? env.TROUPE_DRAIN_GRACE_SECONDS),
    serverCredentials: loadServerCredentials(env),
    headCredentials: loadChannelCredentials(env),
    healthPort: parseHealthPort(values['health-port'] ?? env.TROUPE_HEALTH_PORT),
    healthHost: values['health-host'] || env.TROUPE_HEALTH_HOST || undefined,
    dataToken: dataTokenFromEnv(env),
    maxMessageBytes: dataMessageLimit(bodyLimitFromEnv(env)),
    natsUrl: env.TROUPE_NATS_URL || undefined,
  };
}

function optionalNumber(name: string, text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new ValidationError(`${name}: expected a number ≥ 0, got "${text}"`);
  return value;
}
