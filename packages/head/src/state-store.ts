// Durable desired state in a JetStream KV bucket. Writes are compare-and-set on the revision the
// head last saw, so a stale head cannot overwrite a newer state. What is read back is validated
// like an admin change; a refused value leaves the newest valid earlier revision in force.
import type { KV, KvEntry, NatsConnection } from 'nats';
import { DESIRED_STATE_KEY, SNAPSHOT_KEY, STATE_BUCKET, v1, type troupe } from '@troupe/protocol';
import { UnavailableError, type Logger } from '@troupe/common';
import { stateFromWire, stateToWire, emptyState, type DesiredState } from './desired-state.js';

/** Failed writes remembered, oldest dropped first: a NATS stall spans a few mutations at most. */
const MAX_UNCONFIRMED = 16;
/** Revisions kept per key: a corrupted latest value falls back to the newest valid one before it. */
export const STATE_HISTORY = 8;

export type LoadOutcome =
  /** A valid stored state. */
  | { kind: 'loaded'; state: DesiredState }
  /** Nothing stored: a new cluster, or a store that was lost or wiped. */
  | { kind: 'empty'; state: DesiredState }
  /** The latest value was refused; `state` is the newest valid earlier revision, or empty. */
  | { kind: 'refused'; state: DesiredState; error: Error; revision: number; fallbackRevision: number | undefined };

export class StateStore {
  private revision = 0;
  /**
   * Writes that failed without a definite answer (a timeout while NATS stalled): JetStream may
   * still apply them later, which moves the revision under the head.
   */
  private unconfirmed: Uint8Array[] = [];

  private constructor(
    private readonly nats: NatsConnection,
    private kv: KV,
    private readonly logger: Logger,
  ) {}

  static async open(nats: NatsConnection, logger: Logger): Promise<StateStore> {
    return new StateStore(nats, await openBucket(nats, logger), logger);
  }

  async loadDesired(): Promise<LoadOutcome> {
    const entry = await this.kv.get(DESIRED_STATE_KEY);
    if (!isValue(entry)) return { kind: 'empty', state: emptyState() };
    this.revision = entry.revision;
    try {
      return { kind: 'loaded', state: decodeState(entry.value) };
    } catch (error) {
      const fallback = await this.newestValidBefore(entry.revision);
      return {
        kind: 'refused',
        state: fallback?.state ?? emptyState(),
        error: error as Error,
        revision: entry.revision,
        fallbackRevision: fallback?.revision,
      };
    }
  }

  /** Earlier revisions of the desired state, newest first, until one is valid. */
  private async newestValidBefore(revision: number): Promise<{ state: DesiredState; revision: number } | undefined> {
    const subject = `$KV.${STATE_BUCKET}.${DESIRED_STATE_KEY}`;
    const found: KvEntry[] = [];
    let seq = 1;
    for (let i = 0; i < STATE_HISTORY; i++) {
      const entry = await this.nextBySubject(subject, seq);
      if (!entry || entry.revision >= revision) break;
      found.push(entry);
      seq = entry.revision + 1;
    }
    for (const entry of found.reverse()) {
      if (!isValue(entry)) continue;
      try {
        return { state: decodeState(entry.value), revision: entry.revision };
      } catch (error) {
        this.logger.error({ err: error, revision: entry.revision }, 'an earlier stored desired state is refused too');
      }
    }
    return undefined;
  }

  private async nextBySubject(subject: string, seq: number): Promise<KvEntry | null> {
    try {
      // The KV view reads by sequence; the first message of the key at or after `seq` is wanted.
      const request = new TextEncoder().encode(JSON.stringify({ seq, next_by_subj: subject }));
      const reply = await this.nats.request(`$JS.API.DIRECT.GET.KV_${STATE_BUCKET}`, request, { timeout: 5_000 });
      const found = Number(reply.headers?.get('Nats-Sequence') ?? 0);
      if ((reply.headers?.code ?? 0) !== 0 || !(found > 0)) return null;
      return await this.kv.get(DESIRED_STATE_KEY, { revision: found });
    } catch {
      return null;
    }
  }

  async saveDesired(state: DesiredState): Promise<void> {
    const bytes = encodeState(state);
    try {
      this.revision = await this.write(bytes);
      this.unconfirmed = [];
    } catch (error) {
      // The write may have landed after all, or an earlier one whose outcome was unknown may have
      // landed since and moved the revision: either way, what is stored decides.
      if (await this.settle(bytes)) return;
      // NATS may have come back without the bucket (a lost or wiped store): write it anew.
      if ((await this.rewriteIfLost(bytes)) === 'rewritten') return;
      this.unconfirmed = [...this.unconfirmed, bytes].slice(-MAX_UNCONFIRMED);
      this.logger.error({ err: error }, 'could not persist the desired state');
      throw new UnavailableError(`could not persist the desired state: ${(error as Error).message}`, { cause: error });
    }
  }

  /**
   * Writes `state` (and `snapshot`) again when the store no longer holds a desired state: the
   * bucket was deleted, or NATS restarted on an empty store. Returns what it found.
   */
  async repair(state: DesiredState, snapshot: troupe.v1.ISnapshot | undefined): Promise<'present' | 'rewritten' | 'unreachable'> {
    const outcome = await this.rewriteIfLost(encodeState(state));
    if (outcome === 'rewritten' && snapshot) await this.saveSnapshot(snapshot).catch(() => undefined);
    return outcome;
  }

  private async rewriteIfLost(bytes: Uint8Array): Promise<'present' | 'rewritten' | 'unreachable'> {
    let entry: KvEntry | null;
    try {
      entry = await this.kv.get(DESIRED_STATE_KEY);
    } catch {
      try {
        // Creates the bucket when it is gone, with the same settings.
        this.kv = await openBucket(this.nats, this.logger);
        entry = await this.kv.get(DESIRED_STATE_KEY);
      } catch {
        return 'unreachable';
      }
    }
    if (isValue(entry)) return 'present';
    try {
      this.revision = await this.kv.create(DESIRED_STATE_KEY, bytes);
    } catch {
      return 'unreachable';
    }
    this.unconfirmed = [];
    this.logger.warn({ revision: this.revision }, 'the state store had lost the desired state; rewrote it from memory');
    return 'rewritten';
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
    try {
      return v1.Snapshot.decode(entry.value);
    } catch (error) {
      this.logger.error({ err: error }, 'the stored snapshot is not decodable; ignored');
      return undefined;
    }
  }

  async saveSnapshot(snapshot: troupe.v1.ISnapshot): Promise<void> {
    await this.kv.put(SNAPSHOT_KEY, v1.Snapshot.encode(snapshot).finish());
  }
}

async function openBucket(nats: NatsConnection, logger: Logger): Promise<KV> {
  const kv = await nats.jetstream().views.kv(STATE_BUCKET, { history: STATE_HISTORY, storage: 'file' as never });
  await keepHistory(nats, logger);
  return kv;
}

/** Buckets made by earlier versions kept one revision: raise it so a bad value has a fallback. */
async function keepHistory(nats: NatsConnection, logger: Logger): Promise<void> {
  try {
    const jsm = await nats.jetstreamManager();
    const info = await jsm.streams.info(`KV_${STATE_BUCKET}`);
    if (info.config.max_msgs_per_subject >= STATE_HISTORY) return;
    await jsm.streams.update(info.config.name, { ...info.config, max_msgs_per_subject: STATE_HISTORY });
  } catch (error) {
    logger.warn({ err: error }, 'could not raise the history of the state bucket');
  }
}

function isValue(entry: KvEntry | null): entry is KvEntry {
  return entry !== null && entry.operation === 'PUT' && entry.value.length > 0;
}

function encodeState(state: DesiredState): Uint8Array {
  return v1.DesiredState.encode(stateToWire(state)).finish();
}

function decodeState(bytes: Uint8Array): DesiredState {
  return stateFromWire(v1.DesiredState.decode(bytes));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}
