// Running the operator in tests: in this process (to stop and restart it with other settings) or
// as a child process (to kill it), against a control plane from the test kit.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Operator, resolveOperatorOptions } from '@troupe/operator';
import type { KubeControlPlane } from '@troupe/test-kit';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface OperatorSettings {
  namespace: string;
  head?: string;
  location?: 'HeadOnly' | 'EveryNode' | 'NoServer';
  /** Seconds. */
  leaseDuration?: number;
  extra?: string[];
}

export function operatorArgs(plane: KubeControlPlane, settings: OperatorSettings): string[] {
  return [
    '--kubeconfig', plane.kubeconfigPath,
    '--namespace', settings.namespace,
    // A closed port: proxy tests need no head; the operator only calls it for Serve resources.
    '--head', settings.head ?? '127.0.0.1:9',
    '--http-location', settings.location ?? 'NoServer',
    '--http-port', '8000',
    '--proxy-image', 'troupe:test',
    '--nats-url', 'nats://troupe-nats:4222',
    '--drain-seconds', '10',
    '--lease-duration', String(settings.leaseDuration ?? 2),
    '--resync-seconds', '5',
    // Several operators share this machine; a test that wants the health endpoints sets a port.
    '--health-port', '0',
    ...(settings.extra ?? []),
  ];
}

/** An operator in this process; resolves once it holds the Lease. */
export async function startOperator(plane: KubeControlPlane, settings: OperatorSettings): Promise<Operator> {
  const operator = new Operator(resolveOperatorOptions(operatorArgs(plane, settings), {}));
  operator.start();
  const deadline = Date.now() + 30_000;
  while (!operator.isLeader()) {
    if (Date.now() > deadline) {
      await operator.stop();
      throw new Error('the operator did not become leader within 30 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return operator;
}

export interface OperatorProcess {
  readonly child: ChildProcess;
  readonly identity: string;
  /** Everything it logged so far, one JSON object per line. */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** `node packages/operator/dist/main.js operator ...` (run `npm run build` first). */
export function spawnOperator(plane: KubeControlPlane, settings: OperatorSettings & { identity: string; logFile?: string }): OperatorProcess {
  const main = join(repoRoot, 'packages', 'operator', 'dist', 'main.js');
  const child = spawn(process.execPath, [main, 'operator', ...operatorArgs(plane, settings), '--identity', settings.identity], {
    env: { ...process.env, ...plane.env, TROUPE_LOG_LEVEL: 'debug' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const log = settings.logFile === undefined ? undefined : createWriteStream(settings.logFile);
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      log?.write(chunk);
    });
  }
  const exited = once(child, 'exit');
  return {
    child,
    identity: settings.identity,
    output: () => text,
    kill: async (signal: NodeJS.Signals = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      log?.end();
    },
  };
}

export async function getObject<T = Record<string, unknown>>(
  plane: KubeControlPlane,
  resource: string,
  name: string,
  namespace: string,
): Promise<T | undefined> {
  const result = await plane.kubectl(['get', resource, name, '-n', namespace, '-o', 'json', '--ignore-not-found']);
  if (result.code !== 0) throw new Error(`kubectl get ${resource} ${name}: ${result.stderr}`);
  return result.stdout.trim() === '' ? undefined : (JSON.parse(result.stdout) as T);
}

export async function kubectlOk(plane: KubeControlPlane, args: string[], input?: string): Promise<string> {
  const result = await plane.kubectl(args, input === undefined ? {} : { input });
  if (result.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}
