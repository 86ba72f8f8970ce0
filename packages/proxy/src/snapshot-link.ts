// The proxy's link to the head's snapshots. It connects in the background, so that the proxy
// listens (and answers health checks with 503) while NATS is not there yet, and retries a failed
// connection. Once connected, NATS reconnects by itself and the last snapshot stays in force.
import { SnapshotWatcher, type Logger } from '@troupe/common';
import type { troupe } from '@troupe/protocol';
import type { ConnectionOptions } from 'nats';

export interface SnapshotLinkOptions {
  natsUrl: string;
  natsOptions?: Partial<ConnectionOptions>;
  logger?: Logger;
  /** Called with the stored snapshot at connection, then with every newer one. */
  onSnapshot: (snapshot: troupe.v1.Snapshot) => void;
  /** Called once connected, before the first snapshot. */
  onConnected: (watcher: SnapshotWatcher) => void;
}

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

export class SnapshotLink {
  private watcher: SnapshotWatcher | undefined;
  private closed = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: SnapshotLinkOptions) {}

  start(): void {
    void this.connect(RETRY_MIN_MS);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const watcher = this.watcher;
    this.watcher = undefined;
    await watcher?.close().catch(() => undefined);
  }

  private async connect(retryMs: number): Promise<void> {
    let watcher: SnapshotWatcher;
    try {
      watcher = await SnapshotWatcher.start({
        natsUrl: this.options.natsUrl,
        logger: this.options.logger,
        natsOptions: this.options.natsOptions,
      });
    } catch (error) {
      if (this.closed) return;
      this.options.logger?.warn({ err: error, retryMs }, 'cannot reach NATS; retrying');
      this.retryTimer = setTimeout(() => void this.connect(Math.min(retryMs * 2, RETRY_MAX_MS)), retryMs);
      return;
    }
    if (this.closed) {
      await watcher.close().catch(() => undefined);
      return;
    }
    this.watcher = watcher;
    this.options.onConnected(watcher);
    watcher.on('snapshot', this.options.onSnapshot);
    // A snapshot loaded while the watcher started was emitted before anyone listened.
    if (watcher.current) this.options.onSnapshot(watcher.current);
  }
}
