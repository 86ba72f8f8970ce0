// Who may do what on NATS. nats-server enforces it: every component connects as the user of its
// role, and each user may publish and subscribe only on the subjects that role needs. The same
// lists are written into the local cluster's nats-server configuration and into the Helm chart's.
import { PROXY_HEARTBEAT_SUBJECT, SNAPSHOT_KEY, SNAPSHOT_SUBJECT, STATE_BUCKET } from '@troupe/protocol';

/** head: the controller; proxy: HTTP ingress; client: SDK handles (user code included). */
export type NatsRole = 'head' | 'proxy' | 'client';
export const NATS_ROLES: readonly NatsRole[] = ['head', 'proxy', 'client'];

/** The NATS user name of each role. */
export function natsUser(role: NatsRole): string {
  return `troupe-${role}`;
}

/**
 * Replies to a user's requests arrive under its own inbox prefix, so that no other user can
 * subscribe to them (a client could otherwise read the head's JetStream replies).
 */
export function natsInboxPrefix(user: string): string {
  return `_INBOX_${user.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

const STATE_STREAM = `KV_${STATE_BUCKET}`;
/** Direct get of the latest stored snapshot, the only stored value proxies and clients may read. */
export const SNAPSHOT_DIRECT_GET_SUBJECT = `$JS.API.DIRECT.GET.${STATE_STREAM}.$KV.${STATE_BUCKET}.${SNAPSHOT_KEY}`;

export interface NatsPermissions {
  publish: string[];
  subscribe: string[];
}

export function natsPermissions(role: NatsRole): NatsPermissions {
  const inbox = `${natsInboxPrefix(natsUser(role))}.>`;
  switch (role) {
    case 'head':
      return {
        publish: [
          SNAPSHOT_SUBJECT,
          `$KV.${STATE_BUCKET}.>`,
          '$JS.API.INFO',
          `$JS.API.STREAM.INFO.${STATE_STREAM}`,
          `$JS.API.STREAM.CREATE.${STATE_STREAM}`,
          `$JS.API.STREAM.UPDATE.${STATE_STREAM}`,
          `$JS.API.STREAM.MSG.GET.${STATE_STREAM}`,
          `$JS.API.DIRECT.GET.${STATE_STREAM}`,
          `$JS.API.DIRECT.GET.${STATE_STREAM}.>`,
        ],
        subscribe: [PROXY_HEARTBEAT_SUBJECT, inbox],
      };
    case 'proxy':
      return { publish: [PROXY_HEARTBEAT_SUBJECT, SNAPSHOT_DIRECT_GET_SUBJECT], subscribe: [SNAPSHOT_SUBJECT, inbox] };
    case 'client':
      return { publish: [SNAPSHOT_DIRECT_GET_SUBJECT], subscribe: [SNAPSHOT_SUBJECT, inbox] };
  }
}

export type NatsPasswords = Record<NatsRole, string>;

export interface NatsServerConfigOptions {
  host: string;
  port: number;
  storeDir: string;
  /** Per-role passwords; without them, NATS accepts anonymous connections (loopback only). */
  passwords?: NatsPasswords;
  /**
   * `sync_interval: always` (nats-server 2.10 and later): every acknowledged write is on disk.
   * Older servers write each message to the file before acknowledging it, so a killed server
   * loses nothing, but the operating system may still hold it in its cache.
   */
  syncAlways: boolean;
}

function quote(text: string): string {
  return JSON.stringify(text);
}

function list(items: string[]): string {
  return `[${items.map(quote).join(', ')}]`;
}

/** The text of a nats-server configuration file. Holds passwords: write it with mode 0600. */
export function natsServerConfig(options: NatsServerConfigOptions): string {
  const lines = [
    `listen: ${quote(`${options.host}:${options.port}`)}`,
    'jetstream {',
    `  store_dir: ${quote(options.storeDir)}`,
    ...(options.syncAlways ? ['  sync_interval: always'] : []),
    '}',
  ];
  if (options.passwords) {
    const passwords = options.passwords;
    lines.push('accounts {', '  TROUPE {', '    jetstream: enabled', '    users: [');
    for (const role of NATS_ROLES) {
      const permissions = natsPermissions(role);
      lines.push(
        `      { user: ${quote(natsUser(role))}, password: ${quote(passwords[role])}, permissions: {` +
          ` publish: { allow: ${list(permissions.publish)} }, subscribe: { allow: ${list(permissions.subscribe)} } } }`,
      );
    }
    lines.push('    ]', '  }', '}');
  }
  return `${lines.join('\n')}\n`;
}
