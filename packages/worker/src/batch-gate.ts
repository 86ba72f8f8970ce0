// How many batches of one method a replica thread runs at once. Batches over the limit wait here in
// arrival order and start the moment a running batch of their method finishes: no round trip to the
// main thread between two batches.

/** `B` is whatever the owner needs to start a batch; methods are told apart by a numeric key. */
export class BatchGate<B> {
  private limit = 0;
  private readonly running = new Map<number, number>();
  private readonly waiting = new Map<number, B[]>();

  /** `start` must lead to exactly one `finished(key)` call for the batch, now or later. */
  constructor(private readonly start: (key: number, batch: B) => void) {}

  /** 0: no limit. A lower limit never stops what runs; it only holds back what comes next. */
  setLimit(limit: number): void {
    this.limit = limit;
  }

  admit(key: number, batch: B): void {
    if (this.hasRoom(key)) {
      this.launch(key, batch);
      return;
    }
    const queue = this.waiting.get(key);
    if (queue === undefined) this.waiting.set(key, [batch]);
    else queue.push(batch);
  }

  hasWaiting(key: number): boolean {
    return this.waiting.has(key);
  }

  finished(key: number): void {
    const left = (this.running.get(key) ?? 1) - 1;
    if (left > 0) this.running.set(key, left);
    else this.running.delete(key);
    const queue = this.waiting.get(key);
    while (queue !== undefined && queue.length > 0 && this.hasRoom(key)) {
      const next = queue.shift() as B;
      if (queue.length === 0) this.waiting.delete(key);
      this.launch(key, next);
    }
  }

  private launch(key: number, batch: B): void {
    this.running.set(key, (this.running.get(key) ?? 0) + 1);
    this.start(key, batch);
  }

  private hasRoom(key: number): boolean {
    return this.limit === 0 || (this.running.get(key) ?? 0) < this.limit;
  }
}
