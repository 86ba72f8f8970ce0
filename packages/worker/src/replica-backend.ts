// User code as one replica runs it: the function, or the instance of the class, behind an import
// path. Lives in the replica thread.
import { BackendSetupError } from './errors.js';
import { isClass, loadBackendExport, methodNames, type BackendExport } from './module-loader.js';
import type { ReplicaThreadData } from './thread-messages.js';

type Method = (this: unknown, arg: unknown) => unknown;

const DEFAULT_METHOD = 'call';

export class ReplicaBackend {
  private constructor(
    private readonly name: string,
    /** The function of a function backend; undefined for classes. */
    private readonly fn: BackendExport | undefined,
    /** The instance of a class backend. */
    private readonly instance: Record<string, unknown> | undefined,
    private readonly batchAllFlag: boolean,
  ) {}

  /** Loads the code, constructs the class and applies userConfig: the replica is then ready. */
  static async create(data: ReplicaThreadData): Promise<ReplicaBackend> {
    const target = await loadBackendExport(data.importPath, data.codeDir);
    const initArgs = parseInitArgs(data.initArgsJson);
    let backend: ReplicaBackend;
    if (isClass(target)) {
      const Constructor = target as unknown as new (...args: unknown[]) => Record<string, unknown>;
      backend = new ReplicaBackend(data.backend, undefined, new Constructor(...initArgs), target.acceptBatch === true);
    } else {
      backend = new ReplicaBackend(data.backend, target, undefined, target.acceptBatch === true);
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
