// Options of start() and `troupe start`, validated at the edge with defaults in one place.
import { Type } from '@sinclair/typebox';
import { validateSchema } from '@troupe/common';

export type HttpLocation = 'HeadOnly' | 'EveryNode' | 'NoServer';

export interface HttpOptions {
  /** Interface of the HeadOnly proxy (EveryNode proxies bind 127.0.0.k locally). @default "127.0.0.1" */
  host?: string;
  /** Port of every proxy. @default 8000 */
  port?: number;
  /** Where proxies run. @default "HeadOnly" */
  location?: HttpLocation;
  /** Seconds a proxy keeps answering after SIGTERM before it closes. @default 2 */
  drainSeconds?: number;
}

export interface StartOptions {
  /** Nodes of the local cluster: one worker each. @default 1 */
  nodes?: number;
  httpOptions?: HttpOptions;
  /** Port of the head's admin API; 0 picks a free one. @default 7420 */
  port?: number;
  /** Use this NATS instead of starting a nats-server. */
  natsUrl?: string;
  /** The nats-server executable. @default "nats-server" (or $TROUPE_NATS_SERVER) */
  natsServer?: string;
  /** Where relative import paths resolve. @default process.cwd() */
  codeDir?: string;
  /** Admin bearer token required by the head. @default none */
  adminToken?: string;
  /** Extra environment of every process. */
  env?: Record<string, string>;
  /** Keep the cluster's log directory after stopping. @default false */
  keepLogs?: boolean;
}

export interface ResolvedStartOptions {
  nodes: number;
  httpOptions: Required<HttpOptions>;
  port: number;
  natsUrl: string | undefined;
  natsServer: string;
  codeDir: string;
  adminToken: string | undefined;
  env: Record<string, string>;
  keepLogs: boolean;
}

const StartOptionsSchema = Type.Object(
  {
    nodes: Type.Optional(Type.Integer({ minimum: 1, maximum: 254 })),
    httpOptions: Type.Optional(
      Type.Object(
        {
          host: Type.Optional(Type.String({ minLength: 1 })),
          port: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
          location: Type.Optional(Type.Union([Type.Literal('HeadOnly'), Type.Literal('EveryNode'), Type.Literal('NoServer')])),
          drainSeconds: Type.Optional(Type.Number({ minimum: 0 })),
        },
        { additionalProperties: false },
      ),
    ),
    port: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
    natsUrl: Type.Optional(Type.String({ minLength: 1 })),
    natsServer: Type.Optional(Type.String({ minLength: 1 })),
    codeDir: Type.Optional(Type.String({ minLength: 1 })),
    adminToken: Type.Optional(Type.String()),
    env: Type.Optional(Type.Record(Type.String(), Type.String())),
    keepLogs: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export function resolveStartOptions(options: StartOptions): ResolvedStartOptions {
  validateSchema(StartOptionsSchema, options, 'options');
  const http = options.httpOptions ?? {};
  return {
    nodes: options.nodes ?? 1,
    httpOptions: {
      host: http.host ?? '127.0.0.1',
      port: http.port ?? 8000,
      location: http.location ?? 'HeadOnly',
      drainSeconds: http.drainSeconds ?? 2,
    },
    port: options.port ?? 7420,
    natsUrl: options.natsUrl,
    natsServer: options.natsServer ?? process.env.TROUPE_NATS_SERVER ?? 'nats-server',
    codeDir: options.codeDir ?? process.cwd(),
    adminToken: options.adminToken || undefined,
    env: options.env ?? {},
    keepLogs: options.keepLogs ?? process.env.TROUPE_KEEP_LOGS === '1',
  };
}
