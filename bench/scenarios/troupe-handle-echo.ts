import type { Scenario } from '../scenario.ts';
import { backendImportPath, callThrough, startTroupeCluster } from '../troupe-cluster.ts';
import { HANDLE_IN_FLIGHT } from './baseline-grpc-bidi-in-process.ts';

export const troupeHandleEcho: Scenario = {
  name: 'troupe-handle-echo',
  group: 'troupe',
  title: `Sync and async handles → 1 echo replica, ${HANDLE_IN_FLIGHT} calls in flight from this process`,
  needs: ['grpc-bidi-in-process'],
  async run(ctx) {
    // NoServer: handle calls should not share the machine with an idle proxy's upkeep.
    const { client } = await startTroupeCluster(ctx, { location: 'NoServer' });
    await client.createBackend('echo', backendImportPath('echo.mjs', 'echo'));
    await client.createEndpoint('echo', { backend: 'echo', methods: ['GET'] });
    for (const sync of [true, false]) {
      const handle = await client.getHandle('echo', { sync });
      // Proves the replica answers before the clock starts; warm-up then runs at full load.
      const reply = await callThrough(handle, 'hello world');
      if (reply !== 'hello world') throw new Error(`echo through a handle answered ${JSON.stringify(reply)}`);
      await ctx.measureInProcess({
        label: `${sync ? 'sync' : 'async'} in-flight=${HANDLE_IN_FLIGHT}`,
        inFlight: HANDLE_IN_FLIGHT,
        call: () => callThrough(handle, 'hello world'),
        baselines: [{ scenario: 'grpc-bidi-in-process', label: `in-flight=${HANDLE_IN_FLIGHT}` }],
      });
    }
  },
};
