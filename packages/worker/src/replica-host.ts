// The main thread's side of one replica: its thread, its lifecycle (start, reconfigure, stop,
// crash) and the status the head sees. Calls go through its CallDispatcher.
import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import {
  BACKEND_CONFIG_DEFAULTS,
  CancelledError,
  ReplicaDiedError,
  ReplicaNotFoundError,
  toErrorInfo,
  type Logger,
} from '@troupe/common';
import { v1, type troupe } from '@troupe/protocol';
import { CallDispatcher } from './call-dispatcher.js';
import type { ReplyChannel } from './reply-channel.js';
import type { HandleRelay } from './handle-relay.js';
import { launchReplicaThread } from './thread-launcher.js';
import type { ReadyMessage, ThreadToMain } from './thread-messages.js';

const CANCELLED = toErrorInfo(new CancelledError('the caller went away before the call started'));

const State = v1.ReplicaState;

export interface ReplicaSpec {
  replicaTag: string;
  backend: string;
  importPath: string;
  initArgsJson: string;
  codeDir: string;
  logLevel: string;
  exposedMethods: string[];
  maxReplyBytes: number;
  /** Serves the handle calls user code makes; none: replicas cannot call other endpoints. */
  relay?: HandleRelay;
}

/** What a replica runs with, after defaults. */
export interface ReplicaRunConfig {
  maxConcurrentQueries: number;
  maxBatchSize: number;
  batchWaitTimeout: number;
  /** 0: no limit besides maxConcurrentQueries. */
  maxConcurrentBatches: number;
  userConfigJson: string | undefined;
  /** The head's fingerprint of the config: reported back, compared for equality only (not ordered). */
  epoch: number;
}

export function toRunConfig(config: troupe.v1.IReplicaConfig | null | undefined): ReplicaRunConfig {
  return {
    // proto3 has no "unset" for these: 0 means the default.
    maxConcurrentQueries: config?.maxConcurrentQueries || BACKEND_CONFIG_DEFAULTS.maxConcurrentQueries,
    maxBatchSize: config?.maxBatchSize || BACKEND_CONFIG_DEFAULTS.maxBatchSize,
    batchWaitTimeout: Math.max(0, config?.batchWaitTimeout ?? BACKEND_CONFIG_DEFAULTS.batchWaitTimeout),
    maxConcurrentBatches: config?.maxConcurrentBatches ?? 0,
    userConfigJson: config?.userConfigJson ?? undefined,
    epoch: Number(config?.epoch ?? 0),
  };
}

export class ReplicaHost {
  readonly tag: string;
  readonly backend: string;
  private state: troupe.v1.ReplicaState = State.REPLICA_STATE_STARTING;
  private error: troupe.v1.IErrorInfo | null = null;
  private configEpoch = 0;
  private config: ReplicaRunConfig;
  private readonly dispatcher: CallDispatcher;
  private thread: Worker | undefined;
  private threadError: Error | undefined;
  private exitCode: number | undefined;
  /** Set once we end the thread ourselves: its exit is then not a crash. */
  private terminating = false;
  private acceptingCalls = false;

  private readonly started: Promise<void>;
  private resolveStarted!: () => void;
  private configChain: Promise<unknown>;
  private readonly reconfigureWaiters = new Map<number, (error: troupe.v1.IErrorInfo | undefined) => void>();
  private nextRequestId = 1;
  private stopping: Promise<void> | undefined;

  constructor(
    private readonly spec: ReplicaSpec,
    config: ReplicaRunConfig,
    private readonly logger: Logger,
    /** Called when the replica fails on its own (not when stopped). */
    private readonly onFailure: (host: ReplicaHost) => void,
  ) {
    this.tag = spec.replicaTag;
    this.backend = spec.backend;
    this.config = config;
    this.dispatcher = new CallDispatcher(config, (message, transfer) => this.thread?.postMessage(message, transfer));
    this.started = new Promise((resolve) => {
      this.resolveStarted = resolve;
    });
    this.configChain = this.started;
  }

  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  get isFailed(): boolean {
    return this.state === State.REPLICA_STATE_FAILED;
  }

  status(): troupe.v1.IReplicaStatus {
    return {
      replicaTag: this.tag,
      backend: this.backend,
      state: this.state,
      configEpoch: this.configEpoch,
      error: this.error,
    };
  }

  /** Resolves once the replica runs (constructed and reconfigured) or failed to start. */
  start(): Promise<troupe.v1.IReplicaStatus> {
    let relayPort: MessagePort | undefined;
    if (this.spec.relay) {
      const channel = new MessageChannel();
      this.spec.relay.attach(channel.port1);
      relayPort = channel.port2;
    }
    const thread = launchReplicaThread({
      mode: 'replica',
      importPath: this.spec.importPath,
      codeDir: this.spec.codeDir,
      backend: this.backend,
      replicaTag: this.tag,
      initArgsJson: this.spec.initArgsJson,
      userConfigJson: this.config.userConfigJson,
      logLevel: this.spec.logLevel,
      exposedMethods: this.spec.exposedMethods,
      maxReplyBytes: this.spec.maxReplyBytes,
      relayPort,
    });
    this.thread = thread;
    thread.on('message', (message: ThreadToMain) => this.onMessage(message));
    thread.on('error', (error) => {
      this.threadError = error;
    });
    thread.on('exit', (code) => this.onExit(code));
    return this.whenStarted();
  }

  async whenStarted(): Promise<troupe.v1.IReplicaStatus> {
    await this.started;
    return this.status();
  }

  /** Takes a call read from a data stream; one it cannot take is answered REPLICA_NOT_FOUND at once. */
  /** Drops a call its caller gave up on, unless it already went to the thread. */
  cancel(channel: ReplyChannel, id: number): void {
    this.dispatcher.cancel(channel, id, CANCELLED);
  }

  submit(channel: ReplyChannel, id: number, method: string, frame: Buffer, start: number, end: number): void {
    if (this.acceptingCalls) this.dispatcher.submit(channel, id, method, frame, start, end);
    else channel.deliverError(id, this.notHereError());
  }

  /** Applies a new config in place: limits at once, userConfig through `reconfigure` when it changed. */
  reconfigure(config: ReplicaRunConfig): Promise<troupe.v1.IReplicaStatus> {
    const applied = this.configChain.then(() => this.applyConfig(config));
    this.configChain = applied.catch(() => undefined);
    return applied;
  }

  /** New calls are refused from now on; queued and running ones finish within the grace period. */
  stop(graceMs: number): Promise<void> {
    this.stopping ??= this.drainAndTerminate(graceMs);
    return this.stopping;
  }

  /** Ends the thread now; what it held fails. */
  async terminate(): Promise<void> {
    this.acceptingCalls = false;
    if (!this.isFailed) this.state = State.REPLICA_STATE_STOPPING;
    const thread = this.thread;
    if (!thread) return;
    this.terminating = true;
    await thread.terminate();
  }

  private async drainAndTerminate(graceMs: number): Promise<void> {
    this.acceptingCalls = false;
    if (!this.isFailed) this.state = State.REPLICA_STATE_STOPPING;
    await this.started;
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    await Promise.race([this.dispatcher.idle(), graceOver]);
    clearTimeout(timer);
    await this.terminate();
  }

  private async applyConfig(config: ReplicaRunConfig): Promise<troupe.v1.IReplicaStatus> {
    const previousUserConfig = this.config.userConfigJson;
    this.config = config;
    this.dispatcher.setLimits(config);
    if (!this.thread || this.stopping) return this.status();
    if (config.userConfigJson !== undefined && config.userConfigJson !== previousUserConfig) {
      const error = await this.sendReconfigure(config.userConfigJson);
      if (error) {
        // The replica keeps serving with its previous userConfig: the error shows in its status
        // and the epoch stays where it was, but it is not FAILED (the head would replace it, and
        // the replacement would fail the same way).
        this.error = error;
        this.config.userConfigJson = previousUserConfig;
        return this.status();
      }
    }
    if (this.thread && !this.stopping) this.error = null;
    this.configEpoch = config.epoch;
    return this.status();
  }

  private sendReconfigure(userConfigJson: string): Promise<troupe.v1.IErrorInfo | undefined> {
    const requestId = this.nextRequestId++;
    return new Promise((resolve) => {
      this.reconfigureWaiters.set(requestId, resolve);
      this.thread?.postMessage({ type: 'reconfigure', requestId, userConfigJson });
    });
  }

  private onMessage(message: ThreadToMain): void {
    switch (message.type) {
      case 'replies':
        this.dispatcher.onReplies(message);
        return;
      case 'ready':
        this.onReady(message);
        return;
      case 'start-failed':
        this.state = State.REPLICA_STATE_FAILED;
        this.error = message.error;
        this.resolveStarted();
        void this.terminate();
        return;
      case 'reconfigured':
        this.reconfigureWaiters.get(message.requestId)?.(message.error);
        this.reconfigureWaiters.delete(message.requestId);
        return;
      default:
        return;
    }
  }

  private onReady(message: ReadyMessage): void {
    this.dispatcher.setBatchMethods(message.batchAll, message.batchMethods);
    if (this.stopping === undefined) {
      this.state = State.REPLICA_STATE_RUNNING;
      this.acceptingCalls = true;
    }
    this.configEpoch = this.config.epoch;
    this.resolveStarted();
  }

  private onExit(code: number): void {
    const crashed = !this.terminating;
    this.thread = undefined;
    this.exitCode = code;
    this.acceptingCalls = false;
    if (crashed) {
      this.state = State.REPLICA_STATE_FAILED;
      this.error = toErrorInfo(new ReplicaDiedError(`replica "${this.tag}" died: ${this.describeDeath()}`));
      this.logger.error({ replica: this.tag, exitCode: code, err: this.threadError }, 'replica died');
    } else if (!this.isFailed) {
      this.state = State.REPLICA_STATE_STOPPING;
    }
    const held = crashed
      ? `replica "${this.tag}" died while running the call: ${this.describeDeath()}`
      : `replica "${this.tag}" was stopped before the call finished`;
    this.dispatcher.close(toErrorInfo(new ReplicaDiedError(held)), this.notHereError());
    this.resolveStarted();
    const gone = this.error ?? toErrorInfo(new ReplicaDiedError(`replica "${this.tag}" stopped`));
    for (const resolve of this.reconfigureWaiters.values()) resolve(gone);
    this.reconfigureWaiters.clear();
    if (crashed) this.onFailure(this);
  }

  private describeDeath(): string {
    const error = this.threadError;
    if (error) return `uncaught ${error.name}: ${error.message}`;
    return `its thread exited with code ${this.exitCode ?? 'unknown'} (process.exit)`;
  }

  private notHereError(): troupe.v1.IErrorInfo {
    const why = this.isFailed ? 'has failed' : this.state === State.REPLICA_STATE_STARTING ? 'is starting' : 'is stopping';
    return toErrorInfo(new ReplicaNotFoundError(`replica "${this.tag}" ${why}`));
  }
}
