// `troupe start` → `troupe deploy examples/app.yaml` → requests → Ctrl-C leaves nothing behind.
import { strict as assert } from 'node:assert';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from '@troupe/serve';
import { pollUntil } from '@troupe/test-kit';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const troupeBin = join(root, 'packages/cli/bin/troupe.js');
const run = promisify(execFile);

function troupe(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, [troupeBin, ...args], { cwd: root, timeout: 120_000 });
}

/** Pids of processes whose parent is `pid`, recursively. */
async function descendants(pid: number): Promise<number[]> {
  const { stdout } = await run('ps', ['-e', '-o', 'pid=,ppid=']);
  const children = new Map<number, number[]>();
  for (const line of stdout.trim().split('\n')) {
    const [child, parent] = line.trim().split(/\s+/).map(Number);
    children.set(parent!, [...(children.get(parent!) ?? []), child!]);
  }
  const found: number[] = [];
  const visit = (p: number): void => {
    for (const c of children.get(p) ?? []) {
      found.push(c);
      visit(c);
    }
  };
  visit(pid);
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('troupe CLI', function () {
  this.timeout(180_000);
  let cluster: ChildProcess | undefined;

  afterEach(() => {
    if (cluster && cluster.exitCode === null) cluster.kill('SIGKILL');
  });

  it('starts a cluster, deploys the example app, serves it, and stops cleanly on Ctrl-C', async () => {
    const adminPort = await freePort();
    const httpPort = await freePort();
    const address = `127.0.0.1:${adminPort}`;
    cluster = spawn(process.execPath, [troupeBin, 'start', '--port', String(adminPort), '--http-port', String(httpPort)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    cluster.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await pollUntil(() => output.includes('ready'), 60_000, 'troupe start to print ready');
    const children = await descendants(cluster.pid!);
    const commands = (await run('ps', ['-o', 'args=', '-p', children.join(',')])).stdout;
    for (const role of ['nats-server', ' head ', ' worker ', ' proxy ']) assert.ok(commands.includes(role), `a ${role.trim()} process runs`);

    const deployed = await troupe(['deploy', 'examples/app.yaml', '--address', address]);
    assert.match(deployed.stdout, /deployed examples\/app.yaml/);
    const reply = await fetch(`http://127.0.0.1:${httpPort}/api/ada?x=1`, { method: 'POST', body: 'hi' });
    assert.equal(reply.status, 200);
    assert.deepEqual(await reply.json(), { user: 'ada', method: 'POST', query: { x: '1' }, body: 'hi' });
    const greeting = await fetch(`http://127.0.0.1:${httpPort}/greet/bob`);
    assert.match(await greeting.text(), /^Hello, bob! \(from greeter#[a-z]{6}\)$/);

    // Deploying the same file again changes nothing and succeeds.
    await troupe(['deploy', 'examples/app.yaml', '--address', address]);
    const status = JSON.parse((await troupe(['status', '--json', '--address', address])).stdout);
    assert.equal(status.backends.find((b: { tag: string }) => b.tag === 'echo').replicas.length, 2);
    assert.deepEqual(status.endpoints.find((e: { name: string }) => e.name === 'echo').methods, ['GET', 'POST']);
    const table = (await troupe(['status', '--address', address])).stdout;
    assert.match(table, /BACKEND/);
    assert.match(table, /\/api\/\{username\}/);

    const exited = new Promise<number | null>((resolve) => cluster!.once('exit', resolve));
    cluster.kill('SIGINT');
    assert.equal(await exited, 0);
    await pollUntil(() => children.every((pid) => !alive(pid)), 15_000, 'every child process to exit');
  });

  it('refuses an invalid app file, naming the field, and changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'troupe-app-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'backends:\n  - name: a\n    importPath: ./x.mjs\n    config: { numReplicas: -1 }\n');
    await assert.rejects(troupe(['deploy', file, '--address', '127.0.0.1:1']), (error: { stderr: string }) => {
      assert.match(error.stderr, /backends\[0\]\.config\.numReplicas: must be >= 0/);
      return true;
    });
    writeFileSync(file, 'endpoints:\n  - name: e\n    route: /x\n    backend: b\n    colour: red\n');
    await assert.rejects(troupe(['deploy', file, '--address', '127.0.0.1:1']), (error: { stderr: string }) => {
      assert.match(error.stderr, /endpoints\[0\]\.colour: unknown field/);
      return true;
    });
  });
});
