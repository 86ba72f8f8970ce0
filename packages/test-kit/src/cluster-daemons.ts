// Long-running processes of the cluster: each one started detached (it outlives the command
// that brought the cluster up), in its node's network namespace (nsenter --net only, so mounts
// stay shared with the host as containerd and the kubelet need), in its cgroup, logging to a file.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { cgroupExecArgs } from './cluster-cgroups.js';

export interface DaemonSpec {
  name: string;
  netns: string;
  cgroup: string;
  command: string;
  args: string[];
  logFile: string;
}

export interface DaemonRecord {
  name: string;
  pid: number;
  command: string;
  logFile: string;
}

export function startDaemon(spec: DaemonSpec): DaemonRecord {
  const nsenter = ['--net=/run/netns/' + spec.netns, '--', spec.command, ...spec.args];
  const wrapped = cgroupExecArgs(spec.cgroup, 'nsenter', nsenter);
  const fd = openSync(spec.logFile, 'a');
  try {
    const child = spawn(wrapped.command, wrapped.args, { detached: true, stdio: ['ignore', fd, fd] });
    child.unref();
    if (child.pid === undefined) throw new Error(`could not start ${spec.name}`);
    return { name: spec.name, pid: child.pid, command: spec.command, logFile: spec.logFile };
  } finally {
    closeSync(fd);
  }
}

/**
 * True while the recorded process runs the recorded program, or is still on its way there
 * through the cgroup shell and nsenter (a reused PID running anything else does not count).
 */
export function daemonAlive(record: DaemonRecord): boolean {
  const cmdline = `/proc/${record.pid}/cmdline`;
  if (!existsSync(cmdline)) return false;
  try {
    const argv0 = readFileSync(cmdline, 'utf8').split('\0')[0] ?? '';
    const stat = readFileSync(`/proc/${record.pid}/stat`, 'utf8');
    const starting = argv0 === '/bin/sh' || argv0 === 'nsenter';
    return (argv0 === record.command || starting) && !/\) [ZX] /.test(stat);
  } catch {
    return false;
  }
}

export function logTailOf(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
