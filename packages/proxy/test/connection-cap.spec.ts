import { strict as assert } from 'node:assert';
import type { Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { RouteTable } from '@troupe/common';
import { createHttpServer, createProxyApp, Drain, ProxyRoutes } from '../src/index.js';
import { FakeDataPlane } from './fake-data-plane.js';

/** A kept-alive raw connection that sends GET /-/routes and reads one whole answer at a time. */
class RawClient {
  closed = false;
  private received = '';
  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => (this.received += chunk.toString('latin1')));
    socket.on('close', () => (this.closed = true));
    socket.on('error', () => undefined);
  }

  static open(port: number): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port }, () => resolve(new RawClient(socket)));
      socket.once('error', reject);
    });
  }

  /** Resolves with the status line of the answer, or undefined once the server closed the connection. */
  async get(timeoutMs = 5_000): Promise<string | undefined> {
    this.received = '';
    if (!this.closed) this.socket.write('GET /-/routes HTTP/1.1\r\nHost: x\r\n\r\n');
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const end = this.received.indexOf('\r\n\r\n');
      if (end >= 0 && this.received.length >= end + 4 + contentLength(this.received)) return this.received.split('\r\n')[0];
      if (this.closed) return undefined;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error('no answer and no close within the deadline');
  }

  destroy(): void {
    this.socket.destroy();
  }
}

function contentLength(head: string): number {
  return Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
}

describe('proxy connection cap', () => {
  let server: Server;
  let port: number;

  before(async () => {
    const routes = new ProxyRoutes();
    routes.use(new RouteTable([]), 1);
    const app = createProxyApp({ dataPlane: new FakeDataPlane(), routes, drain: new Drain() });
    server = createHttpServer(app, { bodyLimitBytes: 1024, maxConnections: 3 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('closes new connections beyond --max-connections at once and keeps serving the open ones', async () => {
    const open = await Promise.all([RawClient.open(port), RawClient.open(port), RawClient.open(port)]);
    for (const client of open) assert.equal(await client.get(), 'HTTP/1.1 200 OK');
    const extra = await RawClient.open(port);
    const started = Date.now();
    assert.equal(await extra.get(), undefined, 'the connection over the cap is closed without an answer');
    assert.ok(Date.now() - started < 2_000, `closed after ${Date.now() - started} ms`);
    for (const client of open) assert.equal(await client.get(), 'HTTP/1.1 200 OK', 'open connections are still served');
    // A place frees up when a connection goes.
    open[0]!.destroy();
    const next = await (async () => {
      for (let attempt = 0; attempt < 100; attempt++) {
        const client = await RawClient.open(port);
        if ((await client.get()) !== undefined) return client;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return undefined;
    })();
    assert.ok(next, 'a new connection is served once one closed');
    for (const client of [...open.slice(1), next!]) client.destroy();
  });
});
