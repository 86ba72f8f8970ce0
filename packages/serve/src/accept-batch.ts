// Batching is opted into by the export itself, so the head can refuse maxBatchSize > 1 otherwise.

/** Marks a function or class as taking a batch: an array of requests in, an array of results out. */
export function acceptBatch<T extends object>(target: T): T & { acceptBatch: true } {
  Object.defineProperty(target, 'acceptBatch', { value: true, enumerable: true });
  return target as T & { acceptBatch: true };
}
