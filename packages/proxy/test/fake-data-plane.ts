// A stand-in for the routing library: records calls and answers them with a scripted function.
import type { CallOptions, CallRequest, PendingCall } from '@troupe/common';
import { v1, type troupe } from '@troupe/protocol';
import type { ProxyDataPlane } from '../src/index.js';

export interface RecordedCall {
  endpoint: string;
  request: CallRequest;
  options: CallOptions | undefined;
}

export type Answer = (call: RecordedCall) => troupe.v1.Reply | Promise<troupe.v1.Reply>;

export function httpReply(
  status: number,
  body: string | Uint8Array = '',
  headers: Record<string, string> | Array<[string, string]> = {},
): troupe.v1.Reply {
  const list = Array.isArray(headers) ? headers : Object.entries(headers);
  return v1.Reply.create({
    kind: v1.ReplyKind.REPLY_KIND_HTTP,
    status,
    headers: list.map(([name, value]) => ({ name, value })),
    body: typeof body === 'string' ? Buffer.from(body) : body,
  });
}

/** Answers every call with its own request body, as application/octet-stream. */
export const echoBody: Answer = (call) =>
  httpReply(200, call.request.http?.body ?? new Uint8Array(), { 'content-type': 'application/octet-stream' });

export class FakeDataPlane implements ProxyDataPlane {
  readonly calls: RecordedCall[] = [];
  /** Calls whose client went away before the reply. */
  readonly cancelled: RecordedCall[] = [];
  readonly snapshots: troupe.v1.ISnapshot[] = [];
  answer: Answer = echoBody;

  call(endpoint: string, request: CallRequest, options?: CallOptions): PendingCall {
    const call = { endpoint, request, options };
    this.calls.push(call);
    const reply = Promise.resolve().then(() => this.answer(call));
    return { assigned: Promise.resolve(), reply, cancel: () => this.cancelled.push(call) };
  }

  applySnapshot(snapshot: troupe.v1.ISnapshot): void {
    this.snapshots.push(snapshot);
  }

  get last(): RecordedCall {
    const call = this.calls.at(-1);
    if (!call) throw new Error('no call was made');
    return call;
  }
}
