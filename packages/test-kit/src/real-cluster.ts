// A real Kubernetes cluster on this machine for end-to-end tests: etcd, kube-apiserver,
// kube-controller-manager and kube-scheduler in a control-plane network namespace, and nodes
// that each run containerd, kubelet and kube-proxy in their own namespace, with CoreDNS. It
// outlives the process that brings it up (tests reuse it); `clusterDown` removes everything.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { cgroupHierarchies, createCgroup, killCgroupTree } from './cluster-cgroups.js';
import { containerdDaemon, controlPlaneDaemons, nodeAgentDaemons, writeNodeFiles } from './cluster-components.js';
import { daemonAlive, logTailOf, startDaemon, type DaemonRecord, type DaemonSpec } from './cluster-daemons.js';
import { clusterDnsManifests } from './cluster-dns.js';
import { buildCoreDnsImage, buildPauseImage } from './cluster-images.js';
import { clusterLayout, type ClusterLayout, type RealClusterOptions } from './cluster-layout.js';
import { createClusterNetwork, removeClusterNetwork } from './cluster-network.js';
import { generateClusterPki, pkiPaths } from './cluster-pki.js';
import { hostCommand, type HostCommandResult } from './host-command.js';
import { findKubectl } from './kube-test-binaries.js';
import type { OciImage } from './oci-image.js';

export type { RealClusterOptions } from './cluster-layout.js';

export interface RealClusterNode {
  name: string;
  /** The node's address on the bridge, reachable from the host. */
  ip: string;
}

export interface RealCluster {
  readonly kubeconfigPath: string;
  readonly server: string;
  readonly nodes: RealClusterNode[];
  /** Environment for kubectl/helm children pointed at this cluster. */
  readonly env: Record<string, string>;
  kubectl(args: string[], options?: { input?: string; allowFailure?: boolean }): Promise<HostCommandResult>;
  helm(args: string[], options?: { allowFailure?: boolean }): Promise<HostCommandResult>;
  /** Imports an OCI layout tar into every node's containerd and pins it (skipped where present). */
  importImage(image: OciImage): Promise<void>;
  /** Gives an imported image another reference on every node (pinned too): a "new" tag for upgrades. */
  tagImage(sourceRef: string, targetRef: string): Promise<void>;
}

interface ClusterState {
  daemons: DaemonRecord[];
  /** Host-wide sysctls the kubelet changes, as they were before, restored on down. */
  sysctls: Record<string, string>;
  /** Set once bring-up finished: a cluster without it is half up. */
  upSeconds: number;
}

// The kubelet sets these host-wide kernel settings at start.
const KUBELET_SYSCTLS = ['vm.overcommit_memory', 'vm.panic_on_oom', 'kernel.panic', 'kernel.panic_on_oops', 'kernel.keys.root_maxkeys', 'kernel.keys.root_maxbytes'];

const COREDNS_VERSION = 'v1.12.1';

function log(message: string): void {
  if (process.env['TROUPE_CLUSTER_QUIET'] !== '1') process.stderr.write(`[cluster] ${message}\n`);
}

function readState(layout: ClusterLayout): ClusterState | undefined {
  try {
    return JSON.parse(readFileSync(layout.stateFile, 'utf8')) as ClusterState;
  } catch {
    return undefined;
  }
}

async function poll<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>, watch: DaemonRecord[] = []): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  for (;;) {
    for (const d of watch) {
      if (!daemonAlive(d)) throw new Error(`${d.name} exited while waiting for ${what}; last lines of ${d.logFile}:\n${logTailOf(d.logFile)}`);
    }
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = (err as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (${lastError})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function apiGet(layout: ClusterLayout, path: string): Promise<number> {
  const pki = pkiPaths(layout);
  return new Promise((resolve, reject) => {
    const req = httpsRequest(`${layout.apiServerUrl}${path}`, {
      ca: readFileSync(pki.caCert),
      cert: readFileSync(join(pki.dir, 'admin.crt')),
      key: readFileSync(join(pki.dir, 'admin.key')),
      timeout: 3_000,
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${path} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

function handle(layout: ClusterLayout): RealCluster {
  const kubectlBin = findKubectl({ binDir: layout.binDir });
  const env = { KUBECONFIG: layout.kubeconfig, KUBECACHEDIR: join(layout.stateDir, 'kube-cache') };
  const helmEnv = {
    ...env,
    HELM_CACHE_HOME: join(layout.stateDir, 'helm', 'cache'),
    HELM_CONFIG_HOME: join(layout.stateDir, 'helm', 'config'),
    HELM_DATA_HOME: join(layout.stateDir, 'helm', 'data'),
  };
  const ctr = (node: (typeof layout.nodes)[number], args: string[]) =>
    hostCommand('ctr', ['--address', node.containerdSocket, '--namespace', 'k8s.io', ...args], { timeoutMs: 600_000 });
  return {
    kubeconfigPath: layout.kubeconfig,
    server: layout.apiServerUrl,
    nodes: layout.nodes.map((n) => ({ name: n.name, ip: n.ip })),
    env,
    kubectl: (args, options = {}) =>
      hostCommand(kubectlBin, ['--kubeconfig', layout.kubeconfig, '--cache-dir', env.KUBECACHEDIR, ...args], {
        env: { ...process.env, ...env },
        ...(options.input === undefined ? {} : { input: options.input }),
        allowFailure: options.allowFailure ?? false,
      }),
    helm: (args, options = {}) =>
      hostCommand(join(layout.binDir, 'helm'), args, { env: { ...process.env, ...helmEnv }, allowFailure: options.allowFailure ?? false, timeoutMs: 600_000 }),
    importImage: async (image) => {
      await Promise.all(layout.nodes.map(async (node) => {
        const listed = await ctr(node, ['images', 'ls', `name==${image.ref}`]);
        if (listed.stdout.includes(image.digest)) return;
        await ctr(node, ['images', 'import', image.file]);
        // ctr 1.6's import cannot label; the label keeps the kubelet's image GC away.
        await ctr(node, ['images', 'label', image.ref, 'io.cri-containerd.pinned=pinned']);
      }));
    },
    tagImage: async (sourceRef, targetRef) => {
      await Promise.all(layout.nodes.map(async (node) => {
        await ctr(node, ['images', 'tag', '--force', sourceRef, targetRef]);
        await ctr(node, ['images', 'label', targetRef, 'io.cri-containerd.pinned=pinned']);
      }));
    },
  };
}

/** The cluster as it is now: each daemon alive, the API server ready, each node Ready. */
export async function clusterHealth(options: RealClusterOptions = {}): Promise<{ healthy: boolean; problems: string[] }> {
  const layout = clusterLayout(options);
  const state = readState(layout);
  if (state === undefined) return { healthy: false, problems: ['no cluster is up'] };
  const problems = state.upSeconds > 0 ? [] : ['bring-up did not finish'];
  problems.push(...state.daemons.filter((d) => !daemonAlive(d)).map((d) => `${d.name} (pid ${d.pid}) is not running`));
  try {
    if ((await apiGet(layout, '/readyz')) !== 200) problems.push('kube-apiserver is not ready');
    const nodes = await handle(layout).kubectl(['get', 'nodes', '-o', 'jsonpath={range .items[*]}{.metadata.name}={.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}']);
    for (const node of layout.nodes) {
      if (!nodes.stdout.includes(`${node.name}=True`)) problems.push(`node ${node.name} is not Ready`);
    }
  } catch (err) {
    problems.push(`API server: ${(err as Error).message}`);
  }
  return { healthy: problems.length === 0, problems };
}

function checkPrerequisites(layout: ClusterLayout): void {
  const missing: string[] = [];
  for (const name of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet', 'kube-proxy', 'coredns', 'helm']) {
    if (!existsSync(join(layout.binDir, name))) missing.push(`${join(layout.binDir, name)} (scripts/build-test-binaries.sh cluster)`);
  }
  for (const file of ['/usr/bin/containerd', '/usr/bin/ctr', '/usr/sbin/runc', '/usr/lib/cni/bridge', '/usr/sbin/iptables', '/usr/sbin/conntrack', '/usr/bin/gcc', '/usr/bin/nsenter']) {
    if (!existsSync(file)) missing.push(`${file} (scripts/install-test-packages.sh)`);
  }
  if (missing.length > 0) throw new Error(`the real cluster needs: ${missing.join(', ')}`);
  if (process.getuid?.() !== 0) throw new Error('the real cluster needs root (network namespaces, cgroups, mounts)');
  if (cgroupHierarchies().length === 0) throw new Error('no cgroup v1 hierarchy is mounted under /sys/fs/cgroup');
}

function readSysctls(): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of KUBELET_SYSCTLS) {
    try {
      values[key] = readFileSync(`/proc/sys/${key.replaceAll('.', '/')}`, 'utf8').trim();
    } catch {
      // Not present in this kernel.
    }
  }
  return values;
}

/**
 * Brings the cluster up, or returns the one already up and healthy. A cluster left half up
 * (a crash, a reboot) is torn down first.
 */
export async function clusterUp(options: RealClusterOptions = {}): Promise<RealCluster> {
  const layout = clusterLayout(options);
  if (readState(layout) !== undefined) {
    const health = await clusterHealth(options);
    if (health.healthy) return handle(layout);
    log(`the cluster in ${layout.stateDir} is not healthy (${health.problems.join('; ')}); re-creating it`);
  }
  try {
    return await bringUp(layout, options);
  } catch (err) {
    // A daemon that dies at its very start (seen: a node's containerd, right after a teardown,
    // with nothing in its log) has not been explained yet; a second bring-up from a clean slate
    // has always worked. Once, then the error stands.
    log(`bring-up failed (${(err as Error).message.split('\n')[0]}); tearing down and trying once more`);
    return bringUp(layout, options);
  }
}

async function bringUp(layout: ClusterLayout, options: RealClusterOptions): Promise<RealCluster> {
  await clusterDown(options);
  checkPrerequisites(layout);
  const started = Date.now();
  mkdirSync(layout.controlPlane.dir, { recursive: true });
  mkdirSync(layout.imageDir, { recursive: true });
  const state: ClusterState = { daemons: [], sysctls: readSysctls(), upSeconds: 0 };
  // Recorded before anything runs, so a failed bring-up is still torn down completely.
  const save = () => writeFileSync(layout.stateFile, JSON.stringify(state, null, 2));
  save();
  const start = (spec: DaemonSpec): DaemonRecord => {
    const record = startDaemon(spec);
    state.daemons.push(record);
    save();
    return record;
  };

  try {
    log('certificates, network namespaces, cgroups');
    await generateClusterPki(layout);
    await createClusterNetwork(layout);
    createCgroup(layout.controlPlane.cgroup);
    for (const node of layout.nodes) createCgroup(`${node.cgroup}/system`);

    const images = Promise.all([buildPauseImage(layout.imageDir), buildCoreDnsImage(layout.imageDir, join(layout.binDir, 'coredns'), COREDNS_VERSION)]);
    images.catch(() => undefined);

    log('control plane: etcd, kube-apiserver, kube-controller-manager, kube-scheduler');
    const [etcdSpec, apiSpec, ...controllers] = controlPlaneDaemons(layout);
    const etcd = start(etcdSpec!);
    const apiServer = start(apiSpec!);
    await poll('kube-apiserver /readyz', 120_000, async () => ((await apiGet(layout, '/readyz')) === 200 ? true : undefined), [etcd, apiServer]);
    for (const spec of controllers) start(spec);

    const cluster = handle(layout);
    const [pause, coredns] = await images;
    log(`nodes: ${layout.nodes.map((n) => `${n.name} ${n.ip}`).join(', ')}`);
    await Promise.all(layout.nodes.map(async (node) => {
      writeNodeFiles(layout, node);
      const containerd = start(containerdDaemon(node));
      await poll(`containerd of ${node.name}`, 60_000, async () =>
        (await hostCommand('ctr', ['--address', node.containerdSocket, 'version'], { allowFailure: true })).code === 0 ? true : undefined, [containerd]);
    }));
    await cluster.importImage(pause);
    await cluster.importImage(coredns);
    const agents = layout.nodes.flatMap((node) => nodeAgentDaemons(layout, node).map(start));

    await poll('every node Ready', 180_000, async () => {
      const out = await cluster.kubectl(['get', 'nodes', '-o', 'jsonpath={range .items[*]}{.metadata.name}={.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}']);
      return layout.nodes.every((n) => out.stdout.includes(`${n.name}=True`)) ? true : undefined;
    }, [etcd, apiServer, ...agents]);

    log('cluster DNS');
    await cluster.kubectl(['apply', '-f', '-'], { input: clusterDnsManifests(layout, coredns.ref) });
    await cluster.kubectl(['-n', 'kube-system', 'rollout', 'status', 'deployment/coredns', '--timeout=180s']);

    state.upSeconds = Math.round((Date.now() - started) / 100) / 10;
    save();
    log(`up in ${state.upSeconds} s: ${layout.nodes.length} nodes Ready; KUBECONFIG=${layout.kubeconfig}`);
    return cluster;
  } catch (err) {
    log(`bring-up failed; logs are in ${layout.stateDir} until the next cluster:down`);
    throw err;
  }
}

/** The cluster, if it is up and healthy; else undefined. */
export async function existingCluster(options: RealClusterOptions = {}): Promise<RealCluster | undefined> {
  const layout = clusterLayout(options);
  return (await clusterHealth(options)).healthy ? handle(layout) : undefined;
}

function mountsUnder(dir: string): string[] {
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[4])
    .filter((m): m is string => m !== undefined && (m === dir || m.startsWith(prefix)))
    // Octal escapes (\040 for a space) as the kernel writes them.
    .map((m) => m.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8))));
}

/**
 * Stops everything the cluster runs and removes what it made: processes (by recorded PID and by
 * cgroup), mounts, cgroups, network namespaces, veths, the bridge, the iptables rule, the state
 * directory; restores the host-wide sysctls the kubelet changed. Safe to run when nothing is up.
 */
export async function clusterDown(options: RealClusterOptions = {}): Promise<void> {
  const layout = clusterLayout(options);
  const state = readState(layout);
  for (const daemon of state?.daemons ?? []) {
    if (daemonAlive(daemon)) {
      try {
        process.kill(daemon.pid, 'SIGKILL');
      } catch {
        // Gone meanwhile.
      }
    }
  }
  await killCgroupTree(layout.cgroupParent);
  const mounts = mountsUnder(layout.stateDir).sort((a, b) => b.length - a.length);
  for (const mount of mounts) {
    const result = await hostCommand('umount', [mount], { allowFailure: true });
    if (result.code !== 0) await hostCommand('umount', ['-l', mount], { allowFailure: true });
  }
  await removeClusterNetwork(layout);
  for (const [key, value] of Object.entries(state?.sysctls ?? {})) {
    await hostCommand('sysctl', ['-qw', `${key}=${value}`], { allowFailure: true });
  }
  const left = mountsUnder(layout.stateDir);
  if (left.length > 0) throw new Error(`could not unmount ${left.join(', ')}`);
  await rm(layout.stateDir, { recursive: true, force: true });
}

export interface ClusterStatus {
  up: boolean;
  problems: string[];
  kubeconfig: string;
  server: string;
  nodes: RealClusterNode[];
  daemons: { name: string; pid: number; alive: boolean; log: string }[];
  upSeconds?: number;
}

export async function clusterStatus(options: RealClusterOptions = {}): Promise<ClusterStatus> {
  const layout = clusterLayout(options);
  const state = readState(layout);
  const health = await clusterHealth(options);
  return {
    up: health.healthy,
    problems: health.problems,
    kubeconfig: layout.kubeconfig,
    server: layout.apiServerUrl,
    nodes: layout.nodes.map((n) => ({ name: n.name, ip: n.ip })),
    daemons: (state?.daemons ?? []).map((d) => ({ name: d.name, pid: d.pid, alive: daemonAlive(d), log: d.logFile })),
    ...(state === undefined ? {} : { upSeconds: state.upSeconds }),
  };
}

export { clusterLayout } from './cluster-layout.js';
