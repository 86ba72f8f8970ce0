import { fileURLToPath } from 'node:url';
import { freeLoopbackPort } from './loopback-port.ts';
import { ScenarioSkipped, type BenchContext } from './scenario.ts';

// The subset of @troupe/serve (docs: DESIGN.md §3–§4) the scenarios use. Declared here rather
// than imported so the bench type-checks and reports "skipped" while the runtime is unbuilt.

export interface BackendConfig {
  numReplicas: number;
  maxConcurrentQueries: number;
  maxBatchSize: number;
  batchWaitTimeout: number;
  maxConcurrentBatches: number;
}

export interface TroupeHandle {
  remote(data?: unknown, query?: Record<string, string>): unknown;
}

export interface TroupeClient {
  createBackend(tag: string, importPath: string, options?: { config?: Partial<BackendConfig>; initArgs?: unknown[] }): Promise<unknown>;
  createEndpoint(name: string, options: { backend: string; route?: string; methods?: string[] }): Promise<unknown>;
  deleteEndpoint(name: string): Promise<unknown>;
  deleteBackend(tag: string): Promise<unknown>;
  updateBackendConfig(tag: string, config: Partial<BackendConfig>): Promise<unknown>;
  getHandle(endpoint: string, options?: { sync?: boolean }): TroupeHandle | Promise<TroupeHandle>;
  shutdown(): Promise<unknown>;
}

type HttpLocation = 'HeadOnly' | 'EveryNode' | 'NoServer';

interface TroupeServe {
  start(options: { nodes?: number; port?: number; httpOptions?: { host?: string; port?: number; location?: HttpLocation } }): Promise<TroupeClient>;
}

export interface TroupeCluster {
  client: TroupeClient;
  port: number;
  /** Base URL of node 1's proxy. */
  http: string;
}

// Through a variable so neither tsc nor tsx resolves it before we can turn failure into a skip.
const serveModuleName = '@troupe/serve';

export async function loadTroupeServe(): Promise<TroupeServe> {
  let module: Partial<TroupeServe>;
  try {
    module = (await import(serveModuleName)) as Partial<TroupeServe>;
  } catch (error) {
    throw new ScenarioSkipped(`@troupe/serve does not load (${firstLine(error)}); run npm run build first`);
  }
  if (typeof module.start !== 'function') throw new ScenarioSkipped('@troupe/serve has no start() export yet');
  return module as TroupeServe;
}

/** A local cluster for one scenario, shut down when the scenario ends. */
export async function startTroupeCluster(ctx: BenchContext, options: { nodes?: number; location?: HttpLocation } = {}): Promise<TroupeCluster> {
  const serve = await loadTroupeServe();
  const port = await freeLoopbackPort();
  const client = await serve.start({
    ...(options.nodes !== undefined ? { nodes: options.nodes } : {}),
    // A free admin port: the default (7420) may be held by a cluster someone else is running.
    port: 0,
    httpOptions: { host: '127.0.0.1', port, location: options.location ?? 'HeadOnly' },
  });
  ctx.onCleanup(async () => {
    await client.shutdown();
  });
  return { client, port, http: `http://127.0.0.1:${port}` };
}

/** `<absolute path of bench/backends/FILE>#EXPORT`, independent of TROUPE_CODE_DIR. */
export function backendImportPath(file: string, exportName: string): string {
  return `${fileURLToPath(new URL(`./backends/${file}`, import.meta.url))}#${exportName}`;
}

/** One call through a handle, for sync handles (ref) and async ones (promise of a ref) alike. */
export async function callThrough(handle: TroupeHandle, data: unknown): Promise<unknown> {
  const first = await handle.remote(data);
  // An async handle resolves to an ObjectRef; if ObjectRef is itself thenable, await already
  // unwrapped it and `first` is the result.
  if (first !== null && typeof first === 'object' && typeof (first as PromiseLike<unknown>).then === 'function') {
    return await (first as PromiseLike<unknown>);
  }
  return first;
}

/** First line, without the importer's absolute path (reports must not name this machine's paths). */
function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!.replace(/ imported from .*$/, '');
}
