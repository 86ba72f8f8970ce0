// npm run bench: runs the selected scenarios (BENCH_SCENARIOS, default all) one after another,
// then writes bench/results/latest.{json,md} and the plots. See docs/performance.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { cpus, homedir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBenchConfig, type BenchConfig } from './bench-config.ts';
import { ChildServer, descendantsOf, killRemainingDescendants, stopAllChildren } from './child-servers.ts';
import { runInFlight } from './in-process-load.ts';
import { writePlots } from './results-plot.ts';
import { writeReports, type RunMeta } from './results-report.ts';
import { ScenarioSkipped, type BenchContext, type Row, type RowOptions, type Scenario, type ScenarioResult } from './scenario.ts';
import { scenarios } from './scenarios/index.ts';
import { spread, type Sample } from './statistics.ts';
import { runWrk, wrkThreads } from './wrk-load.ts';

const benchDir = dirname(fileURLToPath(import.meta.url));
// Helpers that were running before any scenario (tsx's esbuild service) are not ours to stop.
const helpersAtStart = new Set(descendantsOf(process.pid));
const CLEANUP_TIMEOUT_MS = 90_000;

function select(config: BenchConfig): Scenario[] {
  if (config.selection.length === 0) return scenarios;
  const wanted = new Set<string>();
  for (const name of config.selection) {
    const matches = scenarios.filter((s) => s.name === name || s.group === name);
    if (matches.length === 0) {
      throw new Error(`unknown scenario ${JSON.stringify(name)}; known: ${scenarios.map((s) => s.name).join(', ')} (or a group: baseline, troupe, ray)`);
    }
    for (const s of matches) wanted.add(s.name);
  }
  // Ratios need their baselines from the same run; needs are at most two levels deep.
  for (let depth = 0; depth < 3; depth++) {
    for (const s of scenarios) if (wanted.has(s.name)) for (const need of s.needs ?? []) wanted.add(need);
  }
  return scenarios.filter((s) => wanted.has(s.name));
}

function summarize(options: RowOptions, load: Row['load'], concurrency: number, samples: Sample[]): Row {
  return {
    label: options.label,
    load,
    concurrency,
    samples,
    rps: spread(samples.map((s) => s.rps)),
    p50Ms: spread(samples.map((s) => s.p50Ms)),
    p90Ms: spread(samples.map((s) => s.p90Ms)),
    p99Ms: spread(samples.map((s) => s.p99Ms)),
    errors: samples.reduce((sum, s) => sum + s.errors, 0),
    baselines: options.baselines ?? [],
    ...(options.compare !== undefined ? { compare: options.compare } : {}),
  };
}

function describe(sample: Sample): string {
  const errors = sample.errors > 0 ? ` errors ${sample.errors}` : '';
  return `${Math.round(sample.rps)} req/s p50 ${sample.p50Ms.toFixed(2)} ms p99 ${sample.p99Ms.toFixed(2)} ms${errors}`;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function runScenario(scenario: Scenario, config: BenchConfig): Promise<ScenarioResult> {
  const result: ScenarioResult = { name: scenario.name, group: scenario.group, ...(scenario.variant !== undefined ? { variant: scenario.variant } : {}), title: scenario.title, plot: scenario.plot ?? false, status: 'ok', seconds: 0, rows: [], notes: [] };
  const cleanups: Array<() => Promise<void> | void> = [];
  const log = (message: string) => console.log(`[${scenario.name}] ${message}`);
  const measure = async (options: RowOptions, load: Row['load'], concurrency: number, once: (seconds: number) => Promise<Sample>) => {
    log(`${options.label}: warm-up ${config.warmupSeconds} s`);
    await once(config.warmupSeconds);
    const samples: Sample[] = [];
    for (let i = 1; i <= config.repeats; i++) {
      const sample = await once(config.seconds);
      log(`${options.label} #${i}: ${describe(sample)}`);
      samples.push(sample);
    }
    const row = summarize(options, load, concurrency, samples);
    result.rows.push(row);
    return row;
  };
  const ctx: BenchContext = {
    config,
    benchDir,
    log,
    note: (text) => result.notes.push(text),
    measureHttp: (options) =>
      measure(options, { kind: 'wrk', connections: options.connections, threads: wrkThreads(options.connections), path: new URL(options.url).pathname }, options.connections, (seconds) =>
        runWrk(config.wrk, { url: options.url, connections: options.connections, seconds }),
      ),
    measureInProcess: (options) =>
      measure(options, { kind: 'in-process', inFlight: options.inFlight }, options.inFlight, (seconds) => runInFlight(options.call, options.inFlight, seconds)),
    spawnServer: (name, command, args, options = {}) => {
      const child = new ChildServer({ name: `${scenario.name}.${name}`, command, args, logDir: join(config.resultsDir, 'logs'), ...options });
      cleanups.push(() => child.stop());
      return child;
    },
    onCleanup: (cleanup) => {
      cleanups.push(cleanup);
    },
  };

  const started = Date.now();
  const preexisting = new Set(descendantsOf(process.pid));
  console.log(`\n== ${scenario.name}: ${scenario.title}`);
  try {
    await scenario.run(ctx);
  } catch (error) {
    if (error instanceof ScenarioSkipped) {
      result.status = 'skipped';
      result.reason = error.message;
    } else {
      result.status = 'failed';
      result.reason = (error as Error)?.message ?? String(error);
    }
    log(`${result.status}: ${result.reason}`);
  } finally {
    // Bounded by the number of cleanups registered; each one bounded in time.
    for (const cleanup of cleanups.reverse()) {
      try {
        await withTimeout(Promise.resolve().then(cleanup), CLEANUP_TIMEOUT_MS, 'cleanup');
      } catch (error) {
        log(`cleanup failed: ${(error as Error).message}`);
      }
    }
    // Scenarios run one at a time, so anything still below us now belongs to this one.
    const leftovers = killRemainingDescendants(preexisting);
    if (leftovers > 0) log(`killed ${leftovers} leftover process(es)`);
  }
  result.seconds = Math.round((Date.now() - started) / 1000);
  return result;
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: benchDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const config = readBenchConfig(join(benchDir, 'results'), homedir());
  mkdirSync(config.resultsDir, { recursive: true });
  const selected = select(config);
  const meta: RunMeta = {
    startedAt: new Date().toISOString(),
    finishedAt: '',
    commit: gitCommit(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    repeats: config.repeats,
    seconds: config.seconds,
    warmupSeconds: config.warmupSeconds,
  };
  console.log(`bench: ${selected.map((s) => s.name).join(', ')}; ${config.repeats} × ${config.seconds} s after ${config.warmupSeconds} s warm-up`);
  const results: ScenarioResult[] = [];
  for (const scenario of selected) {
    results.push(await runScenario(scenario, config));
    meta.finishedAt = new Date().toISOString();
    // Partial results survive an interrupted run.
    writeReports(config.resultsDir, meta, results);
  }
  const written = writeReports(config.resultsDir, meta, results);
  const plots = await writePlots(config.resultsDir, results);
  console.log(`\nwrote ${[...written, ...plots].join(', ')}`);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.error(`\n${signal}: stopping servers`);
    void stopAllChildren().finally(() => {
      killRemainingDescendants(helpersAtStart);
      process.exit(130);
    });
  });
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await stopAllChildren();
  killRemainingDescendants(helpersAtStart);
}
