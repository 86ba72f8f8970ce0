// Entry points: start a local cluster, or connect to a running one.
import { LocalCluster } from './local-cluster.js';
import type { StartOptions } from './start-options.js';
import { TroupeClient, type ConnectOptions } from './troupe-client.js';

/** Starts a local cluster in child processes (NATS included) and returns a client of it. */
export async function start(options: StartOptions = {}): Promise<TroupeClient> {
  const cluster = new LocalCluster(options);
  const info = await cluster.start();
  return new TroupeClient({ address: info.address, token: options.adminToken }, cluster);
}

/** A client of a running cluster. Inside a replica, with no address, it reaches the cluster running it. */
export async function connect(options: ConnectOptions = {}): Promise<TroupeClient> {
  const client = new TroupeClient(options);
  await client.listEndpoints();
  return client;
}
