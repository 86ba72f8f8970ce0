// The replica thread's side of handle calls made by user code (see handle-relay.ts): what
// `connect()` of @troupe/serve uses inside a replica, through a global under a registered symbol.
// Types only from @troupe/common: threads do not load it (see errors.ts).
import type { MessagePort } from 'node:worker_threads';
import type { CallOptions, CallRequest, RelayedCall, RelayedError, ReplicaRelay } from '@troupe/common';
import type { RelayAnswer, RelayRequest } from './handle-relay.js';

export const REPLICA_RELAY = Symbol.for('troupe.replicaRelay');

interface Waiting {
  resolve(value: Uint8Array | undefined): void;
  reject(error: RelayedError): void;
  assigned?: () => void;
}

export class ThreadRelay implements ReplicaRelay {
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();

  constructor(private readonly port: MessagePort) {
    port.on('message', (message: RelayAnswer) => this.onAnswer(message));
    // Only calls in flight keep the thread's event loop busy on this port.
    port.unref();
  }

  waitFor(endpoint: string, missingOk: boolean): Promise<void> {
    const id = this.nextId++;
    const done = this.expect(id).then(() => undefined);
    this.send({ type: 'wait', id, endpoint, missingOk });
    return done;
  }

  call(endpoint: string, request: CallRequest, options?: CallOptions): RelayedCall {
    const id = this.nextId++;
    let assigned!: () => void;
    const assignedPromise = new Promise<void>((resolve) => {
      assigned = resolve;
    });
    const reply = this.expect(id, assigned) as Promise<Uint8Array>;
    // A failure reaches whoever awaits the reply; settle `assigned` too, as the data plane does.
    reply.then(assigned, assigned);
    this.send({ type: 'call', id, endpoint, request, options });
    return {
      assigned: assignedPromise,
      reply,
      cancel: () => this.send({ type: 'cancel', id }),
    };
  }

  private expect(id: number, assigned?: () => void): Promise<Uint8Array | undefined> {
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, assigned });
      if (this.waiting.size === 1) this.port.ref();
    });
  }

  private send(message: RelayRequest): void {
    this.port.postMessage(message);
  }

  private onAnswer(message: RelayAnswer): void {
    const waiter = this.waiting.get(message.id);
    if (!waiter) return;
    if (message.type === 'assigned') {
      waiter.assigned?.();
      return;
    }
    this.waiting.delete(message.id);
    if (this.waiting.size === 0) this.port.unref();
    if (message.type === 'error') waiter.reject(message.error);
    else waiter.resolve(message.type === 'reply' ? message.value : undefined);
  }
}
