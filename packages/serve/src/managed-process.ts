// One supervised child process: started, watched for its ready line, restarted with backoff when
// it dies, and stopped with SIGTERM (then SIGKILL) on shutdown.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Logger } from '@troupe/common';

export interface ManagedProcessSpec {
  /** Shown in logs, e.g. "worker node-2". */
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** A line of the child's output that says it is ready; its text is passed to `onReady`. */
  readyPattern: RegExp;
  onReady?: (line: string) => void;
}

const MAX_BACKOFF_MS = 5_000;
const STABLE_MS = 10_000;

export class ManagedProcess {
  private child: ChildProcess | undefined;
  private stopping = false;
  private failures = 0;
  private startedAt = 0;
  private readyWaiters: Array<() => void> = [];
  private log: WriteStream;
  restarts = 0;

  constructor(
    readonly spec: ManagedProcessSpec,
    private readonly logger: Logger,
  ) {
    this.log = createWriteStream(spec.logFile, { flags: 'a' });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the child and resolves once it printed its ready line. */
  start(timeoutMs = 30_000): Promise<void> {
    const ready = this.nextReady(timeoutMs);
    this.spawnChild();
    return ready;
  }

  /** Resolves at the next ready line (e.g. after a restart). */
  nextReady(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.spec.name} not ready within ${timeoutMs} ms; see ${this.spec.logFile}`)), timeoutMs);
      this.readyWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private spawnChild(): void {
    this.startedAt = Date.now();
    const child = spawn(this.spec.command, this.spec.args, { env: this.spec.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    for (const stream of [child.stdout, child.stderr]) {
      stream.pipe(this.log, { end: false });
      createInterface({ input: stream }).on('line', (line) => this.onLine(line));
    }
    child.on('exit', (code, signal) => this.onExit(child, code, signal));
    child.on('error', (error) => this.logger.error({ process: this.spec.name, err: error }, 'could not start process'));
  }

  private onLine(line: string): void {
    if (!this.spec.readyPattern.test(line)) return;
    this.spec.onReady?.(line);
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const waiter of waiters) waiter();
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child !== child) return;
    this.child = undefined;
    if (this.stopping) return;
    this.failures = Date.now() - this.startedAt > STABLE_MS ? 1 : this.failures + 1;
    const delay = Math.min(MAX_BACKOFF_MS, 100 * 2 ** (this.failures - 1));
    this.restarts++;
    this.logger.warn({ process: this.spec.name, code, signal, restartInMs: delay, restarts: this.restarts }, 'process died; restarting');
    setTimeout(() => {
      if (!this.stopping) this.spawnChild();
    }, delay);
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }
    await new Promise<void>((resolve) => this.log.end(resolve));
  }
}
