// Where the real test cluster lives: its directories, addresses and names, in one place.
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Options of the real two-node cluster; every field has a default. */
export interface RealClusterOptions {
  /** State of the running cluster (PKI, etcd, containerd, kubelet dirs, logs). @default $TROUPE_CLUSTER_DIR or ~/.cache/troupe/cluster */
  stateDir?: string;
  /** Built images (OCI layout tars). @default ~/.cache/troupe/images */
  imageDir?: string;
  /** Where the Go-built binaries are. @default $TROUPE_TEST_BIN or ~/.cache/troupe/test-bin */
  binDir?: string;
  /** Number of nodes. @default 2 */
  nodes?: number;
  /** First three octets of the /24 the control plane and nodes share with the host. @default 10.213.0 */
  nodeNetworkPrefix?: string;
  /** Second octet of 10.X.0.0/16 pod addresses; node i gets 10.X.i.0/24. @default 214 */
  podNetworkOctet?: number;
  /** Second octet of the 10.X.0.0/16 service range. @default 215 */
  serviceNetworkOctet?: number;
}

export interface NodeLayout {
  /** Kubernetes node name, also the Troupe node id of its workers and proxy. */
  name: string;
  index: number;
  netns: string;
  /** The host side of the node's veth. */
  hostVeth: string;
  ip: string;
  podCidr: string;
  dir: string;
  /** kubelet's cgroupRoot; the node's daemons run in its `system` child. */
  cgroup: string;
  containerdSocket: string;
}

export interface ClusterLayout {
  stateDir: string;
  imageDir: string;
  binDir: string;
  bridge: string;
  hostIp: string;
  prefixLength: number;
  controlPlane: { netns: string; hostVeth: string; ip: string; dir: string; cgroup: string };
  nodes: NodeLayout[];
  podCidr: string;
  serviceCidr: string;
  apiServiceIp: string;
  dnsServiceIp: string;
  apiServerPort: number;
  apiServerUrl: string;
  /** The parent cgroup of everything the cluster runs, in every cgroup v1 hierarchy. */
  cgroupParent: string;
  clusterDomain: string;
  kubeconfig: string;
  stateFile: string;
}

const NAME = 'troupe-e2e';

export function clusterLayout(options: RealClusterOptions = {}): ClusterLayout {
  const cache = join(homedir(), '.cache', 'troupe');
  const stateDir = options.stateDir ?? process.env['TROUPE_CLUSTER_DIR'] ?? join(cache, 'cluster');
  const prefix = options.nodeNetworkPrefix ?? '10.213.0';
  const pod = options.podNetworkOctet ?? 214;
  const svc = options.serviceNetworkOctet ?? 215;
  const nodeCount = options.nodes ?? 2;
  const cgroupParent = `/${NAME}`;
  const nodes: NodeLayout[] = Array.from({ length: nodeCount }, (_, i) => {
    const index = i + 1;
    const dir = join(stateDir, `node-${index}`);
    return {
      name: `node-${index}`,
      index,
      netns: `${NAME}-node-${index}`,
      hostVeth: `trp-node-${index}`,
      ip: `${prefix}.${10 + index}`,
      podCidr: `10.${pod}.${index}.0/24`,
      dir,
      cgroup: `${cgroupParent}/node-${index}`,
      containerdSocket: join(dir, 'containerd', 'containerd.sock'),
    };
  });
  const apiServerPort = 6443;
  const cpIp = `${prefix}.10`;
  return {
    stateDir,
    imageDir: options.imageDir ?? join(cache, 'images'),
    binDir: options.binDir ?? process.env['TROUPE_TEST_BIN'] ?? join(cache, 'test-bin'),
    bridge: 'trp-br0',
    hostIp: `${prefix}.1`,
    prefixLength: 24,
    controlPlane: {
      netns: `${NAME}-control-plane`,
      hostVeth: 'trp-cp',
      ip: cpIp,
      dir: join(stateDir, 'control-plane'),
      cgroup: `${cgroupParent}/control-plane`,
    },
    nodes,
    podCidr: `10.${pod}.0.0/16`,
    serviceCidr: `10.${svc}.0.0/16`,
    apiServiceIp: `10.${svc}.0.1`,
    dnsServiceIp: `10.${svc}.0.10`,
    apiServerPort,
    apiServerUrl: `https://${cpIp}:${apiServerPort}`,
    cgroupParent,
    clusterDomain: 'cluster.local',
    kubeconfig: join(stateDir, 'admin.kubeconfig'),
    stateFile: join(stateDir, 'cluster.json'),
  };
}
