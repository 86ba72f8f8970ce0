// Durable desired state in a JetStream KV bucket. Writes are compare-and-set on the revision the
// head last saw, so a stale head cannot overwrite a newer state.
import type { KV, NatsConnection } from 'nats';
import { DESIRED_STATE_KEY, SNAPSHOT_KEY, STATE_BUCKET, v1, type troupe } from '@troupe/protocol';
import { UnavailableError } from '@troupe/common';
import { stateFromWire, stateToWire, emptyState, type DesiredState } from './desired-state.js';

export class StateStore {
  private revision = 0;

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
      this.revision =
        this.revision === 0
          ? await this.kv.create(DESIRED_STATE_KEY, bytes)
          : await this.kv.update(DESIRED_STATE_KEY, bytes, this.revision);
    } catch (error) {
      throw new UnavailableError(`could not persist the desired state: ${(error as Error).message}`, { cause: error });
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
