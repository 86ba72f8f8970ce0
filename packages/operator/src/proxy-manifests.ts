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
/** Seconds a proxy pod has, beyond its pre-stop, drain and request timeout, before SIGKILL. */
export const GRACE_MARGIN_SECONDS = 5;
export const SPEC_HASH_ANNOTATION = 'serve.troupe.dev/spec-hash';
export const TLS_MOUNT_PATH = '/etc/troupe/tls';

/**
 * Pod settings of the proxies that come from the installation (the chart's values), not from
 * Troupe: pulling, security, scheduling.
 */
export interface ProxyPodSettings {
  imagePullSecrets?: { name: string }[];
  podSecurityContext?: Record<string, unknown>;
  /** Of the proxy container. */
  securityContext?: Record<string, unknown>;
  nodeSelector?: Record<string, string>;
  tolerations?: Record<string, unknown>[];
  affinity?: Record<string, unknown>;
  priorityClassName?: string;
}

/** What the `restricted` Pod Security Standard asks for; used unless the installation says otherwise. */
export const PROXY_POD_DEFAULTS: Required<Pick<ProxyPodSettings, 'podSecurityContext' | 'securityContext'>> = {
  podSecurityContext: {
    runAsNonRoot: true,
    runAsUser: 10001,
    runAsGroup: 10001,
    fsGroup: 10001,
    seccompProfile: { type: 'RuntimeDefault' },
  },
  securityContext: {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  },
};

export interface ProxySettings {
  namespace: string;
  location: HttpLocation;
  /** Port of the Service. */
  port: number;
  /** Port each proxy listens on in its pod. @default port */
  containerPort: number;
  serviceType: ServiceType;
  image: string;
  imagePullPolicy: 'Always' | 'IfNotPresent' | 'Never';
  natsUrl: string;
  /**
   * Seconds a terminating proxy keeps serving, healthy, before it gets its SIGTERM: kube-proxy
   * fails the node's health check for the load balancer as soon as only terminating proxies are
   * left on it, and keeps sending it local traffic only while the proxy is ready.
   */
  preStopSeconds: number;
  /** Seconds a proxy keeps answering (with /-/healthz failing) after its SIGTERM, before it closes. */
  drainSeconds: number;
  /** The proxies' request timeout; a stopping proxy is given this long for requests in flight. */
  requestTimeoutSeconds: number;
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
  /** Secret with tls.crt, tls.key and ca.crt: the proxies then call workers over mutual TLS. */
  tlsSecret?: string;
  /** Name the proxies check in the workers' certificates (they are dialled by pod IP). */
  tlsServerName?: string;
  pod?: ProxyPodSettings;
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
      containerPort: String(settings.containerPort),
      preStopSeconds: String(settings.preStopSeconds),
      drainSeconds: String(settings.drainSeconds),
      requestTimeoutSeconds: String(settings.requestTimeoutSeconds),
    },
  });
}

/** Seconds from a proxy pod's deletion to SIGKILL: pre-stop, drain, then the slowest request. */
export function terminationGraceSeconds(settings: ProxySettings): number {
  return settings.preStopSeconds + settings.drainSeconds + settings.requestTimeoutSeconds + GRACE_MARGIN_SECONDS;
}

function nonEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** HeadOnly's required affinity to the head's node, merged into the installation's affinity. */
function affinityOf(settings: ProxySettings): Record<string, unknown> | undefined {
  const given = settings.pod?.affinity ?? {};
  if (settings.location !== 'HeadOnly' || Object.keys(settings.headSelector).length === 0) return nonEmpty(given) ? given : undefined;
  const podAffinity = (given.podAffinity ?? {}) as Record<string, unknown>;
  const required = (podAffinity.requiredDuringSchedulingIgnoredDuringExecution ?? []) as unknown[];
  return {
    ...given,
    podAffinity: {
      ...podAffinity,
      requiredDuringSchedulingIgnoredDuringExecution: [
        { labelSelector: { matchLabels: settings.headSelector }, topologyKey: 'kubernetes.io/hostname' },
        ...required,
      ],
    },
  };
}

function podTemplate(settings: ProxySettings): Record<string, unknown> {
  const pod = settings.pod ?? {};
  const env: Record<string, unknown>[] = [
    { name: 'TROUPE_NODE_ID', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
    { name: 'TROUPE_NATS_URL', value: settings.natsUrl },
  ];
  if (settings.natsSecret !== undefined) {
    env.push(
      { name: 'TROUPE_NATS_USER', value: natsUser('proxy') },
      { name: 'TROUPE_NATS_PASSWORD', valueFrom: { secretKeyRef: { name: settings.natsSecret, key: 'proxy-password' } } },
    );
  }
  const volumeMounts: Record<string, unknown>[] = [{ name: 'tmp', mountPath: '/tmp' }];
  // The root filesystem is read-only; Node may still want a temporary directory.
  const volumes: Record<string, unknown>[] = [{ name: 'tmp', emptyDir: {} }];
  if (settings.tlsSecret !== undefined) {
    env.push(
      { name: 'TROUPE_TLS_CERT', value: `${TLS_MOUNT_PATH}/tls.crt` },
      { name: 'TROUPE_TLS_KEY', value: `${TLS_MOUNT_PATH}/tls.key` },
      { name: 'TROUPE_TLS_CA', value: `${TLS_MOUNT_PATH}/ca.crt` },
    );
    if (settings.tlsServerName !== undefined) env.push({ name: 'TROUPE_TLS_SERVER_NAME', value: settings.tlsServerName });
    volumeMounts.push({ name: 'tls', mountPath: TLS_MOUNT_PATH, readOnly: true });
    volumes.push({ name: 'tls', secret: { secretName: settings.tlsSecret, defaultMode: 0o440 } });
  }
  const container: Record<string, unknown> = {
    name: 'proxy',
    image: settings.image,
    imagePullPolicy: settings.imagePullPolicy,
    args: [
      'proxy',
      '--nats-url', settings.natsUrl,
      '--host', '0.0.0.0',
      '--port', String(settings.containerPort),
      '--node-id', '$(TROUPE_NODE_ID)',
      '--drain-seconds', String(settings.drainSeconds),
      '--request-timeout-seconds', String(settings.requestTimeoutSeconds),
    ],
    env,
    // No hostPort: a surged proxy and the one it replaces run side by side on one node.
    ports: [{ name: 'http', containerPort: settings.containerPort, protocol: 'TCP' }],
    readinessProbe: {
      httpGet: { path: '/-/healthz', port: 'http' },
      periodSeconds: 2,
      // One slow answer (a long GC pause, a busy event loop) must not take the node out.
      timeoutSeconds: 2,
      failureThreshold: 3,
      successThreshold: 1,
    },
    livenessProbe: {
      tcpSocket: { port: 'http' },
      periodSeconds: 10,
      timeoutSeconds: 5,
      failureThreshold: 6,
    },
    securityContext: pod.securityContext ?? PROXY_POD_DEFAULTS.securityContext,
    volumeMounts,
  };
  if (settings.preStopSeconds > 0) {
    // Kubernetes marks the pod terminating first. kube-proxy then fails the node's health check
    // (healthCheckNodePort) when no other proxy on the node is ready, but keeps sending it local
    // traffic while it stays ready. So the proxy goes on serving, healthy, until the load balancer
    // has noticed; only then does the kubelet's SIGTERM start its drain (/-/healthz 503,
    // drainSeconds more of serving, then the listener closes and requests in flight finish).
    container.lifecycle = { preStop: { exec: { command: ['sleep', String(settings.preStopSeconds)] } } };
  }
  if (settings.resources !== undefined) container.resources = settings.resources;
  if (settings.envSecret !== undefined) container.envFrom = [{ secretRef: { name: settings.envSecret } }];
  const spec: Record<string, unknown> = {
    terminationGracePeriodSeconds: terminationGraceSeconds(settings),
    automountServiceAccountToken: false,
    enableServiceLinks: false,
    securityContext: pod.podSecurityContext ?? PROXY_POD_DEFAULTS.podSecurityContext,
    containers: [container],
    volumes,
  };
  if (nonEmpty(pod.imagePullSecrets)) spec.imagePullSecrets = pod.imagePullSecrets;
  if (nonEmpty(pod.priorityClassName)) spec.priorityClassName = pod.priorityClassName;
  if (nonEmpty(pod.nodeSelector)) spec.nodeSelector = pod.nodeSelector;
  if (nonEmpty(pod.tolerations)) spec.tolerations = pod.tolerations;
  const affinity = affinityOf(settings);
  if (affinity !== undefined) spec.affinity = affinity;
  // Only labels that select: a new operator or chart version alone must not restart every proxy.
  return { metadata: { labels: labels(settings) }, spec };
}

export function daemonSetManifest(settings: ProxySettings, owner: OwnerReference): KubeObject {
  return withSpecHash({
    apiVersion: DAEMON_SET.apiVersion,
    kind: DAEMON_SET.kind,
    metadata: { name: proxyName(settings), namespace: settings.namespace, labels: labels(settings), ownerReferences: [owner] },
    spec: {
      selector: { matchLabels: selectorLabels(settings) },
      // A node's new proxy is ready before its old one starts stopping, so the node never has
      // none (and its load balancer health check never fails) during a rollout.
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
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
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
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
