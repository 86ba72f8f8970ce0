// A batch backend with a fixed 5 ms cost per call, whatever the batch size: the ideal case
// for batching (throughput grows with the batch, latency does not).
const CALL_MS = 5;

export async function batchSleep(requests) {
  await new Promise((resolve) => setTimeout(resolve, CALL_MS));
  return requests.map(() => 'hello world');
}
batchSleep.acceptBatch = true;
