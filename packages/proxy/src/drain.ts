// Draining: a load balancer must see `/-/healthz` fail before the proxy stops taking requests, and
// the requests already taken must get their answers. The phases tell the app what to answer.

export type DrainPhase = 'serving' | 'draining' | 'closing';

export class Drain {
  private current: DrainPhase = 'serving';

  get phase(): DrainPhase {
    return this.current;
  }

  /** True from the start of draining on: health checks fail, requests are still served. */
  get draining(): boolean {
    return this.current !== 'serving';
  }

  /**
   * True once the proxy stops accepting: every answer then closes its connection, so that the
   * server is done as soon as the last request in flight is.
   */
  get closing(): boolean {
    return this.current === 'closing';
  }

  begin(): void {
    if (this.current === 'serving') this.current = 'draining';
  }

  close(): void {
    this.current = 'closing';
  }
}
