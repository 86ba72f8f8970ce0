// Skipped tests must say why; the summary reporter prints the reason.
import type Mocha from 'mocha';

const REASONS = Symbol.for('troupe.skipReasons');

/** Skips the running test and records why. */
export function skipWithReason(context: Mocha.Context, reason: string): never {
  const store = globalThis as unknown as Record<symbol, Map<string, string> | undefined>;
  (store[REASONS] ??= new Map()).set(context.test?.fullTitle() ?? '', reason);
  context.skip();
}
