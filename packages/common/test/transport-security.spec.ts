// TROUPE_TLS_SERVER_NAME against real TLS: a server whose certificate names only a DNS name,
// dialled by IP as Kubernetes pods are.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Server, type ServiceDefinition, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import { loadChannelCredentials, loadServerCredentials } from '../src/transport-security.js';

const identity = (value: Buffer): Buffer => value;
const ECHO: ServiceDefinition = {
  call: {
    path: '/test.Echo/Call',
    requestStream: false,
    responseStream: false,
    requestSerialize: identity,
    requestDeserialize: identity,
    responseSerialize: identity,
    responseDeserialize: identity,
  },
};

function makeCertificates(dir: string, dnsName: string): { ca: string; cert: string; key: string } {
  const file = (name: string): string => join(dir, name);
  const openssl = (...args: string[]): void => {
    execFileSync('openssl', args, { stdio: 'pipe' });
  };
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl('req', '-x509', ...ec, '-keyout', file('ca.key'), '-out', file('ca.crt'), '-days', '2', '-subj', '/CN=test CA');
  openssl('req', ...ec, '-keyout', file('node.key'), '-out', file('node.csr'), '-subj', `/CN=${dnsName}`);
  writeFileSync(file('ext.cnf'), `subjectAltName=DNS:${dnsName}\nextendedKeyUsage=serverAuth,clientAuth\nbasicConstraints=CA:FALSE\n`);
  openssl('x509', '-req', '-in', file('node.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-CAcreateserial',
    '-out', file('node.crt'), '-days', '2', '-extfile', file('ext.cnf'));
  return { ca: file('ca.crt'), cert: file('node.crt'), key: file('node.key') };
}

describe('transport security: TROUPE_TLS_SERVER_NAME', function () {
  this.timeout(30_000);
  let dir: string;
  let server: Server;
  let port: number;
  let files: { ca: string; cert: string; key: string };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'troupe-tls-name-'));
    files = makeCertificates(dir, 'troupe-head.apps.svc');
    server = new Server();
    server.addService(ECHO, { call: (call: ServerUnaryCall<Buffer, Buffer>, done: sendUnaryData<Buffer>) => done(null, call.request) });
    const env = { TROUPE_TLS_CERT: files.cert, TROUPE_TLS_KEY: files.key, TROUPE_TLS_CA: files.ca };
    port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', loadServerCredentials(env), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
  });

  after(() => {
    server?.forceShutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  function call(serverName: string | undefined): Promise<Buffer> {
    const env: NodeJS.ProcessEnv = { TROUPE_TLS_CERT: files.cert, TROUPE_TLS_KEY: files.key, TROUPE_TLS_CA: files.ca };
    if (serverName !== undefined) env.TROUPE_TLS_SERVER_NAME = serverName;
    const client = new Client(`127.0.0.1:${port}`, loadChannelCredentials(env));
    return new Promise<Buffer>((resolve, reject) => {
      client.makeUnaryRequest('/test.Echo/Call', identity, identity, Buffer.from('hi'), { deadline: Date.now() + 5_000 }, (error, reply) => {
        client.close();
        if (error) reject(error);
        else resolve(reply!);
      });
    });
  }

  it('an address the certificate does not name is refused; the configured name is accepted; another name is refused', async () => {
    await assert.rejects(call(undefined), /UNAVAILABLE|certificate|altnames/i);
    assert.equal((await call('troupe-head.apps.svc')).toString(), 'hi');
    await assert.rejects(call('other.apps.svc'), /UNAVAILABLE|certificate|altnames/i);
  });
});
