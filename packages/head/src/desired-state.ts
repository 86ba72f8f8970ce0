// What the user asked for: backends and endpoints. Every operation validates first and returns a
// new state, so a refused change leaves the current one untouched.
import {
  AlreadyExistsError,
  BACKEND_CONFIG_DEFAULTS,
  ConflictError,
  mergeBackendConfig,
  NotFoundError,
  parseRoute,
  ValidationError,
  type BackendConfig,
} from '@troupe/common';
import type { troupe } from '@troupe/protocol';

export interface BackendState {
  tag: string;
  importPath: string;
  initArgs: unknown[];
  config: BackendConfig;
  /** Methods HTTP may call besides the class's own static list; empty: that list, else `call`. */
  exposedMethods: string[];
}

export interface EndpointState {
  name: string;
  route: string;
  methods: string[];
  traffic: Record<string, number>;
  shadows: Record<string, number>;
}

export interface DesiredState {
  version: number;
  backends: Map<string, BackendState>;
  /** In creation order: routes match in that order. */
  endpoints: EndpointState[];
}

export function emptyState(): DesiredState {
  return { version: 0, backends: new Map(), endpoints: [] };
}

function next(state: DesiredState, changes: Partial<DesiredState>): DesiredState {
  return { ...state, ...changes, version: state.version + 1 };
}

const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

function checkName(name: string, field: string): void {
  if (!NAME.test(name) || name.length > 253) {
    throw new ValidationError(`${field}: ${JSON.stringify(name)} is not a valid name (letters, digits, -, _, .)`);
  }
}

function parseJson(text: string | null | undefined, field: string): unknown {
  if (text === undefined || text === null || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError(`${field}: not valid JSON`);
  }
}

/** The proto config (every field optional) as the plain partial object the schema checks. */
export function configFromWire(config: troupe.v1.IBackendConfig | null | undefined): Record<string, unknown> {
  const partial: Record<string, unknown> = {};
  if (!config) return partial;
  if (config.numReplicas !== undefined && config.numReplicas !== null) partial.numReplicas = config.numReplicas;
  if (config.maxConcurrentQueries !== undefined && config.maxConcurrentQueries !== null) {
    partial.maxConcurrentQueries = config.maxConcurrentQueries;
  }
  if (config.maxBatchSize !== undefined && config.maxBatchSize !== null) partial.maxBatchSize = config.maxBatchSize;
  if (config.batchWaitTimeout !== undefined && config.batchWaitTimeout !== null) {
    partial.batchWaitTimeout = config.batchWaitTimeout;
  }
  if (config.maxConcurrentBatches !== undefined && config.maxConcurrentBatches !== null) {
    partial.maxConcurrentBatches = config.maxConcurrentBatches;
  }
  if (config.maxQueuedRequests !== undefined && config.maxQueuedRequests !== null) {
    partial.maxQueuedRequests = config.maxQueuedRequests;
  }
  const userConfig = parseJson(config.userConfigJson, 'config.userConfig');
  if (userConfig !== undefined) partial.userConfig = userConfig;
  return partial;
}

export function configToWire(config: BackendConfig): troupe.v1.IBackendConfig {
  const wire: troupe.v1.IBackendConfig = {
    numReplicas: config.numReplicas,
    maxConcurrentQueries: config.maxConcurrentQueries,
    maxBatchSize: config.maxBatchSize,
    batchWaitTimeout: config.batchWaitTimeout,
    maxQueuedRequests: config.maxQueuedRequests,
  };
  if (config.maxConcurrentBatches !== undefined) wire.maxConcurrentBatches = config.maxConcurrentBatches;
  if (config.userConfig !== undefined) wire.userConfigJson = JSON.stringify(config.userConfig);
  return wire;
}

export function backendToWire(backend: BackendState): troupe.v1.IBackendSpec {
  return {
    tag: backend.tag,
    importPath: backend.importPath,
    initArgsJson: JSON.stringify(backend.initArgs),
    config: configToWire(backend.config),
    exposedMethods: [...backend.exposedMethods],
  };
}

export function endpointToWire(endpoint: EndpointState): troupe.v1.IEndpointSpec {
  return { ...endpoint };
}

export function createBackend(state: DesiredState, spec: troupe.v1.IBackendSpec): DesiredState {
  const tag = spec.tag ?? '';
  checkName(tag, 'tag');
  if (state.backends.has(tag)) throw new AlreadyExistsError(`backend "${tag}" already exists`);
  const importPath = spec.importPath ?? '';
  if (importPath === '') throw new ValidationError('importPath: required');
  const initArgs = parseJson(spec.initArgsJson, 'initArgs') ?? [];
  if (!Array.isArray(initArgs)) throw new ValidationError('initArgs: must be an array');
  const config = mergeBackendConfig(BACKEND_CONFIG_DEFAULTS, configFromWire(spec.config));
  const exposedMethods = checkExposedMethods(spec.exposedMethods ?? []);
  const backends = new Map(state.backends).set(tag, { tag, importPath, initArgs, config, exposedMethods });
  return next(state, { backends });
}

/** Names HTTP must never reach, whatever a backend lists. */
const NEVER_EXPOSED = new Set(['constructor', 'reconfigure', 'checkHealth', 'shutdown', ...Object.getOwnPropertyNames(Object.prototype)]);

function checkExposedMethods(methods: string[]): string[] {
  for (const method of methods) {
    if (!/^[A-Za-z_$][\w$]*$/.test(method)) {
      throw new ValidationError(`exposedMethods: ${JSON.stringify(method)} is not a method name`);
    }
    if (NEVER_EXPOSED.has(method)) throw new ValidationError(`exposedMethods: "${method}" can never be called over HTTP`);
  }
  return [...new Set(methods)];
}

export function updateBackendConfig(
  state: DesiredState,
  tag: string,
  config: troupe.v1.IBackendConfig | null | undefined,
): DesiredState {
  const backend = requireBackend(state, tag);
  const merged = mergeBackendConfig(backend.config, configFromWire(config));
  const backends = new Map(state.backends).set(tag, { ...backend, config: merged });
  return next(state, { backends });
}

export function deleteBackend(state: DesiredState, tag: string): DesiredState {
  requireBackend(state, tag);
  const user = state.endpoints.find((e) => tag in e.traffic || tag in e.shadows);
  if (user) throw new ConflictError(`backend "${tag}" is still used by endpoint "${user.name}"; change its traffic first`);
  const backends = new Map(state.backends);
  backends.delete(tag);
  return next(state, { backends });
}

export function requireBackend(state: DesiredState, tag: string): BackendState {
  const backend = state.backends.get(tag);
  if (!backend) throw new NotFoundError(`backend "${tag}" does not exist`);
  return backend;
}

function requireEndpoint(state: DesiredState, name: string): EndpointState {
  const endpoint = state.endpoints.find((e) => e.name === name);
  if (!endpoint) throw new NotFoundError(`endpoint "${name}" does not exist`);
  return endpoint;
}

function normalizeMethods(methods: string[] | null | undefined): string[] {
  const list = methods && methods.length > 0 ? methods : ['GET'];
  const upper = list.map((m) => m.toUpperCase());
  for (const method of upper) {
    if (!/^[A-Z]+$/.test(method)) throw new ValidationError(`methods: ${JSON.stringify(method)} is not an HTTP method`);
  }
  return [...new Set(upper)];
}

function sameEndpoint(a: EndpointState, b: EndpointState): boolean {
  return (
    a.route === b.route &&
    JSON.stringify(a.methods) === JSON.stringify(b.methods) &&
    JSON.stringify(a.traffic) === JSON.stringify(b.traffic)
  );
}

export function createEndpoint(state: DesiredState, spec: troupe.v1.IEndpointSpec): DesiredState {
  const name = spec.name ?? '';
  checkName(name, 'name');
  const route = spec.route ?? '';
  if (route !== '') parseRoute(route, 'route');
  const traffic = { ...(spec.traffic ?? {}) };
  checkWeights(state, traffic, 'traffic');
  const endpoint: EndpointState = { name, route, methods: normalizeMethods(spec.methods), traffic, shadows: {} };
  const existing = state.endpoints.find((e) => e.name === name);
  if (existing) {
    if (sameEndpoint(existing, endpoint)) return state;
    throw new AlreadyExistsError(`endpoint "${name}" already exists with another route, methods or backend`);
  }
  const owner = route === '' ? undefined : state.endpoints.find((e) => e.route === route);
  if (owner) throw new AlreadyExistsError(`route: "${route}" is already served by endpoint "${owner.name}"`);
  return next(state, { endpoints: [...state.endpoints, endpoint] });
}

export function deleteEndpoint(state: DesiredState, name: string): DesiredState {
  requireEndpoint(state, name);
  return next(state, { endpoints: state.endpoints.filter((e) => e.name !== name) });
}

function checkWeights(state: DesiredState, traffic: Record<string, number>, field: string): void {
  const entries = Object.entries(traffic);
  if (entries.length === 0) throw new ValidationError(`${field}: at least one backend is required`);
  let sum = 0;
  for (const [backend, weight] of entries) {
    if (!state.backends.has(backend)) throw new NotFoundError(`${field}: backend "${backend}" does not exist`);
    if (!Number.isFinite(weight) || weight < 0) {
      throw new ValidationError(`${field}.${backend}: weight must be a number >= 0, got ${weight}`);
    }
    sum += weight;
  }
  if (Math.abs(sum - 1) > 1e-6) throw new ValidationError(`${field}: weights must sum to 1, got ${sum}`);
}

export function setTraffic(state: DesiredState, name: string, traffic: Record<string, number>): DesiredState {
  const endpoint = requireEndpoint(state, name);
  checkWeights(state, traffic, 'traffic');
  return replaceEndpoint(state, { ...endpoint, traffic: { ...traffic } });
}

export function shadowTraffic(state: DesiredState, name: string, backend: string, proportion: number): DesiredState {
  const endpoint = requireEndpoint(state, name);
  if (!state.backends.has(backend)) throw new NotFoundError(`backend "${backend}" does not exist`);
  if (!Number.isFinite(proportion) || proportion < 0 || proportion > 1) {
    throw new ValidationError(`proportion: must be between 0 and 1, got ${proportion}`);
  }
  const shadows = { ...endpoint.shadows };
  if (proportion === 0) delete shadows[backend];
  else shadows[backend] = proportion;
  return replaceEndpoint(state, { ...endpoint, shadows });
}

function replaceEndpoint(state: DesiredState, endpoint: EndpointState): DesiredState {
  return next(state, { endpoints: state.endpoints.map((e) => (e.name === endpoint.name ? endpoint : e)) });
}

export function stateToWire(state: DesiredState): troupe.v1.IDesiredState {
  return {
    version: state.version,
    backends: [...state.backends.values()].map(backendToWire),
    endpoints: state.endpoints.map(endpointToWire),
  };
}

/**
 * Rebuilds persisted state, checking it as the admin API checks each change: the stored value is
 * replayed through the same operations (names, import paths, config schema, routes, traffic
 * weights), so a corrupted or hostile value fails with the same ValidationError a client would get.
 */
export function stateFromWire(wire: troupe.v1.IDesiredState): DesiredState {
  let rebuilt = emptyState();
  for (const spec of wire.backends ?? []) rebuilt = createBackend(rebuilt, spec);
  for (const spec of wire.endpoints ?? []) {
    rebuilt = createEndpoint(rebuilt, { ...spec, shadows: {} });
    for (const [backend, proportion] of Object.entries(spec.shadows ?? {})) {
      rebuilt = shadowTraffic(rebuilt, spec.name ?? '', backend, proportion);
    }
  }
  const version = Number(wire.version ?? 0);
  // Versions count changes one by one: past 2^53 they would stop growing exactly.
  if (!Number.isSafeInteger(version) || version < 0) throw new ValidationError(`version: ${String(wire.version)} is out of range`);
  return { ...rebuilt, version };
}
