// Applies an app file idempotently: creates what is missing, updates what differs, and refuses
// (before changing anything) what cannot be changed in place.
import { endpointTraffic, ValidationError, type AppFile } from '@troupe/common';
import type { BackendDescription, EndpointDescription, TroupeClient } from '@troupe/serve';

export interface DeployProgress {
  step(text: string): void;
  done(text: string): void;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sortedMethods(methods: string[] | undefined): string[] {
  return [...new Set((methods ?? ['GET']).map((m) => m.toUpperCase()))].sort();
}

/** Checks everything the head would refuse midway, so a refused file changes nothing. */
function preflight(app: AppFile, backends: Map<string, BackendDescription>, endpoints: Map<string, EndpointDescription>): void {
  const known = new Set([...backends.keys(), ...app.backends.map((b) => b.name)]);
  app.backends.forEach((backend, i) => {
    const running = backends.get(backend.name);
    if (!running) return;
    if (
      running.importPath !== backend.importPath ||
      !sameJson(running.initArgs, backend.initArgs ?? []) ||
      !sameJson(running.exposedMethods, backend.exposedMethods ?? [])
    ) {
      throw new ValidationError(`backends[${i}]: importPath, initArgs or exposedMethods of running backend "${backend.name}" differ; delete it first`);
    }
  });
  app.endpoints.forEach((endpoint, i) => {
    for (const name of [...Object.keys(endpointTraffic(endpoint)), ...Object.keys(endpoint.shadow ?? {})]) {
      if (!known.has(name)) throw new ValidationError(`endpoints[${i}]: backend "${name}" is neither in the file nor running`);
    }
    const running = endpoints.get(endpoint.name);
    if (!running) return;
    if ((running.route ?? '') !== (endpoint.route ?? '') || !sameJson(sortedMethods(running.methods), sortedMethods(endpoint.methods))) {
      throw new ValidationError(`endpoints[${i}]: route or methods of running endpoint "${endpoint.name}" differ; delete it first`);
    }
  });
}

export async function deployApp(client: TroupeClient, app: AppFile, progress: DeployProgress): Promise<void> {
  const backends = new Map((await client.listBackends()).map((b) => [b.tag, b]));
  const endpoints = new Map((await client.listEndpoints()).map((e) => [e.name, e]));
  preflight(app, backends, endpoints);
  for (const backend of app.backends) {
    const replicas = backend.config?.numReplicas ?? 1;
    if (backends.has(backend.name)) {
      progress.step(`updating backend ${backend.name} (${replicas} replicas)`);
      await client.updateBackendConfig(backend.name, backend.config ?? {});
    } else {
      progress.step(`creating backend ${backend.name} (${replicas} replicas)`);
      await client.createBackend(backend.name, backend.importPath, {
        config: backend.config,
        initArgs: backend.initArgs,
        exposedMethods: backend.exposedMethods,
      });
    }
    progress.done(`backend ${backend.name}: ${replicas} replicas running`);
  }
  for (const endpoint of app.endpoints) {
    const traffic = endpointTraffic(endpoint);
    const running = endpoints.get(endpoint.name);
    progress.step(`${running ? 'updating' : 'creating'} endpoint ${endpoint.name}`);
    // Shadows leave before traffic changes: a backend moving from shadow to traffic is never both.
    await removeShadows(client, endpoint.name, running?.shadows ?? {}, endpoint.shadow ?? {});
    if (!running) {
      await client.createEndpoint(endpoint.name, { traffic, route: endpoint.route, methods: endpoint.methods });
    } else if (!sameJson(running.traffic, traffic)) {
      await client.setTraffic(endpoint.name, traffic);
    }
    await applyShadows(client, endpoint.name, running?.shadows ?? {}, endpoint.shadow ?? {});
    progress.done(`endpoint ${endpoint.name}${endpoint.route ? ` at ${endpoint.route}` : ''} served by every proxy`);
  }
}

async function applyShadows(
  client: TroupeClient,
  endpoint: string,
  current: Record<string, number>,
  wanted: Record<string, number>,
): Promise<void> {
  for (const [backend, proportion] of Object.entries(wanted)) {
    if (current[backend] !== proportion && !(proportion === 0 && current[backend] === undefined)) {
      await client.shadowTraffic(endpoint, backend, proportion);
    }
  }
}

async function removeShadows(
  client: TroupeClient,
  endpoint: string,
  current: Record<string, number>,
  wanted: Record<string, number>,
): Promise<void> {
  for (const backend of Object.keys(current)) {
    if (!wanted[backend]) {
      await client.shadowTraffic(endpoint, backend, 0);
      delete current[backend];
    }
  }
}

export async function deleteApp(client: TroupeClient, app: AppFile, progress: DeployProgress): Promise<void> {
  const endpoints = new Set((await client.listEndpoints()).map((e) => e.name));
  const backends = new Set((await client.listBackends()).map((b) => b.tag));
  for (const endpoint of app.endpoints) {
    if (!endpoints.has(endpoint.name)) continue;
    progress.step(`deleting endpoint ${endpoint.name}`);
    await client.deleteEndpoint(endpoint.name);
    progress.done(`endpoint ${endpoint.name} deleted`);
  }
  for (const backend of app.backends) {
    if (!backends.has(backend.name)) continue;
    progress.step(`deleting backend ${backend.name}`);
    await client.deleteBackend(backend.name);
    progress.done(`backend ${backend.name} deleted`);
  }
}
