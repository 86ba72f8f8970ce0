// ServeEndpoint → the head's endpoint of the same name: route, methods, traffic and shadows.
// Nothing is sent to the head while a backend the spec names is missing there, so a typo in a
// backend name never takes a serving endpoint down.
import { endpointTraffic } from '@troupe/common';
import type { BackendDescription, EndpointDescription } from '@troupe/serve';
import { backendKeysOf } from './backend-reconciler.js';
import { addFinalizer, hasFinalizer, removeFinalizer } from './finalizers.js';
import { applied, errorMessage, isHeadUnavailable, refusalReason } from './head-failures.js';
import { assertLeader, type ReconcileContext } from './reconcile-context.js';
import { SERVE_ENDPOINT, objectKey, type ServeEndpoint, type ServeEndpointStatus } from './resource-types.js';
import { Reason, outcome, type Condition } from './status-conditions.js';
import { writeStatus } from './status-writer.js';
import type { ReconcileResult } from './work-queue.js';

interface DesiredEndpoint {
  route: string | undefined;
  methods: string[];
  traffic: Record<string, number>;
  shadows: Record<string, number>;
}

function desiredOf(endpoint: ServeEndpoint): DesiredEndpoint {
  const methods = [...new Set((endpoint.spec.methods ?? ['GET']).map((m) => m.toUpperCase()))];
  return {
    route: endpoint.spec.route,
    methods,
    traffic: endpointTraffic(endpoint.spec),
    shadows: Object.fromEntries(Object.entries(endpoint.spec.shadow ?? {}).filter(([, p]) => p > 0)),
  };
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

function sameWeights(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (Math.abs((a[key] ?? 0) - (b[key] ?? 0)) > 1e-9) return false;
  return true;
}

export class EndpointReconciler {
  constructor(private readonly context: ReconcileContext) {}

  async reconcile(key: string): Promise<ReconcileResult | void> {
    const cached = this.context.endpoints.get(key);
    if (cached === undefined) return;
    if (cached.metadata.deletionTimestamp !== undefined) return this.finalize(cached);
    assertLeader(this.context);
    const endpoint = await addFinalizer(this.context.kube, SERVE_ENDPOINT, cached);
    try {
      return await this.apply(endpoint);
    } catch (error) {
      await this.reportFailure(endpoint, error);
      if (refusalReason(error) === undefined) throw error;
      // Refused: retried when the spec changes, or slowly in case the head-side cause goes away.
      return { requeueAfterMs: this.context.waitPollMs };
    }
  }

  private async apply(endpoint: ServeEndpoint): Promise<ReconcileResult | void> {
    const { head } = this.context;
    const name = endpoint.metadata.name;
    const desired = desiredOf(endpoint);
    const backends = await head.listBackends();
    const known = new Set(backends.map((b) => b.tag));
    const missing = [...new Set([...Object.keys(desired.traffic), ...Object.keys(desired.shadows)])].filter((b) => !known.has(b));
    if (missing.length > 0) {
      const message = `backend${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not found on the head; the endpoint was left as it was`;
      await this.status(endpoint, outcome('failed', Reason.BackendNotFound, message));
      // Creating the backend enqueues this endpoint; the poll covers backends made outside Kubernetes.
      return { requeueAfterMs: this.context.waitPollMs };
    }

    let current: EndpointDescription | undefined = (await head.listEndpoints()).find((e) => e.name === name);
    if (current !== undefined && ((current.route ?? '') !== (desired.route ?? '') || !sameSet(current.methods, desired.methods))) {
      // The head keeps route and methods fixed for an endpoint's lifetime.
      assertLeader(this.context);
      this.context.logger.info({ endpoint: name, route: desired.route }, 're-creating endpoint with its new route or methods');
      await applied(head.deleteEndpoint(name));
      current = undefined;
    }
    if (current === undefined) {
      assertLeader(this.context);
      this.context.logger.info({ endpoint: name, route: desired.route, traffic: desired.traffic }, 'creating endpoint on the head');
      await applied(
        head.createEndpoint(name, {
          traffic: desired.traffic,
          methods: desired.methods,
          ...(desired.route === undefined ? {} : { route: desired.route }),
        }),
      );
    } else if (!sameWeights(current.traffic, desired.traffic)) {
      assertLeader(this.context);
      this.context.logger.info({ endpoint: name, traffic: desired.traffic }, 'setting traffic');
      await applied(head.setTraffic(name, desired.traffic));
    }
    const currentShadows = current?.shadows ?? {};
    for (const [backend, proportion] of Object.entries(desired.shadows)) {
      if (currentShadows[backend] !== proportion) {
        assertLeader(this.context);
        await applied(head.shadowTraffic(name, backend, proportion));
      }
    }
    for (const backend of Object.keys(currentShadows)) {
      if (!(backend in desired.shadows)) {
        assertLeader(this.context);
        await applied(head.shadowTraffic(name, backend, 0));
      }
    }

    const now = (await head.listEndpoints()).find((e) => e.name === name);
    const serving = (await head.listBackends()).filter((b) => (desired.traffic[b.tag] ?? 0) > 0);
    const readyReplicas = serving.reduce((sum, b) => sum + b.replicaTags.length, 0);
    const idle = serving.filter((b) => b.replicaTags.length === 0).map((b) => b.tag);
    const upToDate = now !== undefined && sameWeights(now.traffic, desired.traffic) && sameWeights(now.shadows, desired.shadows);
    if (upToDate && idle.length === 0) {
      await this.status(endpoint, outcome('ready', Reason.Available, servingMessage(desired, serving)), desired, readyReplicas);
      return;
    }
    const message = idle.length > 0 ? `waiting for replicas of ${idle.join(', ')}` : 'waiting for the head to apply the endpoint';
    await this.status(endpoint, outcome('progressing', Reason.Applying, message), desired, readyReplicas);
    return { requeueAfterMs: this.context.progressPollMs };
  }

  private async finalize(endpoint: ServeEndpoint): Promise<ReconcileResult | void> {
    if (!hasFinalizer(endpoint)) return;
    assertLeader(this.context);
    const gone = await this.context.headGoneReason();
    if (gone !== undefined) {
      this.context.logger.info({ endpoint: endpoint.metadata.name, reason: gone }, 'releasing the finalizer without the head: it is going away');
      await removeFinalizer(this.context.kube, SERVE_ENDPOINT, endpoint);
      return;
    }
    const name = endpoint.metadata.name;
    try {
      await applied(this.context.head.deleteEndpoint(name));
      this.context.logger.info({ endpoint: name }, 'deleted endpoint from the head');
    } catch (error) {
      if (refusalReason(error) !== Reason.BackendNotFound) {
        await this.reportFailure(endpoint, error);
        throw error;
      }
    }
    assertLeader(this.context);
    await removeFinalizer(this.context.kube, SERVE_ENDPOINT, endpoint);
    // Backends whose deletion waited for this endpoint to let go can finish now.
    for (const key of backendKeysOf(endpoint.metadata.namespace, endpoint.spec)) this.context.enqueueBackend(key);
  }

  private async reportFailure(endpoint: ServeEndpoint, error: unknown): Promise<void> {
    const reason = refusalReason(error) ?? (isHeadUnavailable(error) ? Reason.HeadUnavailable : Reason.ReconcileError);
    if (!this.context.isLeader()) return;
    const latest = this.context.endpoints.get(objectKey(endpoint)) ?? endpoint;
    await this.status(latest, outcome('failed', reason, errorMessage(error))).catch((statusError: unknown) =>
      this.context.logger.warn({ err: statusError, key: objectKey(endpoint) }, 'could not write status'),
    );
  }

  private async status(endpoint: ServeEndpoint, conditions: Condition[], desired?: DesiredEndpoint, readyReplicas?: number): Promise<void> {
    assertLeader(this.context);
    const fields: Omit<ServeEndpointStatus, 'observedGeneration' | 'conditions'> = {};
    if (desired !== undefined) {
      fields.route = desired.route;
      fields.traffic = desired.traffic;
      fields.readyReplicas = readyReplicas;
    }
    await writeStatus(this.context.kube, SERVE_ENDPOINT, endpoint, conditions, fields);
  }
}

function servingMessage(desired: DesiredEndpoint, serving: BackendDescription[]): string {
  const where = desired.route === undefined ? 'handle-only' : `${desired.methods.join(',')} ${desired.route}`;
  return `${where} → ${serving.map((b) => `${b.tag} (${desired.traffic[b.tag]})`).join(', ')}`;
}
