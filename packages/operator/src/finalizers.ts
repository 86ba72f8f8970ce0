// The operator's finalizer on ServeBackends and ServeEndpoints: while it is there, deleting the
// resource only marks it, and the operator removes the name from the head before letting it go.
import type { KubeClient, KubeObject, ResourceType } from './kube-client.js';
import { FINALIZER } from './resource-types.js';

export function hasFinalizer(object: KubeObject): boolean {
  return object.metadata.finalizers?.includes(FINALIZER) ?? false;
}

/** Adds the finalizer; the resourceVersion makes it fail (409) when the object changed meanwhile. */
export async function addFinalizer<T extends KubeObject>(kube: KubeClient, type: ResourceType, object: T): Promise<T> {
  if (hasFinalizer(object)) return object;
  const finalizers = [...(object.metadata.finalizers ?? []), FINALIZER];
  return kube.patch<T>(type, object.metadata.namespace, object.metadata.name, {
    metadata: { finalizers, resourceVersion: object.metadata.resourceVersion },
  });
}

export async function removeFinalizer(kube: KubeClient, type: ResourceType, object: KubeObject): Promise<void> {
  if (!hasFinalizer(object)) return;
  const finalizers = (object.metadata.finalizers ?? []).filter((f) => f !== FINALIZER);
  await kube.patch(type, object.metadata.namespace, object.metadata.name, {
    metadata: { finalizers, resourceVersion: object.metadata.resourceVersion },
  });
}
