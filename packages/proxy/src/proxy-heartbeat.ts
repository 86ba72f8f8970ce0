// The proxy's announcement on NATS: who it is, where it listens, which snapshot it routes by and
// whether it drains. The head waits for these before a change returns, and lists live proxies.
import type { NatsConnection } from 'nats';
import { PROXY_HEARTBEAT_SUBJECT, v1, type troupe } from '@troupe/protocol';
import type { Logger } from '@troupe/common';

export const DEFAULT_HEARTBEAT_INTERVAL_MS = 1_000;

export interface HeartbeatPublisherOptions {
  nats: NatsConnection;
  /** Read at each publication, so that every heartbeat tells the current state. */
  describe: () => troupe.v1.IProxyHeartbeat;
  intervalMs?: number;
  logger?: Logger;
}

export class HeartbeatPublisher {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: HeartbeatPublisherOptions) {}

  start(): void {
    if (this.timer) return;
    this.publish();
    this.timer = setInterval(() => this.publish(), this.options.intervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS);
    this.timer.unref();
  }

  /** Publishes at once, besides the periodic beat (after a snapshot, when draining starts). */
  publish(): void {
    const nats = this.options.nats;
    if (nats.isClosed()) return;
    try {
      nats.publish(PROXY_HEARTBEAT_SUBJECT, v1.ProxyHeartbeat.encode(this.options.describe()).finish());
    } catch (error) {
      // NATS buffers while it reconnects; a publication refused here is replaced by the next beat.
      this.options.logger?.debug({ err: error }, 'heartbeat not published');
    }
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
