// User code as one replica runs it: the function, or the instance of the class, behind an import
// path. Lives in the replica thread.
import { BackendSetupError, MethodNotExposedError } from './errors.js';
import { isClass, loadBackendExport, methodNames, type BackendExport } from './module-loader.js';
import type { ReplicaThreadData } from './thread-messages.js';

type Method = (this: unknown, arg: unknown) => unknown;

const DEFAULT_METHOD = 'call';

/** Lifecycle hooks and the constructor: the worker calls them, nobody else may. */
const NEVER_CALLABLE = new Set(['constructor', 'reconfigure', 'checkHealth', 'shutdown']);
const OBJECT_MEMBERS = new Set(Object.getOwnPropertyNames(Object.prototype));

export class ReplicaBackend {
  private constructor(
    private readonly name: string,
    /** The function of a function backend; undefined for classes. */
    private readonly fn: BackendExport | undefined,
    /** The instance of a class backend. */
    private readonly instance: Record<string, unknown> | undefined,
    private readonly batchAllFlag: boolean,
    /** What X-Serve-Call-Method may name: the class's static list, the create option's, else `call`. */
    private readonly httpMethods: ReadonlySet<string>,
  ) {}

  /** Loads the code, constructs the class and applies userConfig: the replica is then ready. */
  static async create(data: ReplicaThreadData): Promise<ReplicaBackend> {
    const target = await loadBackendExport(data.importPath, data.codeDir);
    const initArgs = parseInitArgs(data.initArgsJson);
    let backend: ReplicaBackend;
    if (isClass(target)) {
      const httpMethods = exposedMethods(target, data.exposedMethods);
      const Constructor = target as unknown as new (...args: unknown[]) => Record<string, unknown>;
      backend = new ReplicaBackend(data.backend, undefined, new Constructor(...initArgs), target.acceptBatch === true, httpMethods);
    } else {
      backend = new ReplicaBackend(data.backend, target, undefined, target.acceptBatch === true, FUNCTION_HTTP_METHODS);
    }
    if (data.userConfigJson !== undefined) await backend.reconfigure(JSON.parse(data.userConfigJson));
    return backend;
  }

  /** Whether every call (rather than only some methods) receives arrays of requests. */
  get batchAll(): boolean {
    return this.batchAllFlag;
  }

  /** Methods marked acceptBatch, when not every one is. */
  batchMethods(): string[] {
    const instance = this.instance;
    if (!instance || this.batchAllFlag) return [];
    return methodNames(instance).filter((name) => (instance[name] as { acceptBatch?: unknown }).acceptBatch === true);
  }

  /**
   * Throws unless the call may run: HTTP reaches only exposed methods (404 otherwise), handles any
   * public method but the lifecycle hooks. Nothing of the backend runs before this passed.
   */
  checkCallable(methodName: string, viaHttp: boolean): void {
    const name = methodName || DEFAULT_METHOD;
    if (viaHttp) {
      if (!this.httpMethods.has(name)) {
        throw new MethodNotExposedError(`method "${name}" of backend "${this.name}" is not exposed to HTTP`);
      }
      return;
    }
    if (this.instance && (NEVER_CALLABLE.has(name) || OBJECT_MEMBERS.has(name))) {
      throw new BackendSetupError(`methodName: "${name}" of backend "${this.name}" cannot be called through a handle`);
    }
  }

  /** Runs one call (a request, or an array of them for a batch); returns what the user code returned. */
  invoke(methodName: string, arg: unknown): unknown {
    if (this.fn) return this.fn(arg);
    const instance = this.instance as Record<string, unknown>;
    return this.method(instance, methodName || DEFAULT_METHOD).call(instance, arg);
  }

  async reconfigure(userConfig: unknown): Promise<void> {
    const reconfigure = this.instance?.reconfigure;
    if (typeof reconfigure !== 'function') {
      throw new BackendSetupError(`userConfig: backend "${this.name}" has no reconfigure method to receive it`);
    }
    await reconfigure.call(this.instance, userConfig);
  }

  private method(instance: Record<string, unknown>, name: string): Method {
    const method = instance[name];
    // Object.prototype's own functions (toString, hasOwnProperty, ...) are not request handlers.
    const inherited = (Object.prototype as unknown as Record<string, unknown>)[name];
    if (typeof method !== 'function' || name === 'constructor' || method === inherited) {
      throw new BackendSetupError(`methodName: backend "${this.name}" has no method "${name}"`);
    }
    return method as Method;
  }
}

const FUNCTION_HTTP_METHODS: ReadonlySet<string> = new Set([DEFAULT_METHOD]);

/** The class's `static exposedMethods` and the create option's, less what may never be called. */
function exposedMethods(target: BackendExport, fromOptions: readonly string[]): ReadonlySet<string> {
  const declared = (target as unknown as { exposedMethods?: unknown }).exposedMethods;
  if (declared !== undefined && !(Array.isArray(declared) && declared.every((name) => typeof name === 'string'))) {
    throw new BackendSetupError('exposedMethods: the static exposedMethods of the class must be an array of method names');
  }
  const names = [...((declared as string[] | undefined) ?? []), ...fromOptions].filter(
    (name) => !NEVER_CALLABLE.has(name) && !OBJECT_MEMBERS.has(name),
  );
  return new Set(names.length > 0 ? names : [DEFAULT_METHOD]);
}

function parseInitArgs(json: string): unknown[] {
  if (json === '') return [];
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new BackendSetupError(`initArgs: not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(value)) throw new BackendSetupError('initArgs: must be a JSON array');
  return value;
}
