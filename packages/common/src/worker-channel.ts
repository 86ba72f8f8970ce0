// One bidirectional data stream to one worker, shared by every call to its replicas. Calls issued
// in one event-loop turn leave in one frame; replies come back multiplexed by id.
import { Client, credentials, Metadata, status as GrpcStatus, type ChannelCredentials, type ClientDuplexStream, type ServiceError } from '@grpc/grpc-js';
import { DataService, type troupe } from '@troupe/protocol';
import { dataMessageLimit } from './data-plane-limits.js';
import { fromServiceError } from './failure-converter.js';
import { UnavailableError, ValidationError } from './errors.js';

/** How a call on a channel ended when no reply came back. */
export class ChannelBrokenError extends UnavailableError {
  override name = 'ChannelBrokenError';
  constructor(
    message: string,
    /** False when the stream never opened: the worker cannot have run the call, so retry is safe. */
    readonly mayHaveRun: boolean,
    cause?: unknown,
  ) {
    super(message, { cause });
  }
}

/** Who hears how a call ended; the router's call state is its own receiver (no promise per call). */
export interface ReplyReceiver {
  onReply(reply: troupe.v1.Reply): void;
  onFailure(error: Error): void;
}

type DataStream = ClientDuplexStream<troupe.v1.ICallFrame, troupe.v1.ReplyFrame>;

export interface WorkerChannelOptions {
  credentials?: ChannelCredentials;
  /** The cluster's data token, sent as `authorization: Bearer <token>` when the stream opens. */
  token?: string;
  /**
   * Largest frame sent or read. Calls of one turn that would exceed it leave in several frames; a
   * call larger on its own fails with a ValidationError and never leaves. @default dataMessageLimit()
   */
  maxMessageBytes?: number;
}

/** Estimated bytes of a cancel in a frame (id, tag, framing). */
const CANCEL_BYTES = 64;

export class WorkerChannel {
  private readonly client: Client;
  private stream: DataStream | undefined;
  /** The worker answered the stream's headers: from then on a break may strand calls that ran. */
  private opened = false;
  private nextId = 1;
  private readonly pending = new Map<number, ReplyReceiver>();
  private outbox: troupe.v1.ICall[] = [];
  private cancels: troupe.v1.ICallCancel[] = [];
  private flushScheduled = false;
  private closed = false;
  private readonly metadata: Metadata;
  private readonly maxMessageBytes: number;

  constructor(
    readonly address: string,
    options: WorkerChannelOptions = {},
  ) {
    this.maxMessageBytes = options.maxMessageBytes ?? dataMessageLimit();
    this.client = new Client(address, options.credentials ?? credentials.createInsecure(), {
      'grpc.keepalive_time_ms': 10_000,
      'grpc.keepalive_timeout_ms': 5_000,
      'grpc.max_receive_message_length': this.maxMessageBytes,
      // Frames are cut to size before they leave (see flush); the worker enforces its own limit.
      'grpc.max_send_message_length': -1,
    });
    this.metadata = new Metadata();
    if (options.token) this.metadata.set('authorization', `Bearer ${options.token}`);
  }

  get inFlight(): number {
    return this.pending.size;
  }

  /** Queues a call for this turn's frame; `receiver` hears the worker's reply or the failure. */
  dispatch(call: Omit<troupe.v1.ICall, 'id'>, receiver: ReplyReceiver): void {
    if (this.closed) {
      receiver.onFailure(new ChannelBrokenError(`channel to ${this.address} is closed`, false));
      return;
    }
    const id = this.nextId++;
    const message = call as troupe.v1.ICall;
    message.id = id;
    this.outbox.push(message);
    this.pending.set(id, receiver);
    this.scheduleFlush();
  }

  /** Asks the worker to drop call `id` if it has not started; its receiver still hears the end. */
  cancel(id: number, replicaTag: string): void {
    if (this.closed || !this.pending.has(id)) return;
    this.cancels.push({ id, replicaTag });
    this.scheduleFlush();
  }

  /** `dispatch` as a promise, for callers off the hot path. */
  send(call: Omit<troupe.v1.ICall, 'id'>): Promise<troupe.v1.Reply> {
    return new Promise((resolve, reject) => this.dispatch(call, { onReply: resolve, onFailure: reject }));
  }

  close(): void {
    this.closed = true;
    this.failAll(new ChannelBrokenError(`channel to ${this.address} closed`, this.opened));
    this.stream?.cancel();
    this.stream = undefined;
    this.client.close();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(this.flush);
  }

  private readonly flush = (): void => {
    this.flushScheduled = false;
    if (this.outbox.length === 0 && this.cancels.length === 0) return;
    const calls = this.outbox;
    const cancels = this.cancels;
    this.outbox = [];
    this.cancels = [];
    const stream = this.ensureStream();
    const limit = this.maxMessageBytes;
    let frameCalls: troupe.v1.ICall[] = [];
    let frameBytes = cancels.length * CANCEL_BYTES;
    for (const call of calls) {
      const bytes = estimateCallBytes(call);
      if (bytes + cancels.length * CANCEL_BYTES > limit) {
        this.refuseOversized(call, bytes);
        continue;
      }
      if (frameCalls.length > 0 && frameBytes + bytes > limit) {
        stream.write({ calls: frameCalls });
        frameCalls = [];
        frameBytes = cancels.length * CANCEL_BYTES;
      }
      frameCalls.push(call);
      frameBytes += bytes;
    }
    if (frameCalls.length === 0 && cancels.length === 0) return;
    const frame: troupe.v1.ICallFrame = { calls: frameCalls };
    // The worker reads a frame's cancels after its calls, so a call sent and cancelled in one turn
    // is queued before it is looked for: cancels ride in the last frame of the turn.
    if (cancels.length > 0) frame.cancels = cancels;
    stream.write(frame);
  };

  /** A call larger than any frame may be: it fails here, and the stream stays usable for others. */
  private refuseOversized(call: troupe.v1.ICall, bytes: number): void {
    const id = call.id as number;
    const receiver = this.pending.get(id);
    this.pending.delete(id);
    receiver?.onFailure(
      new ValidationError(
        `data: the call takes about ${bytes} bytes, more than the data plane carries (${this.maxMessageBytes} bytes: the body limit plus framing)`,
      ),
    );
  }

  private ensureStream(): DataStream {
    if (this.stream) return this.stream;
    const stream = this.client.makeBidiStreamRequest(
      DataService.stream.path,
      DataService.stream.requestSerialize,
      DataService.stream.responseDeserialize,
      this.metadata.clone(),
    ) as DataStream;
    this.opened = false;
    stream.on('metadata', () => {
      this.opened = true;
    });
    stream.on('data', (frame: troupe.v1.ReplyFrame) => this.deliver(frame));
    stream.on('error', (error: Error) => this.onBroken(stream, error));
    stream.on('end', () => this.onBroken(stream, new Error('stream ended by the worker')));
    this.stream = stream;
    return stream;
  }

  private deliver(frame: troupe.v1.ReplyFrame): void {
    for (const reply of frame.replies) {
      const id = reply.id as number;
      const waiter = this.pending.get(id);
      if (!waiter) continue;
      this.pending.delete(id);
      waiter.onReply(reply as troupe.v1.Reply);
    }
  }

  private onBroken(stream: DataStream, error: Error): void {
    if (this.stream !== stream) return;
    this.stream = undefined;
    const cause = fromServiceError(error);
    // Without the worker's headers, a stream that had a connection may still have delivered its
    // calls (the worker can run a call and die before its headers reach us): only a stream that
    // never got a connection is certain to have delivered nothing.
    const mayHaveRun = this.opened || !neverConnected(error);
    this.failAll(new ChannelBrokenError(`connection to worker ${this.address} broke: ${cause.message}`, mayHaveRun, cause));
  }

  private failAll(error: ChannelBrokenError): void {
    // Calls still in the outbox were never written to any stream: nothing can have run them.
    const unsent = new Set<number>();
    for (const call of this.outbox) unsent.add(call.id as number);
    const undelivered = error.mayHaveRun && unsent.size > 0 ? new ChannelBrokenError(error.message, false, error.cause) : error;
    const waiters = [...this.pending];
    this.pending.clear();
    this.outbox = [];
    this.cancels = [];
    for (const [id, waiter] of waiters) waiter.onFailure(unsent.has(id) ? undelivered : error);
  }
}

/**
 * An upper bound of a call's encoded size, without encoding it: strings count three bytes per
 * UTF-16 unit (UTF-8's worst case), every field its tag and length prefix.
 */
function estimateCallBytes(call: troupe.v1.ICall): number {
  let bytes = 48 + textBytes(call.replicaTag) + textBytes(call.methodName) + (call.data?.length ?? 0);
  const http = call.http;
  if (http) {
    bytes += 32 + textBytes(http.method) + textBytes(http.path) + textBytes(http.pathParamsJson) + (http.body?.length ?? 0);
    bytes += mapBytes(http.query) + mapBytes(http.headers);
  }
  return bytes;
}

function textBytes(text: string | null | undefined): number {
  return text ? 3 * text.length + 6 : 0;
}

function mapBytes(map: Record<string, string> | null | undefined): number {
  let bytes = 0;
  if (!map) return bytes;
  for (const key in map) bytes += 18 + 3 * (key.length + (map[key]?.length ?? 0));
  return bytes;
}

/**
 * grpc-js fails a call with this when no connection to start it on could be made (the worker's
 * port refused it, or the channel is backing off after such a failure): the call never left.
 */
function neverConnected(error: Error): boolean {
  const serviceError = error as Partial<ServiceError>;
  return serviceError.code === GrpcStatus.UNAVAILABLE && /^No connection established/.test(serviceError.details ?? '');
}

/** Reuses one channel per worker address. */
export class WorkerChannelPool {
  private readonly channels = new Map<string, WorkerChannel>();

  constructor(private readonly options: WorkerChannelOptions = {}) {}

  get(address: string): WorkerChannel {
    let channel = this.channels.get(address);
    if (!channel) {
      channel = new WorkerChannel(address, this.options);
      this.channels.set(address, channel);
    }
    return channel;
  }

  /** Closes channels to workers no longer named by any replica. */
  retain(addresses: ReadonlySet<string>): void {
    for (const [address, channel] of this.channels) {
      if (!addresses.has(address) && channel.inFlight === 0) {
        channel.close();
        this.channels.delete(address);
      }
    }
  }

  close(): void {
    for (const channel of this.channels.values()) channel.close();
    this.channels.clear();
  }
}
