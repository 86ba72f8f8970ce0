// Follows the head's snapshots over NATS: the latest from KV at start, then every publication.
// Keeps the last one while NATS or the head is away, so the data plane never goes blind.
import { EventEmitter } from 'node:events';
import { connect, type ConnectionOptions, type NatsConnection, type Subscription } from 'nats';
import { SNAPSHOT_SUBJECT, v1, type troupe } from '@troupe/protocol';
import type { Logger } from './logger.js';
import { SNAPSHOT_DIRECT_GET_SUBJECT } from './nats-access.js';

const STORED_SNAPSHOT_TIMEOUT_MS = 5_000;
const STORED_SNAPSHOT_WAIT_MS = 1_000;

/**
 * Snapshot versions count the head's publications one by one, so a real head never comes near
 * 2^53; beyond it numbers lose precision and a forged "huge" version could hide every later one.
 */
export function isValidSnapshotVersion(version: unknown): version is number {
  return typeof version === 'number' && Number.isSafeInteger(version) && version >= 0;
}

export interface SnapshotWatcherOptions {
  natsUrl: string;
  logger?: Logger;
  natsOptions?: Partial<ConnectionOptions>;
}

export function natsConnectionOptions(natsUrl: string, extra: Partial<ConnectionOptions> = {}): ConnectionOptions {
  return {
    servers: natsUrl.split(','),
    waitOnFirstConnect: true,
    reconnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    pingInterval: 5_000,
    ...extra,
  };
}

export class SnapshotWatcher extends EventEmitter<{ snapshot: [troupe.v1.Snapshot] }> {
  private latest: troupe.v1.Snapshot | undefined;
  private subscription: Subscription | undefined;

  private constructor(
    readonly nats: NatsConnection,
    private readonly logger?: Logger,
  ) {
    super();
  }

  static async start(options: SnapshotWatcherOptions): Promise<SnapshotWatcher> {
    const nats = await connect(natsConnectionOptions(options.natsUrl, options.natsOptions));
    const watcher = new SnapshotWatcher(nats, options.logger);
    watcher.subscribe();
    // Before the head made the bucket, a direct get is answered by nobody until it times out:
    // wait a little for the stored snapshot, and let a late one arrive like any publication.
    let waited: NodeJS.Timeout | undefined;
    await Promise.race([watcher.loadStored(), new Promise((resolve) => (waited = setTimeout(resolve, STORED_SNAPSHOT_WAIT_MS)))]);
    clearTimeout(waited);
    return watcher;
  }

  get current(): troupe.v1.Snapshot | undefined {
    return this.latest;
  }

  /** Resolves with the first snapshot at or above `version`. */
  waitFor(predicate: (snapshot: troupe.v1.Snapshot) => boolean, timeoutMs: number): Promise<troupe.v1.Snapshot> {
    if (this.latest && predicate(this.latest)) return Promise.resolve(this.latest);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('snapshot', onSnapshot);
        reject(new Error(`no matching snapshot within ${timeoutMs} ms`));
      }, timeoutMs);
      const onSnapshot = (snapshot: troupe.v1.Snapshot): void => {
        if (!predicate(snapshot)) return;
        clearTimeout(timer);
        this.off('snapshot', onSnapshot);
        resolve(snapshot);
      };
      this.on('snapshot', onSnapshot);
    });
  }

  async close(): Promise<void> {
    this.subscription?.unsubscribe();
    await this.nats.close();
  }

  private subscribe(): void {
    this.subscription = this.nats.subscribe(SNAPSHOT_SUBJECT, {
      callback: (error, message) => {
        if (error) return;
        this.offer(message.data);
      },
    });
  }

  /**
   * Reads the stored snapshot with a JetStream direct get of its one subject: the only stored value
   * that proxies and clients may read (the desired state may hold secrets in initArgs).
   */
  private async loadStored(): Promise<void> {
    try {
      const reply = await this.nats.request(SNAPSHOT_DIRECT_GET_SUBJECT, new Uint8Array(0), { timeout: STORED_SNAPSHOT_TIMEOUT_MS });
      // A status header (404: nothing stored) comes with an empty body.
      if ((reply.headers?.code ?? 0) === 0 && reply.data.length > 0) this.offer(reply.data);
    } catch (error) {
      // No bucket yet: the head has not started; its first publication will arrive.
      this.logger?.debug({ err: error }, 'no stored snapshot');
    }
  }

  private offer(data: Uint8Array): void {
    let snapshot: troupe.v1.Snapshot;
    try {
      snapshot = v1.Snapshot.decode(data);
    } catch (error) {
      this.logger?.warn({ err: error }, 'undecodable snapshot ignored');
      return;
    }
    if (!isValidSnapshotVersion(snapshot.version) || !Number.isFinite(snapshot.publishedAtMs)) {
      this.logger?.warn({ version: String(snapshot.version), headId: snapshot.headId }, 'snapshot with an out-of-range version ignored');
      return;
    }
    if (!this.isNewer(snapshot)) return;
    this.latest = snapshot;
    this.emit('snapshot', snapshot);
  }

  /** Versions only grow, except when a head starts over from empty state (a new head id). */
  private isNewer(snapshot: troupe.v1.Snapshot): boolean {
    const latest = this.latest;
    if (!latest) return true;
    if (snapshot.version > latest.version) return true;
    return snapshot.headId !== latest.headId && snapshot.publishedAtMs > latest.publishedAtMs && snapshot.version < latest.version;
  }
}
