import type { BenchConfig } from './bench-config.ts';
import type { ChildServer } from './child-servers.ts';
import type { Sample, Spread } from './statistics.ts';

export type ScenarioGroup = 'baseline' | 'troupe' | 'ray';

/** Points at one row of a baseline scenario measured in the same run. */
export interface BaselineRef {
  scenario: string;
  label: string;
}

export interface RowOptions {
  /** Distinguishes the rows of one scenario: "c=64", "replicas=2", "sync"… */
  label: string;
  baselines?: BaselineRef[];
  /** Rows of Troupe and Ray with the same key are put side by side. */
  compare?: string;
}

export interface HttpRowOptions extends RowOptions {
  url: string;
  connections: number;
}

export interface InProcessRowOptions extends RowOptions {
  inFlight: number;
  call: () => Promise<unknown>;
}

export interface Row {
  label: string;
  load: { kind: 'wrk'; connections: number; threads: number; path: string } | { kind: 'in-process'; inFlight: number };
  /** Connections or callers in flight: the x axis of the plots. */
  concurrency: number;
  samples: Sample[];
  rps: Spread;
  p50Ms: Spread;
  p90Ms: Spread;
  p99Ms: Spread;
  errors: number;
  baselines: BaselineRef[];
  compare?: string;
}

export interface ScenarioResult {
  name: string;
  group: ScenarioGroup;
  variant?: string;
  title: string;
  plot: boolean;
  status: 'ok' | 'skipped' | 'failed';
  reason?: string;
  seconds: number;
  rows: Row[];
  /** Facts worth printing with the table (e.g. the Ray version measured). */
  notes: string[];
}

export interface BenchContext {
  readonly config: BenchConfig;
  /** Directory of the bench sources, for locating backends, baselines and Ray apps. */
  readonly benchDir: string;
  log(message: string): void;
  note(text: string): void;
  /** Warm-up, then `repeats` windows of wrk against a loopback URL; records a row. */
  measureHttp(options: HttpRowOptions): Promise<Row>;
  /** Same, with callers in this process. */
  measureInProcess(options: InProcessRowOptions): Promise<Row>;
  /** A server in its own process; stopped when the scenario ends, whatever happens. */
  spawnServer(name: string, command: string, args: string[], options?: { env?: NodeJS.ProcessEnv; cwd?: string; stopGraceMs?: number }): ChildServer;
  /** Runs `cleanup` when the scenario ends (last registered, first run). */
  onCleanup(cleanup: () => Promise<void> | void): void;
}

export interface Scenario {
  name: string;
  group: ScenarioGroup;
  /** Which configuration of the other system (Ray) this is; one comparison table each. */
  variant?: string;
  /** One line for the table: what is measured. */
  title: string;
  /** Baseline scenarios this one's ratios refer to; selected automatically with it. */
  needs?: string[];
  /** Drawn in the throughput/latency-vs-concurrency plots. */
  plot?: boolean;
  run(ctx: BenchContext): Promise<void>;
}

/** Thrown when a scenario cannot run here; the table shows "skipped: <reason>". */
export class ScenarioSkipped extends Error {}
