export * from './kube-control-plane.js';
