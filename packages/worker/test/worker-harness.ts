// What the worker tests share: a stub head (Control service on a free port), a worker running
// in-process against it, a WorkerControl client and a data-stream client.
import { fileURLToPath } from 'node:url';
import {
  Client,
  credentials,
  Server,
  ServerCredentials,
  type ClientDuplexStream,
  type Metadata,
  type sendUnaryData,
  type ServerUnaryCall,
} from '@grpc/grpc-js';
import { UnaryClient } from '@troupe/common';
import { ControlService, DataService, decodeValue, encodeValue, v1, WorkerControlService, type troupe } from '@troupe/protocol';
import { startWorker, type WorkerHandle, type WorkerOptions } from '../src/index.js';

export const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

export const { REPLICA_STATE_RUNNING, REPLICA_STATE_FAILED, REPLICA_STATE_STOPPING } = v1.ReplicaState;
export const { REPLY_KIND_HTTP, REPLY_KIND_VALUE } = v1.ReplyKind;

/** The head's Control service, recording what workers tell it. */
export class StubHead {
  readonly registrations: troupe.v1.RegisterWorkerRequest[] = [];
  readonly heartbeats: troupe.v1.HeartbeatRequest[] = [];
  readonly authorizations: string[] = [];
  /** Answer heartbeats with known: false (as a restarted head does). */
  forgetWorkers = false;
  address = '';
  private readonly server = new Server();

  constructor(private readonly heartbeatIntervalSeconds: number) {}

  static async start(heartbeatIntervalSeconds = 0.2, port = 0): Promise<StubHead> {
    const head = new StubHead(heartbeatIntervalSeconds);
    head.server.addService(ControlService, {
      registerWorker: (
        call: ServerUnaryCall<troupe.v1.RegisterWorkerRequest, troupe.v1.IRegisterWorkerReply>,
        callback: sendUnaryData<troupe.v1.IRegisterWorkerReply>,
      ) => {
        head.record(call.metadata);
        head.registrations.push(call.request);
        head.forgetWorkers = false;
        callback(null, { headId: 'stub-head', heartbeatIntervalSeconds: head.heartbeatIntervalSeconds });
      },
      heartbeat: (
        call: ServerUnaryCall<troupe.v1.HeartbeatRequest, troupe.v1.IHeartbeatReply>,
        callback: sendUnaryData<troupe.v1.IHeartbeatReply>,
      ) => {
        head.record(call.metadata);
        head.heartbeats.push(call.request);
        callback(null, { known: !head.forgetWorkers });
      },
    });
    const bound = await new Promise<number>((resolve, reject) =>
      head.server.bindAsync(`127.0.0.1:${port}`, ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    head.address = `127.0.0.1:${bound}`;
    return head;
  }

  /** The newest replica status any heartbeat or registration reported for `tag`. */
  lastReported(tag: string): troupe.v1.IReplicaStatus | undefined {
    const last = this.heartbeats.at(-1)?.replicas ?? this.registrations.at(-1)?.replicas ?? [];
    return last.find((status) => status.replicaTag === tag);
  }

  close(): void {
    this.server.forceShutdown();
  }

  private record(metadata: Metadata): void {
    this.authorizations.push(String(metadata.get('authorization')[0] ?? ''));
  }
}

/** A worker in-process, registered with a stub head, plus clients of both of its services. */
export class WorkerFixture {
  private constructor(
    readonly head: StubHead,
    readonly worker: WorkerHandle,
    readonly control: UnaryClient<typeof WorkerControlService>,
    readonly data: DataClient,
  ) {}

  static async start(options: WorkerOptions = {}, heartbeatIntervalSeconds = 0.2): Promise<WorkerFixture> {
    const head = await StubHead.start(heartbeatIntervalSeconds);
    const worker = await startWorker({
      headAddress: head.address,
      nodeId: 'node-test',
      codeDir: fixtures,
      logLevel: 'silent',
      ...options,
    });
    const control = new UnaryClient(WorkerControlService, 'WorkerControl', worker.address, { token: options.adminToken });
    return new WorkerFixture(head, worker, control, new DataClient(worker.address));
  }

  startReplica(
    replicaTag: string,
    importPath: string,
    config: troupe.v1.IReplicaConfig = {},
    initArgs: unknown[] = [],
  ): Promise<troupe.v1.ReplicaStatus> {
    return this.control.call('startReplica', {
      replicaTag,
      backend: replicaTag.split('#')[0],
      importPath,
      initArgsJson: JSON.stringify(initArgs),
      config: { epoch: 1, ...config },
    });
  }

  /** Starts a replica and fails the test unless it runs. */
  async running(replicaTag: string, importPath: string, config: troupe.v1.IReplicaConfig = {}, initArgs: unknown[] = []): Promise<void> {
    const status = await this.startReplica(replicaTag, importPath, config, initArgs);
    if (status.state !== REPLICA_STATE_RUNNING) {
      throw new Error(`replica ${replicaTag} did not start: ${status.error?.name}: ${status.error?.message}`);
    }
  }

  async close(): Promise<void> {
    this.data.close();
    this.control.close();
    await this.worker.close();
    this.head.close();
  }
}

type CallInput = Omit<troupe.v1.ICall, 'id'>;

/** A data stream to a worker; calls of one turn leave in one frame, like the routers' channels. */
export class DataClient {
  private readonly client: Client;
  private stream: ClientDuplexStream<troupe.v1.ICallFrame, troupe.v1.ReplyFrame> | undefined;
  private readonly pending = new Map<number, (reply: troupe.v1.Reply) => void>();
  private readonly failures = new Map<number, (error: Error) => void>();
  private outbox: troupe.v1.ICall[] = [];
  private nextId = 1;
  /** Sizes of the reply frames received, to see that replies were coalesced. */
  readonly frameSizes: number[] = [];

  constructor(readonly address: string) {
    this.client = new Client(address, credentials.createInsecure());
  }

  send(call: CallInput): Promise<troupe.v1.Reply> {
    const id = this.nextId++;
    this.outbox.push({ ...call, id });
    if (this.outbox.length === 1) setImmediate(() => this.flush());
    return new Promise((resolve, reject) => {
      this.pending.set(id, resolve);
      this.failures.set(id, reject);
    });
  }

  http(replicaTag: string, http: troupe.v1.IHttpRequest = {}, methodName = ''): Promise<troupe.v1.Reply> {
    return this.send({ replicaTag, methodName, http: { method: 'GET', path: '/', ...http } });
  }

  value(replicaTag: string, data?: unknown, methodName = ''): Promise<troupe.v1.Reply> {
    const hasData = data !== undefined;
    return this.send({ replicaTag, methodName, data: hasData ? encodeValue(data) : undefined, hasData });
  }

  /** A handle call's result: the value, or the error rebuilt as thrown. */
  async result(replicaTag: string, data?: unknown, methodName = ''): Promise<unknown> {
    return valueOf(await this.value(replicaTag, data, methodName));
  }

  close(): void {
    this.stream?.cancel();
    this.client.close();
  }

  private flush(): void {
    const calls = this.outbox;
    this.outbox = [];
    this.open().write({ calls });
  }

  private open(): ClientDuplexStream<troupe.v1.ICallFrame, troupe.v1.ReplyFrame> {
    if (this.stream) return this.stream;
    const stream = this.client.makeBidiStreamRequest(
      DataService.stream.path,
      DataService.stream.requestSerialize,
      DataService.stream.responseDeserialize,
    );
    stream.on('data', (frame: troupe.v1.ReplyFrame) => {
      this.frameSizes.push(frame.replies.length);
      for (const reply of frame.replies) {
        const id = reply.id as number;
        this.pending.get(id)?.(reply as troupe.v1.Reply);
        this.pending.delete(id);
        this.failures.delete(id);
      }
    });
    stream.on('error', (error: Error) => {
      this.stream = undefined;
      for (const fail of this.failures.values()) fail(error);
      this.pending.clear();
      this.failures.clear();
    });
    this.stream = stream;
    return stream;
  }
}

/** The value of a VALUE reply; a reply error is thrown as an Error carrying code, name and message. */
export function valueOf(reply: troupe.v1.Reply): unknown {
  if (reply.error) throw replyError(reply);
  if (reply.kind !== REPLY_KIND_VALUE) throw new Error(`expected a value reply, got kind ${reply.kind}`);
  return decodeValue(reply.value as Buffer);
}

export interface ReplyError extends Error {
  code: string;
}

export function replyError(reply: troupe.v1.Reply): ReplyError {
  if (!reply.error) throw new Error('expected an error reply');
  const error = new Error(reply.error.message ?? '') as ReplyError;
  error.name = reply.error.name ?? '';
  error.code = reply.error.code ?? '';
  return error;
}

export function headerOf(reply: troupe.v1.Reply, name: string): string | undefined {
  return reply.headers.find((header) => header.name === name)?.value ?? undefined;
}

/** Polls `check` until it holds, failing after `timeoutMs`. */
export async function eventually<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
