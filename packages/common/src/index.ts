// Public API of @troupe/common: what services, the SDK and the CLI share.
export * from './errors.js';
export * from './failure-converter.js';
export * from './logger.js';
export * from './schema-validator.js';
export * from './backend-config.js';
export * from './app-spec.js';
export * from './route-pattern.js';
export * from './data-plane-types.js';
export * from './worker-channel.js';
export * from './replica-scheduler.js';
export * from './traffic-policy.js';
export * from './data-plane.js';
export * from './snapshot-watcher.js';
export * from './parent-watch.js';
export * from './route-table.js';
export * from './transport-security.js';
export * from './unary-client.js';
