// NATS names shared by every component. Kept beside the wire types so that a rename is one edit.

/** Subject on which the head publishes `Snapshot` messages. */
export const SNAPSHOT_SUBJECT = 'troupe.snapshot';
/** Subject on which proxies publish `ProxyHeartbeat` messages. */
export const PROXY_HEARTBEAT_SUBJECT = 'troupe.proxy.heartbeat';
/** JetStream KV bucket holding the head's desired state and the latest snapshot. */
export const STATE_BUCKET = 'troupe_state';
export const DESIRED_STATE_KEY = 'desired';
export const SNAPSHOT_KEY = 'snapshot';
