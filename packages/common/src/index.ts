// Public API of @troupe/common: what services, the SDK and the CLI share.
export * from './errors.js';
export * from './failure-converter.js';
export * from './logger.js';
export * from './schema-validator.js';
export * from './backend-config.js';
export * from './app-spec.js';
export * from './route-pattern.js';
