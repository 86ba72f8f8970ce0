// BackendConfig: the schema, its defaults (the one place they live) and the merge rule of updates.
import { Type, type Static } from '@sinclair/typebox';
import { validateSchema } from './schema-validator.js';

/** The JSON Schema of a (possibly partial) BackendConfig; shared by the SDK, app files and CRDs. */
export const BackendConfigSchema = Type.Object(
  {
    numReplicas: Type.Optional(Type.Integer({ minimum: 0, description: 'Number of replicas. @default 1' })),
    maxConcurrentQueries: Type.Optional(
      Type.Integer({ minimum: 1, description: 'Most requests one replica holds in flight. @default 100' }),
    ),
    maxBatchSize: Type.Optional(
      Type.Integer({ minimum: 1, description: 'Largest batch; > 1 needs an acceptBatch backend. @default 1' }),
    ),
    batchWaitTimeout: Type.Optional(
      Type.Number({ minimum: 0, description: 'Seconds the oldest request of a batch waits for more. @default 0' }),
    ),
    maxConcurrentBatches: Type.Optional(
      Type.Integer({
        minimum: 0,
        description:
          'Batches of one method a replica runs at once; 0: as many as maxConcurrentQueries allows. @default 0',
      }),
    ),
    maxQueuedRequests: Type.Optional(
      Type.Integer({
        minimum: -1,
        description:
          'Requests each router (proxy or handle client) holds for this backend while every replica is full; beyond it HTTP answers 503 and handles fail with BackPressureError. -1: unbounded. @default 2000',
      }),
    ),
    userConfig: Type.Optional(
      Type.Unknown({
        description: 'Passed to reconfigure() of class backends, without restarting replicas.',
        'x-kubernetes-preserve-unknown-fields': true,
      }),
    ),
  },
  { additionalProperties: false },
);

export type BackendConfigInput = Static<typeof BackendConfigSchema>;

/** A complete BackendConfig, as replicas run with it. */
export interface BackendConfig {
  /** @default 1 */
  numReplicas: number;
  /** @default 100 */
  maxConcurrentQueries: number;
  /** @default 1 */
  maxBatchSize: number;
  /** Seconds. @default 0 */
  batchWaitTimeout: number;
  /**
   * Batches of one method a replica runs at once; absent (0 in updates) leaves only
   * maxConcurrentQueries as a bound. 1 is Ray Serve's `@serve.batch` default: calls queue in the
   * replica while its batch runs. @default 0
   */
  maxConcurrentBatches?: number;
  /**
   * Requests each router (every proxy, every handle client) holds for this backend while all its
   * replicas are at maxConcurrentQueries; more are refused (HTTP 503 with Retry-After, handles
   * BackPressureError). -1: unbounded. @default 2000
   */
  maxQueuedRequests: number;
  /** Any JSON value; undefined when unset. */
  userConfig?: unknown;
}

export const BACKEND_CONFIG_DEFAULTS: Readonly<BackendConfig> = Object.freeze({
  numReplicas: 1,
  maxConcurrentQueries: 100,
  maxBatchSize: 1,
  batchWaitTimeout: 0,
  maxQueuedRequests: 2000,
});

/** Validates a partial config and merges it over `base` (the defaults when creating). */
export function mergeBackendConfig(
  base: BackendConfig,
  update: unknown,
  prefix = 'config',
): BackendConfig {
  const partial = validateSchema(BackendConfigSchema, update ?? {}, prefix);
  const merged: BackendConfig = { ...base };
  for (const [key, value] of Object.entries(partial)) {
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  // "No limit" has one spelling, so configs compare equal however it was written.
  if (merged.maxConcurrentBatches === 0) delete merged.maxConcurrentBatches;
  return merged;
}
