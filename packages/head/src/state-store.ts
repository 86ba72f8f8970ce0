// Durable desired state in a JetStream KV bucket. Writes are compare-and-set on the revision the
// head last saw, so a stale head cannot overwrite a newer state.
import type { KV, KvEntry, NatsConnection } from 'nats';
import { DESIRED_STATE_KEY, SNAPSHOT_KEY, STATE_BUCKET, v1, type troupe } from '@troupe/protocol';
import { UnavailableError } from '@troupe/common';
import { stateFromWire, stateToWire, emptyState, type DesiredState } from './desired-state.js';

/** Failed writes remembered, oldest dropped first: a NATS stall spans a few mutations at most. */
const MAX_UNCONFIRMED = 16;

export class StateStore {
  private revision = 0;
  /**
   * Writes that failed without a definite answer (a timeout while NATS stalled): JetStream may
   * still apply them later, which moves the revision under the head.
   */
  private unconfirmed: Uint8Array[] = [];

  private constructor(private readonly kv: KV) {}

  static async open(nats: NatsConnection): Promise<StateStore> {
    const kv = await nats.jetstream().views.kv(STATE_BUCKET, { history: 1, storage: 'file' as never });
    return new StateStore(kv);
  }

  async loadDesired(): Promise<DesiredState> {
    const entry = await this.kv.get(DESIRED_STATE_KEY);
    if (!entry || entry.value.length === 0 || entry.operation !== 'PUT') return emptyState();
    this.revision = entry.revision;
    return stateFromWire(v1.DesiredState.decode(entry.value));
  }

  async saveDesired(state: DesiredState): Promise<void> {
    const bytes = v1.DesiredState.encode(stateToWire(state)).finish();
    try {
      this.revision = await this.write(bytes);
      this.unconfirmed = [];
    } catch (error) {
      // The write may have landed after all, or an earlier one whose outcome was unknown may have
      // landed since and moved the revision: either way, what is stored decides.
      if (await this.settle(bytes)) return;
      this.unconfirmed = [...this.unconfirmed, bytes].slice(-MAX_UNCONFIRMED);
      throw new UnavailableError(`could not persist the desired state: ${(error as Error).message}`, { cause: error });
    }
  }

  private write(bytes: Uint8Array): Promise<number> {
    return this.revision === 0 ? this.kv.create(DESIRED_STATE_KEY, bytes) : this.kv.update(DESIRED_STATE_KEY, bytes, this.revision);
  }

  /**
   * After a failed write: true when `bytes` is what is stored now (the write landed), or could be
   * written over an earlier write of this head that landed after it was reported failed. A value
   * this head never wrote (another head's) stays, and the compare-and-set keeps refusing.
   */
  private async settle(bytes: Uint8Array): Promise<boolean> {
    let entry: KvEntry | null;
    try {
      entry = await this.kv.get(DESIRED_STATE_KEY);
    } catch {
      return false;
    }
    if (!entry || entry.revision === this.revision) return false;
    if (sameBytes(entry.value, bytes)) {
      this.revision = entry.revision;
      this.unconfirmed = [];
      return true;
    }
    if (!this.unconfirmed.some((earlier) => sameBytes(entry.value, earlier))) return false;
    // The head never applied that earlier change (its caller was told it failed): write over it.
    this.revision = entry.revision;
    this.unconfirmed = [];
    try {
      this.revision = await this.write(bytes);
      return true;
    } catch {
      return false;
    }
  }

  async loadSnapshot(): Promise<troupe.v1.Snapshot | undefined> {
    const entry = await this.kv.get(SNAPSHOT_KEY);
    if (!entry || entry.value.length === 0) return undefined;
    return v1.Snapshot.decode(entry.value);
  }

  async saveSnapshot(snapshot: troupe.v1.ISnapshot): Promise<void> {
    await this.kv.put(SNAPSHOT_KEY, v1.Snapshot.encode(snapshot).finish());
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}
