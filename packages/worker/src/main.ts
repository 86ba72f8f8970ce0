// The worker process: `node packages/worker/dist/main.js worker --head H:P --node-id N --host H`.
// The literal `worker` names the role on the command line. SIGTERM/SIGINT drain, then exit 0.
import { createLogger, exitWithParent, supervisorPid } from '@troupe/common';
import { startWorker } from './worker-node.js';
import { workerOptionsFromCommandLine } from './worker-options.js';

const logger = createLogger('worker');

async function main(): Promise<void> {
  const options = workerOptionsFromCommandLine(process.argv.slice(2), process.env);
  // User code in the replicas calls connect() without an address (composition through handles):
  // it must reach the head this worker registers with, wherever that is (a Service name on
  // Kubernetes). Set before the replica threads start, which copy the environment.
  if (options.headAddress !== undefined && !process.env.TROUPE_ADDRESS) process.env.TROUPE_ADDRESS = options.headAddress;
  const worker = await startWorker(options);
  let draining = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (draining) {
      // A second Ctrl-C means "now". A repeated SIGTERM (a supervisor stopping everything after
      // a terminal's SIGINT reached the whole group) lets the drain, bounded anyway, finish.
      if (signal === 'SIGINT') process.exit(0);
      return;
    }
    draining = true;
    logger.info({ signal }, 'worker stopping');
    worker.drain().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'drain failed');
        process.exit(0);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  // Under a local cluster: nothing may outlive the supervisor, even after a kill -9 of it.
  exitWithParent(supervisorPid(), () => onSignal('SIGTERM'));
  logger.info(
    { address: worker.address, workerId: worker.workerId, nodeId: worker.nodeId, head: options.headAddress, health: worker.healthAddress },
    `worker ready on ${worker.address}`,
  );
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'worker failed to start');
  process.exit(1);
});
