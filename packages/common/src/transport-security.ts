// TLS for gRPC between components and credentials for NATS, read from the environment that the
// local cluster or the Helm chart (from Secrets) sets. Without them, loopback traffic is plain.
import { timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { checkServerIdentity } from 'node:tls';
import { credentials, ServerCredentials, type ChannelCredentials, type Metadata } from '@grpc/grpc-js';
import { UnauthenticatedError } from './errors.js';
import { natsInboxPrefix } from './nats-access.js';

function readOptional(path: string | undefined): Buffer | null {
  return path ? readFileSync(path) : null;
}

/** TROUPE_TLS_CERT + TROUPE_TLS_KEY (and TROUPE_TLS_CA to require client certificates). */
export function loadServerCredentials(env: NodeJS.ProcessEnv = process.env): ServerCredentials {
  const cert = readOptional(env.TROUPE_TLS_CERT);
  const key = readOptional(env.TROUPE_TLS_KEY);
  if (!cert || !key) return ServerCredentials.createInsecure();
  const ca = readOptional(env.TROUPE_TLS_CA);
  return ServerCredentials.createSsl(ca, [{ cert_chain: cert, private_key: key }], ca !== null);
}

/**
 * TROUPE_TLS_CA (trust) plus, for mutual TLS, TROUPE_TLS_CERT + TROUPE_TLS_KEY. With
 * TROUPE_TLS_SERVER_NAME, peers' certificates are checked for that name instead of the address
 * dialled: in Kubernetes, workers are dialled by pod IP, which no certificate can list in advance.
 */
export function loadChannelCredentials(env: NodeJS.ProcessEnv = process.env): ChannelCredentials {
  const ca = readOptional(env.TROUPE_TLS_CA);
  if (!ca) return credentials.createInsecure();
  const serverName = env.TROUPE_TLS_SERVER_NAME;
  const verify = serverName ? { checkServerIdentity: (_host: string, cert: Parameters<typeof checkServerIdentity>[1]) => checkServerIdentity(serverName, cert) } : undefined;
  return credentials.createSsl(ca, readOptional(env.TROUPE_TLS_KEY), readOptional(env.TROUPE_TLS_CERT), verify);
}

/**
 * Refuses a call unless it carries `authorization: Bearer <token>`; nothing is required when no
 * token is configured. The comparison takes the same time wherever the values differ.
 */
export function requireBearerToken(metadata: Metadata, token: string | undefined): void {
  if (!token) return;
  const header = metadata.get('authorization')[0];
  if (header === undefined) throw new UnauthenticatedError('missing bearer token');
  const given = Buffer.from(String(header));
  const expected = Buffer.from(`Bearer ${token}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new UnauthenticatedError('invalid bearer token');
}

/** TROUPE_NATS_USER + TROUPE_NATS_PASSWORD, or TROUPE_NATS_TOKEN. */
export function natsAuthOptions(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  if (env.TROUPE_NATS_USER) return natsUserOptions(env.TROUPE_NATS_USER, env.TROUPE_NATS_PASSWORD ?? '');
  if (env.TROUPE_NATS_TOKEN) return { token: env.TROUPE_NATS_TOKEN };
  return {};
}

/** Connection options of a NATS user: replies arrive under the inbox prefix its permissions allow. */
export function natsUserOptions(user: string, pass: string): Record<string, string> {
  return { user, pass, inboxPrefix: natsInboxPrefix(user) };
}
