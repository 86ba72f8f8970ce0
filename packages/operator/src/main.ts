// Process entry: `node dist/main.js operator --head HOST:PORT [flags]`; every flag also has an
// environment variable (see operator-options.ts), which is how the Helm chart configures it.
import { createLogger } from '@troupe/common';
import { OperatorConfigError } from './errors.js';
import { ensureInstallationSecrets } from './installation-secrets.js';
import { KubeClient } from './kube-client.js';
import { Operator } from './operator.js';
import { resolveOperatorOptions } from './operator-options.js';
import { runUninstallCleanup } from './uninstall-cleanup.js';

const logger = createLogger('operator');
// After an orderly stop the Lease is released at once; this bounds how long that may take.
const STOP_DEADLINE_MS = 10_000;

async function main(): Promise<void> {
  const role = process.argv[2];
  if (role !== 'operator') throw new OperatorConfigError(`usage: main.js operator [flags]; got ${JSON.stringify(role ?? '')}`);
  const options = resolveOperatorOptions(process.argv.slice(3));
  if (options.releaseFinalizers) {
    const kube = KubeClient.fromDefault(options.kubeconfig);
    const namespace = options.namespace ?? kube.defaultNamespace;
    await runUninstallCleanup({
      kube,
      logger,
      namespace,
      watchNamespace: options.watchNamespace ?? namespace,
      leaseName: options.leaseName,
      leaseDurationMs: options.leaseDurationMs,
      ...(options.ownerDeployment === undefined ? {} : { operatorDeployment: options.ownerDeployment }),
    });
    process.exit(0);
  }
  // Before anything else: head, workers, NATS and proxies wait for these Secrets.
  const adminToken = await ensureInstallationSecrets(KubeClient.fromDefault(options.kubeconfig), options, logger);
  if (adminToken !== undefined) options.adminToken ??= adminToken;
  const operator = new Operator(options, { logger: createLogger('operator', { identity: options.identity }) });
  operator.start();
  logger.info({ identity: options.identity }, 'operator ready');

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    const deadline = setTimeout(() => {
      logger.warn('stop took too long; exiting');
      process.exit(1);
    }, STOP_DEADLINE_MS);
    deadline.unref();
    void operator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'operator failed to start');
  process.exit(error instanceof OperatorConfigError ? 2 : 1);
});
