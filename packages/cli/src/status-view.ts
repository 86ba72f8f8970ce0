// `troupe status`: readable tables, or JSON for scripts.
import Table from 'cli-table3';
import type { troupe } from '@troupe/protocol';

function weights(map: Record<string, number>): string {
  return Object.entries(map).map(([k, v]) => `${k}=${v}`).join(', ') || '-';
}

export function statusJson(status: troupe.v1.ClusterStatus): unknown {
  return {
    version: Number(status.version),
    httpLocation: status.httpLocation,
    backends: status.backends.map((b) => ({
      tag: b.spec?.tag,
      importPath: b.spec?.importPath,
      config: { ...(b.spec?.config ?? {}), userConfig: b.spec?.config?.userConfigJson ? JSON.parse(b.spec.config.userConfigJson) : undefined, userConfigJson: undefined },
      replicas: b.replicaTags,
    })),
    endpoints: status.endpoints.map((e) => ({ name: e.name, route: e.route || null, methods: e.methods, traffic: e.traffic, shadows: e.shadows })),
    workers: status.workers.map((w) => ({ id: w.workerId, node: w.nodeId, address: w.dataAddress, replicas: (w.replicas ?? []).length })),
    proxies: status.proxies.map((p) => ({ id: p.proxyId, node: p.nodeId, address: p.httpAddress, version: Number(p.version), draining: p.draining })),
    conditions: (status.conditions ?? []).map((c) => ({ type: c.type, status: c.status, reason: c.reason, message: c.message })),
  };
}

export function statusTables(status: troupe.v1.ClusterStatus): string {
  const backends = new Table({ head: ['BACKEND', 'READY', 'MAX QUERIES', 'BATCH', 'IMPORT PATH', 'REPLICAS'] });
  for (const b of status.backends) {
    const c = b.spec?.config ?? {};
    backends.push([b.spec?.tag ?? '', `${(b.replicaTags ?? []).length}/${c.numReplicas ?? 0}`, String(c.maxConcurrentQueries ?? ''),
      batchColumn(c), b.spec?.importPath ?? '', (b.replicaTags ?? []).join('\n') || '-']);
  }
  const endpoints = new Table({ head: ['ENDPOINT', 'ROUTE', 'METHODS', 'TRAFFIC', 'SHADOWS'] });
  for (const e of status.endpoints) {
    endpoints.push([e.name ?? '', e.route || '(handle only)', (e.methods ?? []).join(','), weights(e.traffic ?? {}), weights(e.shadows ?? {})]);
  }
  const workers = new Table({ head: ['WORKER', 'NODE', 'ADDRESS', 'REPLICAS'] });
  for (const w of status.workers) workers.push([(w.workerId ?? '').slice(0, 8), w.nodeId ?? '', w.dataAddress ?? '', String((w.replicas ?? []).length)]);
  const proxies = new Table({ head: ['PROXY', 'NODE', 'HTTP', 'VERSION', 'STATE'] });
  for (const p of status.proxies) {
    proxies.push([(p.proxyId ?? '').slice(0, 8), p.nodeId ?? '', p.httpAddress ?? '', String(p.version), p.draining ? 'draining' : 'serving']);
  }
  // Conditions that need the operator's attention come first, where they cannot be missed.
  const problems = (status.conditions ?? []).filter((c) => c.status !== 'True').map((c) => `WARNING ${c.type}=${c.status} (${c.reason}): ${c.message}`);
  return [
    ...problems,
    `HTTP location: ${status.httpLocation}   state version: ${status.version}`,
    backends.toString(), endpoints.toString(), workers.toString(), proxies.toString(),
  ].join('\n');
}

/** Size / wait, and how many batches may run at once when that is limited. */
function batchColumn(c: troupe.v1.IBackendConfig): string {
  const limit = c.maxConcurrentBatches ? `, ${c.maxConcurrentBatches} at once` : '';
  return `${c.maxBatchSize ?? 1} / ${c.batchWaitTimeout ?? 0}s${limit}`;
}
