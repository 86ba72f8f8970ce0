import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import type { Socket } from 'node:net';

/** A server process whose stdout and stderr go to a log file, for error messages and post-mortems. */
export interface LoggedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly logPath: string;
  /** Settles when the process has exited, with its exit code or the signal that ended it. */
  readonly exited: Promise<string>;
  hasExited(): boolean;
}

export function debug(message: string): void {
  if (process.env['TROUPE_TEST_DEBUG']) process.stderr.write(`[troupe test-kit] ${message}\n`);
}

export function spawnLogged(name: string, command: string, args: string[], logPath: string): LoggedProcess {
  const fd = openSync(logPath, 'a');
  debug(`starting ${name}: ${command} ${args.join(' ')}`);
  let child: ChildProcess;
  try {
    child = spawn(command, args, { stdio: ['ignore', fd, fd] });
  } finally {
    // The child holds its own copy of the descriptor.
    closeSync(fd);
  }
  let done = false;
  const exited = new Promise<string>((resolve) => {
    child.once('error', (err) => {
      done = true;
      resolve(`failed to start: ${err.message}`);
    });
    child.once('exit', (code, signal) => {
      done = true;
      resolve(signal !== null ? `killed by ${signal}` : `exit code ${code ?? 'unknown'}`);
    });
  });
  return { name, child, logPath, exited, hasExited: () => done };
}

export function logTail(path: string, lines = 40): string {
  try {
    const all = readFileSync(path, 'utf8').trimEnd().split('\n');
    return all.slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export function describeFailure(proc: LoggedProcess, what: string): Error {
  return new Error(`${what}\n--- last lines of ${proc.name} log (${proc.logPath}) ---\n${logTail(proc.logPath)}`);
}

/** SIGTERM, then SIGKILL if the process has not exited by the deadline. */
export async function stopProcess(proc: LoggedProcess, graceMs = 10_000): Promise<void> {
  if (proc.hasExited()) return;
  proc.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), graceMs);
  });
  const result = await Promise.race([proc.exited, timedOut]);
  clearTimeout(timer);
  if (result === 'timeout') {
    debug(`${proc.name} ignored SIGTERM for ${graceMs} ms; killing it`);
    proc.child.kill('SIGKILL');
    await proc.exited;
  }
}

export function killNow(proc: LoggedProcess): void {
  if (proc.hasExited()) return;
  try {
    proc.child.kill('SIGKILL');
  } catch {
    // Already gone.
  }
}

// Runs in a separate, detached node process. It blocks on a pipe from the test process;
// the pipe closes however that process ends (even SIGKILL or a crash, where no exit handler
// runs), and then the reaper kills the servers and removes their temp dir.
const REAPER_SOURCE = `
const { rmSync } = require('node:fs');
const [dir, ...pids] = process.argv.slice(1);
let disarmed = false;
process.stdin.on('data', (d) => { if (String(d).includes('disarm')) disarmed = true; });
const reap = () => {
  if (!disarmed) {
    for (const pid of pids) { try { process.kill(Number(pid), 'SIGKILL'); } catch {} }
    try { rmSync(dir, { recursive: true, force: true }); } catch {}
  }
  process.exit(0);
};
process.stdin.on('end', reap);
process.stdin.on('error', reap);
process.stdin.resume();
`;

export interface OrphanReaper {
  /** Tells the reaper the processes were stopped normally, so it must not touch anything. */
  disarm(): void;
}

export function startOrphanReaper(dir: string, pids: number[]): OrphanReaper {
  const reaper = spawn(process.execPath, ['-e', REAPER_SOURCE, dir, ...pids.map(String)], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  reaper.on('error', (err) => debug(`orphan reaper failed: ${err.message}`));
  // Neither the reaper nor its pipe may keep the test process alive.
  reaper.unref();
  const stdin = reaper.stdin as Socket | null;
  stdin?.on('error', () => undefined);
  stdin?.unref();
  return {
    disarm(): void {
      if (stdin === null || stdin.destroyed) return;
      stdin.end('disarm\n');
    },
  };
}

/** Synchronous cleanup for process 'exit', where nothing asynchronous runs any more. */
export function removeDirSync(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // Best effort: a leftover temp dir must not mask the test's own outcome.
  }
}
