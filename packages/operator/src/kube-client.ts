// A small REST client of the Kubernetes API. KubeConfig from @kubernetes/client-node does what is
// hard to get right (kubeconfig files, in-cluster service-account tokens, client certificates);
// requests go out through node:https directly so that patch content types, subresources and
// streaming watches are plain to express.
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createInterface } from 'node:readline';
import { KubeConfig } from '@kubernetes/client-node';
import { KubeApiError, OperatorConfigError } from './errors.js';

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  finalizers?: string[];
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

export interface KubeList<T extends KubeObject = KubeObject> {
  metadata: { resourceVersion?: string; continue?: string };
  items: T[];
}

export interface WatchEvent<T extends KubeObject = KubeObject> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: T;
}

/** Where a kind lives in the REST tree. */
export interface ResourceType {
  apiVersion: string;
  kind: string;
  plural: string;
}

export const PATCH_MERGE = 'application/merge-patch+json';
export const PATCH_JSON = 'application/json-patch+json';
export const PATCH_APPLY = 'application/apply-patch+yaml';

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
}

export interface WatchHandle {
  /** Resolves when the stream ends: cleanly (server timeout) or with the error that ended it. */
  readonly done: Promise<void>;
  stop(): void;
}

// Tokens of in-cluster service accounts rotate; re-reading the credentials this often keeps up.
const AUTH_REFRESH_MS = 60_000;
const REQUEST_TIMEOUT_MS = 30_000;

function collectionPath(type: ResourceType, namespace?: string): string {
  const base = type.apiVersion.includes('/') ? `/apis/${type.apiVersion}` : `/api/${type.apiVersion}`;
  return namespace === undefined ? `${base}/${type.plural}` : `${base}/namespaces/${encodeURIComponent(namespace)}/${type.plural}`;
}

function objectPath(type: ResourceType, namespace: string | undefined, name: string, subresource?: string): string {
  return `${collectionPath(type, namespace)}/${encodeURIComponent(name)}${subresource === undefined ? '' : `/${subresource}`}`;
}

function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

function apiError(status: number, body: string, what: string): KubeApiError {
  try {
    const parsed = JSON.parse(body) as { reason?: string; message?: string };
    return new KubeApiError(status, parsed.reason ?? '', `${what}: ${parsed.message ?? body}`);
  } catch {
    return new KubeApiError(status, '', `${what}: HTTP ${status} ${body.slice(0, 500)}`);
  }
}

export class KubeClient {
  private auth: { options: RequestOptions; at: number } | undefined;

  constructor(readonly config: KubeConfig) {
    if (config.getCurrentCluster() === null) throw new OperatorConfigError('the kubeconfig has no current cluster');
  }

  /** KUBECONFIG / ~/.kube/config, or the in-cluster service account. */
  static fromDefault(kubeconfigPath?: string): KubeClient {
    const config = new KubeConfig();
    if (kubeconfigPath === undefined) config.loadFromDefault();
    else config.loadFromFile(kubeconfigPath);
    return new KubeClient(config);
  }

  /** Namespace of the current kubeconfig context (in a pod: the pod's namespace). */
  get defaultNamespace(): string {
    const context = this.config.getContextObject(this.config.getCurrentContext());
    return context?.namespace ?? 'default';
  }

  async get<T extends KubeObject>(type: ResourceType, namespace: string | undefined, name: string): Promise<T> {
    return this.send<T>('GET', objectPath(type, namespace, name), `get ${type.kind} ${name}`);
  }

  /** The object, or undefined when it does not exist. */
  async find<T extends KubeObject>(type: ResourceType, namespace: string | undefined, name: string): Promise<T | undefined> {
    try {
      return await this.get<T>(type, namespace, name);
    } catch (error) {
      if (error instanceof KubeApiError && error.notFound) return undefined;
      throw error;
    }
  }

  async list<T extends KubeObject>(type: ResourceType, namespace: string | undefined, options: ListOptions = {}): Promise<KubeList<T>> {
    const items: T[] = [];
    let resourceVersion: string | undefined;
    let continueToken: string | undefined;
    // Pages keep each reply small; the bound only guards against a server that never ends a list.
    for (let page = 0; page < 10_000; page++) {
      const path = collectionPath(type, namespace) + query({ ...options, limit: 500, continue: continueToken });
      const reply = await this.send<KubeList<T>>('GET', path, `list ${type.plural}`);
      items.push(...reply.items);
      resourceVersion = reply.metadata.resourceVersion;
      continueToken = reply.metadata.continue || undefined;
      if (continueToken === undefined) return { metadata: { resourceVersion }, items };
    }
    throw new KubeApiError(500, 'InternalError', `list ${type.plural}: too many pages`);
  }

  async create<T extends KubeObject>(type: ResourceType, namespace: string | undefined, body: KubeObject): Promise<T> {
    return this.send<T>('POST', collectionPath(type, namespace), `create ${type.kind} ${body.metadata.name}`, body);
  }

  async replace<T extends KubeObject>(type: ResourceType, namespace: string | undefined, body: KubeObject, subresource?: string): Promise<T> {
    const path = objectPath(type, namespace, body.metadata.name, subresource);
    return this.send<T>('PUT', path, `replace ${type.kind} ${body.metadata.name}`, body);
  }

  async patch<T extends KubeObject>(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    patch: unknown,
    contentType: string = PATCH_MERGE,
    subresource?: string,
  ): Promise<T> {
    const path = objectPath(type, namespace, name, subresource);
    return this.send<T>('PATCH', path, `patch ${type.kind} ${name}${subresource ? `/${subresource}` : ''}`, patch, contentType);
  }

  /** Server-side apply: the fields in `body` become owned by `fieldManager`, taken from others when `force`. */
  async apply<T extends KubeObject>(type: ResourceType, namespace: string | undefined, body: KubeObject, fieldManager: string): Promise<T> {
    const path = objectPath(type, namespace, body.metadata.name) + query({ fieldManager, force: true });
    return this.send<T>('PATCH', path, `apply ${type.kind} ${body.metadata.name}`, body, PATCH_APPLY);
  }

  /** Deletes; a missing object is not an error (returns false). */
  async delete(type: ResourceType, namespace: string | undefined, name: string, propagationPolicy = 'Background'): Promise<boolean> {
    try {
      await this.send('DELETE', objectPath(type, namespace, name), `delete ${type.kind} ${name}`, {
        apiVersion: 'v1',
        kind: 'DeleteOptions',
        propagationPolicy,
      });
      return true;
    } catch (error) {
      if (error instanceof KubeApiError && error.notFound) return false;
      throw error;
    }
  }

  /**
   * Starts a watch from `resourceVersion`. Each event goes to onEvent in order; a 410 comes either
   * as an HTTP status or as an ERROR event, and both end the watch with a KubeApiError whose
   * `gone` is true, so the caller relists.
   */
  async watch<T extends KubeObject>(
    type: ResourceType,
    namespace: string | undefined,
    options: ListOptions & { resourceVersion: string; timeoutSeconds?: number },
    onEvent: (event: WatchEvent<T>) => void,
  ): Promise<WatchHandle> {
    const path = collectionPath(type, namespace) + query({
      watch: true,
      allowWatchBookmarks: true,
      labelSelector: options.labelSelector,
      fieldSelector: options.fieldSelector,
      resourceVersion: options.resourceVersion,
      timeoutSeconds: options.timeoutSeconds ?? 300,
    });
    const req = await this.open('GET', path);
    // The server ends every watch after timeoutSeconds; silence well past that means the
    // connection died without a FIN (a partition), which would otherwise hang the informer.
    const stallMs = ((options.timeoutSeconds ?? 300) + 30) * 1000;
    req.setTimeout(stallMs, () => settle(new KubeApiError(504, 'Timeout', `watch ${type.plural}: no data for ${stallMs} ms`)));
    let settle!: (error?: unknown) => void;
    const done = new Promise<void>((resolve, reject) => {
      let settled = false;
      settle = (error?: unknown): void => {
        if (settled) return;
        settled = true;
        req.destroy();
        if (error === undefined) resolve();
        else reject(error);
      };
    });
    req.on('error', (error) => settle(error));
    req.on('response', (res: IncomingMessage) => {
      if (res.statusCode !== 200) {
        void readBody(res).then((body) => settle(apiError(res.statusCode ?? 0, body, `watch ${type.plural}`)), settle);
        return;
      }
      const lines = createInterface({ input: res, crlfDelay: Infinity });
      // readline re-emits the stream's errors (e.g. `aborted` when the watch is stopped).
      lines.on('error', (error) => settle(error));
      lines.on('line', (line) => {
        if (line.trim() === '') return;
        let event: WatchEvent<T>;
        try {
          event = JSON.parse(line) as WatchEvent<T>;
        } catch (error) {
          settle(new KubeApiError(500, 'InternalError', `watch ${type.plural}: unreadable event`, { cause: error }));
          return;
        }
        if (event.type === 'ERROR') {
          const status = event.object as unknown as { code?: number; reason?: string; message?: string };
          settle(new KubeApiError(status.code ?? 500, status.reason ?? '', `watch ${type.plural}: ${status.message ?? 'error event'}`));
          return;
        }
        try {
          onEvent(event);
        } catch (error) {
          settle(error);
        }
      });
      res.on('error', (error) => settle(error));
      res.on('close', () => settle());
    });
    req.end();
    return { done, stop: () => settle() };
  }

  private async requestOptions(): Promise<RequestOptions> {
    if (this.auth === undefined || Date.now() - this.auth.at > AUTH_REFRESH_MS) {
      const options: RequestOptions = {};
      await this.config.applyToHTTPSOptions(options);
      this.auth = { options, at: Date.now() };
    }
    return this.auth.options;
  }

  private async open(method: string, path: string, contentType?: string): Promise<ReturnType<typeof httpRequest>> {
    const cluster = this.config.getCurrentCluster()!;
    const url = new URL(cluster.server + path);
    const base = await this.requestOptions();
    const headers: Record<string, string> = { accept: 'application/json' };
    for (const [key, value] of Object.entries(base.headers ?? {})) if (value !== undefined) headers[key] = String(value);
    if (contentType !== undefined) headers['content-type'] = contentType;
    const options: RequestOptions = { ...base, method, headers };
    return url.protocol === 'http:' ? httpRequest(url, options) : httpsRequest(url, options);
  }

  private async send<T>(method: string, path: string, what: string, body?: unknown, contentType = 'application/json'): Promise<T> {
    const req = await this.open(method, path, body === undefined ? undefined : contentType);
    return new Promise<T>((resolve, reject) => {
      req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new KubeApiError(504, 'Timeout', `${what}: no answer in ${REQUEST_TIMEOUT_MS} ms`)));
      req.on('error', (error) =>
        reject(error instanceof KubeApiError ? error : new KubeApiError(503, 'ServiceUnavailable', `${what}: ${error.message}`, { cause: error })),
      );
      req.on('response', (res) => {
        readBody(res).then((text) => {
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) {
            reject(apiError(status, text, what));
            return;
          }
          resolve((text === '' ? {} : JSON.parse(text)) as T);
        }, reject);
      });
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });
  }
}

function readBody(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.on('error', reject);
  });
}
