// The Session streams registered workers hold open to the head. The end of one tells the head at
// once that its worker is gone; the head ends them all itself when it shuts down, so that a
// graceful server shutdown does not wait for streams that never end on their own.
import type { ServerWritableStream } from '@grpc/grpc-js';
import { NotFoundError, requireBearerToken, toServiceError } from '@troupe/common';
import type { troupe } from '@troupe/protocol';

export interface SessionHost {
  readonly id: string;
  sessionOpened(workerId: string, session: number): boolean;
  sessionClosed(workerId: string, session: number, detail: string): void;
}

type SessionCall = ServerWritableStream<troupe.v1.SessionRequest, troupe.v1.ISessionEvent>;

export class WorkerSessions {
  private readonly open = new Map<SessionCall, { workerId: string; session: number }>();
  private closing = false;

  constructor(
    private readonly host: SessionHost,
    private readonly token: string | undefined,
  ) {}

  /** gRPC handler of Control.Session. */
  readonly handle = (call: SessionCall): void => {
    const { workerId } = call.request;
    const session = Number(call.request.session);
    try {
      requireBearerToken(call.metadata, this.token);
      if (this.closing) throw new NotFoundError('the head is shutting down');
      if (!this.host.sessionOpened(workerId, session)) {
        throw new NotFoundError(`worker "${workerId}" has no session ${session} with this head: register again`);
      }
    } catch (error) {
      call.emit('error', toServiceError(error));
      return;
    }
    this.open.set(call, { workerId, session });
    let ended = false;
    const end = (detail: string): void => {
      if (ended) return;
      ended = true;
      this.open.delete(call);
      if (!this.closing) this.host.sessionClosed(workerId, session, detail);
    };
    call.on('cancelled', () => end('cancelled by the peer or connection lost'));
    call.on('error', (error: Error) => end(error.message));
    call.on('close', () => end('stream closed'));
    call.write({ headId: this.host.id });
  };

  /**
   * Ends a worker's session that the head gave up on (missed heartbeats): the worker learns at
   * once that it must register again, instead of from its next heartbeat.
   */
  end(workerId: string, session: number): void {
    for (const [call, owner] of this.open) {
      if (owner.workerId !== workerId || owner.session !== session) continue;
      this.open.delete(call);
      call.end();
    }
  }

  /** Ends every session (the head is going away); workers then register with the next head. */
  endAll(): void {
    this.closing = true;
    for (const call of this.open.keys()) call.end();
    this.open.clear();
  }
}
