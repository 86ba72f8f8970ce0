// Command lines and configuration files of the cluster's components: control plane (etcd,
// kube-apiserver, kube-controller-manager, kube-scheduler) and per node (containerd, kubelet,
// kube-proxy, the CNI network). Settings that this kind of machine needs carry their reason.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClusterLayout, NodeLayout } from './cluster-layout.js';
import { PAUSE_IMAGE } from './cluster-images.js';
import { kubeconfigPath, pkiPaths } from './cluster-pki.js';
import type { DaemonSpec } from './cluster-daemons.js';

const bin = (layout: ClusterLayout, name: string): string => join(layout.binDir, name);

export function controlPlaneDaemons(layout: ClusterLayout): DaemonSpec[] {
  const cp = layout.controlPlane;
  const pki = pkiPaths(layout);
  const base = { netns: cp.netns, cgroup: cp.cgroup };
  const log = (name: string) => join(cp.dir, `${name}.log`);
  const etcd: DaemonSpec = {
    ...base,
    name: 'etcd',
    command: bin(layout, 'etcd'),
    args: [
      '--name=control-plane',
      `--data-dir=${join(cp.dir, 'etcd')}`,
      '--listen-client-urls=http://127.0.0.1:2379',
      '--advertise-client-urls=http://127.0.0.1:2379',
      '--listen-peer-urls=http://127.0.0.1:2380',
      '--initial-advertise-peer-urls=http://127.0.0.1:2380',
      '--initial-cluster=control-plane=http://127.0.0.1:2380',
      // A test cluster: losing etcd on a host crash costs a re-creation, fsync costs every write.
      '--unsafe-no-fsync',
      '--log-level=warn',
    ],
    logFile: log('etcd'),
  };
  const apiServer: DaemonSpec = {
    ...base,
    name: 'kube-apiserver',
    command: bin(layout, 'kube-apiserver'),
    args: [
      '--etcd-servers=http://127.0.0.1:2379',
      `--advertise-address=${cp.ip}`,
      '--bind-address=0.0.0.0',
      `--secure-port=${layout.apiServerPort}`,
      `--cert-dir=${join(cp.dir, 'apiserver-certs')}`,
      `--tls-cert-file=${pki.apiServerCert}`,
      `--tls-private-key-file=${pki.apiServerKey}`,
      `--client-ca-file=${pki.caCert}`,
      `--kubelet-client-certificate=${pki.kubeletClientCert}`,
      `--kubelet-client-key=${pki.kubeletClientKey}`,
      '--kubelet-preferred-address-types=InternalIP',
      `--service-account-issuer=https://kubernetes.default.svc.${layout.clusterDomain}`,
      `--service-account-key-file=${pki.serviceAccountPublicKey}`,
      `--service-account-signing-key-file=${pki.serviceAccountKey}`,
      `--service-cluster-ip-range=${layout.serviceCidr}`,
      '--authorization-mode=Node,RBAC',
      '--enable-admission-plugins=NodeRestriction',
      '--allow-privileged=true',
      '--profiling=false',
      '--v=1',
    ],
    logFile: log('kube-apiserver'),
  };
  const controllerManager: DaemonSpec = {
    ...base,
    name: 'kube-controller-manager',
    command: bin(layout, 'kube-controller-manager'),
    args: [
      `--kubeconfig=${kubeconfigPath(layout, 'kube-controller-manager')}`,
      `--authentication-kubeconfig=${kubeconfigPath(layout, 'kube-controller-manager')}`,
      `--authorization-kubeconfig=${kubeconfigPath(layout, 'kube-controller-manager')}`,
      `--service-account-private-key-file=${pki.serviceAccountKey}`,
      `--root-ca-file=${pki.caCert}`,
      '--use-service-account-credentials=true',
      `--service-cluster-ip-range=${layout.serviceCidr}`,
      `--cluster-cidr=${layout.podCidr}`,
      '--cluster-name=troupe-e2e',
      '--leader-elect=false',
      '--bind-address=127.0.0.1',
      '--v=1',
    ],
    logFile: log('kube-controller-manager'),
  };
  const scheduler: DaemonSpec = {
    ...base,
    name: 'kube-scheduler',
    command: bin(layout, 'kube-scheduler'),
    args: [
      `--kubeconfig=${kubeconfigPath(layout, 'kube-scheduler')}`,
      `--authentication-kubeconfig=${kubeconfigPath(layout, 'kube-scheduler')}`,
      `--authorization-kubeconfig=${kubeconfigPath(layout, 'kube-scheduler')}`,
      '--leader-elect=false',
      '--bind-address=127.0.0.1',
      '--v=1',
    ],
    logFile: log('kube-scheduler'),
  };
  return [etcd, apiServer, controllerManager, scheduler];
}

export const nodePaths = (node: NodeLayout) => ({
  containerdConfig: join(node.dir, 'containerd.toml'),
  containerdRoot: join(node.dir, 'containerd', 'root'),
  containerdState: join(node.dir, 'containerd', 'state'),
  cniConf: join(node.dir, 'cni', 'net.d'),
  cniIpam: join(node.dir, 'cni', 'ipam'),
  kubeletRoot: join(node.dir, 'kubelet'),
  kubeletConfig: join(node.dir, 'kubelet.yaml'),
  kubeProxyConfig: join(node.dir, 'kube-proxy.yaml'),
  podLogs: join(node.dir, 'pod-logs'),
});

function containerdConfig(node: NodeLayout): string {
  const p = nodePaths(node);
  return `version = 2
root = "${p.containerdRoot}"
state = "${p.containerdState}"
disabled_plugins = ["io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.devmapper", "io.containerd.snapshotter.v1.aufs"]

[grpc]
  address = "${node.containerdSocket}"

[plugins."io.containerd.internal.v1.opt"]
  path = "${join(node.dir, 'containerd', 'opt')}"

[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "${PAUSE_IMAGE}"
  # Without CAP_SYS_RESOURCE every sandbox fails ("can't get final child's PID from pipe")
  # unless containers may not lower their OOM score below containerd's own.
  restrict_oom_score_adj = true
  # Pod network namespaces under this node's state, not in the host-wide /run/netns.
  netns_mounts_under_state_dir = true
  stream_server_address = "127.0.0.1"
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
        Root = "${join(node.dir, 'containerd', 'runc')}"
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "${p.cniConf}"
`;
}

function cniConfig(node: NodeLayout): string {
  return JSON.stringify({
    cniVersion: '0.4.0',
    name: 'troupe-e2e',
    plugins: [
      {
        type: 'bridge',
        bridge: 'cni0',
        isGateway: true,
        // Every address is routed between nodes, so pod addresses need no translation.
        ipMasq: false,
        hairpinMode: true,
        ipam: { type: 'host-local', ranges: [[{ subnet: node.podCidr }]], routes: [{ dst: '0.0.0.0/0' }], dataDir: nodePaths(node).cniIpam },
      },
      { type: 'portmap', capabilities: { portMappings: true } },
    ],
  }, null, 2);
}

function kubeletConfig(layout: ClusterLayout, node: NodeLayout): string {
  const p = nodePaths(node);
  const config = {
    apiVersion: 'kubelet.config.k8s.io/v1beta1',
    kind: 'KubeletConfiguration',
    cgroupDriver: 'cgroupfs',
    // Each node's pods under its own cgroup, so two kubelets on one host do not share kubepods.
    cgroupRoot: node.cgroup,
    failSwapOn: false,
    containerRuntimeEndpoint: `unix://${node.containerdSocket}`,
    podLogsDir: p.podLogs,
    authentication: { anonymous: { enabled: false }, webhook: { enabled: true }, x509: { clientCAFile: pkiPaths(layout).caCert } },
    authorization: { mode: 'Webhook' },
    clusterDomain: layout.clusterDomain,
    clusterDNS: [layout.dnsServiceIp],
    // The host's resolver is unreachable from a node (no default route).
    resolvConf: '',
    readOnlyPort: 0,
    healthzBindAddress: '127.0.0.1',
    serializeImagePulls: false,
    // Images are imported, never pulled: image GC must not remove them.
    imageGCHighThresholdPercent: 100,
    imageGCLowThresholdPercent: 99,
    evictionHard: { 'memory.available': '100Mi', 'nodefs.available': '1%', 'imagefs.available': '1%', 'nodefs.inodesFree': '1%' },
    enforceNodeAllocatable: ['pods'],
  };
  return JSON.stringify(config, null, 2);
}

function kubeProxyConfig(layout: ClusterLayout, node: NodeLayout): string {
  const config = {
    apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
    kind: 'KubeProxyConfiguration',
    clientConnection: { kubeconfig: kubeconfigPath(layout, 'kube-proxy') },
    mode: 'iptables',
    clusterCIDR: layout.podCidr,
    hostnameOverride: node.name,
    bindAddress: '0.0.0.0',
    healthzBindAddress: '0.0.0.0:10256',
    metricsBindAddress: '127.0.0.1:10249',
    // Conntrack limits and timeouts are host-wide sysctls that a node namespace cannot set.
    conntrack: { maxPerCore: 0, min: 0, tcpEstablishedTimeout: '0s', tcpCloseWaitTimeout: '0s' },
  };
  return JSON.stringify(config, null, 2);
}

/** Writes the node's configuration files and creates its directories. */
export function writeNodeFiles(layout: ClusterLayout, node: NodeLayout): void {
  const p = nodePaths(node);
  for (const dir of [p.containerdRoot, p.containerdState, p.cniConf, p.cniIpam, p.kubeletRoot, p.podLogs]) mkdirSync(dir, { recursive: true });
  writeFileSync(p.containerdConfig, containerdConfig(node));
  writeFileSync(join(p.cniConf, '10-troupe-e2e.conflist'), cniConfig(node));
  writeFileSync(p.kubeletConfig, kubeletConfig(layout, node));
  writeFileSync(p.kubeProxyConfig, kubeProxyConfig(layout, node));
}

export function containerdDaemon(node: NodeLayout): DaemonSpec {
  return {
    name: `containerd@${node.name}`,
    netns: node.netns,
    cgroup: `${node.cgroup}/system`,
    command: '/usr/bin/containerd',
    args: ['--config', nodePaths(node).containerdConfig, '--log-level', 'warn'],
    logFile: join(node.dir, 'containerd.log'),
  };
}

export function nodeAgentDaemons(layout: ClusterLayout, node: NodeLayout): DaemonSpec[] {
  const p = nodePaths(node);
  const base = { netns: node.netns, cgroup: `${node.cgroup}/system` };
  return [
    {
      ...base,
      name: `kubelet@${node.name}`,
      command: bin(layout, 'kubelet'),
      args: [
        `--config=${p.kubeletConfig}`,
        `--kubeconfig=${kubeconfigPath(layout, `kubelet-${node.name}`)}`,
        `--root-dir=${p.kubeletRoot}`,
        `--cert-dir=${join(p.kubeletRoot, 'pki')}`,
        `--hostname-override=${node.name}`,
        `--node-ip=${node.ip}`,
        '--v=1',
      ],
      logFile: join(node.dir, 'kubelet.log'),
    },
    {
      ...base,
      name: `kube-proxy@${node.name}`,
      command: bin(layout, 'kube-proxy'),
      args: [`--config=${p.kubeProxyConfig}`, '--v=1'],
      logFile: join(node.dir, 'kube-proxy.log'),
    },
  ];
}
