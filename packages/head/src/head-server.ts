// The head's process-level wiring: one gRPC server for the admin and control APIs, and an
// optional plain-HTTP health server for probes.
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { AdminService, ControlService } from '@troupe/protocol';
import { startHealthServer, type HealthServer, type Readiness } from '@troupe/common';
import { adminService, controlService, type AdminHooks } from './admin-service.js';
import { Head, type HeadOptions } from './head.js';
import { WorkerSessions } from './worker-sessions.js';

export interface HeadServerOptions extends HeadOptions {
  /** Admin API address. @default "127.0.0.1:7420" */
  address?: string;
  /** Bearer token required by the admin and control APIs when set. */
  adminToken?: string;
  /** The workers' data token, handed to admin clients by GetClusterInfo so their handles can call. */
  dataToken?: string;
  /** TLS of the gRPC server. @default insecure */
  serverCredentials?: ServerCredentials;
  /** Stops the cluster on the Shutdown RPC. @default closes the head only */
  onShutdown?: () => Promise<void> | void;
  /** Port of the HTTP health server (`/-/healthz`, `/-/readyz`). @default none (not served) */
  healthPort?: number;
  /** Interface the health server binds. @default "127.0.0.1" */
  healthHost?: string;
}

export interface HeadServer {
  readonly head: Head;
  /** host:port actually bound. */
  readonly address: string;
  /** host:port of the health server, when one runs. */
  readonly healthAddress: string | undefined;
  close(): Promise<void>;
}

/**
 * The server pings each client connection while it is idle and closes it when a ping goes
 * unanswered, so that a worker whose host vanished without closing its connection (power loss,
 * a partition) ends its Session within seconds, as heartbeats would.
 */
const SERVER_OPTIONS = {
  'grpc.max_receive_message_length': 16 * 1024 * 1024,
  'grpc.keepalive_time_ms': 2_000,
  'grpc.keepalive_timeout_ms': 2_000,
};

export async function startHeadServer(options: HeadServerOptions): Promise<HeadServer> {
  // Up before the desired state loads, so that probes tell "starting" from "dead".
  let readiness: Readiness = { ready: false, reason: 'loading the desired state' };
  const health =
    options.healthPort === undefined
      ? undefined
      : await startHealthServer({ host: options.healthHost, port: options.healthPort, readiness: () => readiness });
  let head: Head;
  try {
    head = await Head.start(options);
  } catch (error) {
    await health?.close();
    throw error;
  }
  readiness = { ready: false, reason: 'the admin API is not serving yet' };
  const server = new Server(SERVER_OPTIONS);
  const auth = { token: options.adminToken };
  const sessions = new WorkerSessions(head, options.adminToken);
  head.onWorkerDied = (worker) => sessions.end(worker.id, worker.liveness.session);
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      readiness = { ready: false, reason: 'the head is shutting down' };
      // Workers' Session streams never end on their own: end them, or tryShutdown waits forever.
      sessions.endAll();
      await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
      await head.close();
      await health?.close();
    })());
  const hooks: AdminHooks = { natsUrl: options.natsUrl, dataToken: options.dataToken, shutdown: options.onShutdown ?? close };
  server.addService(AdminService, adminService(head, auth, hooks));
  server.addService(ControlService, controlService(head, auth, sessions));
  const requested = options.address ?? '127.0.0.1:7420';
  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(requested, options.serverCredentials ?? ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
  } catch (error) {
    await head.close();
    await health?.close();
    throw error;
  }
  readiness = { ready: true };
  const host = requested.slice(0, requested.lastIndexOf(':'));
  return { head, address: `${host}:${port}`, healthAddress: health?.address, close };
}
