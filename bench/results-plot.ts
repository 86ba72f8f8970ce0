import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioResult } from './scenario.ts';

// Hand-written SVG (two line charts do not justify a charting library), rasterized by resvg.

interface Point {
  x: number;
  y: number;
  lo: number;
  hi: number;
}

interface Line {
  name: string;
  color: string;
  dashed: boolean;
  points: Point[];
}

interface Chart {
  title: string;
  yLabel: string;
  yScale: 'linear' | 'log';
  lines: Line[];
}

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];
const WIDTH = 960;
const HEIGHT = 540;
const PLOT = { left: 90, right: WIDTH - 250, top: 60, bottom: HEIGHT - 70 };
const FONT = "font-family='DejaVu Sans, sans-serif'";

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

function niceStep(range: number): number {
  const raw = range / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const steps = [1, 2, 2.5, 5, 10];
  return magnitude * steps.find((s) => s * magnitude >= raw)!;
}

function formatTick(value: number): string {
  if (value >= 1000) return `${value / 1000}k`;
  return String(Number(value.toPrecision(3)));
}

function render(chart: Chart): string {
  const points = chart.lines.flatMap((l) => l.points);
  const xs = [...new Set(points.map((p) => p.x))].sort((a, b) => a - b);
  const lx = (x: number) => Math.log2(x);
  const [x0, x1] = [lx(xs[0]!), lx(xs[xs.length - 1]!)];
  const xPad = x1 === x0 ? 1 : (x1 - x0) * 0.06;
  const sx = (x: number) => PLOT.left + ((lx(x) - (x0 - xPad)) / (x1 - x0 + 2 * xPad)) * (PLOT.right - PLOT.left);

  const hiMax = Math.max(...points.map((p) => p.hi));
  let sy: (y: number) => number;
  let yTicks: number[];
  if (chart.yScale === 'linear') {
    const step = niceStep(hiMax > 0 ? hiMax : 1);
    const top = Math.ceil(hiMax / step) * step || step;
    sy = (y) => PLOT.bottom - (y / top) * (PLOT.bottom - PLOT.top);
    yTicks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  } else {
    const positive = points.map((p) => p.lo).filter((v) => v > 0);
    const d0 = Math.floor(Math.log10(Math.min(...positive)));
    const d1 = Math.max(d0 + 1, Math.ceil(Math.log10(hiMax)));
    sy = (y) => PLOT.bottom - ((Math.log10(Math.max(y, 10 ** d0)) - d0) / (d1 - d0)) * (PLOT.bottom - PLOT.top);
    yTicks = [];
    for (let d = d0; d <= d1; d++) for (const m of [1, 2, 5]) if (d < d1 || m === 1) yTicks.push(m * 10 ** d);
  }

  const svg: string[] = [];
  svg.push(`<svg xmlns='http://www.w3.org/2000/svg' width='${WIDTH}' height='${HEIGHT}' viewBox='0 0 ${WIDTH} ${HEIGHT}'>`);
  svg.push(`<rect width='${WIDTH}' height='${HEIGHT}' fill='white'/>`);
  svg.push(`<text x='${WIDTH / 2}' y='32' text-anchor='middle' font-size='20' ${FONT}>${escapeXml(chart.title)}</text>`);
  for (const t of yTicks) {
    const y = sy(t).toFixed(1);
    svg.push(`<line x1='${PLOT.left}' x2='${PLOT.right}' y1='${y}' y2='${y}' stroke='#e4e4e4'/>`);
    svg.push(`<text x='${PLOT.left - 8}' y='${y}' dy='4' text-anchor='end' font-size='13' ${FONT}>${formatTick(t)}</text>`);
  }
  for (const x of xs) {
    const px = sx(x).toFixed(1);
    svg.push(`<line x1='${px}' x2='${px}' y1='${PLOT.top}' y2='${PLOT.bottom}' stroke='#f0f0f0'/>`);
    svg.push(`<text x='${px}' y='${PLOT.bottom + 20}' text-anchor='middle' font-size='13' ${FONT}>${x}</text>`);
  }
  svg.push(`<rect x='${PLOT.left}' y='${PLOT.top}' width='${PLOT.right - PLOT.left}' height='${PLOT.bottom - PLOT.top}' fill='none' stroke='#444'/>`);
  svg.push(`<text x='${(PLOT.left + PLOT.right) / 2}' y='${HEIGHT - 22}' text-anchor='middle' font-size='14' ${FONT}>concurrency (connections or calls in flight, log scale)</text>`);
  svg.push(`<text transform='translate(24 ${(PLOT.top + PLOT.bottom) / 2}) rotate(-90)' text-anchor='middle' font-size='14' ${FONT}>${escapeXml(chart.yLabel)}</text>`);

  chart.lines.forEach((line, i) => {
    const dash = line.dashed ? " stroke-dasharray='7 5'" : '';
    const path = line.points.map((p, j) => `${j === 0 ? 'M' : 'L'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
    svg.push(`<path d='${path}' fill='none' stroke='${line.color}' stroke-width='2.2'${dash}/>`);
    for (const p of line.points) {
      const px = sx(p.x).toFixed(1);
      // Whisker: min–max across repeats, so noise is visible next to the median.
      svg.push(`<line x1='${px}' x2='${px}' y1='${sy(p.lo).toFixed(1)}' y2='${sy(p.hi).toFixed(1)}' stroke='${line.color}' stroke-width='1.2'/>`);
      svg.push(`<circle cx='${px}' cy='${sy(p.y).toFixed(1)}' r='3.5' fill='${line.color}'/>`);
    }
    const ly = PLOT.top + 14 + i * 24;
    svg.push(`<line x1='${PLOT.right + 16}' x2='${PLOT.right + 46}' y1='${ly}' y2='${ly}' stroke='${line.color}' stroke-width='2.2'${dash}/>`);
    svg.push(`<text x='${PLOT.right + 54}' y='${ly}' dy='4' font-size='13' ${FONT}>${escapeXml(line.name)}</text>`);
  });
  svg.push('</svg>');
  return svg.join('\n');
}

/** throughput.png and latency.png (plus their SVGs) for scenarios marked `plot`. */
export async function writePlots(dir: string, results: ScenarioResult[]): Promise<string[]> {
  const plotted = results.filter((r) => r.plot && r.rows.length > 0);
  if (plotted.length === 0) return [];
  const throughput: Line[] = [];
  const latency: Line[] = [];
  plotted.forEach((result, i) => {
    const color = PALETTE[i % PALETTE.length]!;
    const rows = [...result.rows].sort((a, b) => a.concurrency - b.concurrency);
    throughput.push({ name: result.name, color, dashed: false, points: rows.map((r) => ({ x: r.concurrency, y: r.rps.median, lo: r.rps.min, hi: r.rps.max })) });
    latency.push({ name: `${result.name} p50`, color, dashed: false, points: rows.map((r) => ({ x: r.concurrency, y: r.p50Ms.median, lo: r.p50Ms.min, hi: r.p50Ms.max })) });
    latency.push({ name: `${result.name} p99`, color, dashed: true, points: rows.map((r) => ({ x: r.concurrency, y: r.p99Ms.median, lo: r.p99Ms.min, hi: r.p99Ms.max })) });
  });
  const charts: Array<[string, Chart]> = [
    ['throughput', { title: 'Throughput vs concurrency (median, min–max whiskers)', yLabel: 'requests per second', yScale: 'linear', lines: throughput }],
    ['latency', { title: 'Latency vs concurrency (p50 solid, p99 dashed)', yLabel: 'latency, ms (log scale)', yScale: 'log', lines: latency }],
  ];
  // Loaded lazily: a missing native binary should cost the plots, not the measurements.
  const { Resvg } = await import('@resvg/resvg-js');
  const written: string[] = [];
  for (const [name, chart] of charts) {
    const svg = render(chart);
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: WIDTH * 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
    writeFileSync(join(dir, `${name}.svg`), svg);
    writeFileSync(join(dir, `${name}.png`), png);
    written.push(join(dir, `${name}.png`));
  }
  return written;
}
