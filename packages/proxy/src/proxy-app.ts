// The proxy's Koa application: system routes, route resolution with Starlette's answers (404,
// 405, 307), and forwarding of matched requests to the data plane. One middleware, no per-request
// logging: this is the hot path.
import Koa, { type Context } from 'koa';
import {
  DEFAULT_BODY_LIMIT_BYTES,
  TimeoutError,
  type CallOptions,
  type CallRequest,
  type Logger,
  type PendingCall,
  type RouteResolution,
} from '@troupe/common';
import type { troupe } from '@troupe/protocol';
import { Drain } from './drain.js';
import { ProxyRoutes } from './proxy-routes.js';
import { parseTarget, readBody, toCallRequest, type RequestTarget } from './request-mapping.js';
import { writeError, writeReply, writeText } from './reply-mapping.js';

/** What the proxy needs of the routing library (`DataPlane` from @troupe/common). */
export interface ProxyDataPlane {
  call(endpoint: string, request: CallRequest, options?: CallOptions): PendingCall;
}

export interface ProxyAppOptions {
  dataPlane: ProxyDataPlane;
  routes: ProxyRoutes;
  drain?: Drain;
  /** Largest request body accepted; larger ones get 413. @default 10 MiB */
  bodyLimitBytes?: number;
  /** Time a request may wait for its reply before 504. @default 60 000 */
  requestTimeoutMs?: number;
  logger?: Logger;
}

export { DEFAULT_BODY_LIMIT_BYTES };
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

const NOT_FOUND: RouteResolution = { kind: 'not-found' };
const SYSTEM_ALLOW = 'GET, HEAD';

type Match = Extract<RouteResolution, { kind: 'match' }>;

export function createProxyApp(options: ProxyAppOptions): Koa {
  const app = new Koa();
  // Every failure is answered and, when it is the proxy's own, logged by the handler itself.
  app.silent = true;
  const handler = new ProxyHandler(options);
  app.use((ctx) => handler.handle(ctx));
  return app;
}

class ProxyHandler {
  private readonly dataPlane: ProxyDataPlane;
  private readonly routes: ProxyRoutes;
  private readonly drain: Drain;
  private readonly bodyLimitBytes: number;
  private readonly timeoutMs: number;
  private readonly callOptions: CallOptions;
  private readonly logger: Logger | undefined;

  constructor(options: ProxyAppOptions) {
    this.dataPlane = options.dataPlane;
    this.routes = options.routes;
    this.drain = options.drain ?? new Drain();
    this.bodyLimitBytes = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
    this.timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.callOptions = { timeoutMs: this.timeoutMs };
    this.logger = options.logger;
  }

  handle(ctx: Context): Promise<void> | void {
    try {
      if (this.drain.closing) ctx.set('Connection', 'close');
      const target = parseTarget(ctx.req.url);
      const path = target.path;
      if (path.startsWith('/-/') && this.answerSystem(ctx, path)) return;
      const method = ctx.req.method ?? 'GET';
      const resolution = this.routes.table?.resolve(method, path) ?? NOT_FOUND;
      switch (resolution.kind) {
        case 'match':
          return this.forward(ctx, target, resolution);
        case 'method-not-allowed':
          ctx.set('Allow', resolution.allow.join(', '));
          return writeText(ctx, 405, 'Method Not Allowed');
        case 'redirect':
          return redirect(ctx, resolution.location, target);
        case 'not-found':
          return writeText(ctx, 404, notFoundText(ctx, path));
      }
    } catch (error) {
      writeError(ctx, error, this.logger);
    }
  }

  private async forward(ctx: Context, target: RequestTarget, match: Match): Promise<void> {
    try {
      const body = await readBody(ctx.req, this.bodyLimitBytes);
      const call = toCallRequest(ctx.req, target, match.pathParams, body);
      const pending = this.dataPlane.call(match.endpoint, call, this.callOptions);
      // A client that hung up no longer wants the call: if it has not started, nobody runs it.
      ctx.res.once('close', () => {
        if (!ctx.res.writableFinished) pending.cancel();
      });
      const reply = await withDeadline(pending.reply, this.timeoutMs);
      // The proxy may have started closing while this request waited.
      if (this.drain.closing) ctx.set('Connection', 'close');
      writeReply(ctx, reply);
    } catch (error) {
      if (this.drain.closing) ctx.set('Connection', 'close');
      writeError(ctx, error, this.logger);
    }
  }

  /** `/-/routes` and `/-/healthz`; false for any other path, which then routes as usual. */
  private answerSystem(ctx: Context, path: string): boolean {
    if (path !== '/-/routes' && path !== '/-/healthz') return false;
    const method = ctx.req.method;
    if (method !== 'GET' && method !== 'HEAD') {
      ctx.set('Allow', SYSTEM_ALLOW);
      writeText(ctx, 405, 'Method Not Allowed');
    } else if (path === '/-/routes') {
      ctx.status = 200;
      ctx.type = 'application/json';
      ctx.body = this.routes.routesJson;
    } else if (this.drain.draining) {
      writeText(ctx, 503, 'This node is being drained.');
    } else if (!this.routes.ready) {
      writeText(ctx, 503, 'No route table yet.');
    } else {
      writeText(ctx, 200, 'success');
    }
    return true;
  }
}

/**
 * Settles with the reply, or with TimeoutError once `timeoutMs` passed: the data plane has its
 * own deadline, this one guarantees an answer whatever happens below.
 */
function withDeadline(reply: Promise<troupe.v1.Reply>, timeoutMs: number): Promise<troupe.v1.Reply> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new TimeoutError(`no reply within the request timeout of ${timeoutMs / 1000} s`));
    }, timeoutMs);
    reply.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function notFoundText(ctx: Context, path: string): string {
  const host = ctx.req.headers.host ?? `${ctx.req.socket.localAddress ?? ''}:${ctx.req.socket.localPort ?? ''}`;
  return `Path ${path} not found. Please ping http://${host}/-/routes for route table.`;
}

function redirect(ctx: Context, location: string, target: RequestTarget): void {
  ctx.status = 307;
  ctx.set('Location', target.rawQuery === '' ? encodeLocation(location) : `${encodeLocation(location)}?${target.rawQuery}`);
  ctx.body = '';
}

/** Percent-encodes a decoded path for a Location header, never as a scheme-relative URL. */
function encodeLocation(path: string): string {
  const encoded = path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%(3A|40|24|26|2B|2C|3B|3D)/g, (m) => decodeURIComponent(m)))
    .join('/');
  // `//host/...` would send the client to another host: keep the second slash in the path.
  return encoded.startsWith('//') ? `/%2F${encoded.slice(2)}` : encoded;
}
