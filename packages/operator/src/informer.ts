// List + watch of one kind into a local cache, calling back with the key of every object that
// changed. A watch ends routinely (server timeout), on 410 Gone (the resourceVersion was compacted
// away) and on errors; the first resumes from the last resourceVersion, the others relist, and
// errors are retried with exponential backoff, so the informer runs until stopped.
import type { Logger } from '@troupe/common';
import { KubeApiError } from './errors.js';
import type { KubeClient, KubeObject, ResourceType, WatchHandle } from './kube-client.js';
import { objectKey } from './resource-types.js';
import { WakeableSleep } from './wakeable-sleep.js';

const MIN_WATCH_MS = 1_000;

export type ChangeKind = 'added' | 'updated' | 'deleted' | 'synced';

export interface InformerOptions {
  type: ResourceType;
  /** Undefined: all namespaces. */
  namespace?: string;
  labelSelector?: string;
  /** Called for every change, with the object as it is now (the last known one when deleted). */
  onChange: (key: string, object: KubeObject, kind: ChangeKind) => void;
  logger: Logger;
  /** Server-side length of one watch request. @default 300 */
  watchTimeoutSeconds?: number;
  /** First and largest wait between failed attempts. @default 250 ms, 30 s */
  backoffMs?: { initial: number; max: number };
}

export class Informer<T extends KubeObject = KubeObject> {
  private readonly cache = new Map<string, T>();
  private resourceVersion = '';
  private watch: WatchHandle | undefined;
  private stopped = false;
  private running: Promise<void> | undefined;
  private readonly sleeper = new WakeableSleep();
  private markSynced!: () => void;
  /** Resolves after the first complete list. */
  readonly synced: Promise<void>;

  constructor(
    private readonly client: KubeClient,
    private readonly options: InformerOptions,
  ) {
    this.synced = new Promise((resolve) => (this.markSynced = resolve));
  }

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.watch?.stop();
    this.sleeper.wake();
    await this.running;
  }

  get(key: string): T | undefined {
    return this.cache.get(key);
  }

  list(): T[] {
    return [...this.cache.values()];
  }

  private async run(): Promise<void> {
    const { initial, max } = this.options.backoffMs ?? { initial: 250, max: 30_000 };
    let backoff = initial;
    let needList = true;
    while (!this.stopped) {
      try {
        if (needList) {
          await this.relist();
          needList = false;
        }
        const started = Date.now();
        await this.watchOnce();
        // A watch the server ends at once, over and over, would otherwise spin this loop.
        if (Date.now() - started < MIN_WATCH_MS && !this.stopped) {
          await this.sleeper.sleep(backoff);
          backoff = Math.min(backoff * 2, max);
        } else {
          backoff = initial;
        }
      } catch (error) {
        if (this.stopped) break;
        if (error instanceof KubeApiError && error.gone) {
          this.options.logger.info({ kind: this.options.type.kind }, 'watch expired (410); relisting');
          needList = true;
          continue;
        }
        // After an error we cannot know what was missed: relist once it works again.
        needList = true;
        this.options.logger.warn({ kind: this.options.type.kind, err: error, retryInMs: backoff }, 'informer failed; restarting');
        await this.sleeper.sleep(backoff);
        backoff = Math.min(backoff * 2, max);
      }
    }
  }

  private async relist(): Promise<void> {
    const { type, namespace, labelSelector } = this.options;
    const list = await this.client.list<T>(type, namespace, labelSelector === undefined ? {} : { labelSelector });
    const seen = new Set<string>();
    for (const item of list.items) {
      // List items carry no apiVersion/kind; consumers of the cache expect them.
      const object = { ...item, apiVersion: type.apiVersion, kind: type.kind } as T;
      const key = objectKey(object);
      seen.add(key);
      const old = this.cache.get(key);
      this.cache.set(key, object);
      if (old === undefined) this.options.onChange(key, object, 'added');
      else if (old.metadata.resourceVersion !== object.metadata.resourceVersion) this.options.onChange(key, object, 'updated');
      else this.options.onChange(key, object, 'synced');
    }
    // Deletions that happened while no watch was open surface here.
    for (const [key, old] of this.cache) {
      if (!seen.has(key)) {
        this.cache.delete(key);
        this.options.onChange(key, old, 'deleted');
      }
    }
    this.resourceVersion = list.metadata.resourceVersion ?? '';
    this.markSynced();
  }

  private async watchOnce(): Promise<void> {
    const { type, namespace, labelSelector } = this.options;
    this.watch = await this.client.watch<T>(
      type,
      namespace,
      {
        resourceVersion: this.resourceVersion,
        timeoutSeconds: this.options.watchTimeoutSeconds ?? 300,
        ...(labelSelector === undefined ? {} : { labelSelector }),
      },
      (event) => {
        const rv = event.object.metadata?.resourceVersion;
        if (rv !== undefined) this.resourceVersion = rv;
        if (event.type === 'BOOKMARK') return;
        const key = objectKey(event.object);
        if (event.type === 'DELETED') {
          this.cache.delete(key);
          this.options.onChange(key, event.object, 'deleted');
          return;
        }
        const existed = this.cache.has(key);
        this.cache.set(key, event.object);
        this.options.onChange(key, event.object, existed ? 'updated' : 'added');
      },
    );
    if (this.stopped) this.watch.stop();
    await this.watch.done;
  }
}
