import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Files of the throwaway PKI a test control plane runs with; all paths are inside one directory. */
export interface KubeCertificates {
  caCert: string;
  caKey: string;
  servingCert: string;
  servingKey: string;
  adminCert: string;
  adminKey: string;
  serviceAccountKey: string;
  serviceAccountPublicKey: string;
}

export const ADMIN_USER = 'troupe-test-admin';

// Short-lived on purpose: these certificates only have to outlive one test run.
const VALIDITY_DAYS = '2';

export async function openssl(args: string[]): Promise<void> {
  try {
    await execFileAsync('openssl', args, { maxBuffer: 4 * 1024 * 1024 });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new Error('the openssl CLI is needed to generate test certificates but is not on PATH');
    throw new Error(`openssl ${args[0] ?? ''} failed: ${e.stderr ?? e.message}`);
  }
}

export async function newKey(path: string): Promise<void> {
  await openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', path]);
}

export async function signedCert(
  dir: string,
  name: string,
  subject: string,
  extensions: string[],
  ca: { cert: string; key: string },
  validityDays = VALIDITY_DAYS,
): Promise<{ cert: string; key: string }> {
  const key = join(dir, `${name}.key`);
  const csr = join(dir, `${name}.csr`);
  const cert = join(dir, `${name}.crt`);
  const ext = join(dir, `${name}.ext`);
  await newKey(key);
  await openssl(['req', '-new', '-key', key, '-subj', subject, '-out', csr]);
  await writeFile(ext, extensions.join('\n') + '\n');
  await openssl([
    // A serial file per leaf, because the leaves are signed concurrently.
    'x509', '-req', '-in', csr, '-CA', ca.cert, '-CAkey', ca.key, '-CAserial', join(dir, `${name}.srl`), '-CAcreateserial',
    '-days', validityDays, '-sha256', '-extfile', ext, '-out', cert,
  ]);
  return { cert, key };
}

/**
 * A CA, a serving certificate for the loopback API server, a client certificate for an
 * administrator in system:masters (which bypasses RBAC, like a cluster's bootstrap admin)
 * and a service-account signing key pair.
 */
export async function generateKubeCertificates(dir: string): Promise<KubeCertificates> {
  const caKey = join(dir, 'ca.key');
  const caCert = join(dir, 'ca.crt');
  await newKey(caKey);
  await openssl([
    'req', '-x509', '-new', '-key', caKey, '-subj', '/CN=troupe-test-ca', '-days', VALIDITY_DAYS, '-sha256',
    '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign,digitalSignature',
    '-out', caCert,
  ]);
  const ca = { cert: caCert, key: caKey };

  const leaf = ['basicConstraints=critical,CA:FALSE', 'keyUsage=critical,digitalSignature,keyEncipherment'];
  const [serving, admin] = await Promise.all([
    signedCert(dir, 'apiserver', '/CN=kube-apiserver', [
      ...leaf,
      'extendedKeyUsage=serverAuth',
      'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc',
    ], ca),
    signedCert(dir, 'admin', `/O=system:masters/CN=${ADMIN_USER}`, [...leaf, 'extendedKeyUsage=clientAuth'], ca),
  ]);

  const serviceAccountKey = join(dir, 'service-account.key');
  const serviceAccountPublicKey = join(dir, 'service-account.pub');
  await openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', serviceAccountKey]);
  await openssl(['pkey', '-in', serviceAccountKey, '-pubout', '-out', serviceAccountPublicKey]);

  return {
    caCert,
    caKey,
    servingCert: serving.cert,
    servingKey: serving.key,
    adminCert: admin.cert,
    adminKey: admin.key,
    serviceAccountKey,
    serviceAccountPublicKey,
  };
}
