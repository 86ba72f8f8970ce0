// The head's process-level wiring: one gRPC server for the admin and control APIs.
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { AdminService, ControlService } from '@troupe/protocol';
import { adminService, controlService, type AdminHooks } from './admin-service.js';
import { Head, type HeadOptions } from './head.js';

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
}

export interface HeadServer {
  readonly head: Head;
  /** host:port actually bound. */
  readonly address: string;
  close(): Promise<void>;
}

export async function startHeadServer(options: HeadServerOptions): Promise<HeadServer> {
  const head = await Head.start(options);
  const server = new Server({ 'grpc.max_receive_message_length': 16 * 1024 * 1024 });
  const auth = { token: options.adminToken };
  const close = async (): Promise<void> => {
    await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
    await head.close();
  };
  const hooks: AdminHooks = { natsUrl: options.natsUrl, dataToken: options.dataToken, shutdown: options.onShutdown ?? close };
  server.addService(AdminService, adminService(head, auth, hooks));
  server.addService(ControlService, controlService(head, auth));
  const requested = options.address ?? '127.0.0.1:7420';
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(requested, options.serverCredentials ?? ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  const host = requested.slice(0, requested.lastIndexOf(':'));
  return { head, address: `${host}:${port}`, close };
}
