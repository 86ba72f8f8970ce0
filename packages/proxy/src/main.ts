// Process entry: `node packages/proxy/dist/main.js proxy --nats-url ... --port 8000 ...`. The
// literal `proxy` names the role on the command line. SIGTERM/SIGINT drain, then exit 0; a
// second signal skips the rest of the drain period.
import { hostname } from 'node:os';
import {
  createLogger,
  DataPlane,
  dataMessageLimit,
  dataTokenFromEnv,
  exitWithParent,
  loadChannelCredentials,
  natsAuthOptions,
  supervisorPid,
  ValidationError,
} from '@troupe/common';
import { parseProxyCommandLine, PROXY_USAGE } from './command-line.js';
import { startProxy, type RunningProxy } from './proxy-server.js';

const logger = createLogger('proxy');

async function main(argv: string[]): Promise<void> {
  const [role, ...args] = argv;
  if (role !== 'proxy') {
    logger.fatal(`the first argument must be "proxy"\n${PROXY_USAGE}`);
    process.exit(2);
  }
  const options = parseProxyCommandLine(args);
  // The node the proxy reports is the node whose replicas it prefers under EveryNode.
  const nodeId = options.nodeId ?? hostname();
  // NATS credentials and TLS to workers come from the environment, as for every component.
  const proxy = await startProxy({
    ...options,
    nodeId,
    natsOptions: natsAuthOptions(),
    dataPlane: new DataPlane({
      logger,
      credentials: loadChannelCredentials(),
      nodeId,
      token: dataTokenFromEnv(),
      // The body limit plus framing: every body the proxy accepts fits in a frame.
      maxMessageBytes: dataMessageLimit(options.bodyLimitBytes),
    }),
  });
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    signals++;
    logger.info({ signal }, signals === 1 ? 'stopping: draining first' : 'stopping now');
    void (signals === 1 ? proxy.drain() : proxy.close()).then(() => exit(proxy, 0));
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  exitWithParent(supervisorPid(), () => {
    logger.warn('supervisor gone; stopping');
    void proxy.close().then(() => exit(proxy, 0));
  });
}

function exit(proxy: RunningProxy, code: number): void {
  logger.info({ proxyId: proxy.proxyId }, 'proxy exited');
  process.exit(code);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ValidationError) {
    logger.fatal(error.message);
    process.exit(2);
  }
  logger.fatal({ err: error }, 'proxy failed to start');
  process.exit(1);
});
