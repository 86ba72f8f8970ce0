export * from './kube-control-plane.js';
export * from './skip-reason.js';
export * from './nats-server.js';
export * from './poll.js';
export * from './haproxy.js';
export * from './serving-cluster.js';
