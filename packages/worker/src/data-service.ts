// The data plane: one bidirectional stream per peer (proxy or handle), calls multiplexed by id.
// Frames are neither decoded nor encoded here beyond routing each call to its replica: the
// replica thread decodes the call and encodes the reply.
import { Metadata, type ServiceDefinition } from '@grpc/grpc-js';
import { ReplicaNotFoundError, requireBearerToken, toErrorInfo, toServiceError, type Logger } from '@troupe/common';
import { DataService as WireDataService } from '@troupe/protocol';
import { readCallFrame, type CallVisitor } from './call-frame-reader.js';
import type { ReplicaHost } from './replica-host.js';
import { ReplyChannel, type DataStream } from './reply-channel.js';

const identity = (bytes: Buffer): Buffer => bytes;

/** The Data service with raw bytes on both sides; the wire format is that of troupe.v1.Data. */
export const RawDataService = {
  stream: {
    ...WireDataService.stream,
    requestDeserialize: identity,
    responseSerialize: identity,
  },
} satisfies ServiceDefinition;

export class DataService implements CallVisitor {
  private readonly channels = new Set<ReplyChannel>();
  /** The channel whose frame is being read; set around readCallFrame to spare a closure per frame. */
  private current: ReplyChannel | undefined;
  private draining = false;
  /** Refused streams are logged at most once a second (whoever reaches the port can open many). */
  private refusedLoggedAt = 0;
  private refusedUnlogged = 0;

  constructor(
    private readonly replica: (tag: string) => ReplicaHost | undefined,
    private readonly logger: Logger,
    /** Required as `authorization: Bearer <token>` on every stream when set. */
    private readonly token?: string,
    /** Largest frame of replies written; replicas refuse single replies larger than this. */
    private readonly maxFrameBytes = Infinity,
  ) {}

  readonly handleStream = (stream: DataStream): void => {
    try {
      requireBearerToken(stream.metadata, this.token);
    } catch (error) {
      // Refused before any frame is read: nothing is buffered for a peer without the token.
      this.logRefused(stream);
      stream.emit('error', toServiceError(error));
      return;
    }
    // Headers go out at once, so a peer can tell a stream that opened from one that never did.
    stream.sendMetadata(new Metadata());
    const channel = new ReplyChannel(stream, (finished) => this.channels.delete(finished), this.maxFrameBytes);
    this.channels.add(channel);
    stream.on('data', (frame: Buffer) => this.onFrame(stream, channel, frame));
    stream.on('end', () => channel.endInput());
    stream.on('cancelled', () => channel.close());
    stream.on('error', () => channel.close());
    stream.on('close', () => channel.close());
  };

  private logRefused(stream: DataStream): void {
    const now = Date.now();
    if (now - this.refusedLoggedAt < 1_000) {
      this.refusedUnlogged++;
      return;
    }
    const alsoRefused = this.refusedUnlogged;
    this.refusedLoggedAt = now;
    this.refusedUnlogged = 0;
    this.logger.warn({ peer: stream.getPeer(), alsoRefused }, 'refused a data stream without a valid data token');
  }

  onCall(id: number, replicaTag: string, methodName: string, frame: Buffer, start: number, end: number): void {
    const channel = this.current as ReplyChannel;
    channel.accept();
    const host = this.draining ? undefined : this.replica(replicaTag);
    if (host) {
      host.submit(channel, id, methodName, frame, start, end);
    } else {
      const why = this.draining ? 'this worker is draining' : 'no such replica on this worker';
      channel.deliverError(id, toErrorInfo(new ReplicaNotFoundError(`replica "${replicaTag}": ${why}`)));
    }
  }

  onCancel(id: number, replicaTag: string): void {
    this.replica(replicaTag)?.cancel(this.current as ReplyChannel, id);
  }

  /**
   * New calls are answered REPLICA_NOT_FOUND from now on, so routers retry them elsewhere. Streams
   * stay open: a call sent while the peer had not heard of the drain yet still gets an answer.
   */
  drain(): void {
    this.draining = true;
  }

  /** Ends every stream once its calls are answered; resolves when all ended or `timeoutMs` passed. */
  async endStreams(timeoutMs: number): Promise<void> {
    for (const channel of [...this.channels]) channel.endInput();
    const deadline = Date.now() + timeoutMs;
    while (this.channels.size > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private onFrame(stream: DataStream, channel: ReplyChannel, frame: Buffer): void {
    if (channel.isClosed) return;
    this.current = channel;
    try {
      readCallFrame(frame, this);
    } catch (error) {
      // Only this stream ends; the calls it already delivered still run.
      this.logger.warn({ err: error, peer: stream.getPeer() }, 'closing a data stream after a malformed frame');
      channel.close();
      stream.emit('error', toServiceError(error));
    } finally {
      this.current = undefined;
    }
  }
}
