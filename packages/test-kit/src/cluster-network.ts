// The cluster's network: a bridge in the host's namespace with the host's address on it, and one
// network namespace per node (and one for the control plane), each with its own address on the
// bridge, static routes to the other nodes' pod ranges and no default route, so nothing a pod
// does can leave the machine. The host reaches every node over the bridge without forwarding.
import { existsSync } from 'node:fs';
import type { ClusterLayout } from './cluster-layout.js';
import { hostCommand, inNetns } from './host-command.js';

const ip = (args: string[]) => hostCommand('ip', args);

async function linkExists(name: string): Promise<boolean> {
  return (await hostCommand('ip', ['link', 'show', name], { allowFailure: true })).code === 0;
}

async function removeLink(name: string): Promise<void> {
  if (!(await linkExists(name))) return;
  const removed = await hostCommand('ip', ['link', 'del', name], { allowFailure: true });
  if (removed.code !== 0 && (await linkExists(name))) throw new Error(`ip link del ${name} failed: ${removed.stderr.trim()}`);
}

async function createNamespace(layout: ClusterLayout, netns: string, hostVeth: string, address: string): Promise<void> {
  if (!existsSync(`/run/netns/${netns}`)) await ip(['netns', 'add', netns]);
  if (!(await linkExists(hostVeth))) {
    await ip(['link', 'add', hostVeth, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', netns]);
  }
  await ip(['link', 'set', hostVeth, 'master', layout.bridge, 'up']);
  await inNetns(netns, 'ip', ['link', 'set', 'lo', 'up']);
  await inNetns(netns, 'ip', ['addr', 'replace', `${address}/${layout.prefixLength}`, 'dev', 'eth0']);
  await inNetns(netns, 'ip', ['link', 'set', 'eth0', 'up']);
}

// The bridge in the host namespace may pass through the host's FORWARD chain (br_netfilter);
// this rule keeps a restrictive host policy from cutting nodes off from each other.
const FORWARD_RULE = (bridge: string) => ['FORWARD', '-i', bridge, '-o', bridge, '-j', 'ACCEPT'];

export async function createClusterNetwork(layout: ClusterLayout): Promise<void> {
  if (!(await linkExists(layout.bridge))) await ip(['link', 'add', layout.bridge, 'type', 'bridge']);
  await ip(['addr', 'replace', `${layout.hostIp}/${layout.prefixLength}`, 'dev', layout.bridge]);
  await ip(['link', 'set', layout.bridge, 'up']);
  const rule = FORWARD_RULE(layout.bridge);
  if ((await hostCommand('iptables', ['-C', ...rule], { allowFailure: true })).code !== 0) {
    await hostCommand('iptables', ['-I', ...rule]);
  }

  const cp = layout.controlPlane;
  await createNamespace(layout, cp.netns, cp.hostVeth, cp.ip);
  for (const node of layout.nodes) {
    await inNetns(cp.netns, 'ip', ['route', 'replace', node.podCidr, 'via', node.ip]);
  }

  for (const node of layout.nodes) {
    await createNamespace(layout, node.netns, node.hostVeth, node.ip);
    for (const other of layout.nodes) {
      if (other !== node) await inNetns(node.netns, 'ip', ['route', 'replace', other.podCidr, 'via', other.ip]);
    }
    // Processes on the node (not in pods) reach Services too: the route only has to exist for
    // the kernel to get as far as kube-proxy's DNAT rules.
    await inNetns(node.netns, 'ip', ['route', 'replace', layout.serviceCidr, 'dev', 'eth0']);
    await inNetns(node.netns, 'sysctl', ['-qw', 'net.ipv4.ip_forward=1']);
    // Pod-to-Service traffic between two pods on one bridge must pass kube-proxy's rules.
    await inNetns(node.netns, 'sysctl', ['-qw', 'net.bridge.bridge-nf-call-iptables=1'], { allowFailure: true });
  }
}

/** Removes what createClusterNetwork made; anything already gone is skipped. */
export async function removeClusterNetwork(layout: ClusterLayout): Promise<void> {
  for (const netns of [layout.controlPlane.netns, ...layout.nodes.map((n) => n.netns)]) {
    if (existsSync(`/run/netns/${netns}`)) await ip(['netns', 'del', netns]);
  }
  // A host veth goes by itself, a moment after the namespace of its peer: it may vanish between
  // the check and the delete.
  for (const link of [layout.controlPlane.hostVeth, ...layout.nodes.map((n) => n.hostVeth), layout.bridge]) {
    await removeLink(link);
  }
  const rule = FORWARD_RULE(layout.bridge);
  while ((await hostCommand('iptables', ['-C', ...rule], { allowFailure: true })).code === 0) {
    await hostCommand('iptables', ['-D', ...rule]);
  }
}
