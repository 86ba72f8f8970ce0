// The kinds the operator reads and writes, and the shapes of its custom resources.
import type { BackendSpecInput, EndpointSpecInput } from '@troupe/common';
import type { KubeObject, ResourceType } from './kube-client.js';
import type { Condition } from './status-conditions.js';

export const GROUP = 'serve.troupe.dev';
export const VERSION = 'v1alpha1';
export const API_VERSION = `${GROUP}/${VERSION}`;

export const SERVE_BACKEND: ResourceType = { apiVersion: API_VERSION, kind: 'ServeBackend', plural: 'servebackends' };
export const SERVE_ENDPOINT: ResourceType = { apiVersion: API_VERSION, kind: 'ServeEndpoint', plural: 'serveendpoints' };
export const LEASE: ResourceType = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', plural: 'leases' };
export const DAEMON_SET: ResourceType = { apiVersion: 'apps/v1', kind: 'DaemonSet', plural: 'daemonsets' };
export const DEPLOYMENT: ResourceType = { apiVersion: 'apps/v1', kind: 'Deployment', plural: 'deployments' };
export const SERVICE: ResourceType = { apiVersion: 'v1', kind: 'Service', plural: 'services' };
export const CONFIG_MAP: ResourceType = { apiVersion: 'v1', kind: 'ConfigMap', plural: 'configmaps' };
export const SECRET: ResourceType = { apiVersion: 'v1', kind: 'Secret', plural: 'secrets' };
export const NAMESPACE: ResourceType = { apiVersion: 'v1', kind: 'Namespace', plural: 'namespaces' };
export const EVENT: ResourceType = { apiVersion: 'v1', kind: 'Event', plural: 'events' };

/** Held by every ServeBackend and ServeEndpoint the operator has put on the head. */
export const FINALIZER = 'serve.troupe.dev/head-cleanup';

export interface ServeStatus {
  observedGeneration?: number;
  conditions?: Condition[];
}

export interface ServeBackendStatus extends ServeStatus {
  replicas?: number;
  readyReplicas?: number;
  replicaTags?: string[];
}

export interface ServeEndpointStatus extends ServeStatus {
  route?: string;
  readyReplicas?: number;
  traffic?: Record<string, number>;
}

export interface ServeBackend extends KubeObject {
  spec: BackendSpecInput;
  status?: ServeBackendStatus;
}

export interface ServeEndpoint extends KubeObject {
  spec: EndpointSpecInput;
  status?: ServeEndpointStatus;
}

/** Cache and queue key of a namespaced object. */
export function objectKey(object: KubeObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}

export function splitKey(key: string): { namespace: string; name: string } {
  const slash = key.indexOf('/');
  return { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
