// A local cluster for end-to-end tests: free admin and HTTP ports, fixtures as the code directory.
import { freePort, start, type StartOptions, type TroupeClient } from '@troupe/serve';

export interface ServingCluster {
  client: TroupeClient;
  /** `http://127.0.0.1:<port>` of the HeadOnly proxy. */
  base: string;
}

export async function startServingCluster(options: StartOptions & { codeDir: string }): Promise<ServingCluster> {
  const port = await freePort();
  const client = await start({ port: 0, ...options, httpOptions: { ...options.httpOptions, port } });
  return { client, base: `http://127.0.0.1:${port}` };
}
