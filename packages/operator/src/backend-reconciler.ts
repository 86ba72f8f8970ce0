// ServeBackend → the head's backend of the same name. The head is the source of truth for what
// runs: each pass reads it, changes only what differs from the spec, and reports the outcome.
import { isDeepStrictEqual } from 'node:util';
import {
  BACKEND_CONFIG_DEFAULTS,
  endpointTraffic,
  mergeBackendConfig,
  type BackendConfig,
  type BackendConfigInput,
} from '@troupe/common';
import type { BackendDescription, EndpointDescription } from '@troupe/serve';
import { addFinalizer, hasFinalizer, removeFinalizer } from './finalizers.js';
import { applied, errorMessage, isHeadUnavailable, refusalReason } from './head-failures.js';
import { assertLeader, type ReconcileContext } from './reconcile-context.js';
import { SERVE_BACKEND, objectKey, type ServeBackend, type ServeBackendStatus } from './resource-types.js';
import { Reason, outcome, type Condition } from './status-conditions.js';
import { writeStatus } from './status-writer.js';
import type { ReconcileResult } from './work-queue.js';

/** userConfig null and absent mean the same to a replica; the head reports a cleared one as null. */
function sameConfig(a: BackendConfig, b: BackendConfig): boolean {
  const strip = (c: BackendConfig): BackendConfig => {
    const copy = { ...c };
    if (copy.userConfig === null || copy.userConfig === undefined) delete copy.userConfig;
    return copy;
  };
  return isDeepStrictEqual(strip(a), strip(b));
}

function endpointsUsing(endpoints: EndpointDescription[], tag: string): string[] {
  return endpoints.filter((e) => tag in e.traffic || tag in e.shadows).map((e) => e.name);
}

export class BackendReconciler {
  constructor(private readonly context: ReconcileContext) {}

  async reconcile(key: string): Promise<ReconcileResult | void> {
    const cached = this.context.backends.get(key);
    if (cached === undefined) return;
    if (cached.metadata.deletionTimestamp !== undefined) return this.finalize(cached);
    assertLeader(this.context);
    const backend = await addFinalizer(this.context.kube, SERVE_BACKEND, cached);
    try {
      return await this.apply(backend);
    } catch (error) {
      await this.reportFailure(backend, error);
      const reason = refusalReason(error);
      // A refused spec stays refused until it changes, and a change enqueues the key again.
      if (reason === undefined) throw error;
    }
  }

  private async apply(backend: ServeBackend): Promise<ReconcileResult | void> {
    const { head } = this.context;
    const tag = backend.metadata.name;
    const { importPath } = backend.spec;
    const initArgs = backend.spec.initArgs ?? [];
    const exposedMethods = backend.spec.exposedMethods ?? [];
    const desired = mergeBackendConfig(BACKEND_CONFIG_DEFAULTS, backend.spec.config ?? {}, 'spec.config');
    let current = (await head.listBackends()).find((b) => b.tag === tag);

    const codeChanged = (b: { importPath: string; initArgs: unknown[]; exposedMethods: string[] }): boolean =>
      b.importPath !== importPath || !isDeepStrictEqual(b.initArgs, initArgs) || !isDeepStrictEqual(b.exposedMethods, exposedMethods);
    if (current !== undefined && codeChanged(current)) {
      // Replicas cannot change their code in place: the backend is re-created, which the head
      // allows only while no endpoint routes to it.
      const users = endpointsUsing(await head.listEndpoints(), tag);
      if (users.length > 0) {
        const message = `importPath/initArgs/exposedMethods changed, but endpoints ${users.join(', ')} still route to this backend; ` +
          'point them elsewhere (or delete them) so it can be re-created';
        await this.status(backend, outcome('failed', Reason.ReplaceBlocked, message), current);
        return { requeueAfterMs: this.context.waitPollMs };
      }
      assertLeader(this.context);
      await applied(head.deleteBackend(tag));
      current = undefined;
    }

    if (current === undefined) {
      assertLeader(this.context);
      this.context.logger.info({ backend: tag, importPath }, 'creating backend on the head');
      await applied(head.createBackend(tag, importPath, { config: backend.spec.config ?? {}, initArgs, exposedMethods }));
      this.notifyEndpoints(backend);
    } else if (!sameConfig(current.config, desired)) {
      assertLeader(this.context);
      this.context.logger.info({ backend: tag, config: desired }, 'updating backend config on the head');
      // The whole config, so fields removed from the spec go back to their defaults.
      const update: BackendConfigInput = { ...desired };
      if (desired.userConfig === undefined && current.config.userConfig !== undefined && current.config.userConfig !== null) {
        update.userConfig = null;
      }
      await applied(head.updateBackendConfig(tag, update));
    }

    const now = (await head.listBackends()).find((b) => b.tag === tag);
    const running = now?.replicaTags.length ?? 0;
    const message = `${running}/${desired.numReplicas} replicas running`;
    if (now !== undefined && running === desired.numReplicas && sameConfig(now.config, desired)) {
      await this.status(backend, outcome('ready', Reason.Available, message), now, desired);
      return;
    }
    await this.status(backend, outcome('progressing', Reason.ScalingReplicas, message), now, desired);
    return { requeueAfterMs: this.context.progressPollMs };
  }

  private async finalize(backend: ServeBackend): Promise<ReconcileResult | void> {
    if (!hasFinalizer(backend)) return;
    assertLeader(this.context);
    const gone = await this.context.headGoneReason();
    if (gone !== undefined) {
      this.context.logger.info({ backend: backend.metadata.name, reason: gone }, 'releasing the finalizer without the head: it is going away');
      await removeFinalizer(this.context.kube, SERVE_BACKEND, backend);
      return;
    }
    const { head } = this.context;
    const tag = backend.metadata.name;
    try {
      await applied(head.deleteBackend(tag));
      this.context.logger.info({ backend: tag }, 'deleted backend from the head');
    } catch (error) {
      if (refusalReason(error) === Reason.StillReferenced) {
        const users = endpointsUsing(await head.listEndpoints(), tag);
        const message = `deletion waits: endpoints ${users.join(', ') || '(unknown)'} still route to this backend`;
        await this.status(backend, outcome('progressing', Reason.StillReferenced, message));
        // Deleting or re-pointing those endpoints enqueues this key; the poll covers head-side edits.
        return { requeueAfterMs: this.context.waitPollMs };
      }
      if (refusalReason(error) !== Reason.BackendNotFound) {
        await this.reportFailure(backend, error);
        throw error;
      }
    }
    assertLeader(this.context);
    await removeFinalizer(this.context.kube, SERVE_BACKEND, backend);
  }

  /** Endpoints waiting for this backend (BackendNotFound) can go ahead now. */
  private notifyEndpoints(backend: ServeBackend): void {
    const tag = backend.metadata.name;
    for (const endpoint of this.context.endpoints.list()) {
      if (endpoint.metadata.namespace !== backend.metadata.namespace) continue;
      const names = [...Object.keys(endpointTraffic(endpoint.spec)), ...Object.keys(endpoint.spec.shadow ?? {})];
      if (names.includes(tag)) this.context.enqueueEndpoint(objectKey(endpoint));
    }
  }

  private async reportFailure(backend: ServeBackend, error: unknown): Promise<void> {
    const reason = refusalReason(error) ?? (isHeadUnavailable(error) ? Reason.HeadUnavailable : Reason.ReconcileError);
    if (!this.context.isLeader()) return;
    const latest = this.context.backends.get(objectKey(backend)) ?? backend;
    await this.status(latest, outcome('failed', reason, errorMessage(error))).catch((statusError: unknown) =>
      this.context.logger.warn({ err: statusError, key: objectKey(backend) }, 'could not write status'),
    );
  }

  private async status(backend: ServeBackend, conditions: Condition[], head?: BackendDescription, desired?: BackendConfig): Promise<void> {
    assertLeader(this.context);
    const fields: Omit<ServeBackendStatus, 'observedGeneration' | 'conditions'> = {};
    if (desired !== undefined) fields.replicas = desired.numReplicas;
    if (head !== undefined) {
      fields.readyReplicas = head.replicaTags.length;
      fields.replicaTags = [...head.replicaTags].sort();
    }
    await writeStatus(this.context.kube, SERVE_BACKEND, backend, conditions, fields);
  }
}

/** Keys of the ServeBackends an endpoint names, to wake the ones waiting for it to let go. */
export function backendKeysOf(namespace: string | undefined, spec: { backend?: string; traffic?: Record<string, number>; shadow?: Record<string, number> }): string[] {
  const names = new Set([...Object.keys(endpointTraffic(spec)), ...Object.keys(spec.shadow ?? {})]);
  return [...names].map((name) => `${namespace ?? ''}/${name}`);
}
