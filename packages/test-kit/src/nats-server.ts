// A real nats-server with JetStream on a free loopback port, for tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

export interface NatsServer {
  readonly url: string;
  readonly port: number;
  /** Restarts on the same port and store directory (JetStream state survives). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function launch(port: number, storeDir: string): Promise<ChildProcess> {
  const child = spawn(process.env.TROUPE_NATS_SERVER ?? 'nats-server', ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`nats-server did not start: ${output}`)), 15_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Server is ready')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', reject);
  });
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function startNatsServer(): Promise<NatsServer> {
  const port = await freePort();
  const storeDir = mkdtempSync(join(tmpdir(), 'troupe-nats-'));
  let child = await launch(port, storeDir);
  const cleanup = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', cleanup);
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    async restart() {
      await kill(child);
      child = await launch(port, storeDir);
    },
    async stop() {
      process.off('exit', cleanup);
      await kill(child);
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}
