// The future result of a handle call. `await ref` yields the result.
import type { TroupeError } from '@troupe/common';

export class ObjectRef<T = unknown> implements PromiseLike<T> {
  /** While set, the ref is not a thenable: see `revealed`. */
  private hidden = false;

  private promise: Promise<T> | undefined;

  /**
   * `result` is called on the first `then`: a ref nobody awaits makes no promise, so its failure
   * cannot surface as an unhandled rejection.
   */
  constructor(private readonly result: () => Promise<T>) {}

  private get settled(): Promise<T> {
    return (this.promise ??= this.result());
  }

  get then(): PromiseLike<T>['then'] {
    // Typed as always present: user code only ever sees the ref outside the hidden instant.
    if (this.hidden) return undefined as unknown as PromiseLike<T>['then'];
    return (onFulfilled, onRejected) => this.settled.then(onFulfilled, onRejected);
  }

  catch(onRejected: (error: TroupeError) => unknown): Promise<unknown> {
    return this.settled.catch(onRejected);
  }

  /**
   * A promise that fulfils with this ref itself rather than its result. A promise resolved with a
   * thenable adopts it, so the ref hides its `then` for the instant of resolution: that is what
   * lets `await asyncHandle.remote()` give the ref on assignment and `await ref` the result.
   */
  static revealed<T>(ref: ObjectRef<T>, assigned: Promise<void>): Promise<ObjectRef<T>> {
    return new Promise((resolve, reject) => {
      assigned.then(() => {
        ref.hidden = true;
        try {
          resolve(ref);
        } finally {
          ref.hidden = false;
        }
      }, reject);
    });
  }
}
