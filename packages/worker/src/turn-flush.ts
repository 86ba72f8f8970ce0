// Coalescing per event-loop turn: however many times a flush is requested during a turn, it runs
// once, after the turn's I/O. Used on both sides of the replica thread, so it imports nothing.
export class TurnFlush {
  private scheduled = false;

  constructor(private readonly flush: () => void) {}

  /** True while a flush is requested and has not run yet. */
  get pending(): boolean {
    return this.scheduled;
  }

  request(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.run);
  }

  private readonly run = (): void => {
    this.scheduled = false;
    this.flush();
  };
}
