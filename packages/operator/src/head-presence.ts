// Whether deleting a Serve resource still needs the head to forget it. It does not when the head is
// going away for good: its namespace is terminating, or its Deployment has been deleted (helm
// uninstall). Waiting for a head that will never answer would leave the resource, and so its
// namespace, stuck on the finalizer forever.
import { KubeApiError } from './errors.js';
import type { KubeClient, KubeObject } from './kube-client.js';
import { DEPLOYMENT, NAMESPACE } from './resource-types.js';

export interface HeadPresenceOptions {
  kube: KubeClient;
  /** Namespace of the head (the operator's own). */
  namespace: string;
  /** Namespace of the Serve resources. */
  watchNamespace: string;
  /** The head's Deployment; without it only namespace termination counts. */
  headDeployment?: string;
  /** Answers are reused this long, so a burst of deletions costs one lookup. @default 1000 */
  cacheMs?: number;
}

function terminating(object: KubeObject | undefined): boolean {
  return object === undefined || object.metadata.deletionTimestamp !== undefined;
}

export class HeadPresence {
  private cached: { at: number; reason: string | undefined } | undefined;

  constructor(private readonly options: HeadPresenceOptions) {}

  /** Why no head cleanup is needed any more, or undefined while it still is. */
  async goneReason(): Promise<string | undefined> {
    const cacheMs = this.options.cacheMs ?? 1000;
    if (this.cached !== undefined && Date.now() - this.cached.at < cacheMs) return this.cached.reason;
    const reason = await this.lookUp();
    this.cached = { at: Date.now(), reason };
    return reason;
  }

  private async lookUp(): Promise<string | undefined> {
    const { kube, namespace, watchNamespace, headDeployment } = this.options;
    for (const ns of new Set([watchNamespace, namespace])) {
      if (await this.namespaceTerminating(ns)) return `namespace ${ns} is being deleted`;
    }
    if (headDeployment !== undefined && terminating(await kube.find(DEPLOYMENT, namespace, headDeployment))) {
      return `the head's Deployment ${namespace}/${headDeployment} is deleted`;
    }
    return undefined;
  }

  private async namespaceTerminating(name: string): Promise<boolean> {
    try {
      const ns = await this.options.kube.find<KubeObject & { status?: { phase?: string } }>(NAMESPACE, undefined, name);
      return ns === undefined || ns.metadata.deletionTimestamp !== undefined || ns.status?.phase === 'Terminating';
    } catch (error) {
      // Reading namespaces is an optional right (the chart grants it for its own namespace only).
      if (error instanceof KubeApiError && error.status === 403) return false;
      throw error;
    }
  }
}
