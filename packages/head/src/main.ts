// Process entry: `node dist/main.js head --nats-url URL [--address HOST:PORT] [--http-location L]
// [--health-port P] [--health-host H]`.
import { parseArgs } from 'node:util';
import {
  createLogger,
  exitWithParent,
  loadChannelCredentials,
  loadServerCredentials,
  dataTokenFromEnv,
  natsAuthOptions,
  parseHealthPort,
  natsUser,
  supervisorPid,
} from '@troupe/common';
import { startHeadServer } from './head-server.js';

const logger = createLogger('head');

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(3),
    options: {
      'nats-url': { type: 'string', default: process.env.TROUPE_NATS_URL ?? 'nats://127.0.0.1:4222' },
      address: { type: 'string', default: process.env.TROUPE_HEAD_ADDRESS ?? '127.0.0.1:7420' },
      'http-location': { type: 'string', default: process.env.TROUPE_HTTP_LOCATION ?? 'HeadOnly' },
      'health-port': { type: 'string', default: process.env.TROUPE_HEALTH_PORT },
      'health-host': { type: 'string', default: process.env.TROUPE_HEALTH_HOST },
    },
  });
  const parent = supervisorPid();
  const server = await startHeadServer({
    natsUrl: values['nats-url']!,
    address: values.address!,
    httpLocation: values['http-location']!,
    healthPort: parseHealthPort(values['health-port']),
    healthHost: values['health-host'] || undefined,
    adminToken: process.env.TROUPE_ADMIN_TOKEN || undefined,
    dataToken: dataTokenFromEnv(),
    serverCredentials: loadServerCredentials(),
    workerCredentials: loadChannelCredentials(),
    natsOptions: natsAuthOptions(),
    clientNatsCredentials: process.env.TROUPE_NATS_CLIENT_PASSWORD
      ? { user: process.env.TROUPE_NATS_CLIENT_USER || natsUser('client'), password: process.env.TROUPE_NATS_CLIENT_PASSWORD }
      : undefined,
    logger,
    onShutdown: () => {
      // A local cluster stops as a whole: ask the supervisor; alone, just exit.
      if (parent) process.kill(parent, 'SIGTERM');
      else process.exit(0);
    },
  });
  logger.info({ address: server.address, headId: server.head.id, health: server.healthAddress }, 'head ready');
  const stop = (): void => {
    void server.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  exitWithParent(parent, stop);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'head failed to start');
  process.exit(1);
});
