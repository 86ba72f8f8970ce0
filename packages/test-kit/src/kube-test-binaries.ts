import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export const BUILD_SCRIPT_HINT = 'run scripts/build-test-binaries.sh from the repository root to build them';

/** Where scripts/build-test-binaries.sh puts etcd, kube-apiserver and helm unless TROUPE_TEST_BIN says otherwise. */
export function defaultTestBinDir(): string {
  return join(homedir(), '.cache', 'troupe', 'test-bin');
}

/** The directory the test binaries are taken from: the explicit option, then TROUPE_TEST_BIN, then the default cache. */
export function testBinDir(binDir?: string): string {
  return binDir ?? process.env['TROUPE_TEST_BIN'] ?? defaultTestBinDir();
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Path of a binary built by scripts/build-test-binaries.sh. Throws (rather than letting a
 * test skip) when it is missing, because a silently skipped Kubernetes test hides regressions.
 */
export function findTestBinary(name: string, options: { binDir?: string } = {}): string {
  const dir = testBinDir(options.binDir);
  const path = join(dir, name);
  if (!isExecutable(path)) {
    throw new Error(`test binary '${name}' not found at ${path}; ${BUILD_SCRIPT_HINT}`);
  }
  return path;
}

/** kubectl is not built by the script; a copy in the cache wins, else the one on PATH. */
export function findKubectl(options: { binDir?: string } = {}): string {
  const cached = join(testBinDir(options.binDir), 'kubectl');
  if (isExecutable(cached)) return cached;
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir !== '' && isExecutable(join(dir, 'kubectl'))) return join(dir, 'kubectl');
  }
  throw new Error(`kubectl not found in ${testBinDir(options.binDir)} nor on PATH; install kubectl v1.32`);
}
