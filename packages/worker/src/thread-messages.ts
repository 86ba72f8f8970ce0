// What the main thread and a replica thread say to each other. Calls and replies cross in batches,
// one message per event-loop turn, as protobuf bytes plus a Float64Array of offsets: no JSON and no
// structured clone of objects per call, and both buffers are transferred rather than copied.
import type { MessagePort } from 'node:worker_threads';
import type { troupe } from '@troupe/protocol';

/** `workerData` of a replica thread. */
export interface ReplicaThreadData {
  mode: 'replica' | 'inspect';
  importPath: string;
  codeDir: string;
  backend: string;
  replicaTag: string;
  initArgsJson: string;
  /** Absent: no userConfig, so `reconfigure` is not called before the replica takes traffic. */
  userConfigJson?: string;
  logLevel: string;
  /** Methods HTTP may call besides the class's static exposedMethods (create option). */
  exposedMethods: string[];
  /** Largest reply the data plane carries; a larger result fails its call instead. */
  maxReplyBytes: number;
  /** Where handle calls made by user code go: the worker's main thread calls for the replica. */
  relayPort?: MessagePort;
}

/**
 * `groups` holds dispatch groups back to back: a header, then `seq, id, start, end` per call
 * (offsets into `bytes`, each range one encoded `Call`). Header 0: one plain call follows.
 * Header k > 0: the method's key (a number standing for the batch method), then a batch of k
 * calls (a batch of one is still a batch: the user code gets an array).
 */
export interface CallsMessage {
  type: 'calls';
  bytes: Uint8Array;
  groups: Float64Array;
  /** Batches of one method key the thread runs at once (0: no limit); the rest wait there in order. */
  maxConcurrentBatches: number;
}

export interface ReconfigureMessage {
  type: 'reconfigure';
  requestId: number;
  userConfigJson: string;
}

export type MainToThread = CallsMessage | ReconfigureMessage;

/**
 * `bytes` is a run of ReplyFrame fields (tag 1 + length-delimited Reply), so the main thread can
 * concatenate ranges of it into a frame without re-encoding. `spans` holds `seq, start, end` per reply.
 */
export interface RepliesMessage {
  type: 'replies';
  bytes: Uint8Array;
  spans: Float64Array;
}

export interface ReadyMessage {
  type: 'ready';
  /** Every method (or, for functions, the function itself) receives arrays. */
  batchAll: boolean;
  /** Methods marked `acceptBatch` when not every one is. */
  batchMethods: string[];
}

export interface StartFailedMessage {
  type: 'start-failed';
  error: troupe.v1.IErrorInfo;
}

export interface ReconfiguredMessage {
  type: 'reconfigured';
  requestId: number;
  error?: troupe.v1.IErrorInfo;
}

export interface ShapeMessage {
  type: 'shape';
  shape: BackendShape;
}

export interface BackendShape {
  isClass: boolean;
  hasReconfigure: boolean;
  acceptBatch: boolean;
}

export type ThreadToMain =
  | RepliesMessage
  | ReadyMessage
  | StartFailedMessage
  | ReconfiguredMessage
  | ShapeMessage;

/** Width of one call entry in `CallsMessage.groups`. */
export const CALL_ENTRY = 4;
/** Width of one reply entry in `RepliesMessage.spans`. */
export const REPLY_ENTRY = 3;
