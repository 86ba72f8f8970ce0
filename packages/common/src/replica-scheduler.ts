// Picks a replica of one backend for each call: power of two choices on in-flight counts, never
// above maxConcurrentQueries; when every replica is full, calls wait in arrival order. Given a
// local node, replicas there go first while they have room (no hop to another machine).
import type { troupe } from '@troupe/protocol';
import { BACKEND_CONFIG_DEFAULTS } from './backend-config.js';
import { BackPressureError } from './errors.js';
import { Fifo } from './fifo.js';
import type { WorkerChannel, WorkerChannelPool } from './worker-channel.js';

export interface ReplicaSlot {
  readonly tag: string;
  readonly channel: WorkerChannel;
  inFlight: number;
  /** Until then the replica is skipped while others are usable: its worker did not answer. */
  suspectUntil: number;
}

/** A call waiting for a free replica. */
export interface Waiter {
  assign(slot: ReplicaSlot): void;
  /** The call is refused without running: the queue is full. */
  refuse(error: BackPressureError): void;
  /** Set once the waiter gave up (timed out); the queue skips it. */
  cancelled: boolean;
}

const SUSPECT_MS = 2_000;

/** Waiters in arrival order; entries that gave up are skipped on the way out. */
class WaitQueue {
  private readonly items = new Fifo<Waiter>();

  get length(): number {
    return this.items.size;
  }

  push(waiter: Waiter): void {
    this.items.push(waiter);
  }

  shift(): Waiter | undefined {
    for (let waiter = this.items.shift(); waiter !== undefined; waiter = this.items.shift()) {
      if (!waiter.cancelled) return waiter;
    }
    return undefined;
  }

  /** Drops the entries that gave up; returns how many wait for real. */
  compact(): number {
    const live = this.items.drain().filter((waiter) => !waiter.cancelled);
    for (const waiter of live) this.items.push(waiter);
    return live.length;
  }
}

export class ReplicaScheduler {
  private slots: ReplicaSlot[] = [];
  /** The replicas on the local node, a subset of `slots`; empty without a local node. */
  private localSlots: ReplicaSlot[] = [];
  private readonly queue = new WaitQueue();
  maxConcurrentQueries = 100;
  /** -1: unbounded. */
  maxQueuedRequests = BACKEND_CONFIG_DEFAULTS.maxQueuedRequests;

  constructor(readonly backend: string) {}

  get replicaCount(): number {
    return this.slots.length;
  }

  get queued(): number {
    return this.queue.length;
  }

  /** Applies a new replica set, keeping in-flight counts of replicas that stay. */
  update(route: troupe.v1.IBackendRoute, pool: WorkerChannelPool, localNode?: string): void {
    this.maxConcurrentQueries = route.maxConcurrentQueries || 100;
    const maxQueued = route.maxQueuedRequests;
    this.maxQueuedRequests = maxQueued === undefined || maxQueued === null ? BACKEND_CONFIG_DEFAULTS.maxQueuedRequests : maxQueued;
    const previous = new Map(this.slots.map((slot) => [slot.tag, slot]));
    const replicas = route.replicas ?? [];
    this.slots = replicas.map((replica) => {
      const kept = previous.get(replica.replicaTag ?? '');
      if (kept && kept.channel.address === replica.dataAddress) return kept;
      return { tag: replica.replicaTag ?? '', channel: pool.get(replica.dataAddress ?? ''), inFlight: 0, suspectUntil: 0 };
    });
    this.localSlots = localNode === undefined ? [] : this.slots.filter((_, i) => replicas[i]?.nodeId === localNode);
    this.drain();
  }

  /**
   * Assigns at once when a replica has room, else queues in arrival order; a new call finding
   * the queue at maxQueuedRequests is refused. A retry (`exclude` set) was admitted already.
   */
  acquire(waiter: Waiter, exclude?: ReplicaSlot): void {
    const slot = this.queue.length === 0 ? this.pick(exclude) : undefined;
    if (slot) {
      slot.inFlight++;
      waiter.assign(slot);
    } else if (exclude === undefined && this.queueIsFull()) {
      waiter.refuse(
        new BackPressureError(
          `backend "${this.backend}" has ${this.maxQueuedRequests} requests waiting for a replica (maxQueuedRequests); try again later`,
        ),
      );
    } else {
      this.queue.push(waiter);
    }
  }

  private queueIsFull(): boolean {
    const limit = this.maxQueuedRequests;
    if (limit < 0 || this.queue.length < limit) return false;
    // Calls that gave up still hold entries until they come out: count only the live ones.
    return this.queue.compact() >= limit;
  }

  release(slot: ReplicaSlot): void {
    slot.inFlight--;
    this.drain();
  }

  /** Skips a replica whose worker did not take a call, until the head's view catches up. */
  markSuspect(slot: ReplicaSlot): void {
    slot.suspectUntil = Date.now() + SUSPECT_MS;
    // Calls queued meanwhile must not wait for a release that may never come.
    setTimeout(() => this.drain(), SUSPECT_MS + 10).unref();
  }

  private drain(): void {
    while (this.queue.length > 0) {
      const slot = this.pick();
      if (!slot) return;
      const waiter = this.queue.shift();
      if (!waiter) return;
      slot.inFlight++;
      waiter.assign(slot);
    }
  }

  private pick(exclude?: ReplicaSlot): ReplicaSlot | undefined {
    if (this.slots.length === 0) return undefined;
    const limit = this.maxConcurrentQueries;
    const now = Date.now();
    if (this.localSlots.length > 0) {
      const local = this.pickAmong(this.localSlots, limit, now, exclude);
      if (local) return local;
    }
    return this.pickAmong(this.slots, limit, now, exclude);
  }

  private pickAmong(slots: ReplicaSlot[], limit: number, now: number, exclude?: ReplicaSlot): ReplicaSlot | undefined {
    const n = slots.length;
    // Two random candidates first: cheap and, under load, close to least-loaded.
    const a = slots[(Math.random() * n) | 0]!;
    const b = n > 1 ? slots[(Math.random() * n) | 0]! : a;
    const best = this.lighter(this.usable(a, limit, now, exclude), this.usable(b, limit, now, exclude));
    if (best) return best;
    return this.scan(slots, limit, now, exclude);
  }

  private usable(slot: ReplicaSlot, limit: number, now: number, exclude?: ReplicaSlot): ReplicaSlot | undefined {
    return slot.inFlight < limit && slot.suspectUntil <= now && slot !== exclude ? slot : undefined;
  }

  private lighter(a: ReplicaSlot | undefined, b: ReplicaSlot | undefined): ReplicaSlot | undefined {
    if (!a) return b;
    if (!b) return a;
    return b.inFlight < a.inFlight ? b : a;
  }

  private scan(slots: ReplicaSlot[], limit: number, now: number, exclude?: ReplicaSlot): ReplicaSlot | undefined {
    let best: ReplicaSlot | undefined;
    for (const slot of slots) best = this.lighter(best, this.usable(slot, limit, now, exclude));
    return best;
  }
}
