// Running host tools (ip, ctr, tar, gcc, ...) for the real cluster: a failure says which command
// failed and what it printed, because these run far from the test that needed them.
import { execFile } from 'node:child_process';

export interface HostCommandResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface HostCommandOptions {
  input?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Return a non-zero exit instead of throwing. @default false */
  allowFailure?: boolean;
  /** @default 300000 */
  timeoutMs?: number;
}

export function hostCommand(command: string, args: string[], options: HostCommandOptions = {}): Promise<HostCommandResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      command,
      args,
      {
        env: options.env ?? process.env,
        cwd: options.cwd,
        maxBuffer: 256 * 1024 * 1024,
        timeout: options.timeoutMs ?? 300_000,
        killSignal: 'SIGKILL',
      },
      (err, stdout, stderr) => {
        if (err !== null && typeof err.code === 'string') {
          reject(new Error(`could not run ${command}: ${err.message}`));
          return;
        }
        const code = err === null ? 0 : typeof err.code === 'number' ? err.code : -1;
        if (code !== 0 && options.allowFailure !== true) {
          reject(new Error(`${command} ${args.join(' ')} failed (${err?.signal ?? `exit ${code}`}): ${(stderr || stdout).trim()}`));
          return;
        }
        resolve({ stdout, stderr, code });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** Runs a command inside a named network namespace (net only: mounts stay shared with the host). */
export function inNetns(netns: string, command: string, args: string[], options: HostCommandOptions = {}): Promise<HostCommandResult> {
  return hostCommand('nsenter', [`--net=/run/netns/${netns}`, '--', command, ...args], options);
}
