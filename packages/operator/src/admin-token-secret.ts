// The admin token's Secret, made by the operator when the installation gave none. Helm could
// generate it, but a random value in a template changes on every render (`helm template`, GitOps
// tools), and head and workers then disagree; made once in the cluster, it stays put.
import { randomBytes } from 'node:crypto';
import type { Logger } from '@troupe/common';
import { KubeApiError } from './errors.js';
import type { KubeClient, KubeObject, OwnerReference } from './kube-client.js';
import { DEPLOYMENT, SECRET } from './resource-types.js';

export const ADMIN_TOKEN_KEY = 'token';

interface Secret extends KubeObject {
  data?: Record<string, string>;
}

function tokenOf(secret: Secret | undefined): string | undefined {
  const encoded = secret?.data?.[ADMIN_TOKEN_KEY];
  if (encoded === undefined) return undefined;
  const token = Buffer.from(encoded, 'base64').toString('utf8');
  return token === '' ? undefined : token;
}

/** The token in the Secret, creating the Secret with a random one first if it does not exist. */
export async function ensureAdminTokenSecret(
  kube: KubeClient,
  options: { namespace: string; name: string; ownerDeployment?: string; labels?: Record<string, string>; logger: Logger },
): Promise<string> {
  const { namespace, name } = options;
  const existing = tokenOf(await kube.find<Secret>(SECRET, namespace, name));
  if (existing !== undefined) return existing;
  let owner: OwnerReference | undefined;
  if (options.ownerDeployment !== undefined) {
    const deployment = await kube.find(DEPLOYMENT, namespace, options.ownerDeployment);
    if (deployment?.metadata.uid !== undefined) {
      owner = { apiVersion: DEPLOYMENT.apiVersion, kind: DEPLOYMENT.kind, name: deployment.metadata.name, uid: deployment.metadata.uid };
    }
  }
  const token = randomBytes(30).toString('base64url');
  try {
    await kube.create(SECRET, namespace, {
      apiVersion: SECRET.apiVersion,
      kind: SECRET.kind,
      metadata: { name, namespace, ...(options.labels ? { labels: options.labels } : {}), ...(owner ? { ownerReferences: [owner] } : {}) },
      type: 'Opaque',
      data: { [ADMIN_TOKEN_KEY]: Buffer.from(token).toString('base64') },
    });
    options.logger.info({ secret: name }, 'created the admin token Secret');
    return token;
  } catch (error) {
    // Another replica made it first: use theirs.
    if (!(error instanceof KubeApiError && error.conflict)) throw error;
    const theirs = tokenOf(await kube.get<Secret>(SECRET, namespace, name));
    if (theirs === undefined) throw new KubeApiError(409, 'Conflict', `Secret ${name} exists without a ${ADMIN_TOKEN_KEY} key`);
    return theirs;
  }
}
