// Stands in for a replica thread: gets a frame's calls, answers each with its own payload.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (message) => parentPort.postMessage(message));
