// An endpoint's traffic split and shadows, precomputed for the hot path.
import type { troupe } from '@troupe/protocol';

/** FNV-1a, then murmur3's finalizer: stable across processes and versions, so one key maps to one backend everywhere. */
function hashToUnit(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // FNV-1a alone barely moves the top bits on the last character: user-1 … user-9 fell within
  // 4% of each other, so sequential ids went to one backend in blocks and weights were missed by
  // up to 8 points. murmur3's finalizer spreads every input bit over the whole word.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 0x1_0000_0000;
}

export class TrafficPolicy {
  private readonly backends: string[] = [];
  private readonly cumulative: number[] = [];
  private readonly shadows: Array<[string, number]>;

  constructor(spec: troupe.v1.IEndpointSpec) {
    // Sorted so that every process builds the same intervals for shard keys.
    const entries = Object.entries(spec.traffic ?? {})
      .filter(([, weight]) => weight > 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let running = 0;
    for (const [backend, weight] of entries) {
      running += weight / total;
      this.backends.push(backend);
      this.cumulative.push(running);
    }
    this.shadows = Object.entries(spec.shadows ?? {}).filter(([, p]) => p > 0);
  }

  /** A backend by weight; with a shard key, always the same one for that key. */
  pickBackend(shardKey?: string): string | undefined {
    const n = this.backends.length;
    if (n <= 1) return this.backends[0];
    const point = shardKey ? hashToUnit(shardKey) : Math.random();
    for (let i = 0; i < n; i++) if (point < this.cumulative[i]!) return this.backends[i];
    return this.backends[n - 1];
  }

  /** The shadow backends this request is copied to. */
  pickShadows(): string[] {
    if (this.shadows.length === 0) return NONE;
    return this.shadows.filter(([, p]) => Math.random() < p).map(([backend]) => backend);
  }
}

const NONE: string[] = [];
