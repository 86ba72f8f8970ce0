// Everything tunable comes from the environment so a quick smoke run and a full run use the
// same code path (npm run bench takes no arguments).

export interface BenchConfig {
  repeats: number;
  seconds: number;
  warmupSeconds: number;
  /** Concurrency sweep for the HTTP echo family (koa-hello, grpc-bidi-http, troupe/ray echo). */
  sweep: number[];
  /** Scenario or group names (baseline, troupe, ray); empty means all. */
  selection: string[];
  wrk: string;
  haproxy: string;
  rayVenv: string;
  resultsDir: string;
}

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
  return value;
}

function list(name: string): string[] {
  return (process.env[name] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}

export function readBenchConfig(defaultResultsDir: string, homeDir: string): BenchConfig {
  const sweep = list('BENCH_CONCURRENCY').map(Number);
  if (sweep.some((c) => !Number.isInteger(c) || c < 1)) throw new Error('BENCH_CONCURRENCY must be a comma-separated list of positive integers');
  return {
    repeats: Math.round(positiveNumber('BENCH_REPEATS', 3)),
    seconds: positiveNumber('BENCH_SECONDS', 5),
    warmupSeconds: positiveNumber('BENCH_WARMUP_SECONDS', 2),
    sweep: sweep.length > 0 ? sweep : [1, 16, 64, 256],
    selection: list('BENCH_SCENARIOS'),
    wrk: process.env.BENCH_WRK ?? 'wrk',
    haproxy: process.env.BENCH_HAPROXY ?? 'haproxy',
    rayVenv: process.env.TROUPE_RAY_VENV ?? `${homeDir}/.cache/troupe/ray-venv`,
    resultsDir: process.env.BENCH_RESULTS_DIR ?? defaultResultsDir,
  };
}
