// Bounds of the data plane, shared by the proxy (HTTP body limit), the workers (largest frame they
// read) and every router (largest frame they send or read), so the three agree on one number.
import { ValidationError } from './errors.js';

/** Largest HTTP request body the proxy accepts; larger ones get 413. */
export const DEFAULT_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

/**
 * Room for everything a call carries besides its body: path, query, headers (the proxy caps the
 * request head at 16 KiB by default), tags and protobuf framing.
 */
export const DATA_FRAME_ALLOWANCE_BYTES = 1024 * 1024;

/** The environment variable that sets the body limit of proxies and, with it, the data plane's. */
export const BODY_LIMIT_ENV = 'TROUPE_BODY_LIMIT_BYTES';

/** The environment variable that holds the cluster's data-plane bearer token. */
export const DATA_TOKEN_ENV = 'TROUPE_DATA_TOKEN';

/** Largest data-plane message (a frame of calls or of replies) for a given HTTP body limit. */
export function dataMessageLimit(bodyLimitBytes: number = DEFAULT_BODY_LIMIT_BYTES): number {
  return bodyLimitBytes + DATA_FRAME_ALLOWANCE_BYTES;
}

/** The body limit the environment sets (TROUPE_BODY_LIMIT_BYTES), else the default. */
export function bodyLimitFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const text = env[BODY_LIMIT_ENV];
  if (text === undefined || text === '') return DEFAULT_BODY_LIMIT_BYTES;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    throw new ValidationError(`${BODY_LIMIT_ENV}: must be an integer >= 0, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** The data token the environment holds (TROUPE_DATA_TOKEN); undefined when none is set. */
export function dataTokenFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[DATA_TOKEN_ENV] || undefined;
}
