import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';
import { ADMIN_USER, generateKubeCertificates, type KubeCertificates } from './kube-certificates.js';
import {
  debug,
  describeFailure,
  killNow,
  removeDirSync,
  spawnLogged,
  startOrphanReaper,
  stopProcess,
  type LoggedProcess,
} from './kube-process.js';
import { findKubectl, findTestBinary } from './kube-test-binaries.js';

export { defaultTestBinDir, findKubectl, findTestBinary, testBinDir } from './kube-test-binaries.js';
export { freePort } from './free-port.js';

export interface KubeControlPlaneOptions {
  /** YAML files in this directory are applied after start-up; defaults to the repo's deploy/crds. */
  crdDir?: string;
  /** Where etcd, kube-apiserver and helm are; defaults to TROUPE_TEST_BIN, then ~/.cache/troupe/test-bin. */
  binDir?: string;
}

export interface CommandResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface KubeControlPlane {
  readonly kubeconfigPath: string;
  /** https://127.0.0.1:<port> */
  readonly server: string;
  /**
   * Environment for child processes that should talk to this API server. KUBECACHEDIR keeps
   * kubectl's discovery cache per control plane: the cache is keyed by host:port, and a later
   * control plane reusing the port would otherwise be described by stale discovery data.
   */
  readonly env: { KUBECONFIG: string; KUBECACHEDIR: string };
  kubectl(args: string[], options?: { input?: string }): Promise<CommandResult>;
  /** helm from the test-binary cache, pointed at this API server, with its state kept in the temp dir. */
  helm(args: string[]): Promise<CommandResult>;
  /** Applies every YAML file in dir; waits until each CRD among them is Established and discoverable. */
  applyCrds(dir: string): Promise<string[]>;
  stop(): Promise<void>;
}

const START_DEADLINE_MS = 120_000;
const POLL_INTERVAL_MS = 250;
const PORT_ATTEMPTS = 3;

// src/ and dist/ are both one level below the package, so this works compiled or under tsx.
const DEFAULT_CRD_DIR = fileURLToPath(new URL('../../../deploy/crds', import.meta.url));

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls until check() returns a value. Fails early when a watched process dies, because a
 * crashed server would otherwise surface only as a timeout without its log.
 */
async function pollUntil<T>(
  what: string,
  check: () => Promise<T | undefined>,
  watch: LoggedProcess[],
  timeoutMs = START_DEADLINE_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  for (;;) {
    for (const proc of watch) {
      if (proc.hasExited()) throw describeFailure(proc, `${proc.name} exited (${await proc.exited}) while waiting for ${what}`);
    }
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = (err as Error).message;
    }
    if (Date.now() > deadline) {
      const detail = lastError === '' ? '' : ` (last error: ${lastError})`;
      const last = watch.at(-1);
      const message = `timed out after ${timeoutMs} ms waiting for ${what}${detail}`;
      throw last === undefined ? new Error(message) : describeFailure(last, message);
    }
    await delay(POLL_INTERVAL_MS);
  }
}

interface HttpReply {
  status: number;
  body: string;
}

function httpGet(url: string, tls?: { ca: Buffer; cert: Buffer; key: Buffer }): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const options = { timeout: 5_000, ...(tls ?? {}) };
    const req = (tls ? httpsRequest : httpRequest)(url, options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(command, args, { env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === 'number' ? err.code : -1;
      if (err !== null && typeof err.code === 'string') {
        reject(new Error(`could not run ${command}: ${err.message}`));
        return;
      }
      resolve({ stdout, stderr, code });
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Spawns a server on fresh ports, retrying when another process grabbed a port in between. */
async function startOnFreePorts(
  name: string,
  portCount: number,
  launch: (ports: number[], attempt: number) => LoggedProcess,
  ready: (proc: LoggedProcess, ports: number[]) => Promise<void>,
): Promise<{ proc: LoggedProcess; ports: number[] }> {
  for (let attempt = 1; ; attempt++) {
    const ports: number[] = [];
    while (ports.length < portCount) {
      const port = await freePort();
      if (!ports.includes(port)) ports.push(port);
    }
    const proc = launch(ports, attempt);
    try {
      await ready(proc, ports);
      return { proc, ports };
    } catch (err) {
      await stopProcess(proc, 2_000);
      const portTaken = /address already in use/i.test((err as Error).message);
      if (!portTaken || attempt >= PORT_ATTEMPTS) throw err;
      debug(`${name} lost a port race on attempt ${attempt}; retrying`);
    }
  }
}

async function startEtcd(etcdBin: string, dir: string): Promise<{ proc: LoggedProcess; url: string }> {
  const { proc, ports } = await startOnFreePorts(
    'etcd',
    2,
    ([client, peer], attempt) => {
      const clientUrl = `http://127.0.0.1:${client}`;
      const peerUrl = `http://127.0.0.1:${peer}`;
      return spawnLogged('etcd', etcdBin, [
        '--name=default',
        `--data-dir=${join(dir, `etcd-data-${attempt}`)}`,
        `--listen-client-urls=${clientUrl}`,
        `--advertise-client-urls=${clientUrl}`,
        `--listen-peer-urls=${peerUrl}`,
        `--initial-advertise-peer-urls=${peerUrl}`,
        `--initial-cluster=default=${peerUrl}`,
        // The data is thrown away after the test, so durability only costs time.
        '--unsafe-no-fsync',
        '--log-level=warn',
      ], join(dir, 'etcd.log'));
    },
    async (proc, [client]) => {
      await pollUntil('etcd /health', async () => {
        const reply = await httpGet(`http://127.0.0.1:${client}/health`);
        return reply.status === 200 && reply.body.includes('"true"') ? true : undefined;
      }, [proc]);
    },
  );
  return { proc, url: `http://127.0.0.1:${ports[0]}` };
}

function apiServerArgs(port: number, etcdUrl: string, dir: string, certs: KubeCertificates): string[] {
  return [
    `--etcd-servers=${etcdUrl}`,
    `--secure-port=${port}`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    `--cert-dir=${join(dir, 'apiserver-certs')}`,
    `--tls-cert-file=${certs.servingCert}`,
    `--tls-private-key-file=${certs.servingKey}`,
    `--client-ca-file=${certs.caCert}`,
    '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
    `--service-account-key-file=${certs.serviceAccountPublicKey}`,
    `--service-account-signing-key-file=${certs.serviceAccountKey}`,
    '--service-cluster-ip-range=10.96.0.0/16',
    '--authorization-mode=RBAC',
    // No controller-manager runs, so nothing creates the default ServiceAccount that this
    // plugin would demand of every Pod.
    '--disable-admission-plugins=ServiceAccount',
    '--allow-privileged=true',
    '--profiling=false',
  ];
}

async function startApiServer(
  apiServerBin: string,
  dir: string,
  etcd: LoggedProcess,
  etcdUrl: string,
  certs: KubeCertificates,
  tls: { ca: Buffer; cert: Buffer; key: Buffer },
): Promise<{ proc: LoggedProcess; port: number }> {
  const { proc, ports } = await startOnFreePorts(
    'kube-apiserver',
    1,
    ([port]) => spawnLogged('kube-apiserver', apiServerBin, apiServerArgs(port!, etcdUrl, dir, certs), join(dir, 'kube-apiserver.log')),
    async (proc, [port]) => {
      const base = `https://127.0.0.1:${port}`;
      const ok = async (path: string): Promise<true | undefined> =>
        (await httpGet(`${base}${path}`, tls)).status === 200 ? true : undefined;
      await pollUntil('kube-apiserver /readyz', () => ok('/readyz'), [etcd, proc]);
      // /readyz can pass before the bootstrap controller has created the default namespace.
      await pollUntil('the default namespace', () => ok('/api/v1/namespaces/default'), [etcd, proc]);
      await pollUntil('API discovery', async () => ((await ok('/api')) && (await ok('/apis')) ? true : undefined), [etcd, proc]);
    },
  );
  return { proc, port: ports[0]! };
}

async function writeKubeconfig(path: string, server: string, certs: KubeCertificates): Promise<void> {
  const b64 = async (file: string): Promise<string> => (await readFile(file)).toString('base64');
  // JSON is valid YAML, and embedding the data keeps the file usable after being copied.
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'troupe-test', cluster: { server, 'certificate-authority-data': await b64(certs.caCert) } }],
    users: [{
      name: ADMIN_USER,
      user: { 'client-certificate-data': await b64(certs.adminCert), 'client-key-data': await b64(certs.adminKey) },
    }],
    contexts: [{ name: 'troupe-test', context: { cluster: 'troupe-test', user: ADMIN_USER, namespace: 'default' } }],
    'current-context': 'troupe-test',
  };
  await writeFile(path, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
}

interface CrdServing {
  group: string;
  plural: string;
  versions: string[];
}

function servedVersions(crdJson: string): CrdServing {
  const crd = JSON.parse(crdJson) as {
    spec: { group: string; names: { plural: string }; versions: { name: string; served: boolean }[] };
  };
  return {
    group: crd.spec.group,
    plural: crd.spec.names.plural,
    versions: crd.spec.versions.filter((v) => v.served).map((v) => v.name),
  };
}

/** Starts etcd and kube-apiserver on free loopback ports, with a fresh PKI and kubeconfig. */
export async function startKubeControlPlane(options: KubeControlPlaneOptions = {}): Promise<KubeControlPlane> {
  const binDirOption = options.binDir === undefined ? {} : { binDir: options.binDir };
  const etcdBin = findTestBinary('etcd', binDirOption);
  const apiServerBin = findTestBinary('kube-apiserver', binDirOption);
  const kubectlBin = findKubectl(binDirOption);

  const dir = await mkdtemp(join(tmpdir(), 'troupe-kube-'));
  const running: LoggedProcess[] = [];
  let reaper: ReturnType<typeof startOrphanReaper> | undefined;
  // Covers a test process that ends without calling stop(); 'exit' allows only sync work.
  const onExit = (): void => {
    for (const proc of running) killNow(proc);
    removeDirSync(dir);
  };
  process.once('exit', onExit);
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      for (const proc of [...running].reverse()) await stopProcess(proc);
      reaper?.disarm();
      process.removeListener('exit', onExit);
      removeDirSync(dir);
    })();
    return stopped;
  };

  try {
    const certs = await generateKubeCertificates(dir);
    const tls = {
      ca: await readFile(certs.caCert),
      cert: await readFile(certs.adminCert),
      key: await readFile(certs.adminKey),
    };
    const etcd = await startEtcd(etcdBin, dir);
    running.push(etcd.proc);
    const apiServer = await startApiServer(apiServerBin, dir, etcd.proc, etcd.url, certs, tls);
    running.push(apiServer.proc);
    reaper = startOrphanReaper(dir, running.map((p) => p.child.pid).filter((pid): pid is number => pid !== undefined));

    const server = `https://127.0.0.1:${apiServer.port}`;
    const kubeconfigPath = join(dir, 'kubeconfig');
    await writeKubeconfig(kubeconfigPath, server, certs);
    const env = { KUBECONFIG: kubeconfigPath, KUBECACHEDIR: join(dir, 'kube-cache') };
    const childEnv = { ...process.env, ...env };

    const kubectl = (args: string[], opts: { input?: string } = {}): Promise<CommandResult> =>
      runCommand(kubectlBin, ['--kubeconfig', kubeconfigPath, '--cache-dir', env.KUBECACHEDIR, ...args], childEnv, opts.input);

    const helm = (args: string[]): Promise<CommandResult> =>
      runCommand(findTestBinary('helm', binDirOption), args, {
        ...childEnv,
        HELM_CACHE_HOME: join(dir, 'helm', 'cache'),
        HELM_CONFIG_HOME: join(dir, 'helm', 'config'),
        HELM_DATA_HOME: join(dir, 'helm', 'data'),
      });

    const getJson = async (path: string): Promise<HttpReply> => httpGet(`${server}${path}`, tls);

    const applyCrds = async (crdDir: string): Promise<string[]> => {
      const files = (await readdir(crdDir)).filter((f) => /\.ya?ml$/i.test(f)).sort();
      if (files.length === 0) return [];
      const applied = await kubectl(['apply', '-o', 'name', ...files.flatMap((f) => ['-f', join(crdDir, f)])]);
      if (applied.code !== 0) throw new Error(`kubectl apply of ${crdDir} failed: ${applied.stderr || applied.stdout}`);
      const crds = applied.stdout
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.startsWith('customresourcedefinition.apiextensions.k8s.io/'))
        .map((l) => l.slice(l.indexOf('/') + 1));
      for (const name of crds) {
        const waited = await kubectl(['wait', '--for=condition=Established', '--timeout=60s', `customresourcedefinition/${name}`]);
        if (waited.code !== 0) throw new Error(`CRD ${name} did not become Established: ${waited.stderr || waited.stdout}`);
        const crd = await getJson(`/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}`);
        const serving = servedVersions(crd.body);
        for (const version of serving.versions) {
          // Established does not guarantee the discovery document already lists the resource.
          await pollUntil(`${serving.plural}.${serving.group}/${version} in discovery`, async () => {
            const reply = await getJson(`/apis/${serving.group}/${version}`);
            if (reply.status !== 200) return undefined;
            const list = JSON.parse(reply.body) as { resources?: { name: string }[] };
            return list.resources?.some((r) => r.name === serving.plural) ? true : undefined;
          }, running, 60_000);
        }
      }
      return crds;
    };

    const crdDir = options.crdDir ?? (existsSync(DEFAULT_CRD_DIR) ? DEFAULT_CRD_DIR : undefined);
    if (crdDir !== undefined) await applyCrds(crdDir);
    debug(`control plane ready at ${server} (kubeconfig ${kubeconfigPath})`);

    return { kubeconfigPath, server, env, kubectl, helm, applyCrds, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
