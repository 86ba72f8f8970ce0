import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { UnaryClient } from '@troupe/common';
import { WorkerControlService } from '@troupe/protocol';
import { workerOptionsFromCommandLine } from '../src/index.js';
import { eventually, fixtures, StubHead } from './worker-harness.js';

const entry = fileURLToPath(new URL('../src/main.ts', import.meta.url));

describe('worker process', function () {
  it('reads flags over environment variables', () => {
    const options = workerOptionsFromCommandLine(['worker', '--head', 'h:1', '--host', '0.0.0.0', '--port', '5000'], {
      TROUPE_HEAD_ADDRESS: 'ignored:2',
      TROUPE_NODE_ID: 'node-7',
      TROUPE_CODE_DIR: '/code',
      TROUPE_ADMIN_TOKEN: 'secret',
      TROUPE_WORKER_ADVERTISE_HOST: '10.0.0.7',
    });
    assert.deepEqual(
      [options.headAddress, options.nodeId, options.host, options.port, options.codeDir, options.adminToken, options.advertiseHost],
      ['h:1', 'node-7', '0.0.0.0', 5000, '/code', 'secret', '10.0.0.7'],
    );
    assert.equal(workerOptionsFromCommandLine(['worker'], {}).headAddress, '127.0.0.1:7420');
    const health = workerOptionsFromCommandLine(['worker', '--health-port', '7431'], { TROUPE_HEALTH_PORT: '1', TROUPE_HEALTH_HOST: '0.0.0.0' });
    assert.deepEqual([health.healthPort, health.healthHost], [7431, '0.0.0.0']);
    assert.equal(workerOptionsFromCommandLine(['worker'], {}).healthPort, undefined, 'no health server unless asked');
    assert.throws(() => workerOptionsFromCommandLine(['worker'], { TROUPE_HEALTH_PORT: 'x' }), /health-port/);
    assert.throws(() => workerOptionsFromCommandLine(['worker', 'extra'], {}), /unexpected argument "extra"/);
    assert.throws(() => workerOptionsFromCommandLine(['worker', '--port', 'x'], {}), /port: expected a number/);
  });

  it('logs "worker ready" with its address, registers, and exits 0 after a drain on SIGTERM', async () => {
    const head = await StubHead.start();
    const child = spawn(process.execPath, ['--import', 'tsx', entry, 'worker', '--head', head.address, '--node-id', 'node-9', '--host', '127.0.0.1'], {
      env: { ...process.env, TROUPE_CODE_DIR: fixtures, TROUPE_LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const lines = createInterface({ input: child.stdout });
      const ready = await new Promise<Record<string, unknown>>((resolve, reject) => {
        lines.on('line', (line) => {
          if (line.includes('worker ready')) resolve(JSON.parse(line) as Record<string, unknown>);
        });
        child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
      });
      const address = ready.address as string;
      assert.match(address, /^127\.0\.0\.1:\d+$/);
      const registration = await eventually(() => head.registrations[0], 10_000, 'a registration');
      assert.equal(registration.nodeId, 'node-9');
      assert.equal(registration.dataAddress, address);

      const control = new UnaryClient(WorkerControlService, 'WorkerControl', address);
      const status = await control.call<{ state: number }>('startReplica', {
        replicaTag: 'text#aaaaaa',
        backend: 'text',
        importPath: 'replies.mjs#text',
        config: { epoch: 1 },
      });
      assert.equal(status.state, 2);
      control.close();

      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    } finally {
      child.kill('SIGKILL');
      head.close();
    }
  });
});
