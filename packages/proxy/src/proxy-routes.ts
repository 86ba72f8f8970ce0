// The route table a proxy serves: none until the first snapshot (health checks fail until then),
// then the table of the latest snapshot that built one.
import { RouteTable } from '@troupe/common';
import type { troupe } from '@troupe/protocol';

export class ProxyRoutes {
  private current: RouteTable | undefined;
  private routesBody = '{}';
  private appliedVersion = 0;

  /** Undefined until a snapshot was applied. */
  get table(): RouteTable | undefined {
    return this.current;
  }

  get ready(): boolean {
    return this.current !== undefined;
  }

  /** Version of the snapshot the table was built from. */
  get version(): number {
    return this.appliedVersion;
  }

  /** The JSON body of `/-/routes`, built once per table. */
  get routesJson(): string {
    return this.routesBody;
  }

  /** Builds the table of a snapshot; throws ValidationError (keeping the table it had) when invalid. */
  apply(snapshot: troupe.v1.ISnapshot): void {
    this.use(new RouteTable(snapshot.endpoints ?? []), Number(snapshot.version ?? 0));
  }

  use(table: RouteTable, version = this.appliedVersion): void {
    this.current = table;
    this.routesBody = JSON.stringify(table.toRouteMap());
    this.appliedVersion = version;
  }
}
