// From a Node request to the `CallRequest` a replica receives. Only what a request actually
// carries is computed: no query parsing without a `?`, no body read without a declared body.
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { CallRequest, PathParams } from '@troupe/common';
import { BadRequestError, ClientAbortedError, PayloadTooLargeError } from './errors.js';

export interface RequestTarget {
  /** The path as sent, still percent-encoded. */
  readonly rawPath: string;
  /** Everything after `?` as sent, without the fragment; empty when there is none. */
  readonly rawQuery: string;
  /** The percent-decoded path that routes match. */
  readonly path: string;
}

const SLASH = 0x2f;
const EMPTY_BODY = Buffer.alloc(0);

/** Splits the request target and percent-decodes its path; throws BadRequestError. */
export function parseTarget(url: string | undefined): RequestTarget {
  let target = url ?? '';
  if (target.charCodeAt(0) !== SLASH) target = originForm(target);
  const hash = target.indexOf('#');
  if (hash >= 0) target = target.slice(0, hash);
  const question = target.indexOf('?');
  const rawPath = question < 0 ? target : target.slice(0, question);
  const rawQuery = question < 0 ? '' : target.slice(question + 1);
  return { rawPath, rawQuery, path: decodePath(rawPath) };
}

/** An absolute-form target (`GET http://host/p HTTP/1.1`) reduced to its path and query. */
function originForm(target: string): string {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new BadRequestError(`Bad request target.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new BadRequestError('Bad request target.');
  return url.pathname + url.search;
}

function decodePath(rawPath: string): string {
  if (!rawPath.includes('%')) return rawPath;
  try {
    return decodeURIComponent(rawPath);
  } catch {
    throw new BadRequestError('Malformed percent-encoding in the request path.');
  }
}

/** The query as an object of strings; a repeated key keeps its last value. */
export function parseQuery(rawQuery: string): Record<string, string> {
  const query: Record<string, string> = Object.create(null) as Record<string, string>;
  if (rawQuery === '') return query;
  for (const [key, value] of new URLSearchParams(rawQuery)) query[key] = value;
  return query;
}

/** Node already lower-cases names and joins repeated values; only arrays (set-cookie) remain. */
export function headerMap(headers: IncomingHttpHeaders): Record<string, string> {
  for (const name in headers) {
    if (typeof headers[name] !== 'string') return flattenHeaders(headers);
  }
  return headers as Record<string, string>;
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** Whether the request declares a body (a length or a transfer coding). */
export function declaresBody(request: IncomingMessage): boolean {
  const headers = request.headers;
  return headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && headers['content-length'] !== '0');
}

/** The declared length, when the request has one. Node has already refused malformed ones. */
export function declaredLength(request: IncomingMessage): number | undefined {
  const value = request.headers['content-length'];
  return value === undefined ? undefined : Number(value);
}

/**
 * Reads the whole body, failing with PayloadTooLargeError past `limitBytes`. The rest of an
 * oversized body is left to Node, which discards it once the answer is sent, so that the
 * connection stays usable.
 */
export function readBody(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  if (!declaresBody(request)) return Promise.resolve(EMPTY_BODY);
  const length = declaredLength(request);
  if (length !== undefined && length > limitBytes) return Promise.reject(new PayloadTooLargeError(limitBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = (): void => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limitBytes) {
        cleanup();
        reject(new PayloadTooLargeError(limitBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(new ClientAbortedError('The client broke off its request body.', { cause: error }));
    };
    const onClose = (): void => {
      if (request.complete) return;
      cleanup();
      reject(new ClientAbortedError('The client went away before sending its whole body.'));
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('close', onClose);
  });
}

/** The call a replica receives for an HTTP request. */
export function toCallRequest(
  request: IncomingMessage,
  target: RequestTarget,
  pathParams: PathParams,
  body: Buffer,
): CallRequest {
  const headers = request.headers;
  const call: CallRequest = {
    http: {
      method: request.method ?? 'GET',
      path: target.path,
      query: parseQuery(target.rawQuery),
      headers: headerMap(headers),
      body,
      pathParamsJson: JSON.stringify(pathParams),
    },
  };
  const methodName = headers['x-serve-call-method'];
  if (typeof methodName === 'string' && methodName !== '') call.methodName = methodName;
  const shardKey = headers['x-serve-shard-key'];
  if (typeof shardKey === 'string' && shardKey !== '') call.shardKey = shardKey;
  return call;
}
