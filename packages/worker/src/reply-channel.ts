// The reply side of one data stream. Replies finished in one event-loop turn leave in one
// ReplyFrame: replicas hand over ranges of bytes that are already ReplyFrame fields, so a frame is
// their concatenation.
import type { ServerDuplexStream } from '@grpc/grpc-js';
import type { troupe } from '@troupe/protocol';
import { encodeErrorReply } from './reply-encoder.js';
import { TurnFlush } from './turn-flush.js';

export type DataStream = ServerDuplexStream<Buffer, Buffer>;

export class ReplyChannel {
  private readonly buffers: Buffer[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private bytes = 0;
  private readonly turn = new TurnFlush(() => this.flush());
  /** Calls read from the stream and not answered yet, wherever they are. */
  private unanswered = 0;
  private inputEnded = false;
  private closed = false;

  constructor(
    private readonly stream: DataStream,
    private readonly onFinished: (channel: ReplyChannel) => void,
    /** Replies of a turn beyond this many bytes leave in further frames (peers read no larger ones). */
    private readonly maxFrameBytes = Infinity,
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  /** Counts a call read from the stream; each one gets exactly one `deliver` or `deliverError`. */
  accept(): void {
    this.unanswered++;
  }

  deliver(buffer: Buffer, start: number, end: number): void {
    this.unanswered--;
    if (this.closed) return;
    this.buffers.push(buffer);
    this.starts.push(start);
    this.ends.push(end);
    this.bytes += end - start;
    this.turn.request();
  }

  deliverError(id: number, error: troupe.v1.IErrorInfo): void {
    if (this.closed) {
      this.unanswered--;
      return;
    }
    const encoded = encodeErrorReply(id, error);
    this.deliver(encoded, 0, encoded.length);
  }

  /** The peer sent its last call (or the worker drains): end the stream once all are answered. */
  endInput(): void {
    this.inputEnded = true;
    this.finishIfDone();
  }

  /** The stream is gone: calls still run, their replies are dropped. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.buffers.length = 0;
    this.starts.length = 0;
    this.ends.length = 0;
    this.bytes = 0;
    this.onFinished(this);
  }

  private flush(): void {
    const count = this.buffers.length;
    if (this.closed || count === 0) return;
    if (this.bytes <= this.maxFrameBytes) {
      this.writeFrame(0, count, this.bytes);
    } else {
      // Each reply fits on its own (replicas refuse larger ones): cut the turn into frames.
      let first = 0;
      let size = 0;
      for (let i = 0; i < count; i++) {
        const length = (this.ends[i] as number) - (this.starts[i] as number);
        if (i > first && size + length > this.maxFrameBytes) {
          this.writeFrame(first, i, size);
          first = i;
          size = 0;
        }
        size += length;
      }
      this.writeFrame(first, count, size);
    }
    this.buffers.length = 0;
    this.starts.length = 0;
    this.ends.length = 0;
    this.bytes = 0;
    this.finishIfDone();
  }

  private writeFrame(from: number, to: number, bytes: number): void {
    const frame = Buffer.allocUnsafe(bytes);
    let position = 0;
    for (let i = from; i < to; i++) {
      position += (this.buffers[i] as Buffer).copy(frame, position, this.starts[i], this.ends[i]);
    }
    this.stream.write(frame);
  }

  private finishIfDone(): void {
    if (!this.inputEnded || this.unanswered > 0 || this.turn.pending || this.closed) return;
    this.stream.end();
    this.close();
  }
}
