// Public API of @troupe/cli, for programs that deploy app files themselves.
export { readAppFile } from './app-file.js';
export { deployApp, deleteApp, type DeployProgress } from './app-deployer.js';
