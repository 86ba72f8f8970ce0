// What the chart's pre-delete hook runs (`operator --release-finalizers`): the head is about to be
// uninstalled, so no Serve resource may keep waiting for it. The operator Deployment is scaled to
// zero first and its Lease waited out, so no running operator puts a finalizer back; then every
// ServeBackend and ServeEndpoint loses the finalizer. The resources themselves stay (they belong
// to whoever applied them), and a later install adopts them again.
import type { Logger } from '@troupe/common';
import { releaseAllFinalizers } from './finalizers.js';
import type { KubeClient, KubeObject } from './kube-client.js';
import { DEPLOYMENT, LEASE, SERVE_BACKEND, SERVE_ENDPOINT } from './resource-types.js';

export interface UninstallCleanupOptions {
  kube: KubeClient;
  logger: Logger;
  namespace: string;
  watchNamespace: string;
  leaseName: string;
  /** The operator's Deployment, scaled to zero first. */
  operatorDeployment?: string;
  /** A holder that has not renewed for this long is gone. */
  leaseDurationMs: number;
  pollMs?: number;
}

interface Lease extends KubeObject {
  spec?: { holderIdentity?: string | null; renewTime?: string };
}

export async function runUninstallCleanup(options: UninstallCleanupOptions): Promise<number> {
  const { kube, logger, namespace } = options;
  if (options.operatorDeployment !== undefined) {
    const scaled = await kube.find(DEPLOYMENT, namespace, options.operatorDeployment);
    if (scaled !== undefined) {
      await kube.patch(DEPLOYMENT, namespace, options.operatorDeployment, { spec: { replicas: 0 } });
      logger.info({ deployment: options.operatorDeployment }, 'scaled the operator to zero');
    }
  }
  await waitForFreeLease(options);
  const released = await releaseAllFinalizers(kube, options.watchNamespace, [SERVE_BACKEND, SERVE_ENDPOINT]);
  logger.info({ released, namespace: options.watchNamespace }, 'released the finalizers of every Serve resource');
  return released;
}

/** Until nobody holds the Lease: released (holder empty), or not renewed for a lease duration. */
async function waitForFreeLease(options: UninstallCleanupOptions): Promise<void> {
  const { kube, logger, namespace, leaseName, leaseDurationMs } = options;
  const pollMs = options.pollMs ?? 250;
  const deadline = Date.now() + leaseDurationMs * 2 + 5_000;
  let lastRecord = '';
  let unchangedSince = Date.now();
  while (Date.now() < deadline) {
    const lease = await kube.find<Lease>(LEASE, namespace, leaseName);
    const holder = lease?.spec?.holderIdentity ?? '';
    if (holder === '') return;
    const record = `${holder}|${lease?.spec?.renewTime ?? ''}`;
    if (record !== lastRecord) {
      lastRecord = record;
      unchangedSince = Date.now();
    } else if (Date.now() - unchangedSince >= leaseDurationMs) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  logger.warn({ lease: leaseName }, 'the Lease is still renewed; releasing the finalizers anyway');
}
