// Troupe's image built as deploy/docker/Dockerfile builds it, without a daemon or registry: the
// host's Node 20 with the libraries it loads, /bin/sh, kill and sleep (busybox), CA certificates,
// and /app as the Dockerfile lays it out (package manifests, production node_modules, every
// package's built dist/, the examples, the entrypoint). Runs as a numeric non-root user.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostCommand } from './host-command.js';
import { writeOciImage, type OciImage } from './oci-image.js';
import { copyInto, copyProgramWithLibraries, installBusybox, makeDirs } from './root-filesystem.js';

export interface TroupeImageOptions {
  /** @default the repository this package is in */
  repoRoot?: string;
  /** Where the image tar and the cached production node_modules go. */
  imageDir: string;
  /** @default troupe */
  repository?: string;
  /** @default `<version>-<first 12 hex of the layer digest>`, so new content gets a new tag */
  tag?: string;
  /** Skip `tsc -b` (the caller built already). @default false */
  skipBuild?: boolean;
}

export interface TroupeImage extends OciImage {
  repository: string;
  tag: string;
}

/** The numeric user the image runs as; deploy/docker/Dockerfile uses the same. */
export const TROUPE_IMAGE_USER = '10001:10001';

const DEFAULT_REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function packageDirs(repoRoot: string): string[] {
  return readdirSync(join(repoRoot, 'packages')).filter((name) => existsSync(join(repoRoot, 'packages', name, 'package.json'))).sort();
}

/**
 * `npm ci --omit=dev` of the workspace manifests in a staging dir, cached by their content:
 * the same lock file always gives the same production node_modules.
 */
async function productionModules(repoRoot: string, imageDir: string): Promise<string> {
  const manifests = ['package.json', 'package-lock.json', ...packageDirs(repoRoot).map((p) => join('packages', p, 'package.json'))];
  const hash = createHash('sha256');
  for (const file of manifests) hash.update(file).update(readFileSync(join(repoRoot, file)));
  const dir = join(imageDir, `npm-production-${hash.digest('hex').slice(0, 16)}`);
  if (existsSync(join(dir, '.complete'))) return dir;
  await rm(dir, { recursive: true, force: true });
  for (const file of manifests) {
    await mkdir(join(dir, file, '..'), { recursive: true });
    await copyFile(join(repoRoot, file), join(dir, file));
  }
  await hostCommand('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, timeoutMs: 600_000 });
  writeFileSync(join(dir, '.complete'), '');
  return dir;
}

const ETC_FILES: Record<string, string> = {
  // No entry for the image's user: like node:20-slim, the image must run without one.
  'etc/passwd': 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n',
  'etc/group': 'root:x:0:\nnogroup:x:65534:\n',
  'etc/nsswitch.conf': 'passwd: files\ngroup: files\nhosts: files dns\n',
};

export async function buildTroupeImage(options: TroupeImageOptions): Promise<TroupeImage> {
  const repoRoot = options.repoRoot ?? DEFAULT_REPO_ROOT;
  const repository = options.repository ?? 'troupe';
  const version = (JSON.parse(readFileSync(join(repoRoot, 'packages', 'cli', 'package.json'), 'utf8')) as { version: string }).version;
  await mkdir(options.imageDir, { recursive: true });
  if (options.skipBuild !== true) await hostCommand('npx', ['tsc', '-b', 'tsconfig.json'], { cwd: repoRoot, timeoutMs: 600_000 });
  const modules = await productionModules(repoRoot, options.imageDir);

  const root = join(options.imageDir, '.rootfs-troupe');
  await rm(root, { recursive: true, force: true });
  try {
    makeDirs(root, { tmp: 0o1777, app: 0o755, 'etc/ssl/certs': 0o755, 'usr/local/bin': 0o755 });
    const lib = '/lib/x86_64-linux-gnu';
    const nss = ['libnss_files.so.2', 'libnss_dns.so.2', 'libresolv.so.2'].map((l) => join(lib, l)).filter((p) => existsSync(p));
    await copyProgramWithLibraries(root, process.execPath, '/usr/local/bin/node', nss);
    installBusybox(root, ['sh', 'kill', 'sleep', 'cat', 'ls', 'env', 'nc', 'ps']);
    copyInto(root, '/etc/ssl/certs/ca-certificates.crt');
    for (const [file, content] of Object.entries(ETC_FILES)) writeFileSync(join(root, file), content);

    const app = join(root, 'app');
    for (const file of ['package.json', 'package-lock.json']) await copyFile(join(repoRoot, file), join(app, file));
    await hostCommand('cp', ['-a', join(modules, 'node_modules'), join(app, 'node_modules')]);
    await mkdir(join(app, 'packages'), { recursive: true });
    for (const pkg of packageDirs(repoRoot)) {
      const from = join(repoRoot, 'packages', pkg);
      const to = join(app, 'packages', pkg);
      if (!existsSync(join(from, 'dist'))) throw new Error(`packages/${pkg}/dist is missing: run npm run build first`);
      // The whole package as the Dockerfile copies it (generated code, bin/ and all), less the
      // development node_modules.
      await hostCommand('cp', ['-a', from, to]);
      await rm(join(to, 'node_modules'), { recursive: true, force: true });
      // Dependencies npm could not hoist live beside the package.
      if (existsSync(join(modules, 'packages', pkg, 'node_modules'))) {
        await hostCommand('cp', ['-a', join(modules, 'packages', pkg, 'node_modules'), join(to, 'node_modules')]);
      }
    }
    await hostCommand('cp', ['-a', join(repoRoot, 'examples'), join(app, 'examples')]);
    await hostCommand('find', [app, '-name', '*.tsbuildinfo', '-delete']);
    copyInto(root, join(repoRoot, 'deploy', 'docker', 'entrypoint.sh'), '/usr/local/bin/troupe-entrypoint');
    await hostCommand('chmod', ['0755', join(root, 'usr/local/bin/troupe-entrypoint')]);
    // Readable by the non-root user, writable by nobody but root: the Dockerfile's COPY does the same.
    await hostCommand('chmod', ['-R', 'u+rwX,go+rX,go-w', app]);

    const image = await writeOciImage(
      root,
      (layerHex) => `${repository}:${options.tag ?? `${version}-${layerHex.slice(0, 12)}`}`,
      {
        entrypoint: ['troupe-entrypoint'],
        cmd: ['head'],
        user: TROUPE_IMAGE_USER,
        workingDir: '/app',
        env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'NODE_ENV=production', 'TROUPE_CODE_DIR=/app'],
        exposedPorts: [8000, 7420, 7421],
      },
      join(options.imageDir, 'troupe.oci.tar'),
    );
    return { ...image, repository: image.ref.slice(0, image.ref.lastIndexOf(':')), tag: image.ref.slice(image.ref.lastIndexOf(':') + 1) };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
