// Server half of baseline (b): one bidi stream in, each frame handed to a worker thread and
// its answer written back as one frame. No routing, no features: the floor Troupe's worker
// process cannot go below.
import { Worker } from 'node:worker_threads';
import { Echo, grpc } from './echo-proto.mjs';

const worker = new Worker(new URL('./echo-worker.mjs', import.meta.url));
const streams = new Map();
let nextFrame = 0;

worker.on('message', ({ frame, calls }) => {
  const stream = streams.get(frame);
  streams.delete(frame);
  stream?.write({ calls });
});

const server = new grpc.Server();
server.addService(Echo.service, {
  Stream(stream) {
    stream.on('data', ({ calls }) => {
      const frame = nextFrame++;
      streams.set(frame, stream);
      worker.postMessage({ frame, calls });
    });
    stream.on('end', () => stream.end());
    stream.on('error', () => {});
  },
});
server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) throw error;
  console.log(JSON.stringify({ listening: port }));
});

// Exit cleanly on the runner's SIGTERM so `node --cpu-prof` gets to write its profile.
process.on('SIGTERM', () => process.exit(0));
