// Leader election on a coordination.k8s.io/v1 Lease, as client-go does it. A candidate takes the
// Lease only when its holder has not renewed it for a whole lease duration, measured on the
// candidate's own clock from when it last saw the record change (no clock sync is assumed). The
// leader counts itself leader only until renewDeadline (< leaseDuration) after the start of its
// last successful renewal, so it stops acting before anyone else may start.
import type { Logger } from '@troupe/common';
import { KubeApiError, OperatorConfigError } from './errors.js';
import type { KubeClient, KubeObject } from './kube-client.js';
import { LEASE } from './resource-types.js';
import { WakeableSleep } from './wakeable-sleep.js';

export interface LeaderElectionOptions {
  namespace: string;
  name: string;
  identity: string;
  /** How long a Lease nobody renews keeps others out. @default 15000 */
  leaseDurationMs?: number;
  /** How long the leader keeps acting without a successful renewal. @default 2/3 of the lease duration */
  renewDeadlineMs?: number;
  /** Time between attempts to acquire or renew. @default 1/7.5 of the lease duration */
  retryPeriodMs?: number;
  logger: Logger;
  onStartedLeading: () => void;
  /** Called once when leadership is lost (not on stop()). */
  onStoppedLeading: () => void;
}

interface LeaseSpec {
  holderIdentity?: string | null;
  leaseDurationSeconds?: number;
  acquireTime?: string;
  renewTime?: string;
  leaseTransitions?: number;
}

interface Lease extends KubeObject {
  spec: LeaseSpec;
}

/** MicroTime: RFC 3339 with exactly six fractional digits. */
function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export class LeaderElector {
  private readonly leaseDurationMs: number;
  private readonly renewDeadlineMs: number;
  private readonly retryPeriodMs: number;
  /** Local time at which the record we last saw changed. */
  private observedAt = 0;
  private observedRecord = '';
  /** Local time just before the request of our last successful acquire/renew was sent. */
  private renewedAt = 0;
  private leading = false;
  /** Set by resign(): not leader from then on, whatever the Lease says. */
  private resigned = false;
  private stopped = false;
  private lastAttempt = 0;
  private lastContact = 0;
  private running: Promise<void> | undefined;
  private readonly sleeper = new WakeableSleep();

  constructor(
    private readonly client: KubeClient,
    private readonly options: LeaderElectionOptions,
  ) {
    this.leaseDurationMs = options.leaseDurationMs ?? 15_000;
    this.renewDeadlineMs = options.renewDeadlineMs ?? Math.floor((this.leaseDurationMs * 2) / 3);
    this.retryPeriodMs = options.retryPeriodMs ?? Math.max(100, Math.floor(this.leaseDurationMs / 7.5));
    if (this.leaseDurationMs < 1000) throw new OperatorConfigError('lease duration must be at least 1 s');
    if (!(this.renewDeadlineMs < this.leaseDurationMs)) {
      throw new OperatorConfigError('the renew deadline must be shorter than the lease duration');
    }
    if (!(this.retryPeriodMs < this.renewDeadlineMs)) {
      throw new OperatorConfigError('the retry period must be shorter than the renew deadline');
    }
  }

  /** True only while the last renewal is recent enough that no other replica can hold the Lease. */
  isLeader(): boolean {
    return !this.resigned && this.leading && Date.now() - this.renewedAt < this.renewDeadlineMs;
  }

  /** Local time of the last attempt to acquire or renew, answered or not. */
  lastAttemptAt(): number {
    return this.lastAttempt;
  }

  /** Local time the API server last answered an attempt. */
  lastContactAt(): number {
    return this.lastContact;
  }

  /**
   * Stops acting as leader at once (every write checks isLeader), without giving the Lease up
   * yet: stop() releases it once the work in progress has ended.
   */
  resign(): void {
    this.resigned = true;
    this.sleeper.wake();
  }

  get identity(): string {
    return this.options.identity;
  }

  start(): void {
    this.running ??= this.run();
  }

  /** Stops campaigning; a leader gives the Lease up so a successor need not wait it out. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.sleeper.wake();
    await this.running;
    this.leading = false;
    // Even when not (or no longer) counted as leader: an attempt that won the Lease may have
    // ended just as the loop stopped. release() only touches a Lease this replica holds.
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        await this.release();
        return;
      } catch (error) {
        if (error instanceof KubeApiError && error.conflict && attempt < 3) continue;
        this.options.logger.warn({ err: error }, 'could not release the lease');
        return;
      }
    }
  }

  private async run(): Promise<void> {
    while (!this.stopped && !this.resigned) {
      const attemptStart = Date.now();
      let ok = false;
      try {
        ok = await this.tryAcquireOrRenew(attemptStart);
      } catch (error) {
        this.options.logger.warn({ err: error }, 'lease request failed');
      }
      this.lastAttempt = Date.now();
      if (this.stopped || this.resigned) return;
      if (ok && !this.leading) {
        this.leading = true;
        this.options.logger.info({ identity: this.options.identity, lease: this.options.name }, 'became leader');
        this.options.onStartedLeading();
      } else if (this.leading && !this.isLeader()) {
        this.leading = false;
        this.options.logger.warn({ identity: this.options.identity }, 'lost leadership: lease not renewed in time');
        this.options.onStoppedLeading();
      }
      await this.sleeper.sleep(this.jitter());
    }
  }

  private jitter(): number {
    // A little spread keeps replicas that started together from colliding on every attempt.
    return this.leading ? this.retryPeriodMs : this.retryPeriodMs * (1 + Math.random() * 0.2);
  }

  private async tryAcquireOrRenew(attemptStart: number): Promise<boolean> {
    const { namespace, name, identity } = this.options;
    const leaseSeconds = Math.ceil(this.leaseDurationMs / 1000);
    const now = microTime(attemptStart);
    const current = await this.client.find<Lease>(LEASE, namespace, name);
    this.lastContact = Date.now();
    if (current === undefined) {
      try {
        await this.client.create(LEASE, namespace, {
          apiVersion: LEASE.apiVersion,
          kind: LEASE.kind,
          metadata: { name, namespace },
          spec: { holderIdentity: identity, leaseDurationSeconds: leaseSeconds, acquireTime: now, renewTime: now, leaseTransitions: 0 },
        });
      } catch (error) {
        if (error instanceof KubeApiError && error.conflict) return false;
        throw error;
      }
      this.renewedAt = attemptStart;
      return true;
    }

    const spec = current.spec ?? {};
    const record = JSON.stringify([spec.holderIdentity, spec.renewTime, spec.leaseTransitions]);
    if (record !== this.observedRecord) {
      this.observedRecord = record;
      this.observedAt = Date.now();
    }
    const holder = spec.holderIdentity ?? '';
    const holderLeaseMs = Math.max((spec.leaseDurationSeconds ?? leaseSeconds) * 1000, 0);
    if (holder !== '' && holder !== identity && Date.now() < this.observedAt + holderLeaseMs) return false;

    const takingOver = holder !== identity;
    const next: Lease = {
      ...current,
      spec: {
        ...spec,
        holderIdentity: identity,
        leaseDurationSeconds: leaseSeconds,
        renewTime: now,
        acquireTime: takingOver ? now : (spec.acquireTime ?? now),
        leaseTransitions: (spec.leaseTransitions ?? 0) + (takingOver && holder !== '' ? 1 : 0),
      },
    };
    try {
      // resourceVersion in the body makes this a compare-and-swap: a concurrent writer gets 409.
      await this.client.replace(LEASE, namespace, next);
    } catch (error) {
      if (error instanceof KubeApiError && error.conflict) return false;
      throw error;
    }
    if (takingOver) this.options.logger.info({ previous: holder || undefined }, 'acquired the lease');
    this.renewedAt = attemptStart;
    return true;
  }

  private async release(): Promise<void> {
    const { namespace, name, identity } = this.options;
    const current = await this.client.find<Lease>(LEASE, namespace, name);
    if (current === undefined || current.spec?.holderIdentity !== identity) return;
    await this.client.replace(LEASE, namespace, {
      ...current,
      spec: { ...current.spec, holderIdentity: null, leaseDurationSeconds: 1, renewTime: microTime(Date.now()) },
    });
    this.options.logger.info({ identity }, 'released the lease');
  }
}
