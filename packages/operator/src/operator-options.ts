// The operator's settings: flags first, then environment variables (what the Helm chart sets),
// then defaults. Validated here so a bad value stops the process at start with its name.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { OperatorConfigError } from './errors.js';
import {
  HTTP_LOCATIONS,
  SERVICE_TYPES,
  type HttpLocation,
  type ProxyPodSettings,
  type ProxySettings,
  type ServiceType,
} from './proxy-manifests.js';

export interface OperatorOptions {
  /** The head's admin address, host:port. */
  headAddress: string;
  /** Admin bearer token (environment only: TROUPE_ADMIN_TOKEN). */
  adminToken?: string;
  /** A kubeconfig file; default: KUBECONFIG, ~/.kube/config, or the in-cluster service account. */
  kubeconfig?: string;
  /** Where the Lease and the proxies live. @default the kubeconfig context's (a pod's own) namespace */
  namespace?: string;
  /** Where ServeBackends and ServeEndpoints are watched. @default namespace */
  watchNamespace?: string;
  /** This replica's name in the Lease. @default POD_NAME or hostname, plus a random suffix */
  identity: string;
  leaseName: string;
  /** @default 15000 */
  leaseDurationMs: number;
  renewDeadlineMs?: number;
  retryPeriodMs?: number;
  proxy: Omit<ProxySettings, 'namespace'>;
  /** Name of the operator's own Deployment, which then owns the proxy config object. */
  ownerDeployment?: string;
  /** @default 2 */
  convergeTimeoutSeconds: number;
  /** @default 1000 */
  progressPollMs: number;
  /** @default 5000 */
  waitPollMs: number;
  /** Every resource is looked at again this often, catching changes made on the head directly. @default 60000 */
  resyncMs: number;
  /** Port of /-/healthz and /-/readyz; 0 = none. @default 8081 */
  healthPort: number;
  /** @default 127.0.0.1 */
  healthHost: string;
  /**
   * The head's Deployment. Once it is gone for good (not just its pods), ServeBackends and
   * ServeEndpoints lose their finalizers: nothing is left on a head to clean up.
   */
  headDeployment?: string;
  /**
   * One-shot uninstall mode (the chart's pre-delete hook): scale the operator Deployment to 0,
   * wait for the Lease to be free, drop every Serve resource's finalizer, exit.
   */
  releaseFinalizers: boolean;
  /**
   * A Secret (key `token`) holding the admin token: created with a random token when missing,
   * and read when TROUPE_ADMIN_TOKEN is not set.
   */
  adminTokenSecret?: string;
  /** A Secret (key `TROUPE_DATA_TOKEN`) holding the data-plane token: created with a random one when missing. */
  dataTokenSecret?: string;
  /**
   * A Secret (keys `head-password`, `proxy-password`, `client-password`) holding the NATS
   * passwords: created with random ones when missing.
   */
  natsAuthSecret?: string;
}

const FLAGS = {
  head: { type: 'string' },
  kubeconfig: { type: 'string' },
  namespace: { type: 'string' },
  'watch-namespace': { type: 'string' },
  identity: { type: 'string' },
  'lease-name': { type: 'string' },
  'lease-duration': { type: 'string' },
  'renew-deadline': { type: 'string' },
  'retry-period': { type: 'string' },
  'http-location': { type: 'string' },
  'http-port': { type: 'string' },
  'http-container-port': { type: 'string' },
  'service-type': { type: 'string' },
  'proxy-image': { type: 'string' },
  'proxy-image-pull-policy': { type: 'string' },
  'proxy-resources': { type: 'string' },
  'proxy-env-secret': { type: 'string' },
  'proxy-nats-secret': { type: 'string' },
  'proxy-pod': { type: 'string' },
  'proxy-tls-secret': { type: 'string' },
  'tls-server-name': { type: 'string' },
  'pre-stop-seconds': { type: 'string' },
  'request-timeout-seconds': { type: 'string' },
  'health-port': { type: 'string' },
  'health-host': { type: 'string' },
  'head-deployment': { type: 'string' },
  'admin-token-secret': { type: 'string' },
  'data-token-secret': { type: 'string' },
  'nats-auth-secret': { type: 'string' },
  'release-finalizers': { type: 'boolean' },
  'nats-url': { type: 'string' },
  'drain-seconds': { type: 'string' },
  'name-prefix': { type: 'string' },
  instance: { type: 'string' },
  'head-selector': { type: 'string' },
  'owner-deployment': { type: 'string' },
  'converge-timeout': { type: 'string' },
  'resync-seconds': { type: 'string' },
} as const;

/** Flag → environment variable consulted when the flag is absent. */
const ENV: Record<keyof typeof FLAGS, string[]> = {
  head: ['TROUPE_HEAD_ADDRESS', 'TROUPE_ADDRESS'],
  kubeconfig: [],
  namespace: ['TROUPE_OPERATOR_NAMESPACE', 'POD_NAMESPACE'],
  'watch-namespace': ['TROUPE_WATCH_NAMESPACE'],
  identity: ['TROUPE_OPERATOR_IDENTITY'],
  'lease-name': ['TROUPE_LEASE_NAME'],
  'lease-duration': ['TROUPE_LEASE_DURATION'],
  'renew-deadline': ['TROUPE_RENEW_DEADLINE'],
  'retry-period': ['TROUPE_RETRY_PERIOD'],
  'http-location': ['TROUPE_HTTP_LOCATION'],
  'http-port': ['TROUPE_HTTP_PORT'],
  'http-container-port': ['TROUPE_HTTP_CONTAINER_PORT'],
  'service-type': ['TROUPE_HTTP_SERVICE_TYPE'],
  'proxy-image': ['TROUPE_PROXY_IMAGE'],
  'proxy-image-pull-policy': ['TROUPE_PROXY_IMAGE_PULL_POLICY'],
  'proxy-resources': ['TROUPE_PROXY_RESOURCES'],
  'proxy-env-secret': ['TROUPE_PROXY_ENV_SECRET'],
  'proxy-nats-secret': ['TROUPE_PROXY_NATS_SECRET'],
  'proxy-pod': ['TROUPE_PROXY_POD'],
  'proxy-tls-secret': ['TROUPE_PROXY_TLS_SECRET'],
  'tls-server-name': ['TROUPE_TLS_SERVER_NAME'],
  'pre-stop-seconds': ['TROUPE_PRE_STOP_SECONDS'],
  'request-timeout-seconds': ['TROUPE_REQUEST_TIMEOUT_SECONDS'],
  'health-port': ['TROUPE_HEALTH_PORT'],
  'health-host': ['TROUPE_HEALTH_HOST'],
  'head-deployment': ['TROUPE_HEAD_DEPLOYMENT'],
  'admin-token-secret': ['TROUPE_ADMIN_TOKEN_SECRET'],
  'data-token-secret': ['TROUPE_DATA_TOKEN_SECRET'],
  'nats-auth-secret': ['TROUPE_NATS_AUTH_SECRET'],
  'release-finalizers': [],
  'nats-url': ['TROUPE_NATS_URL'],
  'drain-seconds': ['TROUPE_DRAIN_SECONDS'],
  'name-prefix': ['TROUPE_NAME_PREFIX'],
  instance: ['TROUPE_INSTANCE'],
  'head-selector': ['TROUPE_HEAD_SELECTOR'],
  'owner-deployment': ['TROUPE_OPERATOR_DEPLOYMENT'],
  'converge-timeout': ['TROUPE_CONVERGE_TIMEOUT'],
  'resync-seconds': ['TROUPE_RESYNC_SECONDS'],
};

function numberOption(name: string, text: string | undefined, fallback: number | undefined, min: number): number | undefined {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min) throw new OperatorConfigError(`--${name}: expected a number ≥ ${min}, got ${JSON.stringify(text)}`);
  return value;
}

function oneOf<T extends string>(name: string, text: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text)) {
    throw new OperatorConfigError(`--${name}: expected one of ${allowed.join(', ')}, got ${JSON.stringify(text)}`);
  }
  return text as T;
}

function portOption(name: string, text: string | undefined, fallback: number, min = 1): number {
  const port = numberOption(name, text, fallback, min)!;
  if (!Number.isInteger(port) || port > 65535) throw new OperatorConfigError(`--${name}: expected a port, got ${port}`);
  return port;
}

function jsonObject(name: string, text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new OperatorConfigError(`--${name}: not JSON: ${(error as Error).message}`, { cause: error });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new OperatorConfigError(`--${name}: expected a JSON object`);
  return parsed as Record<string, unknown>;
}

const POD_FIELDS: Record<keyof ProxyPodSettings, 'object' | 'array' | 'string'> = {
  imagePullSecrets: 'array',
  podSecurityContext: 'object',
  securityContext: 'object',
  nodeSelector: 'object',
  tolerations: 'array',
  affinity: 'object',
  priorityClassName: 'string',
};

/** The installation's pod settings of the proxies; each field checked for its JSON type. */
function proxyPod(text: string | undefined): ProxyPodSettings | undefined {
  const given = jsonObject('proxy-pod', text);
  if (given === undefined) return undefined;
  const pod: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(given)) {
    const kind = POD_FIELDS[field as keyof ProxyPodSettings];
    if (kind === undefined) throw new OperatorConfigError(`--proxy-pod: unknown field ${JSON.stringify(field)}; known: ${Object.keys(POD_FIELDS).join(', ')}`);
    if (value === null) continue;
    const actual = Array.isArray(value) ? 'array' : typeof value;
    if (actual !== kind) throw new OperatorConfigError(`--proxy-pod: ${field} must be a JSON ${kind}, got ${actual}`);
    pod[field] = value;
  }
  return pod as ProxyPodSettings;
}

/** `k=v,k2=v2` → labels. */
function parseSelector(name: string, text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new OperatorConfigError(`--${name}: expected key=value pairs, got ${JSON.stringify(part)}`);
    labels[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return labels;
}

/** Parses `operator` arguments (after the role name) with environment fallbacks. */
export function resolveOperatorOptions(args: string[], env: NodeJS.ProcessEnv = process.env): OperatorOptions {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof FLAGS; args: string[] }>>;
  try {
    parsed = parseArgs({ args, options: FLAGS, allowPositionals: false });
  } catch (error) {
    throw new OperatorConfigError((error as Error).message, { cause: error });
  }
  const value = (flag: Exclude<keyof typeof FLAGS, 'release-finalizers'>): string | undefined => {
    const given = parsed.values[flag];
    if (typeof given === 'string') return given;
    for (const name of ENV[flag]) if (env[name] !== undefined && env[name] !== '') return env[name];
    return undefined;
  };

  const location = oneOf<HttpLocation>('http-location', value('http-location') ?? 'HeadOnly', HTTP_LOCATIONS);
  const port = portOption('http-port', value('http-port'), 8000);
  const containerPort = portOption('http-container-port', value('http-container-port'), port);
  const image = value('proxy-image') ?? '';
  const natsUrl = value('nats-url') ?? '';
  if (location !== 'NoServer' && image === '') throw new OperatorConfigError('--proxy-image (TROUPE_PROXY_IMAGE) is required unless the HTTP location is NoServer');
  if (location !== 'NoServer' && natsUrl === '') throw new OperatorConfigError('--nats-url (TROUPE_NATS_URL) is required unless the HTTP location is NoServer');
  const resources = jsonObject('proxy-resources', value('proxy-resources'));
  const pod = proxyPod(value('proxy-pod'));
  const namePrefix = value('name-prefix') ?? 'troupe';
  const leaseSeconds = numberOption('lease-duration', value('lease-duration'), 15, 1)!;
  const renew = numberOption('renew-deadline', value('renew-deadline'), undefined, 0.1);
  const retry = numberOption('retry-period', value('retry-period'), undefined, 0.05);
  const baseIdentity = value('identity') ?? env.POD_NAME ?? hostname();

  const proxy: Omit<ProxySettings, 'namespace'> = {
    location,
    port,
    containerPort,
    serviceType: oneOf<ServiceType>('service-type', value('service-type') ?? 'LoadBalancer', SERVICE_TYPES),
    image,
    imagePullPolicy: oneOf('proxy-image-pull-policy', value('proxy-image-pull-policy') ?? 'IfNotPresent', ['Always', 'IfNotPresent', 'Never'] as const),
    natsUrl,
    preStopSeconds: numberOption('pre-stop-seconds', value('pre-stop-seconds'), 15, 0)!,
    drainSeconds: numberOption('drain-seconds', value('drain-seconds'), 5, 0)!,
    requestTimeoutSeconds: numberOption('request-timeout-seconds', value('request-timeout-seconds'), 60, 1)!,
    namePrefix,
    instance: value('instance') ?? namePrefix,
    headSelector: parseSelector('head-selector', value('head-selector') ?? `app.kubernetes.io/name=troupe,app.kubernetes.io/component=head`),
    ...(resources === undefined ? {} : { resources }),
    ...(value('proxy-env-secret') === undefined ? {} : { envSecret: value('proxy-env-secret')! }),
    ...(value('proxy-nats-secret') === undefined ? {} : { natsSecret: value('proxy-nats-secret')! }),
    ...(value('proxy-tls-secret') === undefined ? {} : { tlsSecret: value('proxy-tls-secret')! }),
    ...(value('tls-server-name') === undefined ? {} : { tlsServerName: value('tls-server-name')! }),
    ...(pod === undefined ? {} : { pod }),
  };

  const options: OperatorOptions = {
    headAddress: value('head') ?? '127.0.0.1:7420',
    // Two replicas of one pod name (a restart racing its predecessor) must still differ.
    identity: value('identity') ?? `${baseIdentity}_${randomBytes(4).toString('hex')}`,
    leaseName: value('lease-name') ?? `${namePrefix}-operator`,
    leaseDurationMs: leaseSeconds * 1000,
    proxy,
    convergeTimeoutSeconds: numberOption('converge-timeout', value('converge-timeout'), 2, 0.1)!,
    progressPollMs: 1000,
    waitPollMs: 5000,
    resyncMs: numberOption('resync-seconds', value('resync-seconds'), 60, 1)! * 1000,
    healthPort: portOption('health-port', value('health-port'), 8081, 0),
    healthHost: value('health-host') ?? '127.0.0.1',
    releaseFinalizers: (parsed.values as Record<string, unknown>)['release-finalizers'] === true,
  };
  if (renew !== undefined) options.renewDeadlineMs = renew * 1000;
  if (retry !== undefined) options.retryPeriodMs = retry * 1000;
  if (env.TROUPE_ADMIN_TOKEN) options.adminToken = env.TROUPE_ADMIN_TOKEN;
  const kubeconfig = value('kubeconfig');
  if (kubeconfig !== undefined) options.kubeconfig = kubeconfig;
  const namespace = value('namespace');
  if (namespace !== undefined) options.namespace = namespace;
  const watchNamespace = value('watch-namespace');
  if (watchNamespace !== undefined) options.watchNamespace = watchNamespace;
  const adminTokenSecret = value('admin-token-secret');
  if (adminTokenSecret !== undefined) options.adminTokenSecret = adminTokenSecret;
  const dataTokenSecret = value('data-token-secret');
  if (dataTokenSecret !== undefined) options.dataTokenSecret = dataTokenSecret;
  const natsAuthSecret = value('nats-auth-secret');
  if (natsAuthSecret !== undefined) options.natsAuthSecret = natsAuthSecret;
  const headDeployment = value('head-deployment');
  if (headDeployment !== undefined) options.headDeployment = headDeployment;
  const owner = value('owner-deployment');
  if (owner !== undefined) options.ownerDeployment = owner;
  return options;
}
