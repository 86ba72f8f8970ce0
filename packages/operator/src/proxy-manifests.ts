// The objects that run the HTTP proxies for each HTTP location, as pure data. Everything is owned
// by the ConfigMap `<prefix>-proxy-config`, which records the settings they were made from: deleting
// it (or the operator Deployment that owns it, when known) lets Kubernetes' garbage collector
// remove them all.
import { createHash } from 'node:crypto';
import { natsUser } from '@troupe/common';
import type { KubeObject, OwnerReference } from './kube-client.js';
import { CONFIG_MAP, DAEMON_SET, DEPLOYMENT, SERVICE } from './resource-types.js';

export type HttpLocation = 'HeadOnly' | 'EveryNode' | 'NoServer';
export const HTTP_LOCATIONS: readonly HttpLocation[] = ['HeadOnly', 'EveryNode', 'NoServer'];
export type ServiceType = 'LoadBalancer' | 'NodePort' | 'ClusterIP';
export const SERVICE_TYPES: readonly ServiceType[] = ['LoadBalancer', 'NodePort', 'ClusterIP'];

export const MANAGED_BY = 'troupe-operator';
/** Seconds a proxy pod has after its drain period before it is killed. */
export const GRACE_AFTER_DRAIN_SECONDS = 30;
export const SPEC_HASH_ANNOTATION = 'serve.troupe.dev/spec-hash';

export interface ProxySettings {
  namespace: string;
  location: HttpLocation;
  /** Port of every proxy, and of the Service. */
  port: number;
  serviceType: ServiceType;
  image: string;
  imagePullPolicy: 'Always' | 'IfNotPresent' | 'Never';
  natsUrl: string;
  /** Seconds a proxy keeps answering (with /-/healthz failing) before it closes. */
  drainSeconds: number;
  /** Names are `<prefix>-proxy`, `<prefix>-proxy-config`. */
  namePrefix: string;
  /** app.kubernetes.io/instance of everything (the Helm release). */
  instance: string;
  /** Labels of the head's pods: the HeadOnly proxy is scheduled on the same node. */
  headSelector: Record<string, string>;
  resources?: Record<string, unknown>;
  /** Secret whose keys become environment variables of the proxies (NATS credentials, TLS...). */
  envSecret?: string;
  /**
   * Secret holding the NATS password of the proxy role (key `proxy-password`): proxies connect as
   * the `troupe-proxy` user, which may only read snapshots and publish heartbeats.
   */
  natsSecret?: string;
}

export function proxyName(settings: ProxySettings): string {
  return `${settings.namePrefix}-proxy`;
}

export function configName(settings: ProxySettings): string {
  return `${settings.namePrefix}-proxy-config`;
}

/** Label selector of everything the operator creates for this instance. */
export function managedSelector(settings: ProxySettings): string {
  return `app.kubernetes.io/managed-by=${MANAGED_BY},app.kubernetes.io/instance=${settings.instance}`;
}

function selectorLabels(settings: ProxySettings): Record<string, string> {
  return {
    'app.kubernetes.io/name': 'troupe',
    'app.kubernetes.io/instance': settings.instance,
    'app.kubernetes.io/component': 'proxy',
  };
}

function labels(settings: ProxySettings): Record<string, string> {
  return { ...selectorLabels(settings), 'app.kubernetes.io/part-of': 'troupe', 'app.kubernetes.io/managed-by': MANAGED_BY };
}

/** Adds the hash of the object's own content, so a change of the desired spec is always applied. */
function withSpecHash(object: KubeObject): KubeObject {
  const hash = createHash('sha256').update(JSON.stringify(object)).digest('hex').slice(0, 16);
  object.metadata.annotations = { ...(object.metadata.annotations ?? {}), [SPEC_HASH_ANNOTATION]: hash };
  return object;
}

export function configMapManifest(settings: ProxySettings, owner?: OwnerReference): KubeObject {
  return withSpecHash({
    apiVersion: CONFIG_MAP.apiVersion,
    kind: CONFIG_MAP.kind,
    metadata: {
      name: configName(settings),
      namespace: settings.namespace,
      labels: { ...labels(settings), 'app.kubernetes.io/component': 'proxy-config' },
      ...(owner === undefined ? {} : { ownerReferences: [owner] }),
    },
    data: {
      location: settings.location,
      port: String(settings.port),
      serviceType: settings.serviceType,
      image: settings.image,
      natsUrl: settings.natsUrl,
      drainSeconds: String(settings.drainSeconds),
    },
  });
}

function podTemplate(settings: ProxySettings): Record<string, unknown> {
  const container: Record<string, unknown> = {
    name: 'proxy',
    image: settings.image,
    imagePullPolicy: settings.imagePullPolicy,
    args: [
      'proxy',
      '--nats-url', settings.natsUrl,
      '--host', '0.0.0.0',
      '--port', String(settings.port),
      '--node-id', '$(TROUPE_NODE_ID)',
      '--drain-seconds', String(settings.drainSeconds),
    ],
    env: [
      { name: 'TROUPE_NODE_ID', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
      { name: 'TROUPE_NATS_URL', value: settings.natsUrl },
      ...(settings.natsSecret === undefined
        ? []
        : [
            { name: 'TROUPE_NATS_USER', value: natsUser('proxy') },
            { name: 'TROUPE_NATS_PASSWORD', valueFrom: { secretKeyRef: { name: settings.natsSecret, key: 'proxy-password' } } },
          ]),
    ],
    ports: [{ name: 'http', containerPort: settings.port, protocol: 'TCP' }],
    readinessProbe: {
      httpGet: { path: '/-/healthz', port: 'http' },
      periodSeconds: 2,
      timeoutSeconds: 1,
      failureThreshold: 1,
    },
    lifecycle: {
      // The drain starts here, not at the kubelet's SIGTERM: the proxy's own SIGTERM handler
      // makes /-/healthz answer 503 at once (so the readiness probe and the load balancer's
      // health check take this node out) while it keeps serving for drainSeconds, then closes
      // its listener. The sleep holds the kubelet's SIGTERM back until then; arriving after the
      // drain period, it only skips what is left of it, and requests in flight still finish.
      preStop: { exec: { command: ['/bin/sh', '-c', `kill -TERM 1; sleep ${settings.drainSeconds}`] } },
    },
  };
  if (settings.resources !== undefined) container.resources = settings.resources;
  if (settings.envSecret !== undefined) container.envFrom = [{ secretRef: { name: settings.envSecret } }];
  const spec: Record<string, unknown> = {
    // Above the drain period, with room for requests in flight at its end to finish before SIGKILL.
    terminationGracePeriodSeconds: settings.drainSeconds + GRACE_AFTER_DRAIN_SECONDS,
    containers: [container],
  };
  if (settings.location === 'HeadOnly' && Object.keys(settings.headSelector).length > 0) {
    spec.affinity = {
      podAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [
          { labelSelector: { matchLabels: settings.headSelector }, topologyKey: 'kubernetes.io/hostname' },
        ],
      },
    };
  }
  return { metadata: { labels: labels(settings) }, spec };
}

export function daemonSetManifest(settings: ProxySettings, owner: OwnerReference): KubeObject {
  return withSpecHash({
    apiVersion: DAEMON_SET.apiVersion,
    kind: DAEMON_SET.kind,
    metadata: { name: proxyName(settings), namespace: settings.namespace, labels: labels(settings), ownerReferences: [owner] },
    spec: {
      selector: { matchLabels: selectorLabels(settings) },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      template: podTemplate(settings),
    },
  });
}

export function deploymentManifest(settings: ProxySettings, owner: OwnerReference): KubeObject {
  return withSpecHash({
    apiVersion: DEPLOYMENT.apiVersion,
    kind: DEPLOYMENT.kind,
    metadata: { name: proxyName(settings), namespace: settings.namespace, labels: labels(settings), ownerReferences: [owner] },
    spec: {
      replicas: 1,
      selector: { matchLabels: selectorLabels(settings) },
      template: podTemplate(settings),
    },
  });
}

export function serviceManifest(settings: ProxySettings, owner: OwnerReference): KubeObject {
  const spec: Record<string, unknown> = {
    type: settings.serviceType,
    selector: selectorLabels(settings),
    ports: [{ name: 'http', port: settings.port, targetPort: 'http', protocol: 'TCP' }],
  };
  // Local: the load balancer's health check (kube-proxy's healthCheckNodePort) fails on nodes
  // without a ready proxy, and client addresses are kept. Only meaningful with node ports.
  if (settings.location === 'EveryNode' && settings.serviceType !== 'ClusterIP') spec.externalTrafficPolicy = 'Local';
  return withSpecHash({
    apiVersion: SERVICE.apiVersion,
    kind: SERVICE.kind,
    metadata: { name: proxyName(settings), namespace: settings.namespace, labels: labels(settings), ownerReferences: [owner] },
    spec,
  });
}

/** What should exist for the location, owned by the config object. */
export function desiredProxyObjects(settings: ProxySettings, owner: OwnerReference): KubeObject[] {
  switch (settings.location) {
    case 'EveryNode':
      return [daemonSetManifest(settings, owner), serviceManifest(settings, owner)];
    case 'HeadOnly':
      return [deploymentManifest(settings, owner), serviceManifest(settings, owner)];
    case 'NoServer':
      return [];
  }
}

/**
 * True when every field of `desired` has the same value in `actual` (arrays element by element).
 * Fields the API server or others added are ignored: only what the operator sets counts as drift.
 */
export function containsDesired(actual: unknown, desired: unknown): boolean {
  if (Array.isArray(desired)) {
    return Array.isArray(actual) && actual.length === desired.length && desired.every((d, i) => containsDesired(actual[i], d));
  }
  if (desired !== null && typeof desired === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(desired).every(([key, value]) => containsDesired((actual as Record<string, unknown>)[key], value));
  }
  return actual === desired;
}
