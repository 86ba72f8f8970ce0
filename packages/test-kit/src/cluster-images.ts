// The images the cluster itself needs, built on this machine (no registry is reachable): the pod
// sandbox ("pause"), CoreDNS, and NATS from Debian's nats-server.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hostCommand } from './host-command.js';
import { writeOciImage, type OciImage } from './oci-image.js';
import { copyInto, copyProgramWithLibraries, makeDirs } from './root-filesystem.js';

export const PAUSE_IMAGE = 'troupe.local/pause:1';

// Sleeps until told to stop, and reaps orphans when pods share a PID namespace.
const PAUSE_SOURCE = `#include <signal.h>
#include <stddef.h>
#include <sys/wait.h>
#include <unistd.h>
static void stop(int sig) { (void)sig; _exit(0); }
static void reap(int sig) { (void)sig; while (waitpid(-1, NULL, WNOHANG) > 0) {} }
int main(void) {
  signal(SIGINT, stop);
  signal(SIGTERM, stop);
  signal(SIGCHLD, reap);
  for (;;) pause();
}
`;

async function withRootfs<T>(imageDir: string, build: (root: string) => Promise<T>): Promise<T> {
  const root = await mkdtemp(join(imageDir, '.rootfs-'));
  try {
    return await build(root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export async function buildPauseImage(imageDir: string): Promise<OciImage> {
  return withRootfs(imageDir, async (root) => {
    const source = join(root, '..', '.pause.c');
    await writeFile(source, PAUSE_SOURCE);
    await hostCommand('gcc', ['-static', '-Os', '-s', '-o', join(root, 'pause'), source]);
    await rm(source, { force: true });
    return writeOciImage(root, PAUSE_IMAGE, { entrypoint: ['/pause'], user: '65535:65535' }, join(imageDir, 'pause.oci.tar'));
  });
}

export async function buildCoreDnsImage(imageDir: string, corednsBin: string, version: string): Promise<OciImage> {
  return withRootfs(imageDir, async (root) => {
    copyInto(root, corednsBin, '/coredns');
    makeDirs(root, { tmp: 0o1777 });
    return writeOciImage(root, `troupe.local/coredns:${version}`, { entrypoint: ['/coredns'], user: '65532:65532' }, join(imageDir, 'coredns.oci.tar'));
  });
}

export interface NatsImage extends OciImage {
  repository: string;
  tag: string;
}

/** NATS from Debian's nats-server: the binary is the entrypoint, so the chart's arguments pass through. */
export async function buildNatsImage(imageDir: string, natsServer = '/usr/sbin/nats-server'): Promise<NatsImage> {
  const version = /v?(\d+\.\d+\.\d+)/.exec(execFileSync(natsServer, ['--version'], { encoding: 'utf8' }))?.[1] ?? 'unknown';
  const repository = 'troupe.local/nats';
  return withRootfs(imageDir, async (root) => {
    await copyProgramWithLibraries(root, natsServer, '/usr/local/bin/nats-server');
    makeDirs(root, { tmp: 0o1777, data: 0o777 });
    const image = await writeOciImage(root, `${repository}:${version}`, {
      entrypoint: ['/usr/local/bin/nats-server'],
      user: '10002:10002',
      exposedPorts: [4222, 8222],
    }, join(imageDir, 'nats.oci.tar'));
    return { ...image, repository, tag: version };
  });
}
