import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

// Servers run in their own OS processes (and process groups) so the load generator never
// shares an event loop with them, and so a whole tree (Ray spawns many) can be stopped at once.

export interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Where stdout/stderr are copied, for post-mortems of a failed run. */
  logDir: string;
  /** How long SIGTERM may take before SIGKILL (Ray shuts down slowly). */
  stopGraceMs?: number;
}

type LineWaiter = { match: (value: Record<string, unknown>) => boolean; resolve: (value: Record<string, unknown>) => void; reject: (error: Error) => void };

const running = new Set<ChildServer>();

export class ChildServer {
  readonly name: string;
  private readonly child: ChildProcess;
  private readonly log: WriteStream;
  private readonly stderrTail: string[] = [];
  private readonly waiters = new Set<LineWaiter>();
  private readonly stopGraceMs: number;
  private exited: Promise<void>;
  private exitCode: number | string | null = null;

  constructor(options: SpawnOptions) {
    this.name = options.name;
    this.stopGraceMs = options.stopGraceMs ?? 5_000;
    mkdirSync(options.logDir, { recursive: true });
    this.log = createWriteStream(join(options.logDir, `${options.name}.log`));
    this.child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    running.add(this);
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exitCode = code ?? signal;
        running.delete(this);
        const error = new Error(`${this.name} exited (${String(this.exitCode)}) before it was ready; stderr: ${this.stderrTail.join('\n').slice(-1500)}`);
        for (const waiter of this.waiters) waiter.reject(error);
        this.waiters.clear();
        resolve();
      });
      this.child.once('error', (error) => {
        for (const waiter of this.waiters) waiter.reject(error);
        this.waiters.clear();
      });
    });
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      this.log.write(`${line}\n`);
      if (!line.startsWith('{')) return;
      let value: Record<string, unknown>;
      try {
        value = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      for (const waiter of this.waiters) {
        if (waiter.match(value)) {
          this.waiters.delete(waiter);
          waiter.resolve(value);
          break;
        }
      }
    });
    createInterface({ input: this.child.stderr! }).on('line', (line) => {
      this.log.write(`[stderr] ${line}\n`);
      this.stderrTail.push(line);
      if (this.stderrTail.length > 40) this.stderrTail.shift();
    });
    // Children that talk over stdin must not take the runner down if they die first.
    this.child.stdin!.on('error', () => {});
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The next JSON line on stdout that satisfies `match` (children announce readiness this way). */
  nextJson(match: (value: Record<string, unknown>) => boolean, timeoutMs: number): Promise<Record<string, unknown>> {
    if (this.exitCode !== null) return Promise.reject(new Error(`${this.name} already exited (${String(this.exitCode)})`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`${this.name}: no answer within ${timeoutMs} ms; stderr: ${this.stderrTail.join('\n').slice(-1500)}`));
      }, timeoutMs);
      const waiter: LineWaiter = {
        match,
        resolve: (value) => { clearTimeout(timer); resolve(value); },
        reject: (error) => { clearTimeout(timer); reject(error); },
      };
      this.waiters.add(waiter);
    });
  }

  /** Waits for the `{"listening": port}` line every bench server prints once bound. */
  async listeningPort(timeoutMs = 30_000): Promise<number> {
    const line = await this.nextJson((value) => typeof value.listening === 'number', timeoutMs);
    return line.listening as number;
  }

  send(line: string): void {
    this.child.stdin!.write(`${line}\n`);
  }

  async stop(): Promise<void> {
    if (this.exitCode === null && this.child.pid !== undefined) {
      const tree = descendantsOf(this.child.pid);
      signalGroup(this.child.pid, 'SIGTERM');
      const graceful = await Promise.race([this.exited.then(() => true), sleep(this.stopGraceMs).then(() => false)]);
      if (!graceful) signalGroup(this.child.pid, 'SIGKILL');
      // Processes that left the group (setsid) but were started by this child go too.
      for (const pid of tree) signalPid(pid, 'SIGKILL');
      await Promise.race([this.exited, sleep(2_000)]);
    }
    running.delete(this);
    this.log.end();
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    signalPid(pid, signal);
  }
}

function signalPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** Every live descendant of `root`, read from ps so that grandchildren are found too. */
export function descendantsOf(root: number): number[] {
  let table: string;
  try {
    table = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const row of table.split('\n')) {
    const [pid, ppid] = row.trim().split(/\s+/).map(Number);
    if (pid === undefined || ppid === undefined || !Number.isFinite(pid)) continue;
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  const found: number[] = [];
  const stack = [root];
  // The process table is finite; the bound guards against a pid cycle in a racy snapshot.
  for (let steps = 0; stack.length > 0 && steps < 100_000; steps++) {
    const pid = stack.pop()!;
    for (const child of children.get(pid) ?? []) {
      if (child === process.pid || found.includes(child)) continue;
      found.push(child);
      stack.push(child);
    }
  }
  return found;
}

/** Stops every server still running; the runner calls it on success, error and signals. */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((child) => child.stop()));
}

/**
 * Last resort for processes the runner's own code started indirectly (a Troupe cluster started
 * in-process by start(), wrk): anything descending from this process that is not in `spare`
 * (taken before the scenario: tsx's esbuild service lives there) is killed.
 */
export function killRemainingDescendants(spare: ReadonlySet<number>): number {
  const left = descendantsOf(process.pid).filter((pid) => !spare.has(pid) && isAlive(pid));
  for (const pid of left) signalPid(pid, 'SIGKILL');
  return left.length;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
