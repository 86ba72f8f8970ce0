// Secrets the operator makes when the installation gave none: the admin token, the data-plane
// token and the NATS passwords. Helm could generate them, but a random value in a template
// changes on every render (`helm template`, GitOps tools), and components then disagree; made
// once in the cluster, they stay put. A value already there is never replaced.
import { randomBytes } from 'node:crypto';
import type { Logger } from '@troupe/common';
import { KubeApiError } from './errors.js';
import type { KubeClient, KubeObject, OwnerReference } from './kube-client.js';
import { DEPLOYMENT, SECRET } from './resource-types.js';

interface Secret extends KubeObject {
  type?: string;
  data?: Record<string, string>;
}

/** Where the Secret lives, who owns it, and how each of its keys gets a value when missing. */
export interface GeneratedSecretOptions {
  namespace: string;
  name: string;
  /** Key → a maker of a fresh random value, called only for keys the Secret lacks. */
  keys: Record<string, () => string>;
  /** The operator's Deployment: owns a Secret it creates, so uninstalling removes it. */
  ownerDeployment?: string;
  labels?: Record<string, string>;
  /** Words for the log ("the admin token"). */
  what: string;
  logger: Logger;
}

// Concurrent starts (several replicas) race at most once per key; a few rounds settle it.
const MAX_ROUNDS = 5;

/**
 * A random string of `length` letters and digits (no symbol that a configuration must escape),
 * starting with a letter: nats-server reads a `$VARIABLE` reference as a value, and one starting
 * with a digit as a number, which fails to parse.
 */
export function randomAlphanumeric(length: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  return drawFrom(letters, 1) + drawFrom(`${letters}0123456789`, length - 1);
}

function drawFrom(alphabet: string, length: number): string {
  // The largest multiple of the alphabet's size up to 256: bytes above it would bias the draw.
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/** A random token of `bytes` bytes, base64url (URL- and header-safe). */
export function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

function decoded(secret: Secret | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, encoded] of Object.entries(secret?.data ?? {})) {
    const value = Buffer.from(encoded, 'base64').toString('utf8');
    if (value !== '') values[key] = value;
  }
  return values;
}

function missingKeys(values: Record<string, string>, keys: Record<string, () => string>): string[] {
  return Object.keys(keys).filter((key) => values[key] === undefined);
}

async function ownerReference(kube: KubeClient, namespace: string, deployment: string | undefined): Promise<OwnerReference | undefined> {
  if (deployment === undefined) return undefined;
  const found = await kube.find(DEPLOYMENT, namespace, deployment);
  if (found?.metadata.uid === undefined) return undefined;
  return { apiVersion: DEPLOYMENT.apiVersion, kind: DEPLOYMENT.kind, name: found.metadata.name, uid: found.metadata.uid };
}

function encodeAll(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, Buffer.from(value).toString('base64')]));
}

/**
 * The Secret's values for `keys`: creates the Secret with random values when it does not exist,
 * and adds (only) the keys it lacks when it does. Another replica's values win a race.
 */
export async function ensureGeneratedSecret(kube: KubeClient, options: GeneratedSecretOptions): Promise<Record<string, string>> {
  const { namespace, name, keys, logger } = options;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const existing = await kube.find<Secret>(SECRET, namespace, name);
    const values = decoded(existing);
    const missing = missingKeys(values, keys);
    if (missing.length === 0) return pick(values, keys);
    const added = Object.fromEntries(missing.map((key) => [key, keys[key]!()]));
    Object.assign(values, added);
    try {
      if (existing === undefined) {
        const owner = await ownerReference(kube, namespace, options.ownerDeployment);
        await kube.create(SECRET, namespace, {
          apiVersion: SECRET.apiVersion,
          kind: SECRET.kind,
          metadata: { name, namespace, ...(options.labels ? { labels: options.labels } : {}), ...(owner ? { ownerReferences: [owner] } : {}) },
          type: 'Opaque',
          data: encodeAll(values),
        } as Secret);
        logger.info({ secret: name }, `created ${options.what}`);
      } else {
        // resourceVersion makes this a compare-and-swap: a concurrent change fails it with 409.
        await kube.replace(SECRET, namespace, { ...existing, data: { ...existing.data, ...encodeAll(added) } } as Secret);
        logger.warn({ secret: name, added: missing }, `added missing keys to ${options.what}`);
      }
      return pick(values, keys);
    } catch (error) {
      if (!(error instanceof KubeApiError && error.conflict)) throw error;
      // Another replica wrote first: read again and use theirs.
    }
  }
  throw new KubeApiError(409, 'Conflict', `Secret ${name} kept changing while ${options.what} was being made`);
}

function pick(values: Record<string, string>, keys: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.keys(keys).map((key) => [key, values[key]!]));
}
