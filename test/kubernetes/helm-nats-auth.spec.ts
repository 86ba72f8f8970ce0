// The chart's NATS: rendered by `helm template`, its configuration runs in a real nats-server with
// passwords such as the operator generates, and enforces the same per-role permissions as a local
// cluster. The chart renders no password at all (the operator makes them, or the installation
// gives its own Secret); pods name the Secret, never a value.
import { strict as assert } from 'node:assert';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect as natsConnect, type NatsConnection } from 'nats';
import { parseAllDocuments } from 'yaml';
import { NATS_ROLES, natsServerConfig, natsUser, natsUserOptions, SNAPSHOT_DIRECT_GET_SUBJECT, type NatsRole } from '@troupe/common';
import { SNAPSHOT_SUBJECT, STATE_BUCKET } from '@troupe/protocol';
import { randomAlphanumeric } from '@troupe/operator';
import { freePort } from '@troupe/serve';
import { pollUntil, skipWithReason } from '@troupe/test-kit';

const chart = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'helm', 'troupe');

interface Manifest {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  spec?: { template?: { spec?: { containers?: Array<{ name: string; args?: string[]; env?: Array<{ name: string; value?: string }> }> } } };
}

function helmBinary(): string | undefined {
  const path = join(process.env.TROUPE_TEST_BIN ?? join(homedir(), '.cache', 'troupe', 'test-bin'), 'helm');
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    return undefined;
  }
}

/** The `permissions: {...}` of each user line of a nats-server configuration. */
function permissionsByUser(config: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of config.matchAll(/\{ user: "([^"]+)", password: [^,]+, (permissions: .*) \}$/gm)) found.set(match[1]!, match[2]!);
  return found;
}

function natsServerVersion(): [number, number] {
  const text = execFileSync(process.env.TROUPE_NATS_SERVER ?? 'nats-server', ['--version'], { encoding: 'utf8' });
  const match = /(\d+)\.(\d+)/.exec(text);
  return [Number(match?.[1] ?? 0), Number(match?.[2] ?? 0)];
}

describe('Helm chart: NATS users and permissions (helm template + a real nats-server)', function () {
  this.timeout(60_000);
  let helm: string;
  let manifests: Manifest[];
  let dir: string | undefined;
  let nats: ChildProcess | undefined;
  const connections: NatsConnection[] = [];

  function render(...values: string[]): Manifest[] {
    const text = execFileSync(helm, ['template', 'demo', chart, '--namespace', 'default', ...values], { encoding: 'utf8' });
    return parseAllDocuments(text)
      .map((doc) => doc.toJS() as Manifest | null)
      .filter((m): m is Manifest => m !== null);
  }

  function find(kind: string, name: string, from = manifests): Manifest {
    const manifest = from.find((m) => m.kind === kind && m.metadata.name === name);
    assert.ok(manifest, `${kind}/${name} is rendered`);
    return manifest;
  }

  // What the operator would put in the Secret (natsAuthSecret): letters and digits.
  const secrets: Record<NatsRole, string> = { head: randomAlphanumeric(40), proxy: randomAlphanumeric(40), client: randomAlphanumeric(40) };

  function secretRefs(manifest: Manifest): Array<{ variable: string; name: string; key: string }> {
    const containers = (manifest.spec?.template?.spec?.containers ?? []) as Array<{ env?: Array<{ name: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }> }>;
    return containers.flatMap((c) => (c.env ?? []).flatMap((v) => (v.valueFrom?.secretKeyRef ? [{ variable: v.name, ...v.valueFrom.secretKeyRef }] : [])));
  }

  before(function () {
    const found = helmBinary();
    if (!found) skipWithReason(this, 'helm is not built yet (scripts/build-test-binaries.sh puts it in ~/.cache/troupe/test-bin)');
    helm = found;
    manifests = render();
  });

  afterEach(async () => {
    for (const connection of connections.splice(0)) await connection.close().catch(() => undefined);
  });

  after(async () => {
    if (nats && nats.exitCode === null) {
      const exited = new Promise((resolve) => nats!.once('exit', resolve));
      nats.kill('SIGTERM');
      await exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('gives each role the permissions the local cluster gives it, and syncs every acknowledged write', () => {
    const config = find('ConfigMap', 'demo-troupe-nats-config').data?.['nats.conf'] ?? '';
    assert.match(config, /sync_interval: always/);
    const local = natsServerConfig({ host: '127.0.0.1', port: 4222, storeDir: '/data', syncAlways: true, passwords: { head: 'h', proxy: 'p', client: 'c' } });
    const chartPermissions = permissionsByUser(config);
    assert.deepEqual([...chartPermissions.keys()].sort(), NATS_ROLES.map(natsUser).sort());
    assert.deepEqual(chartPermissions, permissionsByUser(local));
    // No password is written into the configuration: nats-server reads them from its environment.
    assert.doesNotMatch(config, /password: "/);
  });

  it('renders no password: every pod names the NATS Secret, which the operator makes unless one is given', () => {
    assert.deepEqual(manifests.filter((m) => m.kind === 'Secret').map((m) => m.metadata.name), [], 'a default render holds no Secret');
    const natsRefs = (name: string, from = manifests): string[] =>
      secretRefs(find('Deployment', name, from)).filter((r) => r.key.endsWith('-password')).map((r) => `${r.variable}=${r.name}/${r.key}`);
    assert.deepEqual(natsRefs('demo-troupe-nats'), NATS_ROLES.map((role) => `TROUPE_NATS_${role.toUpperCase()}_PASSWORD=demo-troupe-nats-auth/${role}-password`));
    assert.deepEqual(natsRefs('demo-troupe-head'), ['TROUPE_NATS_PASSWORD=demo-troupe-nats-auth/head-password', 'TROUPE_NATS_CLIENT_PASSWORD=demo-troupe-nats-auth/client-password']);
    // Workers relay their replicas' handle calls: the read-only client user only.
    assert.deepEqual(natsRefs('demo-troupe-worker'), ['TROUPE_NATS_PASSWORD=demo-troupe-nats-auth/client-password']);
    const worker = find('Deployment', 'demo-troupe-worker').spec!.template!.spec!.containers![0]!;
    assert.equal(worker.env?.find((v) => v.name === 'TROUPE_NATS_USER')?.value, 'troupe-client');
    const operatorEnv = (from = manifests): Record<string, string | undefined> =>
      Object.fromEntries((find('Deployment', 'demo-troupe-operator', from).spec!.template!.spec!.containers![0]!.env ?? []).map((v) => [v.name, v.value]));
    assert.equal(operatorEnv().TROUPE_PROXY_NATS_SECRET, 'demo-troupe-nats-auth');
    assert.equal(operatorEnv().TROUPE_NATS_AUTH_SECRET, 'demo-troupe-nats-auth', 'the operator is told to make it');

    // A given Secret: every pod and the proxies use it, and the operator makes none.
    const given = render('--set', 'nats.auth.existingSecret=my-nats');
    assert.deepEqual(given.filter((m) => m.kind === 'Secret').map((m) => m.metadata.name), []);
    for (const name of ['demo-troupe-nats', 'demo-troupe-head', 'demo-troupe-worker']) {
      for (const ref of natsRefs(name, given)) assert.match(ref, /=my-nats\//, `${name}: ${ref}`);
    }
    assert.equal(operatorEnv(given).TROUPE_PROXY_NATS_SECRET, 'my-nats');
    assert.equal(operatorEnv(given).TROUPE_NATS_AUTH_SECRET, undefined);
  });

  it('runs in nats-server: anonymous refused, only the head publishes snapshots and writes the state bucket', async () => {
    const [major, minor] = natsServerVersion();
    // nats-server before 2.10 does not know sync_interval (docs/security.md).
    const rendered = major > 2 || (major === 2 && minor >= 10) ? manifests : render('--set', 'nats.syncInterval=');
    dir = mkdtempSync(join(tmpdir(), 'troupe-chart-nats-'));
    const port = await freePort();
    const monitor = await freePort();
    const config = (find('ConfigMap', 'demo-troupe-nats-config', rendered).data?.['nats.conf'] ?? '')
      .replace(/listen: "0\.0\.0\.0:\d+"/, `listen: "127.0.0.1:${port}"`)
      .replace(/http: 8222/, `http: "127.0.0.1:${monitor}"`)
      .replace(/store_dir: "\/data"/, `store_dir: ${JSON.stringify(join(dir, 'data'))}`);
    const file = join(dir, 'nats.conf');
    writeFileSync(file, config, { mode: 0o600 });
    let output = '';
    nats = spawn(process.env.TROUPE_NATS_SERVER ?? 'nats-server', ['-c', file], {
      env: {
        ...process.env,
        TROUPE_NATS_HEAD_PASSWORD: secrets.head,
        TROUPE_NATS_PROXY_PASSWORD: secrets.proxy,
        TROUPE_NATS_CLIENT_PASSWORD: secrets.client,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    nats.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    nats.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await pollUntil(() => output.includes('Server is ready'), 15_000, `nats-server with the chart's configuration: ${output}`);
    const url = `nats://127.0.0.1:${port}`;
    const as = async (role: NatsRole): Promise<NatsConnection> => {
      const connection = await natsConnect({ servers: url, reconnect: false, timeout: 5_000, ...natsUserOptions(natsUser(role), secrets[role]) });
      connections.push(connection);
      return connection;
    };

    await assert.rejects(natsConnect({ servers: url, reconnect: false, timeout: 2_000 }), /AUTHORIZATION_VIOLATION|Authorization/i);
    const head = await as('head');
    const kv = await head.jetstream().views.kv(STATE_BUCKET, { history: 8 });
    await kv.put('snapshot', new TextEncoder().encode('stored'));

    const proxy = await as('proxy');
    const client = await as('client');
    const stored = await proxy.request(SNAPSHOT_DIRECT_GET_SUBJECT, new Uint8Array(0), { timeout: 5_000 });
    assert.equal(new TextDecoder().decode(stored.data), 'stored', 'proxies read the stored snapshot');
    await assert.rejects(proxy.jetstream().publish(`$KV.${STATE_BUCKET}.desired`, new Uint8Array([1]), { timeout: 2_000 }));

    const received: string[] = [];
    client.subscribe(SNAPSHOT_SUBJECT, { callback: (_error, message) => received.push(new TextDecoder().decode(message.data)) });
    await client.flush();
    proxy.publish(SNAPSHOT_SUBJECT, new TextEncoder().encode('forged by a proxy'));
    client.publish(SNAPSHOT_SUBJECT, new TextEncoder().encode('forged by a client'));
    await Promise.all([proxy.flush().catch(() => undefined), client.flush().catch(() => undefined)]);
    head.publish(SNAPSHOT_SUBJECT, new TextEncoder().encode('from the head'));
    await head.flush();
    await pollUntil(() => received.includes('from the head'), 5_000, 'the head snapshot');
    assert.deepEqual(received, ['from the head']);
  });
});
