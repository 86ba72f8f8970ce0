// Structured logging: one pino root, children tagged by component. Level from TROUPE_LOG_LEVEL.
import { pino, type Logger } from 'pino';

export type { Logger };

const root = pino({
  level: process.env.TROUPE_LOG_LEVEL ?? 'info',
  base: { pid: process.pid },
});

export function createLogger(component: string, bindings: Record<string, unknown> = {}): Logger {
  return root.child({ component, ...bindings });
}
