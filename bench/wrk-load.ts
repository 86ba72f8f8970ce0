import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Sample } from './statistics.ts';

const reportScript = fileURLToPath(new URL('./wrk-report.lua', import.meta.url));

export interface WrkRun {
  url: string;
  connections: number;
  seconds: number;
}

/** wrk needs at least one connection per thread; two threads are all two cores can use. */
export function wrkThreads(connections: number): number {
  return Math.min(2, connections);
}

export async function runWrk(wrk: string, run: WrkRun): Promise<Sample> {
  const url = new URL(run.url);
  if (!url.hostname.startsWith('127.')) throw new Error(`refusing to load ${run.url}: only loopback targets are allowed`);
  const args = [
    '-t', String(wrkThreads(run.connections)),
    '-c', String(run.connections),
    '-d', `${run.seconds}s`,
    '--timeout', '10s',
    '-s', reportScript,
    run.url,
  ];
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(wrk, args, { timeout: (run.seconds + 30) * 1000, killSignal: 'SIGKILL', maxBuffer: 1 << 20 }, (error, out, err) => {
      if (error) reject(new Error(`wrk failed: ${error.message} ${err}`));
      else resolve(out);
    });
  });
  const line = stdout.split('\n').find((l) => l.startsWith('BENCH_JSON '));
  if (line === undefined) throw new Error(`wrk printed no summary:\n${stdout}`);
  const r = JSON.parse(line.slice('BENCH_JSON '.length)) as Record<string, number>;
  const seconds = r.duration_us! / 1e6;
  // wrk counts non-2xx/3xx answers in `status` but still counts them as requests.
  const errors = r.connect! + r.read! + r.write! + r.status! + r.timeout!;
  return {
    requests: r.requests!,
    seconds,
    rps: r.requests! / seconds,
    p50Ms: r.p50! / 1000,
    p90Ms: r.p90! / 1000,
    p99Ms: r.p99! / 1000,
    maxMs: r.max! / 1000,
    errors,
  };
}
