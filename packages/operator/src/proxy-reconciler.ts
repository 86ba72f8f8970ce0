// Keeps the proxies' objects as the HTTP location wants them: applies what is missing or was
// edited (server-side apply, forced, so the operator's fields win over manual edits), deletes what
// an earlier location left behind, and reports each reverted edit as a Warning Event.
import { randomBytes } from 'node:crypto';
import type { Logger } from '@troupe/common';
import type { Informer } from './informer.js';
import type { KubeClient, KubeObject, OwnerReference, ResourceType } from './kube-client.js';
import { KubeApiError } from './errors.js';
import {
  configMapManifest,
  containsDesired,
  desiredProxyObjects,
  MANAGED_BY,
  type ProxySettings,
} from './proxy-manifests.js';
import { CONFIG_MAP, DAEMON_SET, DEPLOYMENT, EVENT, SERVICE } from './resource-types.js';
import type { ReconcileResult } from './work-queue.js';

export const PROXY_KEY = 'proxies';

export interface ProxyReconcilerOptions {
  kube: KubeClient;
  settings: ProxySettings;
  logger: Logger;
  /** Informers of the managed kinds, filtered by the managed-by/instance labels. */
  informers: Map<ResourceType, Informer>;
  /** When set, the config object is owned by the operator's Deployment, so uninstalling removes everything. */
  ownerDeployment?: string;
  assertLeader(): void;
  identity: string;
}

const MANAGED_KINDS: ResourceType[] = [DAEMON_SET, DEPLOYMENT, SERVICE];

function typeOf(object: KubeObject): ResourceType {
  const type = [...MANAGED_KINDS, CONFIG_MAP].find((t) => t.kind === object.kind);
  if (type === undefined) throw new Error(`unexpected kind ${object.kind}`);
  return type;
}

export class ProxyReconciler {
  constructor(private readonly options: ProxyReconcilerOptions) {}

  async reconcile(): Promise<ReconcileResult | void> {
    const { settings } = this.options;
    const owner = await this.ensureConfigObject();
    const desired = desiredProxyObjects(settings, owner);
    for (const object of desired) await this.ensure(object);

    const wanted = new Set(desired.map((o) => `${o.kind}/${o.metadata.name}`));
    for (const type of MANAGED_KINDS) {
      for (const object of this.options.informers.get(type)?.list() ?? []) {
        if (wanted.has(`${type.kind}/${object.metadata.name}`)) continue;
        if (object.metadata.labels?.['app.kubernetes.io/managed-by'] !== MANAGED_BY) continue;
        this.options.assertLeader();
        this.options.logger.info({ kind: type.kind, name: object.metadata.name, location: settings.location }, 'deleting proxy object of another HTTP location');
        await this.options.kube.delete(type, object.metadata.namespace, object.metadata.name);
      }
    }
  }

  private async ensureConfigObject(): Promise<OwnerReference> {
    const { kube, settings } = this.options;
    let operatorOwner: OwnerReference | undefined;
    if (this.options.ownerDeployment !== undefined) {
      const deployment = await kube.find(DEPLOYMENT, settings.namespace, this.options.ownerDeployment);
      if (deployment?.metadata.uid !== undefined) {
        operatorOwner = { apiVersion: DEPLOYMENT.apiVersion, kind: DEPLOYMENT.kind, name: deployment.metadata.name, uid: deployment.metadata.uid };
      }
    }
    const config = await this.ensure(configMapManifest(settings, operatorOwner));
    return {
      apiVersion: CONFIG_MAP.apiVersion,
      kind: CONFIG_MAP.kind,
      name: config.metadata.name,
      uid: config.metadata.uid!,
      controller: true,
    };
  }

  /** Applies `desired` unless the cached object already has every field of it. */
  private async ensure(desired: KubeObject): Promise<KubeObject> {
    const { kube, logger } = this.options;
    const type = typeOf(desired);
    const cached = this.options.informers.get(type)?.get(`${desired.metadata.namespace}/${desired.metadata.name}`);
    if (cached !== undefined && containsDesired(cached, desired)) return cached;
    this.options.assertLeader();
    const appliedObject = await kube.apply(type, desired.metadata.namespace, desired, MANAGED_BY);
    if (cached === undefined) {
      logger.info({ kind: type.kind, name: desired.metadata.name }, 'created proxy object');
    } else if (appliedObject.metadata.resourceVersion !== cached.metadata.resourceVersion) {
      const ownHash = cached.metadata.annotations?.['serve.troupe.dev/spec-hash'];
      const wantHash = desired.metadata.annotations?.['serve.troupe.dev/spec-hash'];
      if (ownHash === wantHash) {
        // Same spec as last applied, yet the object differed: someone edited it.
        logger.warn({ kind: type.kind, name: desired.metadata.name }, 'reverted a change made outside the operator');
        await this.event(appliedObject, 'DriftReverted', `${type.kind} ${desired.metadata.name} was edited outside the operator; the change was reverted`);
      } else {
        logger.info({ kind: type.kind, name: desired.metadata.name }, 'updated proxy object');
      }
    }
    return appliedObject;
  }

  private async event(object: KubeObject, reason: string, message: string): Promise<void> {
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const namespace = object.metadata.namespace ?? this.options.settings.namespace;
    try {
      await this.options.kube.create(EVENT, namespace, {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: `${object.metadata.name}.${randomBytes(6).toString('hex')}`, namespace },
        involvedObject: {
          apiVersion: object.apiVersion,
          kind: object.kind,
          name: object.metadata.name,
          namespace,
          uid: object.metadata.uid,
          resourceVersion: object.metadata.resourceVersion,
        },
        reason,
        message,
        type: 'Warning',
        source: { component: MANAGED_BY },
        reportingComponent: MANAGED_BY,
        reportingInstance: this.options.identity,
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
      });
    } catch (error) {
      // Events are informative; failing to write one must not fail the reconcile.
      if (!(error instanceof KubeApiError)) throw error;
      this.options.logger.warn({ err: error }, 'could not record an event');
    }
  }
}
