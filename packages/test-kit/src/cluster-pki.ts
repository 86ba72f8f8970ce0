// Certificates and kubeconfigs of the real test cluster: one CA, a serving certificate for the
// API server (its node-network address and the `kubernetes` Service), and one client identity per
// component, named as RBAC's default bindings and the Node authorizer expect them.
import { existsSync, mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClusterLayout } from './cluster-layout.js';
import { newKey, openssl, signedCert } from './kube-certificates.js';

// The cluster may stay up between test runs for a while.
const VALIDITY_DAYS = '30';

export interface ClusterPki {
  dir: string;
  caCert: string;
  caKey: string;
  apiServerCert: string;
  apiServerKey: string;
  kubeletClientCert: string;
  kubeletClientKey: string;
  serviceAccountKey: string;
  serviceAccountPublicKey: string;
}

export const pkiPaths = (layout: ClusterLayout): ClusterPki => {
  const dir = join(layout.stateDir, 'pki');
  return {
    dir,
    caCert: join(dir, 'ca.crt'),
    caKey: join(dir, 'ca.key'),
    apiServerCert: join(dir, 'apiserver.crt'),
    apiServerKey: join(dir, 'apiserver.key'),
    kubeletClientCert: join(dir, 'apiserver-kubelet-client.crt'),
    kubeletClientKey: join(dir, 'apiserver-kubelet-client.key'),
    serviceAccountKey: join(dir, 'service-account.key'),
    serviceAccountPublicKey: join(dir, 'service-account.pub'),
  };
};

/** kubeconfig of a component, by file name in the state dir. */
export const kubeconfigPath = (layout: ClusterLayout, who: string): string => join(layout.stateDir, 'pki', `${who}.kubeconfig`);

async function writeKubeconfig(path: string, server: string, caCert: string, cert: string, key: string, user: string): Promise<void> {
  const b64 = async (file: string): Promise<string> => (await readFile(file)).toString('base64');
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'troupe-e2e', cluster: { server, 'certificate-authority-data': await b64(caCert) } }],
    users: [{ name: user, user: { 'client-certificate-data': await b64(cert), 'client-key-data': await b64(key) } }],
    contexts: [{ name: 'troupe-e2e', context: { cluster: 'troupe-e2e', user, namespace: 'default' } }],
    'current-context': 'troupe-e2e',
  };
  await writeFile(path, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
}

/** Generates the PKI once; a second call with the files present does nothing. */
export async function generateClusterPki(layout: ClusterLayout): Promise<ClusterPki> {
  const pki = pkiPaths(layout);
  if (existsSync(layout.kubeconfig) && existsSync(pki.serviceAccountPublicKey)) return pki;
  mkdirSync(pki.dir, { recursive: true, mode: 0o700 });
  await newKey(pki.caKey);
  await openssl([
    'req', '-x509', '-new', '-key', pki.caKey, '-subj', '/CN=troupe-e2e-ca', '-days', VALIDITY_DAYS, '-sha256',
    '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign,digitalSignature',
    '-out', pki.caCert,
  ]);
  const ca = { cert: pki.caCert, key: pki.caKey };
  const leaf = ['basicConstraints=critical,CA:FALSE', 'keyUsage=critical,digitalSignature,keyEncipherment'];
  const client = [...leaf, 'extendedKeyUsage=clientAuth'];
  const sans = [
    `IP:${layout.controlPlane.ip}`, `IP:${layout.apiServiceIp}`, 'IP:127.0.0.1', 'DNS:localhost', 'DNS:kubernetes',
    'DNS:kubernetes.default', 'DNS:kubernetes.default.svc', `DNS:kubernetes.default.svc.${layout.clusterDomain}`,
  ];
  const issue = (name: string, subject: string, ext: string[]) => signedCert(pki.dir, name, subject, ext, ca, VALIDITY_DAYS);
  await issue('apiserver', '/CN=kube-apiserver', [...leaf, 'extendedKeyUsage=serverAuth', `subjectAltName=${sans.join(',')}`]);
  await issue('apiserver-kubelet-client', '/O=system:masters/CN=kube-apiserver-kubelet-client', client);

  const identities: { file: string; subject: string; user: string }[] = [
    { file: 'admin', subject: '/O=system:masters/CN=troupe-e2e-admin', user: 'troupe-e2e-admin' },
    { file: 'kube-controller-manager', subject: '/CN=system:kube-controller-manager', user: 'system:kube-controller-manager' },
    { file: 'kube-scheduler', subject: '/CN=system:kube-scheduler', user: 'system:kube-scheduler' },
    { file: 'kube-proxy', subject: '/CN=system:kube-proxy', user: 'system:kube-proxy' },
    ...layout.nodes.map((n) => ({ file: `kubelet-${n.name}`, subject: `/O=system:nodes/CN=system:node:${n.name}`, user: `system:node:${n.name}` })),
  ];
  for (const id of identities) {
    const { cert, key } = await issue(id.file, id.subject, client);
    await writeKubeconfig(kubeconfigPath(layout, id.file), layout.apiServerUrl, pki.caCert, cert, key, id.user);
  }

  await openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', pki.serviceAccountKey]);
  await openssl(['pkey', '-in', pki.serviceAccountKey, '-pubout', '-out', pki.serviceAccountPublicKey]);
  // Written last: its presence marks a complete PKI.
  await writeKubeconfig(layout.kubeconfig, layout.apiServerUrl, pki.caCert, join(pki.dir, 'admin.crt'), join(pki.dir, 'admin.key'), 'troupe-e2e-admin');
  return pki;
}
