// Client half of baseline (b): every call made during one event-loop turn leaves in a single
// frame on ONE bidi stream (flushed by setImmediate), replies are matched back by id.
import { Echo, grpc } from './echo-proto.mjs';

export function openCoalescingStream(address) {
  const client = new Echo(address, grpc.credentials.createInsecure());
  const stream = client.Stream();
  const pending = new Map();
  let queue = [];
  let flushScheduled = false;
  let nextId = 0;

  stream.on('data', ({ calls }) => {
    for (const { id, payload } of calls) {
      const waiter = pending.get(id);
      pending.delete(id);
      waiter?.resolve(payload);
    }
  });
  stream.on('error', (error) => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  });

  const flush = () => {
    flushScheduled = false;
    const calls = queue;
    queue = [];
    stream.write({ calls });
  };

  return {
    call(payload) {
      const id = (nextId = (nextId + 1) >>> 0);
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        queue.push({ id, payload });
        if (!flushScheduled) {
          flushScheduled = true;
          setImmediate(flush);
        }
      });
    },
    close() {
      stream.end();
      client.close();
    },
  };
}
