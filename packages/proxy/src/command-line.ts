// The proxy process's command line: `proxy --flag value ...`, each flag with an environment
// fallback, so that the CLI, Helm and the operator can configure it either way.
import { parseArgs } from 'node:util';
import { ValidationError } from '@troupe/common';
import type { ProxyOptions } from './proxy-server.js';

interface FlagSpec {
  env: string;
  /** Parses and checks the text; throws with a message naming the flag. */
  parse?: (text: string, flag: string) => number;
  option: keyof ProxyOptions;
}

const FLAGS: Record<string, FlagSpec> = {
  'nats-url': { env: 'TROUPE_NATS_URL', option: 'natsUrl' },
  host: { env: 'TROUPE_HTTP_HOST', option: 'host' },
  port: { env: 'TROUPE_HTTP_PORT', option: 'port', parse: port },
  'node-id': { env: 'TROUPE_NODE_ID', option: 'nodeId' },
  'advertise-host': { env: 'TROUPE_ADVERTISE_HOST', option: 'advertiseHost' },
  'drain-seconds': { env: 'TROUPE_DRAIN_SECONDS', option: 'drainSeconds', parse: nonNegative },
  'body-limit-bytes': { env: 'TROUPE_BODY_LIMIT_BYTES', option: 'bodyLimitBytes', parse: nonNegativeInteger },
  'request-timeout-seconds': { env: 'TROUPE_REQUEST_TIMEOUT_SECONDS', option: 'requestTimeoutSeconds', parse: positive },
  'max-header-size': { env: 'TROUPE_MAX_HEADER_SIZE', option: 'maxHeaderSize', parse: positiveInteger },
  'headers-timeout-seconds': { env: 'TROUPE_HEADERS_TIMEOUT_SECONDS', option: 'headersTimeoutSeconds', parse: positive },
  'client-request-timeout-seconds': {
    env: 'TROUPE_CLIENT_REQUEST_TIMEOUT_SECONDS',
    option: 'clientRequestTimeoutSeconds',
    parse: positive,
  },
  'keep-alive-timeout-seconds': { env: 'TROUPE_KEEP_ALIVE_TIMEOUT_SECONDS', option: 'keepAliveTimeoutSeconds', parse: positive },
  'max-connections': { env: 'TROUPE_MAX_CONNECTIONS', option: 'maxConnections', parse: positiveInteger },
};

export const PROXY_USAGE = `usage: proxy ${Object.keys(FLAGS)
  .map((flag) => `[--${flag} X]`)
  .join(' ')}`;

/** Options of `proxy ...` (the arguments after the role word); flags win over the environment. */
export function parseProxyCommandLine(args: string[], env: NodeJS.ProcessEnv = process.env): ProxyOptions {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: Object.fromEntries(Object.keys(FLAGS).map((flag) => [flag, { type: 'string' as const }])),
      strict: true,
      allowPositionals: false,
    }) as { values: Record<string, string | undefined> });
  } catch (error) {
    throw new ValidationError(`${(error as Error).message}\n${PROXY_USAGE}`);
  }
  const options: Record<string, unknown> = { natsUrl: 'nats://127.0.0.1:4222' };
  for (const [flag, spec] of Object.entries(FLAGS)) {
    const text = values[flag] ?? env[spec.env];
    if (text === undefined || text === '') continue;
    options[spec.option] = spec.parse ? spec.parse(text, `--${flag}`) : text;
  }
  return options as unknown as ProxyOptions;
}

function number(text: string, flag: string, ok: (n: number) => boolean, rule: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || !ok(value)) {
    throw new ValidationError(`${flag}: must be ${rule}, got ${JSON.stringify(text)}`);
  }
  return value;
}

function port(text: string, flag: string): number {
  return number(text, flag, (n) => Number.isInteger(n) && n >= 0 && n <= 65_535, 'a port number (0-65535)');
}

function nonNegative(text: string, flag: string): number {
  return number(text, flag, (n) => n >= 0, 'a number >= 0');
}

function positive(text: string, flag: string): number {
  return number(text, flag, (n) => n > 0, 'a number > 0');
}

function nonNegativeInteger(text: string, flag: string): number {
  return number(text, flag, (n) => Number.isInteger(n) && n >= 0, 'an integer >= 0');
}

function positiveInteger(text: string, flag: string): number {
  return number(text, flag, (n) => Number.isInteger(n) && n > 0, 'an integer > 0');
}
