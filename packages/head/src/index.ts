// Public API of @troupe/head.
export { Head, type HeadOptions } from './head.js';
export { startHeadServer, type HeadServer, type HeadServerOptions } from './head-server.js';
