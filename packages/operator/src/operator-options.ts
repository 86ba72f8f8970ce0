// The operator's settings: flags first, then environment variables (what the Helm chart sets),
// then defaults. Validated here so a bad value stops the process at start with its name.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { OperatorConfigError } from './errors.js';
import { HTTP_LOCATIONS, SERVICE_TYPES, type HttpLocation, type ProxySettings, type ServiceType } from './proxy-manifests.js';

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
  'service-type': { type: 'string' },
  'proxy-image': { type: 'string' },
  'proxy-image-pull-policy': { type: 'string' },
  'proxy-resources': { type: 'string' },
  'proxy-env-secret': { type: 'string' },
  'proxy-nats-secret': { type: 'string' },
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
  'service-type': ['TROUPE_HTTP_SERVICE_TYPE'],
  'proxy-image': ['TROUPE_PROXY_IMAGE'],
  'proxy-image-pull-policy': ['TROUPE_PROXY_IMAGE_PULL_POLICY'],
  'proxy-resources': ['TROUPE_PROXY_RESOURCES'],
  'proxy-env-secret': ['TROUPE_PROXY_ENV_SECRET'],
  'proxy-nats-secret': ['TROUPE_PROXY_NATS_SECRET'],
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
  const value = (flag: keyof typeof FLAGS): string | undefined => {
    const given = parsed.values[flag];
    if (typeof given === 'string') return given;
    for (const name of ENV[flag]) if (env[name] !== undefined && env[name] !== '') return env[name];
    return undefined;
  };

  const location = oneOf<HttpLocation>('http-location', value('http-location') ?? 'HeadOnly', HTTP_LOCATIONS);
  const port = numberOption('http-port', value('http-port'), 8000, 1)!;
  if (!Number.isInteger(port) || port > 65535) throw new OperatorConfigError(`--http-port: expected a port, got ${port}`);
  const image = value('proxy-image') ?? '';
  const natsUrl = value('nats-url') ?? '';
  if (location !== 'NoServer' && image === '') throw new OperatorConfigError('--proxy-image (TROUPE_PROXY_IMAGE) is required unless the HTTP location is NoServer');
  if (location !== 'NoServer' && natsUrl === '') throw new OperatorConfigError('--nats-url (TROUPE_NATS_URL) is required unless the HTTP location is NoServer');
  let resources: Record<string, unknown> | undefined;
  const resourcesText = value('proxy-resources');
  if (resourcesText !== undefined) {
    try {
      resources = JSON.parse(resourcesText) as Record<string, unknown>;
    } catch (error) {
      throw new OperatorConfigError(`--proxy-resources: not JSON: ${(error as Error).message}`, { cause: error });
    }
  }
  const namePrefix = value('name-prefix') ?? 'troupe';
  const leaseSeconds = numberOption('lease-duration', value('lease-duration'), 15, 1)!;
  const renew = numberOption('renew-deadline', value('renew-deadline'), undefined, 0.1);
  const retry = numberOption('retry-period', value('retry-period'), undefined, 0.05);
  const baseIdentity = value('identity') ?? env.POD_NAME ?? hostname();

  const proxy: Omit<ProxySettings, 'namespace'> = {
    location,
    port,
    serviceType: oneOf<ServiceType>('service-type', value('service-type') ?? 'LoadBalancer', SERVICE_TYPES),
    image,
    imagePullPolicy: oneOf('proxy-image-pull-policy', value('proxy-image-pull-policy') ?? 'IfNotPresent', ['Always', 'IfNotPresent', 'Never'] as const),
    natsUrl,
    drainSeconds: numberOption('drain-seconds', value('drain-seconds'), 10, 0)!,
    namePrefix,
    instance: value('instance') ?? namePrefix,
    headSelector: parseSelector('head-selector', value('head-selector') ?? `app.kubernetes.io/name=troupe,app.kubernetes.io/component=head`),
    ...(resources === undefined ? {} : { resources }),
    ...(value('proxy-env-secret') === undefined ? {} : { envSecret: value('proxy-env-secret')! }),
    ...(value('proxy-nats-secret') === undefined ? {} : { natsSecret: value('proxy-nats-secret')! }),
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
  const owner = value('owner-deployment');
  if (owner !== undefined) options.ownerDeployment = owner;
  return options;
}
