// npm run bench:footprint — resident memory of each Troupe process: head, worker with no
// replica, the cost of one idle replica, and the proxy under a 64-connection load.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort, start } from '@troupe/serve';

const benchDir = dirname(fileURLToPath(import.meta.url));
const run = promisify(execFile);

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kib / 1024) * 10) / 10;
}

async function settle(): Promise<void> {
  // Let start-up garbage be collected and timers settle before reading RSS.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
}

const httpPort = await freePort();
const client = await start({ port: 0, codeDir: join(benchDir, 'backends'), httpOptions: { port: httpPort } });
try {
  const cluster = client.cluster!;
  const pid = (name: string): number => cluster.process(name).pid!;
  await settle();
  const figures: Record<string, number> = {
    'head (idle)': rssMiB(pid('head')),
    'worker, no replica': rssMiB(pid('worker node-1')),
    'proxy (idle)': rssMiB(pid('proxy node-1')),
  };
  await client.createBackend('echo', './echo.mjs#echo');
  await client.createEndpoint('echo', { backend: 'echo', route: '/echo' });
  await settle();
  figures['worker, one idle replica'] = rssMiB(pid('worker node-1'));
  figures['one idle replica (difference)'] = Math.round((figures['worker, one idle replica']! - figures['worker, no replica']!) * 10) / 10;
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid('proxy node-1')))), 250);
  await run('wrk', ['-t2', '-c64', '-d10s', `http://127.0.0.1:${httpPort}/echo`]);
  clearInterval(sampler);
  figures['proxy, peak under 64 connections'] = peak;
  figures['head after the load'] = rssMiB(pid('head'));
  const resultsDir = join(benchDir, 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'footprint.json'), `${JSON.stringify(figures, null, 2)}\n`);
  const lines = ['| process | RSS (MiB) |', '|---|---|', ...Object.entries(figures).map(([k, v]) => `| ${k} | ${v} |`)];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await client.shutdown();
}
