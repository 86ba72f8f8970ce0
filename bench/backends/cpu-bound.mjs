// ~2 ms of CPU per request. It spins on the clock rather than counting iterations so that the
// Python (Ray) and JavaScript sides burn the same time per request whatever their speed.
const WORK_MS = 2;

export function spinFor(ms) {
  const deadline = performance.now() + ms;
  let x = 0;
  while (performance.now() < deadline) x = (x + Math.sqrt(x + 1)) % 1e9;
  return x;
}

export function cpuBound() {
  spinFor(WORK_MS);
  return 'done';
}
