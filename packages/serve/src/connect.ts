// Entry points: start a local cluster, or connect to a running one.
import { LocalCluster } from './local-cluster.js';
import type { StartOptions } from './start-options.js';
import { replicaRelay, TroupeClient, type ConnectOptions } from './troupe-client.js';

/** Starts a local cluster in child processes (NATS included) and returns a client of it. */
export async function start(options: StartOptions = {}): Promise<TroupeClient> {
  const cluster = new LocalCluster(options);
  const info = await cluster.start();
  return new TroupeClient({ address: info.address, token: options.adminToken }, cluster);
}

/** A client of a running cluster. Inside a replica, with no address, it reaches the cluster running it. */
export async function connect(options: ConnectOptions = {}): Promise<TroupeClient> {
  // Inside a replica, a client without an explicit address calls endpoints through the worker;
  // the admin API is not reachable that way (replicas hold no admin credential).
  const relay = options.address === undefined ? replicaRelay() : undefined;
  if (relay) return new TroupeClient(options, undefined, relay);
  const client = new TroupeClient(options);
  await client.listEndpoints();
  return client;
}
