// The Node HTTP server under the Koa app, with limits that keep slow or hostile clients from
// holding sockets: header size, time to send the headers and the whole request, idle keep-alive.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { HTTP_METHODS } from '@troupe/common';
import type Koa from 'koa';
import { PayloadTooLargeError } from './errors.js';
import { declaredLength } from './request-mapping.js';

export interface HttpServerLimits {
  /** Largest request head (request line + headers); larger ones get 431. @default 16 KiB */
  maxHeaderSize?: number;
  /** Time a client has to send the request head. @default 20 000 */
  headersTimeoutMs?: number;
  /** Time a client has to send the whole request, body included. @default 120 000 */
  clientRequestTimeoutMs?: number;
  /** How long an idle keep-alive connection stays open. @default 5 000 */
  keepAliveTimeoutMs?: number;
  /** Bodies declared larger than this are refused before the client sends them (Expect: 100-continue). */
  bodyLimitBytes: number;
  /** Open connections at most; Node closes new ones beyond it at once. @default 10 000 */
  maxConnections?: number;
}

export const HTTP_SERVER_DEFAULTS = {
  maxHeaderSize: 16 * 1024,
  headersTimeoutMs: 20_000,
  clientRequestTimeoutMs: 120_000,
  keepAliveTimeoutMs: 5_000,
  // Far above what one proxy serves well (each connection costs a socket and some memory), far
  // below the file descriptors a container usually gets: the cap is there to bound, not to shape.
  maxConnections: 10_000,
} as const;

export function createHttpServer(app: Koa, limits: HttpServerLimits): Server {
  const headersTimeout = limits.headersTimeoutMs ?? HTTP_SERVER_DEFAULTS.headersTimeoutMs;
  const requestTimeout = Math.max(limits.clientRequestTimeoutMs ?? HTTP_SERVER_DEFAULTS.clientRequestTimeoutMs, headersTimeout);
  const handler = app.callback();
  const server = createServer(
    {
      maxHeaderSize: limits.maxHeaderSize ?? HTTP_SERVER_DEFAULTS.maxHeaderSize,
      headersTimeout,
      requestTimeout,
      // Node checks the two timeouts above only this often (30 s by default).
      connectionsCheckingInterval: Math.min(1_000, headersTimeout),
      keepAlive: true,
      noDelay: true,
    },
    handler,
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs ?? HTTP_SERVER_DEFAULTS.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections ?? HTTP_SERVER_DEFAULTS.maxConnections;
  server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
    if ((declaredLength(request) ?? 0) > limits.bodyLimitBytes) {
      refuseBody(response, new PayloadTooLargeError(limits.bodyLimitBytes));
      return;
    }
    response.writeContinue();
    void handler(request, response);
  });
  answerClientErrorsOnce(server);
  // Node would close a CONNECT's socket without a word; the proxy is no tunnel, and says so.
  server.on('connect', (_request: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    socket.end(
      `HTTP/1.1 405 Method Not Allowed\r\nAllow: ${HTTP_METHODS.join(', ')}\r\n` +
        'Content-Type: text/plain; charset=utf-8\r\nContent-Length: 18\r\nConnection: close\r\n\r\nMethod Not Allowed',
    );
  });
  return server;
}

const CLIENT_ERROR_STATUS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
};

/**
 * A request answered before its body was read (404, 405, 307, 413…) leaves the body on the
 * connection. When that body turns out malformed or never ends, Node would answer the same
 * request a second time (400 or 408): close the connection silently instead. Errors on a request
 * that has no answer yet get Node's usual reply.
 */
function answerClientErrorsOnce(server: Server): void {
  const current = new WeakMap<Duplex, ServerResponse>();
  server.on('request', (request: IncomingMessage, response: ServerResponse) => current.set(request.socket, response));
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const response = current.get(socket);
    // The error belongs to a request already being answered, or answered with its body unread.
    const belongsToAnswered = response !== undefined && response.headersSent && (!response.req.complete || !response.writableFinished);
    if (belongsToAnswered || !socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const [status, text] = CLIENT_ERROR_STATUS[error.code ?? ''] ?? [400, 'Bad Request'];
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\n\r\n`);
  });
}

/** The client has not sent the body and never will: answer and close the connection. */
function refuseBody(response: ServerResponse, error: PayloadTooLargeError): void {
  const body = Buffer.from(error.message);
  response.writeHead(413, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': body.length,
    connection: 'close',
  });
  response.end(body);
}

export function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen({ host, port }, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Resolves once the server has stopped listening and its last connection closed. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
