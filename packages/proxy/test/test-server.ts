// The proxy's Koa app on a loopback port, fed by a fake data plane and a hand-made route table.
import type { Server } from 'node:http';
import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders, type Agent } from 'node:http';
import { RouteTable, type RouteSource } from '@troupe/common';
import { createHttpServer, createProxyApp, Drain, ProxyRoutes } from '../src/index.js';
import { FakeDataPlane } from './fake-data-plane.js';

export interface TestServer {
  readonly port: number;
  readonly base: string;
  readonly host: string;
  readonly dataPlane: FakeDataPlane;
  readonly routes: ProxyRoutes;
  readonly drain: Drain;
  close(): Promise<void>;
}

export interface TestServerOptions {
  routes?: RouteSource[] | undefined;
  bodyLimitBytes?: number;
  requestTimeoutMs?: number;
  maxHeaderSize?: number;
  headersTimeoutMs?: number;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataPlane = new FakeDataPlane();
  const routes = new ProxyRoutes();
  if (options.routes) routes.use(new RouteTable(options.routes), 1);
  const drain = new Drain();
  const bodyLimitBytes = options.bodyLimitBytes ?? 10 * 1024 * 1024;
  const app = createProxyApp({ dataPlane, routes, drain, bodyLimitBytes, requestTimeoutMs: options.requestTimeoutMs });
  const server: Server = createHttpServer(app, {
    bodyLimitBytes,
    maxHeaderSize: options.maxHeaderSize,
    headersTimeoutMs: options.headersTimeoutMs ?? 2_000,
    clientRequestTimeoutMs: 5_000,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    host: `127.0.0.1:${port}`,
    base: `http://127.0.0.1:${port}`,
    dataPlane,
    routes,
    drain,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Whether the request went over a kept-alive connection of the agent. */
  reusedSocket: boolean;
}

/** A request through node:http, which (unlike fetch) does HEAD and keeps agents under control. */
export function send(
  server: TestServer,
  method: string,
  path: string,
  options: { headers?: OutgoingHttpHeaders; body?: Buffer | string; agent?: Agent } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: server.port, method, path, headers: options.headers, agent: options.agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), reusedSocket: req.reusedSocket }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
