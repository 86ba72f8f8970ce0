// `troupe`: start a local cluster, deploy and delete app files, show status, shut down.
import { Command, InvalidArgumentError, Option } from 'commander';
import ora from 'ora';
import { TroupeError } from '@troupe/common';
import { connect, LocalCluster, type HttpLocation, type TroupeClient } from '@troupe/serve';
import { readAppFile } from './app-file.js';
import { deleteApp, deployApp, type DeployProgress } from './app-deployer.js';
import { statusJson, statusTables } from './status-view.js';

function integer(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new InvalidArgumentError('must be an integer');
  return parsed;
}

const addressOption = (): Option =>
  new Option('--address <host:port>', 'admin address of the head').default(process.env.TROUPE_ADDRESS ?? '127.0.0.1:7420');

function spinnerProgress(): DeployProgress & { stop(): void } {
  const spinner = ora({ stream: process.stdout });
  return {
    step: (text) => {
      spinner.start(text);
    },
    done: (text) => {
      spinner.succeed(text);
    },
    stop: () => spinner.stop(),
  };
}

async function withClient(address: string, action: (client: TroupeClient) => Promise<void>): Promise<void> {
  const client = await connect({ address });
  try {
    await action(client);
  } finally {
    await client.close();
  }
}

async function startCommand(options: Record<string, string | number | undefined>): Promise<void> {
  const cluster = new LocalCluster({
    nodes: options.nodes as number,
    port: options.port as number,
    natsUrl: options.natsUrl as string | undefined,
    httpOptions: {
      host: options.httpHost as string,
      port: options.httpPort as number,
      location: options.httpLocation as HttpLocation,
    },
  });
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('stopping the cluster...\n');
    void cluster.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const info = await cluster.start();
  const http = info.httpAddresses.map((a) => `http://${a}`).join(', ') || 'none (NoServer)';
  process.stdout.write(`Troupe cluster ready: admin ${info.address}, HTTP ${http}, logs ${info.logDir}\n`);
}

const program = new Command('troupe').description('Troupe: serve TypeScript code over HTTP and handles').showHelpAfterError();

program
  .command('start')
  .description('run a local cluster in the foreground (Ctrl-C stops it)')
  .option('--nodes <n>', 'nodes, one worker each', integer, 1)
  .addOption(new Option('--http-location <location>', 'where proxies run').choices(['HeadOnly', 'EveryNode', 'NoServer']).default('HeadOnly'))
  .option('--http-host <host>', 'HeadOnly proxy interface', '127.0.0.1')
  .option('--http-port <port>', 'HTTP port of every proxy', integer, 8000)
  .option('--port <port>', 'admin port of the head', integer, 7420)
  .option('--nats-url <url>', 'use this NATS instead of starting nats-server')
  .action(startCommand);

program
  .command('deploy <file>')
  .description('apply an app file and wait until it is served')
  .addOption(addressOption())
  .action(async (file: string, options: { address: string }) => {
    const app = readAppFile(file);
    await withClient(options.address, async (client) => {
      const progress = spinnerProgress();
      try {
        await deployApp(client, app, progress);
      } finally {
        progress.stop();
      }
    });
    process.stdout.write(`deployed ${file}\n`);
  });

program
  .command('delete <file>')
  .description('delete the endpoints and backends of an app file')
  .addOption(addressOption())
  .action(async (file: string, options: { address: string }) => {
    const app = readAppFile(file);
    await withClient(options.address, (client) => deleteApp(client, app, spinnerProgress()));
  });

program
  .command('status')
  .description('backends, endpoints, workers and proxies')
  .addOption(addressOption())
  .option('--json', 'machine-readable output')
  .action(async (options: { address: string; json?: boolean }) => {
    await withClient(options.address, async (client) => {
      const status = await client.status();
      process.stdout.write(options.json ? `${JSON.stringify(statusJson(status), null, 2)}\n` : `${statusTables(status)}\n`);
    });
  });

program
  .command('shutdown')
  .description('stop the cluster')
  .addOption(addressOption())
  .action(async (options: { address: string }) => {
    const client = await connect({ address: options.address });
    await client.shutdown();
    process.stdout.write('cluster shutting down\n');
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  const message = error instanceof TroupeError ? `${error.name}: ${error.message}` : String((error as Error)?.message ?? error);
  process.stderr.write(`troupe: ${message}\n`);
  process.exit(1);
});
