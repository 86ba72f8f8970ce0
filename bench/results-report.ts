import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BaselineRef, Row, ScenarioResult } from './scenario.ts';
import type { Spread } from './statistics.ts';

export interface RunMeta {
  startedAt: string;
  finishedAt: string;
  commit: string;
  node: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  repeats: number;
  seconds: number;
  warmupSeconds: number;
}

/** Writes latest.json and latest.md; returns their paths. */
export function writeReports(dir: string, meta: RunMeta, results: ScenarioResult[]): string[] {
  const json = join(dir, 'latest.json');
  const md = join(dir, 'latest.md');
  writeFileSync(json, `${JSON.stringify({ meta, scenarios: results }, null, 2)}\n`);
  writeFileSync(md, renderMarkdown(meta, results));
  return [json, md];
}

function findRow(results: ScenarioResult[], ref: BaselineRef): Row | undefined {
  return results.find((r) => r.name === ref.scenario)?.rows.find((row) => row.label === ref.label);
}

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
}

function rpsCell(s: Spread): string {
  return `${count.format(s.median)} (${count.format(s.min)}–${count.format(s.max)})`;
}

function msCell(s: Spread): string {
  return `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`;
}

function ratio(a: number, b: number): string {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a';
}

function loadCell(row: Row): string {
  return row.load.kind === 'wrk' ? `wrk -c${row.load.connections} -t${row.load.threads}` : `${row.load.inFlight} in flight, in-process`;
}

/** "koa-hello c=64: 0.42× req/s, 2.10× p50, 1.80× p99" per baseline. */
function baselineCell(results: ScenarioResult[], row: Row): string {
  if (row.baselines.length === 0) return '—';
  return row.baselines
    .map((ref) => {
      const base = findRow(results, ref);
      const name = `${ref.scenario} ${ref.label}`;
      if (base === undefined) return `${name}: not measured`;
      return `${name}: ${ratio(row.rps.median, base.rps.median)} req/s, ${ratio(row.p50Ms.median, base.p50Ms.median)} p50, ${ratio(row.p99Ms.median, base.p99Ms.median)} p99`;
    })
    .join('<br>');
}

function statusLine(result: ScenarioResult): string {
  return `${result.status}: ${(result.reason ?? '').replaceAll('|', '\\|').replaceAll('\n', ' ').slice(0, 300)}`;
}

function renderMarkdown(meta: RunMeta, results: ScenarioResult[]): string {
  const out: string[] = [];
  out.push('# Benchmark results', '');
  out.push(
    `Run ${meta.startedAt} → ${meta.finishedAt}, commit ${meta.commit}, Node ${meta.node}, ${meta.cpus} × ${meta.cpuModel}, ${meta.memoryGiB} GiB.`,
    `Each figure: median of ${meta.repeats} windows of ${meta.seconds} s after ${meta.warmupSeconds} s warm-up, (min–max) across windows.`,
    'Ratios compare medians with the named baseline row of this same run: req/s above 1× is faster, latency above 1× is slower.',
    '',
  );
  const notes = results.flatMap((r) => r.notes.map((n) => `- ${r.name}: ${n}`));
  if (notes.length > 0) out.push(...notes, '');

  out.push('| scenario | case | load | req/s | p50 ms | p99 ms | vs baseline | errors |', '|---|---|---|---|---|---|---|---|');
  for (const result of results) {
    if (result.status !== 'ok' && result.rows.length === 0) {
      out.push(`| ${result.name} | ${statusLine(result)} | | | | | | |`);
      continue;
    }
    for (const row of result.rows) {
      out.push(`| ${result.name} | ${row.label} | ${loadCell(row)} | ${rpsCell(row.rps)} | ${msCell(row.p50Ms)} | ${msCell(row.p99Ms)} | ${baselineCell(results, row)} | ${row.errors} |`);
    }
    if (result.status !== 'ok') out.push(`| ${result.name} | ${statusLine(result)} (rows above were measured before it stopped) | | | | | | |`);
  }
  out.push('');

  for (const { variant, rows } of comparisons(results)) {
    out.push(`## Troupe vs ${variant}`, '', 'Same load, same backend work, same run. Troupe/Ray above 1× means Troupe serves more (req/s) or waits longer (latency).', '');
    out.push('| case | Troupe req/s | Ray req/s | Troupe/Ray req/s | Troupe/Ray p50 | Troupe/Ray p99 | Troupe p50 / p99 ms | Ray p50 / p99 ms |', '|---|---|---|---|---|---|---|---|');
    for (const { key, troupe, ray } of rows) {
      const side = (x: Side) => (x.row ? count.format(x.row.rps.median) : x.why);
      const lat = (x: Side) => (x.row ? `${ms(x.row.p50Ms.median)} / ${ms(x.row.p99Ms.median)}` : '—');
      const t = troupe.row;
      const r = ray.row;
      out.push(
        `| ${key} | ${side(troupe)} | ${side(ray)} | ${t && r ? ratio(t.rps.median, r.rps.median) : 'n/a'} | ${t && r ? ratio(t.p50Ms.median, r.p50Ms.median) : 'n/a'} | ${t && r ? ratio(t.p99Ms.median, r.p99Ms.median) : 'n/a'} | ${lat(troupe)} | ${lat(ray)} |`,
      );
    }
    out.push('');
  }
  out.push('Plots: `throughput.png`, `latency.png` beside this file.', '');
  return out.join('\n');
}

interface Side {
  row?: Row;
  why: string;
}

/** One table per Ray variant: every compare key either side produced, or why a side has none. */
function comparisons(results: ScenarioResult[]): Array<{ variant: string; rows: Array<{ key: string; troupe: Side; ray: Side }> }> {
  const troupe = results.filter((r) => r.group === 'troupe');
  const variants = [...new Set(results.filter((r) => r.group === 'ray').map((r) => r.variant ?? 'Ray Serve'))];
  return variants.map((variant) => {
    const ray = results.filter((r) => r.group === 'ray' && (r.variant ?? 'Ray Serve') === variant);
    const keys: string[] = [];
    for (const r of [...troupe, ...ray]) for (const row of r.rows) if (row.compare !== undefined && !keys.includes(row.compare)) keys.push(row.compare);
    const side = (candidates: ScenarioResult[], key: string, owner: ScenarioResult | undefined): Side => {
      for (const r of candidates) {
        const row = r.rows.find((x) => x.compare === key);
        if (row) return { row, why: '' };
      }
      const missing = candidates.find((x) => x.status !== 'ok' && (owner === undefined || sameKind(x.name, owner.name)));
      return { why: missing ? missing.status : 'not run' };
    };
    return {
      variant,
      rows: keys.map((key) => {
        const owner = [...troupe, ...ray].find((r) => r.rows.some((row) => row.compare === key));
        return { key, troupe: side(troupe, key, owner), ray: side(ray, key, owner) };
      }),
    };
  });
}

/** troupe-http-echo ↔ ray-http-echo ↔ ray-ht-http-echo. */
function sameKind(a: string, b: string): boolean {
  const kind = (name: string) => name.replace(/^(troupe|ray-ht|ray)-/, '');
  return kind(a) === kind(b);
}
