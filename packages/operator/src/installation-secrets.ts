// The three Secrets every installation needs, made by the operator when the chart was given none
// (see generated-secret.ts for why not Helm): the admin token, the data-plane token and the NATS
// passwords. Head, workers, NATS and proxies name them in secretKeyRef/envFrom, so their pods
// wait until these exist.
import { NATS_ROLES, type Logger, type NatsRole } from '@troupe/common';
import { ensureGeneratedSecret, randomAlphanumeric, randomToken } from './generated-secret.js';
import type { KubeClient } from './kube-client.js';
import type { OperatorOptions } from './operator-options.js';

export const ADMIN_TOKEN_KEY = 'token';
/** The key is the variable's name: proxies get the whole Secret as their environment (envFrom). */
export const DATA_TOKEN_KEY = 'TROUPE_DATA_TOKEN';

/** Key of a NATS role's password in the NATS auth Secret. */
export function natsPasswordKey(role: NatsRole): string {
  return `${role}-password`;
}

export interface InstallationSecretOptions {
  namespace: string;
  name: string;
  ownerDeployment?: string;
  labels?: Record<string, string>;
  logger: Logger;
}

/** The admin token in the Secret, creating the Secret with a random one first if it does not exist. */
export async function ensureAdminTokenSecret(kube: KubeClient, options: InstallationSecretOptions): Promise<string> {
  const values = await ensureGeneratedSecret(kube, { ...options, what: 'the admin token Secret', keys: { [ADMIN_TOKEN_KEY]: () => randomToken(30) } });
  return values[ADMIN_TOKEN_KEY]!;
}

/** The workers' data-plane token in the Secret, creating it with a random one first if missing. */
export async function ensureDataTokenSecret(kube: KubeClient, options: InstallationSecretOptions): Promise<string> {
  const values = await ensureGeneratedSecret(kube, { ...options, what: 'the data token Secret', keys: { [DATA_TOKEN_KEY]: () => randomToken(36) } });
  return values[DATA_TOKEN_KEY]!;
}

/**
 * One password per NATS role, creating the Secret with random ones first if missing. Letters and
 * digits only: nats-server reads them from the environment into its configuration unquoted.
 */
export async function ensureNatsAuthSecret(kube: KubeClient, options: InstallationSecretOptions): Promise<Record<NatsRole, string>> {
  const keys = Object.fromEntries(NATS_ROLES.map((role) => [natsPasswordKey(role), () => randomAlphanumeric(40)]));
  const values = await ensureGeneratedSecret(kube, { ...options, what: 'the NATS passwords Secret', keys });
  return Object.fromEntries(NATS_ROLES.map((role) => [role, values[natsPasswordKey(role)]!])) as Record<NatsRole, string>;
}

/**
 * Makes each Secret the options name (those the installation gave no value for) and returns the
 * admin token when its Secret is among them. Several operator replicas may run this at once.
 */
export async function ensureInstallationSecrets(
  kube: KubeClient,
  options: Pick<OperatorOptions, 'adminTokenSecret' | 'dataTokenSecret' | 'natsAuthSecret' | 'namespace' | 'ownerDeployment'> & { proxy: { instance: string } },
  logger: Logger,
): Promise<string | undefined> {
  const common = (component: string): Omit<InstallationSecretOptions, 'name'> => ({
    namespace: options.namespace ?? kube.defaultNamespace,
    logger,
    ...(options.ownerDeployment === undefined ? {} : { ownerDeployment: options.ownerDeployment }),
    labels: { 'app.kubernetes.io/name': 'troupe', 'app.kubernetes.io/instance': options.proxy.instance, 'app.kubernetes.io/component': component },
  });
  if (options.dataTokenSecret !== undefined) await ensureDataTokenSecret(kube, { ...common('auth'), name: options.dataTokenSecret });
  if (options.natsAuthSecret !== undefined) await ensureNatsAuthSecret(kube, { ...common('nats'), name: options.natsAuthSecret });
  if (options.adminTokenSecret === undefined) return undefined;
  return ensureAdminTokenSecret(kube, { ...common('auth'), name: options.adminTokenSecret });
}
