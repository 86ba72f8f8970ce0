// Learns a backend's shape by loading its module in a throwaway thread, so that loading it (and
// whatever its top level does) cannot affect the worker or its replicas.
import { ValidationError, fromErrorInfo } from '@troupe/common';
import { launchReplicaThread } from './thread-launcher.js';
import type { BackendShape, ThreadToMain } from './thread-messages.js';

export interface InspectOptions {
  codeDir: string;
  logLevel: string;
  timeoutMs: number;
}

export function inspectBackend(importPath: string, options: InspectOptions): Promise<BackendShape> {
  if (importPath === '') return Promise.reject(new ValidationError('importPath: must not be empty'));
  const thread = launchReplicaThread({
    mode: 'inspect',
    importPath,
    codeDir: options.codeDir,
    backend: '',
    replicaTag: '',
    initArgsJson: '',
    logLevel: options.logLevel,
    exposedMethods: [],
    maxReplyBytes: 0,
  });
  return new Promise<BackendShape>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void thread.terminate();
    };
    const fail = (reason: string): void =>
      settle(() => reject(new ValidationError(`importPath: cannot load "${importPath}": ${reason}`)));
    const timer = setTimeout(() => fail(`loading took longer than ${options.timeoutMs} ms`), options.timeoutMs);
    thread.on('message', (message: ThreadToMain) => {
      if (message.type === 'shape') settle(() => resolve(message.shape));
      else if (message.type === 'start-failed') settle(() => reject(fromErrorInfo(message.error)));
    });
    thread.on('error', (error) => fail(`${error.name}: ${error.message}`));
    thread.on('exit', (code) => fail(`the module ended its thread (exit code ${code})`));
  });
}
