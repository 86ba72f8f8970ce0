// Starts replica threads from the compiled entry next to this file, or from the TypeScript source
// when the worker itself runs from source (tests under tsx). Threads get the worker's environment
// less the cluster's credentials, and tsx's loader when the backend is written in TypeScript.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseImportPath } from './module-loader.js';
import type { ReplicaThreadData } from './thread-messages.js';

const fromSource = import.meta.url.endsWith('.ts');
const entry = new URL(fromSource ? './replica-thread.ts' : './replica-thread.js', import.meta.url);

/**
 * Variables user code must not see: the admin and data tokens, NATS credentials and TLS files
 * (TROUPE_ADMIN_TOKEN, TROUPE_DATA_TOKEN, TROUPE_NATS_*, TROUPE_TLS_*), and anything else of
 * Troupe's named like a secret.
 */
const CREDENTIAL = /^TROUPE_(NATS_|TLS_)|^TROUPE_.*(TOKEN|PASSWORD|SECRET|CREDS|CREDENTIALS|KEY)/i;

const TYPESCRIPT = /\.(ts|mts|cts|tsx)$/;

/** The environment of a replica thread: the worker's, less every credential of the cluster. */
export function replicaEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !CREDENTIAL.test(name)) clean[name] = value;
  }
  return clean;
}

export function launchReplicaThread(data: ReplicaThreadData): Worker {
  const options = {
    workerData: data,
    env: replicaEnv(process.env),
    transferList: data.relayPort ? [data.relayPort] : [],
  };
  const typescript = TYPESCRIPT.test(parseImportPath(data.importPath).specifier);
  if (!fromSource && !typescript) return new Worker(entry, options);
  // Threads do not inherit loader hooks registered in the main thread: register tsx's in the
  // thread before importing the entry, so that .ts/.mts backends (and, under tsx, the entry
  // itself) load as written.
  const bootstrap = `import(${JSON.stringify(tsxEsmApi())}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** The ESM build of tsx's API (its CommonJS build does not load from an eval'd thread). */
function tsxEsmApi(): string {
  const manifestPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  const api = manifest.exports['./esm/api']?.import.default ?? './dist/esm/api/index.mjs';
  return pathToFileURL(join(dirname(manifestPath), api)).href;
}
