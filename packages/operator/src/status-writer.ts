// Writes the status subresource only when it changes: every write is a watch event, and writing
// an unchanged status on each reconcile would loop forever through the informer.
import { isDeepStrictEqual } from 'node:util';
import type { KubeClient, ResourceType } from './kube-client.js';
import type { ServeBackend, ServeEndpoint, ServeStatus } from './resource-types.js';
import { mergeConditions, type Condition } from './status-conditions.js';

export async function writeStatus<S extends ServeStatus>(
  kube: KubeClient,
  type: ResourceType,
  object: ServeBackend | ServeEndpoint,
  conditions: Condition[],
  fields: Omit<S, keyof ServeStatus>,
): Promise<void> {
  const current = (object.status ?? {}) as ServeStatus & Record<string, unknown>;
  const generation = object.metadata.generation;
  const next: Record<string, unknown> = {
    ...current,
    ...fields,
    conditions: mergeConditions(current.conditions, conditions, generation),
    ...(generation === undefined ? {} : { observedGeneration: generation }),
  };
  for (const [key, value] of Object.entries(next)) if (value === undefined) delete next[key];
  if (isDeepStrictEqual(next, current)) return;
  // A merge patch sets the fields given; `null` clears the ones this status no longer has.
  const patch: Record<string, unknown> = { ...next };
  for (const key of Object.keys(current)) if (!(key in next)) patch[key] = null;
  await kube.patch(type, object.metadata.namespace, object.metadata.name, { status: patch }, undefined, 'status');
}
