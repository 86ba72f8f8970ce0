// Handle calls made by user code, routed by the worker's main thread. Replica threads hold no
// credential of the cluster (no admin token, no data token, no NATS or TLS secrets): a backend
// that calls another endpoint (composition) asks its worker over the thread's own MessagePort,
// and the worker routes the call on a data plane of its own, with its own credentials. What a
// replica can do through it is exactly what a handle can: call endpoints, nothing of the admin API.
import type { MessagePort } from 'node:worker_threads';
import type { ChannelCredentials } from '@grpc/grpc-js';
import {
  DataPlane,
  NotFoundError,
  SnapshotWatcher,
  toErrorInfo,
  UnavailableError,
  type CallOptions,
  type CallRequest,
  type Logger,
  type PendingCall,
  type RelayedError,
} from '@troupe/common';
import type { ConnectionOptions } from 'nats';

/** Messages of a replica thread to its worker over the relay port. */
export type RelayRequest =
  | { type: 'wait'; id: number; endpoint: string; missingOk: boolean }
  | { type: 'call'; id: number; endpoint: string; request: CallRequest; options?: CallOptions }
  | { type: 'cancel'; id: number };

/** The worker's answers. */
export type RelayAnswer =
  | { type: 'ready'; id: number }
  | { type: 'assigned'; id: number }
  | { type: 'reply'; id: number; value: Uint8Array }
  | { type: 'error'; id: number; error: RelayedError };

export interface HandleRelayOptions {
  /** Unset: replicas' handle calls fail with a message that says so. */
  natsUrl?: string;
  natsOptions?: Partial<ConnectionOptions>;
  credentials?: ChannelCredentials;
  dataToken?: string;
  maxMessageBytes?: number;
  logger: Logger;
}

/** An endpoint unknown to the routes is looked for this long before NotFoundError (snapshots may lag). */
const UNKNOWN_ENDPOINT_GRACE_MS = 2_000;
const MISSING_OK_WAIT_MS = 24 * 3600_000;

export class HandleRelay {
  private routes: Promise<{ plane: DataPlane; watcher: SnapshotWatcher }> | undefined;
  private closed = false;

  constructor(private readonly options: HandleRelayOptions) {}

  /** Serves the handle calls of one replica thread until its port closes. */
  attach(port: MessagePort): void {
    const calls = new Map<number, PendingCall>();
    const answer = (message: RelayAnswer): void => port.postMessage(message);
    const fail = (id: number, error: unknown): void => answer({ type: 'error', id, error: toErrorInfo(error) as RelayedError });
    port.on('message', (message: RelayRequest) => {
      switch (message.type) {
        case 'wait':
          this.waitFor(message.endpoint, message.missingOk).then(
            () => answer({ type: 'ready', id: message.id }),
            (error: unknown) => fail(message.id, error),
          );
          return;
        case 'call':
          this.call(message, calls, answer, fail);
          return;
        case 'cancel':
          calls.get(message.id)?.cancel();
          return;
      }
    });
    port.on('close', () => {
      for (const pending of calls.values()) pending.cancel();
      calls.clear();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const routes = this.routes;
    this.routes = undefined;
    if (!routes) return;
    const { plane, watcher } = await routes.catch(() => ({ plane: undefined, watcher: undefined }));
    plane?.close();
    await watcher?.close().catch(() => undefined);
  }

  private call(
    message: Extract<RelayRequest, { type: 'call' }>,
    calls: Map<number, PendingCall>,
    answer: (message: RelayAnswer) => void,
    fail: (id: number, error: unknown) => void,
  ): void {
    const { id } = message;
    this.plane().then(
      (plane) => {
        const pending = plane.call(message.endpoint, { ...message.request, valueReply: true }, message.options);
        calls.set(id, pending);
        pending.assigned.then(() => answer({ type: 'assigned', id }));
        pending.reply.then(
          (reply) => {
            calls.delete(id);
            answer({ type: 'reply', id, value: reply.value });
          },
          (error: unknown) => {
            calls.delete(id);
            fail(id, error);
          },
        );
      },
      (error: unknown) => fail(id, error),
    );
  }

  private async waitFor(endpoint: string, missingOk: boolean): Promise<void> {
    const plane = await this.plane();
    if (plane.hasEndpoint(endpoint)) return;
    const { watcher } = await this.ensureRoutes();
    const timeoutMs = missingOk ? MISSING_OK_WAIT_MS : UNKNOWN_ENDPOINT_GRACE_MS;
    try {
      await watcher.waitFor((snapshot) => snapshot.endpoints.some((e) => e.name === endpoint), timeoutMs);
    } catch {
      throw new NotFoundError(`endpoint "${endpoint}" does not exist`);
    }
  }

  private async plane(): Promise<DataPlane> {
    return (await this.ensureRoutes()).plane;
  }

  /** Connects on the first call of any replica: workers whose backends compose nothing never do. */
  private ensureRoutes(): Promise<{ plane: DataPlane; watcher: SnapshotWatcher }> {
    if (this.closed) return Promise.reject(new UnavailableError('the worker is stopping'));
    this.routes ??= this.openRoutes();
    return this.routes;
  }

  private async openRoutes(): Promise<{ plane: DataPlane; watcher: SnapshotWatcher }> {
    const { natsUrl, logger } = this.options;
    if (!natsUrl) {
      throw new UnavailableError('this worker has no NATS URL (TROUPE_NATS_URL), so its replicas cannot call other endpoints');
    }
    try {
      const watcher = await SnapshotWatcher.start({ natsUrl, logger, natsOptions: this.options.natsOptions });
      const plane = new DataPlane({
        logger,
        credentials: this.options.credentials,
        token: this.options.dataToken,
        maxMessageBytes: this.options.maxMessageBytes,
      });
      if (watcher.current) plane.applySnapshot(watcher.current);
      watcher.on('snapshot', (snapshot) => plane.applySnapshot(snapshot));
      return { plane, watcher };
    } catch (error) {
      // The next call tries again.
      this.routes = undefined;
      throw new UnavailableError(`cannot reach the cluster's routes for a replica's handle call: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
}
