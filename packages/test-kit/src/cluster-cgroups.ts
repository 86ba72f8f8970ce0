// Every process of the cluster runs under one parent cgroup (in each cgroup v1 hierarchy): the
// control plane's and each node's daemons in their own child, pods under each kubelet's
// cgroupRoot. Teardown then finds every process, including container shims and pods whose
// parents are gone, without trusting recorded PIDs alone.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CGROUP_ROOT = '/sys/fs/cgroup';

/** The mounted cgroup v1 hierarchies (cpu, memory, pids, name=systemd, ...). */
export function cgroupHierarchies(): string[] {
  if (!existsSync(CGROUP_ROOT)) return [];
  return readdirSync(CGROUP_ROOT)
    .map((name) => join(CGROUP_ROOT, name))
    .filter((dir) => {
      try {
        return statSync(dir).isDirectory() && existsSync(join(dir, 'cgroup.procs'));
      } catch {
        return false;
      }
    });
}

/** Creates `path` (e.g. /troupe-e2e/node-1/system) in every hierarchy, cpuset filled from its parent. */
export function createCgroup(path: string): void {
  for (const hierarchy of cgroupHierarchies()) {
    let current = hierarchy;
    for (const part of path.split('/').filter((p) => p !== '')) {
      const parent = current;
      current = join(current, part);
      if (existsSync(current)) continue;
      mkdirSync(current);
      // A v1 cpuset cgroup starts with no CPUs and no memory nodes: no task could join it.
      for (const file of ['cpuset.cpus', 'cpuset.mems']) {
        if (existsSync(join(current, file))) writeFileSync(join(current, file), readFileSync(join(parent, file)));
      }
    }
  }
}

/**
 * A shell prefix that moves itself into `path` in every hierarchy and then execs the command,
 * so the command and everything it starts live there from their first instruction.
 */
export function cgroupExecArgs(path: string, command: string, args: string[]): { command: string; args: string[] } {
  const files = cgroupHierarchies().map((h) => join(h, path, 'cgroup.procs'));
  const script = `for f in ${files.map((f) => `'${f}'`).join(' ')}; do echo $$ > "$f"; done; exec "$@"`;
  return { command: '/bin/sh', args: ['-c', script, 'cgroup-exec', command, ...args] };
}

function descendants(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const child = join(dir, entry.name);
      out.push(...descendants(child), child);
    }
  }
  return out;
}

function tasksUnder(path: string): number[] {
  const pids = new Set<number>();
  for (const hierarchy of cgroupHierarchies()) {
    const top = join(hierarchy, path);
    if (!existsSync(top)) continue;
    for (const dir of [...descendants(top), top]) {
      try {
        for (const line of readFileSync(join(dir, 'cgroup.procs'), 'utf8').split('\n')) {
          if (line.trim() !== '') pids.add(Number(line));
        }
      } catch {
        // Removed meanwhile.
      }
    }
  }
  return [...pids];
}

const freezerState = (path: string, state: 'FROZEN' | 'THAWED'): void => {
  const file = join(CGROUP_ROOT, 'freezer', path, 'freezer.state');
  if (existsSync(file)) writeFileSync(file, state);
};

/**
 * Kills every process under `path` and removes its cgroups, deepest first. The freezer stops
 * them from forking while they are being killed.
 */
export async function killCgroupTree(path: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pids = tasksUnder(path);
    if (pids.length === 0) break;
    if (Date.now() > deadline) throw new Error(`processes ${pids.join(', ')} under cgroup ${path} did not exit`);
    freezerState(path, 'FROZEN');
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    freezerState(path, 'THAWED');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (const hierarchy of cgroupHierarchies()) {
    const top = join(hierarchy, path);
    if (!existsSync(top)) continue;
    for (const dir of [...descendants(top), top]) {
      for (let attempt = 0; ; attempt++) {
        try {
          rmdirSync(dir);
          break;
        } catch (err) {
          // A cgroup whose last task just died can stay busy for a moment.
          if (attempt >= 50 || (err as NodeJS.ErrnoException).code !== 'EBUSY') throw err;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    }
  }
}
