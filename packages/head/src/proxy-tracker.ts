// Proxies announce themselves and the snapshot version they applied on NATS; the head uses that to
// answer a change only once every live proxy routes by it.
import type { NatsConnection, Subscription } from 'nats';
import { PROXY_HEARTBEAT_SUBJECT, v1, type troupe } from '@troupe/protocol';

const PROXY_TIMEOUT_MS = 3_000;

interface ProxyRecord {
  info: troupe.v1.ProxyHeartbeat;
  lastSeen: number;
}

export class ProxyTracker {
  private readonly proxies = new Map<string, ProxyRecord>();
  private subscription: Subscription | undefined;
  private readonly listeners = new Set<() => void>();

  start(nats: NatsConnection): void {
    this.subscription = nats.subscribe(PROXY_HEARTBEAT_SUBJECT, {
      callback: (error, message) => {
        if (error) return;
        try {
          const info = v1.ProxyHeartbeat.decode(message.data);
          this.proxies.set(info.proxyId, { info, lastSeen: Date.now() });
          for (const listener of this.listeners) listener();
        } catch {
          // A malformed heartbeat is ignored; the sender will try again.
        }
      },
    });
  }

  stop(): void {
    this.subscription?.unsubscribe();
  }

  live(): troupe.v1.ProxyHeartbeat[] {
    const now = Date.now();
    const live: troupe.v1.ProxyHeartbeat[] = [];
    for (const [id, record] of this.proxies) {
      if (now - record.lastSeen > PROXY_TIMEOUT_MS) this.proxies.delete(id);
      else live.push(record.info);
    }
    return live;
  }

  /** Proxies that are live, not draining, and behind `version`. */
  lagging(version: number): troupe.v1.ProxyHeartbeat[] {
    return this.live().filter((p) => !p.draining && Number(p.version) < version);
  }

  /** Resolves when every live proxy has applied `version`, or after `timeoutMs` anyway. */
  waitForVersion(version: number, timeoutMs: number): Promise<boolean> {
    if (this.lagging(version).length === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ok: boolean): void => {
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve(ok);
      };
      const check = (): void => {
        if (this.lagging(version).length === 0) done(true);
      };
      const timer = setTimeout(() => done(this.lagging(version).length === 0), timeoutMs);
      this.listeners.add(check);
    });
  }
}
