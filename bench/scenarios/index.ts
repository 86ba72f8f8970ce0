import { RAY_MODES } from '../ray/ray-serve-session.ts';
import type { Scenario } from '../scenario.ts';
import { grpcBidiHttp } from './baseline-grpc-bidi-http.ts';
import { grpcBidiInProcess } from './baseline-grpc-bidi-in-process.ts';
import { haproxyKoa } from './baseline-haproxy-koa.ts';
import { koaHello } from './baseline-koa-hello.ts';
import { koaBatch, koaCpuBound } from './baseline-koa-same-work.ts';
import { rayBatching } from './ray-batching.ts';
import { rayCpuReplicas } from './ray-cpu-replicas.ts';
import { rayHttpEcho } from './ray-http-echo.ts';
import { rayTypedRoute } from './ray-typed-route.ts';
import { troupeBatching } from './troupe-batching.ts';
import { troupeCpuReplicas } from './troupe-cpu-replicas.ts';
import { troupeEveryNode } from './troupe-every-node.ts';
import { troupeHandleEcho } from './troupe-handle-echo.ts';
import { troupeHttpEcho } from './troupe-http-echo.ts';
import { troupeRouteTable } from './troupe-route-table.ts';
import { troupeTypedRoute } from './troupe-typed-route.ts';

/** Run order: baselines first, so every ratio's denominator exists when the table is written. */
export const scenarios: Scenario[] = [
  koaHello,
  grpcBidiHttp,
  grpcBidiInProcess,
  koaCpuBound,
  koaBatch,
  haproxyKoa,
  troupeHttpEcho,
  troupeHandleEcho,
  troupeTypedRoute,
  troupeCpuReplicas,
  troupeBatching,
  troupeRouteTable,
  troupeEveryNode,
  ...RAY_MODES.flatMap((mode) => [rayHttpEcho(mode), rayTypedRoute(mode), rayCpuReplicas(mode), rayBatching(mode)]),
];
