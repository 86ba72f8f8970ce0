// Starts replica threads from the compiled entry next to this file, or from the TypeScript source
// when the worker itself runs from source (tests under tsx).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReplicaThreadData } from './thread-messages.js';

const fromSource = import.meta.url.endsWith('.ts');
const entry = new URL(fromSource ? './replica-thread.ts' : './replica-thread.js', import.meta.url);

export function launchReplicaThread(data: ReplicaThreadData): Worker {
  if (!fromSource) return new Worker(entry, { workerData: data });
  // Threads do not inherit the loader hooks tsx registered in the main thread: register them in
  // the thread before importing the TypeScript entry.
  const bootstrap = `import(${JSON.stringify(tsxEsmApi())}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: data });
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
