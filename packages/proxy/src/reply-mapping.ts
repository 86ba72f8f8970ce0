// From a replica's reply, or a failure, to the HTTP answer. Clients see an error's name and
// message, never a stack trace.
import type { ServerResponse } from 'node:http';
import type { Context } from 'koa';
import {
  BackPressureError,
  fromErrorInfo,
  InternalError,
  NotFoundError,
  TimeoutError,
  TroupeError,
  UnavailableError,
  type Logger,
} from '@troupe/common';
import { v1, type troupe } from '@troupe/protocol';
import { BadRequestError, PayloadTooLargeError } from './errors.js';

/** Framing is the proxy's business: a backend's values for these would contradict it. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'content-length',
  'upgrade',
  'te',
  'trailer',
]);

const TEXT = 'text/plain; charset=utf-8';
const RETRY_AFTER_SECONDS = '1';

/** Writes a replica's reply; throws (for `writeError`) when the reply cannot be sent as is. */
export function writeReply(ctx: Context, reply: troupe.v1.IReply): void {
  if (reply.error) throw fromErrorInfo(reply.error);
  if (reply.kind !== v1.ReplyKind.REPLY_KIND_HTTP) {
    throw new InternalError(`the replica answered an HTTP request with a reply of kind ${String(reply.kind)}`);
  }
  const status = reply.status || 200;
  if (!Number.isInteger(status) || status < 200 || status > 599) {
    throw new InternalError(`the backend answered with the invalid HTTP status ${status}`);
  }
  const headers = reply.headers;
  if (headers && headers.length > 0) setReplyHeaders(ctx.res, headers);
  ctx.status = status;
  ctx.body = asBuffer(reply.body);
}

function setReplyHeaders(res: ServerResponse, headers: troupe.v1.IHeader[]): void {
  for (const header of headers) {
    const name = (header.name ?? '').toLowerCase();
    if (HOP_BY_HOP.has(name)) continue;
    try {
      res.appendHeader(name, header.value ?? '');
    } catch (error) {
      throw new InternalError(`the backend answered with an invalid header ${JSON.stringify(name)}`, { cause: error });
    }
  }
}

function asBuffer(body: Uint8Array | null | undefined): Buffer {
  if (!body) return Buffer.alloc(0);
  return Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}

export function writeText(ctx: Context, status: number, text: string): void {
  ctx.status = status;
  ctx.type = TEXT;
  ctx.body = text;
}

export interface ErrorAnswer {
  status: number;
  body: string;
}

/** The status and body that answer a failed request. */
export function errorAnswer(error: unknown): ErrorAnswer {
  if (error instanceof PayloadTooLargeError) return { status: 413, body: error.message };
  if (error instanceof BadRequestError) return { status: 400, body: error.message };
  if (!(error instanceof TroupeError)) return { status: 500, body: 'InternalError: Internal Server Error' };
  return { status: statusOf(error), body: `${error.name}: ${error.message}` };
}

function statusOf(error: TroupeError): number {
  if (error instanceof BackPressureError) return 503;
  if (error instanceof TimeoutError) return 504;
  if (error instanceof UnavailableError) return 503;
  if (error instanceof NotFoundError) return 404;
  return 500;
}

/**
 * Answers a failed request, dropping whatever a half-written reply had set. Errors that are not
 * the backend's own or the client's (bugs of the proxy) are logged, since nobody else will see them.
 */
export function writeError(ctx: Context, error: unknown, logger: Logger | undefined): void {
  const answer = errorAnswer(error);
  if (!(error instanceof TroupeError)) logger?.error({ err: error }, 'unexpected proxy error');
  if (ctx.res.headersSent) {
    ctx.res.destroy();
    return;
  }
  for (const name of ctx.res.getHeaderNames()) {
    if (name !== 'connection') ctx.res.removeHeader(name);
  }
  // A full queue is brief by nature: clients (and load balancers) may come back shortly.
  if (error instanceof BackPressureError) ctx.set('Retry-After', RETRY_AFTER_SECONDS);
  writeText(ctx, answer.status, answer.body);
}
