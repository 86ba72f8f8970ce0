// Public API of @troupe/worker: run a worker in-process (the worker process is dist/main.js).
export { startWorker, type WorkerHandle } from './worker-node.js';
export { workerOptionsFromCommandLine, type WorkerOptions } from './worker-options.js';
