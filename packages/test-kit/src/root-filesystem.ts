// Building blocks of image root filesystems taken from the host: a dynamically linked program
// with the shared libraries it loads, busybox applets, CA certificates.
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hostCommand } from './host-command.js';

/** Copies `source` to `root`+`target`, following symlinks, keeping its mode. */
export function copyInto(root: string, source: string, target = source): void {
  const dest = join(root, target);
  mkdirSync(dirname(dest), { recursive: true });
  copyFileSync(realpathSync(source), dest);
  chmodSync(dest, lstatSync(realpathSync(source)).mode & 0o7777);
}

/** Recreates a symlink chain such as /lib64/ld-linux-x86-64.so.2 so the loader path exists as linked. */
function copyLibrary(root: string, path: string): void {
  copyInto(root, path, path);
  // Also place the file under its real path: some libraries are looked up by either name.
  const real = realpathSync(path);
  if (real !== path && !existsSync(join(root, real))) copyInto(root, real, real);
}

/** The shared libraries `ldd` lists for a program, plus the loader. */
export async function sharedLibraries(program: string): Promise<string[]> {
  const { stdout } = await hostCommand('ldd', [program]);
  const libs: string[] = [];
  for (const line of stdout.split('\n')) {
    const arrow = /=>\s*(\/\S+)/.exec(line);
    const bare = /^\s*(\/\S+)\s+\(/.exec(line);
    const path = arrow?.[1] ?? bare?.[1];
    if (path !== undefined) libs.push(path);
  }
  return libs;
}

/** Copies a dynamically linked program and everything it loads, including name-service modules. */
export async function copyProgramWithLibraries(root: string, program: string, target: string, extraLibraries: string[] = []): Promise<void> {
  copyInto(root, program, target);
  for (const lib of [...(await sharedLibraries(realpathSync(program))), ...extraLibraries]) copyLibrary(root, lib);
}

/** busybox-static at /bin/busybox with the named applets linked beside it. */
export function installBusybox(root: string, applets: string[]): void {
  const busybox = ['/bin/busybox', '/usr/bin/busybox'].find((p) => existsSync(p));
  if (busybox === undefined) throw new Error('busybox (Debian package busybox-static) is needed to build images; it is not installed');
  copyInto(root, busybox, '/bin/busybox');
  for (const applet of applets) {
    const link = join(root, 'bin', applet);
    if (!existsSync(link)) symlinkSync('busybox', link);
  }
}

export function makeDirs(root: string, dirs: Record<string, number>): void {
  for (const [dir, mode] of Object.entries(dirs)) {
    mkdirSync(join(root, dir), { recursive: true });
    chmodSync(join(root, dir), mode);
  }
}
