// Writes an image as an OCI image layout tar (oci-layout, index.json, blobs) from a root
// filesystem folder, without a container daemon or registry: one uncompressed layer, written by
// tar with fixed owners, order and times, so the same folder always gives the same digest.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { hostCommand } from './host-command.js';

export interface OciImageConfig {
  entrypoint?: string[];
  cmd?: string[];
  /** Numeric `uid:gid`, so the image needs no passwd entry. */
  user?: string;
  workingDir?: string;
  env?: string[];
  exposedPorts?: number[];
}

export interface OciImage {
  /** Full reference, e.g. docker.io/library/troupe:0.1.0 (what the kubelet looks up). */
  ref: string;
  /** Path of the OCI layout tar. */
  file: string;
  /** Digest of the image manifest. */
  digest: string;
}

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function writeBlob(blobs: string, content: string): Promise<{ digest: string; size: number }> {
  const hex = createHash('sha256').update(content).digest('hex');
  await writeFile(join(blobs, hex), content);
  return { digest: `sha256:${hex}`, size: Buffer.byteLength(content) };
}

/** A reference with the registry and `library/` Kubernetes adds to a short name. */
export function normalizeImageRef(ref: string): string {
  const slash = ref.indexOf('/');
  const first = slash === -1 ? '' : ref.slice(0, slash);
  const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
  if (hasRegistry) return ref;
  return slash === -1 ? `docker.io/library/${ref}` : `docker.io/${ref}`;
}

/**
 * `ref` may be a function of the layer's digest (hex), for tags that change with the content.
 */
export async function writeOciImage(
  rootfs: string,
  ref: string | ((layerHex: string) => string),
  config: OciImageConfig,
  outFile: string,
): Promise<OciImage> {
  await mkdir(dirname(outFile), { recursive: true });
  const work = await mkdtemp(join(dirname(outFile), '.oci-'));
  try {
    const blobs = join(work, 'blobs', 'sha256');
    await mkdir(blobs, { recursive: true });
    const layerTmp = join(work, 'layer.tar');
    await hostCommand('tar', [
      '--sort=name', '--mtime=@0', '--owner=0', '--group=0', '--numeric-owner', '--format=gnu',
      '-C', rootfs, '-cf', layerTmp, '.',
    ]);
    const layerHex = await sha256File(layerTmp);
    const layerSize = (await stat(layerTmp)).size;
    await rename(layerTmp, join(blobs, layerHex));
    const fullRef = normalizeImageRef(typeof ref === 'string' ? ref : ref(layerHex));

    const imageConfig = {
      architecture: 'amd64',
      os: 'linux',
      created: '1970-01-01T00:00:00Z',
      config: {
        ...(config.user === undefined ? {} : { User: config.user }),
        Env: config.env ?? [`PATH=${DEFAULT_PATH}`],
        ...(config.entrypoint === undefined ? {} : { Entrypoint: config.entrypoint }),
        ...(config.cmd === undefined ? {} : { Cmd: config.cmd }),
        ...(config.workingDir === undefined ? {} : { WorkingDir: config.workingDir }),
        ...(config.exposedPorts === undefined ? {} : { ExposedPorts: Object.fromEntries(config.exposedPorts.map((p) => [`${p}/tcp`, {}])) }),
      },
      rootfs: { type: 'layers', diff_ids: [`sha256:${layerHex}`] },
    };
    const configBlob = await writeBlob(blobs, JSON.stringify(imageConfig));
    const manifest = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...configBlob },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: `sha256:${layerHex}`, size: layerSize }],
    };
    const manifestBlob = await writeBlob(blobs, JSON.stringify(manifest));
    const tag = fullRef.slice(fullRef.lastIndexOf(':') + 1);
    const index = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [{
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        ...manifestBlob,
        platform: { architecture: 'amd64', os: 'linux' },
        annotations: { 'io.containerd.image.name': fullRef, 'org.opencontainers.image.ref.name': tag },
      }],
    };
    await writeFile(join(work, 'index.json'), JSON.stringify(index));
    await writeFile(join(work, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
    const tmpOut = `${outFile}.tmp`;
    await hostCommand('tar', ['--sort=name', '--mtime=@0', '--owner=0', '--group=0', '--numeric-owner', '-C', work, '-cf', tmpOut, 'oci-layout', 'index.json', 'blobs']);
    await rename(tmpOut, outFile);
    return { ref: fullRef, file: outFile, digest: manifestBlob.digest };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
