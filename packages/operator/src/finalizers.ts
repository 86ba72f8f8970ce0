// The operator's finalizer on ServeBackends and ServeEndpoints: while it is there, deleting the
// resource only marks it, and the operator removes the name from the head before letting it go.
import { KubeApiError } from './errors.js';
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

/**
 * Removes the finalizer from every ServeBackend and ServeEndpoint in the namespace: for when the
 * head goes away with them (uninstall, namespace deletion), so nothing waits for it. Returns how
 * many were released.
 */
export async function releaseAllFinalizers(kube: KubeClient, namespace: string, types: ResourceType[]): Promise<number> {
  let released = 0;
  for (const type of types) {
    let items: KubeObject[];
    try {
      ({ items } = await kube.list(type, namespace));
    } catch (error) {
      // The CRD itself is gone: no resource of the kind can hold a finalizer.
      if (error instanceof KubeApiError && error.notFound) continue;
      throw error;
    }
    for (const object of items) {
      if (!hasFinalizer(object)) continue;
      // A merge patch without resourceVersion: the list of finalizers is all that changes.
      const finalizers = (object.metadata.finalizers ?? []).filter((f) => f !== FINALIZER);
      await kube.patch(type, namespace, object.metadata.name, { metadata: { finalizers } }).catch((error: unknown) => {
        if (!(error instanceof KubeApiError && error.notFound)) throw error;
      });
      released++;
    }
  }
  return released;
}
