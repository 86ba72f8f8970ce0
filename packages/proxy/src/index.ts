// Public API of @troupe/proxy: start a proxy in-process, or build its Koa app around a data plane.
export { startProxy, type ProxyOptions, type RunningProxy } from './proxy-server.js';
export {
  createProxyApp,
  DEFAULT_BODY_LIMIT_BYTES,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type ProxyAppOptions,
  type ProxyDataPlane,
} from './proxy-app.js';
export { createHttpServer, HTTP_SERVER_DEFAULTS, type HttpServerLimits } from './http-server.js';
export { ProxyRoutes } from './proxy-routes.js';
export { Drain, type DrainPhase } from './drain.js';
export { parseProxyCommandLine } from './command-line.js';
export { PayloadTooLargeError, BadRequestError, ClientAbortedError } from './errors.js';
