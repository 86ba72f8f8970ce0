// The chart on a real two-node cluster whose pods run: helm install → every pod Ready →
// ServeBackend/ServeEndpoint resources Ready=True → HTTP through each node's NodePort and through
// HAProxy standing in for the cloud load balancer (every node's port, health-checked on the
// Service's healthCheckNodePort as cloud load balancers do with externalTrafficPolicy: Local).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pollUntil, type LoadBalancer } from '@troupe/test-kit';
import { describeCounts, httpGet, startHttpLoad, type HttpReply } from './support/http-load.ts';
import { installTroupe, REPO_ROOT, type ProxyService, type TroupeRelease } from './support/troupe-release.ts';

const echoOk = (user: string) => (reply: HttpReply): string | undefined => {
  if (reply.status !== 200) return `status ${reply.status}: ${reply.body.slice(0, 200)}`;
  const body = JSON.parse(reply.body) as { user?: string };
  return body.user === user ? undefined : `unexpected body ${reply.body.slice(0, 200)}`;
};

// A backend that calls another endpoint through a handle, inside the pods.
const COMPOSITION = `
apiVersion: serve.troupe.dev/v1alpha1
kind: ServeBackend
metadata: { name: card }
spec:
  importPath: ./examples/greeting-card.mjs#greetingCard
  config: { numReplicas: 2 }
---
apiVersion: serve.troupe.dev/v1alpha1
kind: ServeEndpoint
metadata: { name: card }
spec:
  route: /card/{name}
  methods: [GET]
  backend: card
`;

describe('Troupe on a real two-node Kubernetes cluster', function () {
  let release: TroupeRelease | undefined;
  let service: ProxyService;
  let lb: LoadBalancer | undefined;

  before(async function () {
    this.timeout(20 * 60_000);
    // Network namespaces, cgroups and mounts: a real cluster cannot run without root.
    if (process.getuid?.() !== 0) throw new Error('the end-to-end tests need root');
    release = await installTroupe({ extraValues: { 'http.location': 'EveryNode' } });
  });

  after(async function () {
    this.timeout(5 * 60_000);
    await lb?.stop();
    await release?.uninstall();
  });

  it('runs every pod Ready, one proxy per node', async function () {
    const r = release!;
    const proxies = await r.pods('proxy');
    assert.deepEqual(proxies.map((p) => p.node).sort(), r.cluster.nodes.map((n) => n.name).sort());
    assert.ok(proxies.every((p) => p.ready));
    for (const component of ['head', 'worker', 'operator', 'nats']) {
      const pods = await r.pods(component);
      assert.ok(pods.length > 0 && pods.every((p) => p.ready), `${component}: ${JSON.stringify(pods)}`);
    }
  });

  it('serves the example app from ServeBackend/ServeEndpoint resources through every NodePort', async function () {
    this.timeout(5 * 60_000);
    const r = release!;
    const applied = await r.applyAndWaitReady(readFileSync(join(REPO_ROOT, 'deploy', 'examples', 'app.yaml'), 'utf8'));
    assert.equal(applied.length, 4);
    service = await r.proxyService();
    assert.equal(service.externalTrafficPolicy, 'Local');
    for (const node of r.cluster.nodes) {
      const url = `http://${node.ip}:${service.nodePort}`;
      const echo = await httpGet(`${url}/api/ada?lang=en`);
      assert.equal(echoOk('ada')(echo), undefined, `echo through ${node.name}`);
      assert.deepEqual(JSON.parse(echo.body), { user: 'ada', method: 'GET', query: { lang: 'en' }, body: '' });
      const greet = await httpGet(`${url}/greet/bob`);
      assert.equal(greet.status, 200, greet.body);
      assert.match(greet.body, /^Hello, bob! \(from greeter#/);
    }
  });

  it('serves through a load balancer on every node, health-checked on the healthCheckNodePort', async function () {
    this.timeout(5 * 60_000);
    const r = release!;
    assert.ok(service.healthCheckNodePort !== undefined, 'the Service has a healthCheckNodePort');
    for (const node of r.cluster.nodes) {
      const health = await httpGet(`http://${node.ip}:${service.healthCheckNodePort}/healthz`);
      assert.equal(health.status, 200, `kube-proxy health check on ${node.name}: ${health.body}`);
    }
    lb = await r.startLoadBalancer();
    // Both servers must pass their checks (rise 2) before traffic counts.
    await pollUntil(async () => (await httpGet(`${lb!.url}/api/lb`)).status === 200, 30_000, 'the load balancer to answer', 200);
    const run = startHttpLoad(`${lb.url}/api/lb`, 4, echoOk('lb'), 2_000);
    await run.load.okAfter(500, 120_000);
    const counts = await run.stop();
    console.log(`      ${describeCounts('through the load balancer', counts)}`);
    assert.equal(counts.failed + counts.unanswered, 0, JSON.stringify(counts.failures.slice(0, 5)));
    assert.ok(counts.ok >= 500);
  });

  it('composes endpoints inside the pods: a backend calls another through a handle', async function () {
    this.timeout(5 * 60_000);
    const r = release!;
    await r.applyAndWaitReady(COMPOSITION);
    for (const node of r.cluster.nodes) {
      const reply = await httpGet(`http://${node.ip}:${service.nodePort}/card/eve`);
      assert.equal(reply.status, 200, reply.body);
      const body = JSON.parse(reply.body) as { card?: string; greeting?: string };
      assert.match(body.greeting ?? '', /^Hello, eve! \(from greeter#/);
      assert.equal(body.card, 'A card for eve');
    }
  });
});
