// gRPC handlers of the admin API (SDK, CLI, operator) and of the control API (workers).
import type { sendUnaryData, ServerUnaryCall, UntypedServiceImplementation } from '@grpc/grpc-js';
import type { troupe } from '@troupe/protocol';
import { requireBearerToken, toServiceError } from '@troupe/common';
import type { Head } from './head.js';
import { requireBackend } from './desired-state.js';
import type { WorkerSessions } from './worker-sessions.js';

type Handler<Req, Res> = (request: Req) => Promise<Res> | Res;

export interface ServiceAuth {
  /** Bearer token required on every call when set. */
  token?: string;
}

function checkToken(call: ServerUnaryCall<unknown, unknown>, auth: ServiceAuth): void {
  requireBearerToken(call.metadata, auth.token);
}

function unary<Req, Res>(auth: ServiceAuth, handler: Handler<Req, Res>) {
  return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>): void => {
    Promise.resolve()
      .then(() => {
        checkToken(call as ServerUnaryCall<unknown, unknown>, auth);
        return handler(call.request);
      })
      .then(
        (reply) => callback(null, reply),
        (error: unknown) => callback(toServiceError(error)),
      );
  };
}

export interface AdminHooks {
  /** Called by the Shutdown RPC: stops the local cluster that runs this head. */
  shutdown(): Promise<void> | void;
  natsUrl: string;
  /** The workers' data token: admin clients need it for their handles. */
  dataToken?: string;
}

export function adminService(head: Head, auth: ServiceAuth, hooks: AdminHooks): UntypedServiceImplementation {
  const change = (version: number): troupe.v1.IChangeReply => ({ version });
  return {
    createBackend: unary(auth, async (r: troupe.v1.CreateBackendRequest) => change(await head.createBackend(r.spec ?? {}))),
    updateBackendConfig: unary(auth, async (r: troupe.v1.UpdateBackendConfigRequest) =>
      change(await head.updateBackendConfig(r.tag, r.config)),
    ),
    getBackend: unary(auth, (r: troupe.v1.BackendRef) => head.backendInfo(requireBackend(head.desired(), r.tag))),
    deleteBackend: unary(auth, async (r: troupe.v1.BackendRef) => change(await head.deleteBackend(r.tag))),
    listBackends: unary(auth, () => ({
      backends: [...head.desired().backends.values()].map((b) => head.backendInfo(b)),
    })),
    createEndpoint: unary(auth, async (r: troupe.v1.CreateEndpointRequest) => change(await head.createEndpoint(r.spec ?? {}))),
    deleteEndpoint: unary(auth, async (r: troupe.v1.EndpointRef) => change(await head.deleteEndpoint(r.name))),
    listEndpoints: unary(auth, () => ({ endpoints: head.status().endpoints })),
    setTraffic: unary(auth, async (r: troupe.v1.SetTrafficRequest) => change(await head.setTraffic(r.endpoint, r.traffic))),
    shadowTraffic: unary(auth, async (r: troupe.v1.ShadowTrafficRequest) =>
      change(await head.shadowTraffic(r.endpoint, r.backend, r.proportion)),
    ),
    getStatus: unary(auth, () => head.status()),
    // The data token and the read-only NATS credentials go to admin callers only (authenticated
    // when an admin token is set), as fields of the reply: never in a URL, never in a log line.
    getClusterInfo: unary(auth, () => ({
      natsUrl: withoutCredentials(hooks.natsUrl),
      headId: head.id,
      httpLocation: head.httpLocation,
      natsUser: head.options.clientNatsCredentials?.user ?? '',
      natsPassword: head.options.clientNatsCredentials?.password ?? '',
      dataToken: hooks.dataToken ?? '',
    })),
    waitConverged: unary(auth, async (r: troupe.v1.WaitRequest) => {
      const result = await head.waitConverged(Number(r.version), (r.timeoutSeconds || 60) * 1000);
      return {
        converged: result.converged,
        detail: result.detail,
        version: head.desired().version,
        snapshotVersion: result.snapshotVersion,
        headId: head.id,
      };
    }),
    shutdown: unary(auth, async () => {
      setImmediate(() => void hooks.shutdown());
      return {};
    }),
  };
}

export function controlService(head: Head, auth: ServiceAuth, sessions: WorkerSessions): UntypedServiceImplementation {
  return {
    registerWorker: unary(auth, (r: troupe.v1.RegisterWorkerRequest): troupe.v1.IRegisterWorkerReply => {
      const worker = head.registerWorker(r);
      return { headId: head.id, heartbeatIntervalSeconds: 1, session: worker.liveness.session };
    }),
    heartbeat: unary(auth, (r: troupe.v1.HeartbeatRequest) => ({ known: head.heartbeat(r) })),
    session: sessions.handle,
  };
}

/** NATS URLs as clients may see them: credentials written into a URL are dropped. */
export function withoutCredentials(natsUrls: string): string {
  return natsUrls
    .split(',')
    .map((url) => url.replace(/^([a-z]+:\/\/)[^@/]*@/i, '$1'))
    .join(',');
}
