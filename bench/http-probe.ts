import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls a URL until it answers with the expected status, so a measurement never starts while
 * routes or replicas are still being rolled out (the first requests would measure start-up).
 */
export async function waitForHttp(url: string, options: { timeoutMs?: number; status?: number; bodyIncludes?: string } = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const wanted = options.status ?? 200;
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      const body = await response.text();
      if (response.status === wanted && (options.bodyIncludes === undefined || body.includes(options.bodyIncludes))) return;
      last = `HTTP ${response.status}: ${body.slice(0, 200)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(250);
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (last: ${last})`);
}
