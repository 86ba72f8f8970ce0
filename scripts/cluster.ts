// The real two-node test cluster from the command line (root needed):
//   npm run cluster:up       bring it up (or report the one already up), print how to use it
//   npm run cluster:status   daemons, nodes, kubeconfig
//   npm run cluster:down     stop everything and remove what it made
import { clusterDown, clusterStatus, clusterUp } from '../packages/test-kit/src/index.ts';

async function printStatus(): Promise<boolean> {
  const status = await clusterStatus();
  process.stdout.write(`cluster: ${status.up ? 'up' : 'not up'}${status.upSeconds ? ` (came up in ${status.upSeconds} s)` : ''}\n`);
  for (const problem of status.up ? [] : status.problems) process.stdout.write(`  problem: ${problem}\n`);
  process.stdout.write(`server: ${status.server}\n`);
  for (const node of status.nodes) process.stdout.write(`node: ${node.name} ${node.ip}\n`);
  for (const d of status.daemons) process.stdout.write(`  ${d.alive ? 'running' : 'stopped'} ${d.name} pid ${d.pid} log ${d.log}\n`);
  process.stdout.write(`export KUBECONFIG=${status.kubeconfig}\n`);
  return status.up;
}

const command = process.argv[2] ?? 'status';
switch (command) {
  case 'up': {
    const started = Date.now();
    await clusterUp();
    process.stdout.write(`cluster:up took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    await printStatus();
    break;
  }
  case 'down': {
    const started = Date.now();
    await clusterDown();
    process.stdout.write(`cluster:down took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    break;
  }
  case 'status':
    process.exitCode = (await printStatus()) ? 0 : 1;
    break;
  default:
    process.stderr.write('usage: tsx scripts/cluster.ts up|down|status\n');
    process.exitCode = 2;
}
