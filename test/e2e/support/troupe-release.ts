// Troupe installed by Helm on the real test cluster, for end-to-end cases: the images built and
// imported, the chart installed in a namespace of its own, every pod Ready (including the
// proxies the operator creates), and the ways in from the host (node ports, the health-check
// node port a cloud load balancer would probe).
import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildNatsImage,
  buildTroupeImage,
  clusterUp,
  pollUntil,
  startLoadBalancer,
  type HostCommandResult,
  type LoadBalancer,
  type NatsImage,
  type RealCluster,
  type TroupeImage,
} from '@troupe/test-kit';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const IMAGE_DIR = join(homedir(), '.cache', 'troupe', 'images');

export interface TroupeImages {
  troupe: TroupeImage;
  nats: NatsImage;
}

/** Builds both images (the packages are already built by the test command) and loads them into every node. */
export async function buildAndImportImages(cluster: RealCluster): Promise<TroupeImages> {
  const [troupe, nats] = await Promise.all([buildTroupeImage({ imageDir: IMAGE_DIR, skipBuild: true }), buildNatsImage(IMAGE_DIR)]);
  await cluster.importImage(troupe);
  await cluster.importImage(nats);
  return { troupe, nats };
}

/**
 * Values every e2e install passes on top of the chart's defaults, each with its reason. Tests add
 * their own (e.g. http.location) through `extraValues`.
 */
export function e2eChartValues(images: TroupeImages): Record<string, string> {
  return {
    // Images are imported into the nodes, never pulled: no registry is reachable.
    'image.repository': images.troupe.repository,
    'image.tag': images.troupe.tag,
    'image.pullPolicy': 'Never',
    'nats.image.repository': images.nats.repository,
    'nats.image.tag': images.nats.tag,
    'nats.image.pullPolicy': 'Never',
    // Debian's nats-server (2.9) refuses `sync_interval` (2.10+); 2.9 writes each message to its
    // file before it acknowledges it, so a killed server still loses nothing.
    'nats.syncInterval': '',
  };
}

export interface TroupeRelease {
  cluster: RealCluster;
  namespace: string;
  release: string;
  images: TroupeImages;
  values: Record<string, string>;
  kubectl(args: string[], options?: { input?: string; allowFailure?: boolean }): Promise<HostCommandResult>;
  /** Applies manifests in the release's namespace and waits until each Troupe resource is Ready=True. */
  applyAndWaitReady(manifest: string, timeoutSeconds?: number): Promise<string[]>;
  /** The proxies' Service (EveryNode: LoadBalancer type, externalTrafficPolicy Local). */
  proxyService(): Promise<ProxyService>;
  /** Pods of one component (head, worker, proxy, operator, nats), with their node and readiness. */
  pods(component: string): Promise<PodInfo[]>;
  /** HAProxy on loopback in front of every node's proxy port, checking the healthCheckNodePort. */
  startLoadBalancer(): Promise<LoadBalancer>;
  /** Removes the app's resources while the operator still runs, then the release and the namespace. */
  uninstall(): Promise<void>;
}

export interface PodInfo {
  name: string;
  node: string;
  ready: boolean;
  phase: string;
}

export interface ProxyService {
  name: string;
  nodePort: number;
  /** kube-proxy answers /healthz here with 200 only on nodes with a ready local endpoint. */
  healthCheckNodePort: number | undefined;
  externalTrafficPolicy: string | undefined;
}

/** A pod list in one line per pod: name, node, Ready, phase. */
async function podSummary(kubectl: TroupeRelease['kubectl'], namespace: string, selector?: string): Promise<PodInfo[]> {
  const out = await kubectl(['-n', namespace, 'get', 'pods', '-o', 'json', ...(selector === undefined ? [] : ['-l', selector])]);
  const list = JSON.parse(out.stdout) as {
    items: { metadata: { name: string }; spec: { nodeName?: string }; status: { phase: string; conditions?: { type: string; status: string }[] } }[];
  };
  return list.items.map((p) => ({
    name: p.metadata.name,
    node: p.spec.nodeName ?? '',
    phase: p.status.phase,
    ready: p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
  }));
}

export async function waitAllPodsReady(release: Pick<TroupeRelease, 'kubectl' | 'namespace'>, timeoutMs: number): Promise<void> {
  await pollUntil(async () => {
    const pods = await podSummary(release.kubectl, release.namespace);
    return pods.length > 0 && pods.every((p) => p.ready);
  }, timeoutMs, `every pod in ${release.namespace} Ready`, 500).catch(async (err: Error) => {
    const pods = await podSummary(release.kubectl, release.namespace).catch(() => []);
    const events = await release.kubectl(['-n', release.namespace, 'get', 'events', '--sort-by=.lastTimestamp'], { allowFailure: true });
    throw new Error(`${err.message}\npods: ${JSON.stringify(pods)}\nevents:\n${events.stdout.split('\n').slice(-25).join('\n')}`);
  });
}

export interface InstallOptions {
  extraValues?: Record<string, string>;
  /** @default troupe */
  release?: string;
}

/** Brings the cluster up (or reuses it), builds and imports the images, installs the chart, waits for every pod. */
export async function installTroupe(options: InstallOptions = {}): Promise<TroupeRelease> {
  const started = Date.now();
  const cluster = await clusterUp();
  const clusterAt = Date.now();
  const images = await buildAndImportImages(cluster);
  const imagesAt = Date.now();
  const namespace = `e2e-${randomBytes(3).toString('hex')}`;
  const release = options.release ?? 'troupe';
  const values = { ...e2eChartValues(images), ...(options.extraValues ?? {}) };
  const kubectl: TroupeRelease['kubectl'] = (args, opts) => cluster.kubectl(args, opts);
  // The chart must run under the restricted Pod Security Standard, enforced (proxies included).
  await kubectl(['create', 'namespace', namespace]);
  await kubectl(['label', 'namespace', namespace, 'pod-security.kubernetes.io/enforce=restricted', 'pod-security.kubernetes.io/enforce-version=latest']);
  await cluster.helm([
    'install', release, join(REPO_ROOT, 'helm', 'troupe'),
    '--namespace', namespace,
    ...Object.entries(values).flatMap(([k, v]) => ['--set', `${k}=${v}`]),
    '--wait', '--timeout', '5m',
  ]);
  const handle: TroupeRelease = {
    cluster,
    namespace,
    release,
    images,
    values,
    kubectl,
    async applyAndWaitReady(manifest, timeoutSeconds = 180) {
      const applied = await kubectl(['-n', namespace, 'apply', '-o', 'name', '-f', '-'], { input: manifest });
      const names = applied.stdout.split('\n').map((l) => l.trim()).filter((l) => l !== '');
      await kubectl(['-n', namespace, 'wait', '--for=condition=Ready=True', `--timeout=${timeoutSeconds}s`, ...names]);
      return names;
    },
    async proxyService() {
      return pollUntil(async () => {
        const out = await kubectl(['-n', namespace, 'get', 'services', '-o', 'json']);
        const list = JSON.parse(out.stdout) as {
          items: { metadata: { name: string }; spec: { type: string; ports?: { nodePort?: number }[]; healthCheckNodePort?: number; externalTrafficPolicy?: string } }[];
        };
        const svc = list.items.find((s) => s.spec.type === 'LoadBalancer' || s.spec.type === 'NodePort');
        const nodePort = svc?.spec.ports?.[0]?.nodePort;
        if (svc === undefined || nodePort === undefined) return undefined;
        return {
          name: svc.metadata.name,
          nodePort,
          healthCheckNodePort: svc.spec.healthCheckNodePort,
          externalTrafficPolicy: svc.spec.externalTrafficPolicy,
        };
      }, 60_000, 'the proxies\' Service', 500);
    },
    pods: (component) => podSummary(kubectl, namespace, `app.kubernetes.io/component=${component}`),
    async startLoadBalancer() {
      const service = await handle.proxyService();
      if (service.healthCheckNodePort === undefined) throw new Error(`Service ${service.name} has no healthCheckNodePort (externalTrafficPolicy is ${service.externalTrafficPolicy})`);
      return startLoadBalancer({
        targets: cluster.nodes.map((n) => `${n.ip}:${service.nodePort}`),
        healthCheck: { port: service.healthCheckNodePort, path: '/healthz' },
      });
    },
    async uninstall() {
      for (const kind of ['serveendpoints', 'servebackends']) {
        await kubectl(['-n', namespace, 'delete', kind, '--all', '--timeout=60s'], { allowFailure: true });
      }
      await cluster.helm(['uninstall', release, '--namespace', namespace, '--wait', '--timeout', '2m'], { allowFailure: true });
      await kubectl(['delete', 'namespace', namespace, '--wait=false'], { allowFailure: true });
    },
  };
  // The operator creates the proxies after helm's --wait is satisfied: wait for them too.
  if ((values['http.location'] ?? 'HeadOnly') !== 'NoServer') {
    await pollUntil(async () => {
      const out = await kubectl(['-n', namespace, 'get', 'pods', '-l', 'app.kubernetes.io/component=proxy', '-o', 'name']);
      return out.stdout.trim() !== '';
    }, 120_000, 'the operator to create the proxies', 500);
  }
  await waitAllPodsReady(handle, 180_000);
  const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
  console.log(`      cluster ${seconds(started, clusterAt)} s, images ${seconds(clusterAt, imagesAt)} s, helm install to every pod Ready ${seconds(imagesAt, Date.now())} s`);
  return handle;
}
