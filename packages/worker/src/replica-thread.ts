// Entry of a replica thread (and of the throwaway threads that inspect a backend). User code runs
// here, so that a busy or crashing replica cannot stall or kill the worker or its neighbours: an
// uncaught exception or process.exit() ends this thread only, and the main thread sees it exit.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { pino } from 'pino';
import { failureInfo } from './errors.js';
import { describeShape, loadBackendExport } from './module-loader.js';
import { ReplicaBackend } from './replica-backend.js';
import { REPLICA_RELAY, ThreadRelay } from './replica-relay.js';
import { ReplicaRuntime } from './replica-runtime.js';
import type { MainToThread, ReplicaThreadData, ThreadToMain } from './thread-messages.js';

/** Where the SDK's getReplicaContext() looks. */
const REPLICA_CONTEXT = Symbol.for('troupe.replicaContext');

const data = workerData as ReplicaThreadData;
const port = parentPort as MessagePort;
// The same shape of log lines as @troupe/common's createLogger, which threads do not load (see errors.ts).
const logger = pino({ level: data.logLevel, base: { pid: process.pid } }).child({
  component: 'worker',
  backend: data.backend,
  replica: data.replicaTag || undefined,
});

(globalThis as Record<symbol, unknown>)[REPLICA_CONTEXT] = Object.freeze({
  backend: data.backend,
  replica: data.replicaTag,
});
if (data.relayPort) {
  Object.defineProperty(globalThis, REPLICA_RELAY, { value: new ThreadRelay(data.relayPort), enumerable: false });
}

function post(message: ThreadToMain): void {
  port.postMessage(message);
}

async function inspect(): Promise<void> {
  try {
    const target = await loadBackendExport(data.importPath, data.codeDir);
    post({ type: 'shape', shape: describeShape(target) });
  } catch (error) {
    post({ type: 'start-failed', error: failureInfo(error) });
  }
}

async function serve(): Promise<void> {
  let backend: ReplicaBackend;
  try {
    backend = await ReplicaBackend.create(data);
  } catch (error) {
    logger.error({ err: error }, 'replica failed to start');
    post({ type: 'start-failed', error: failureInfo(error) });
    return;
  }
  const runtime = new ReplicaRuntime(port, backend, logger, data.maxReplyBytes);
  port.on('message', (message: MainToThread) => {
    if (message.type === 'calls') runtime.onCalls(message);
    else void runtime.onReconfigure(message);
  });
  post({ type: 'ready', batchAll: backend.batchAll, batchMethods: backend.batchMethods() });
}

await (data.mode === 'inspect' ? inspect() : serve());
