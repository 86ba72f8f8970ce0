// Public API of @troupe/operator.
export { Operator, type OperatorDependencies } from './operator.js';
export { resolveOperatorOptions, type OperatorOptions } from './operator-options.js';
export { KubeApiError, NotLeaderError, OperatorConfigError, OperatorError } from './errors.js';
export {
  API_VERSION,
  FINALIZER,
  GROUP,
  VERSION,
  type ServeBackend,
  type ServeBackendStatus,
  type ServeEndpoint,
  type ServeEndpointStatus,
} from './resource-types.js';
export { Reason, type Condition, type ConditionStatus, type ConditionType } from './status-conditions.js';
export {
  ensureAdminTokenSecret,
  ensureDataTokenSecret,
  ensureInstallationSecrets,
  ensureNatsAuthSecret,
  natsPasswordKey,
  ADMIN_TOKEN_KEY,
  DATA_TOKEN_KEY,
  type InstallationSecretOptions,
} from './installation-secrets.js';
export { ensureGeneratedSecret, randomAlphanumeric, type GeneratedSecretOptions } from './generated-secret.js';
export { KubeClient } from './kube-client.js';
export { runUninstallCleanup, type UninstallCleanupOptions } from './uninstall-cleanup.js';
export {
  desiredProxyObjects,
  HTTP_LOCATIONS,
  SERVICE_TYPES,
  type HttpLocation,
  type ProxyPodSettings,
  type ProxySettings,
  type ServiceType,
} from './proxy-manifests.js';
