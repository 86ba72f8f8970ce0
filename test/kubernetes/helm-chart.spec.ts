// The Helm chart against a real kube-apiserver: lint, server-side dry runs of its manifests, an
// install (which also installs the CRDs), and the operator running with the chart's RBAC only.
import { strict as assert } from 'node:assert';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  desiredProxyObjects,
  ensureAdminTokenSecret,
  ensureInstallationSecrets,
  ensureNatsAuthSecret,
  KubeClient,
  Operator,
  resolveOperatorOptions,
  runUninstallCleanup,
} from '@troupe/operator';
import { createLogger } from '@troupe/common';
import { pollUntil, startKubeControlPlane, type KubeControlPlane } from '@troupe/test-kit';
import { getObject, kubectlOk, repoRoot } from './operator-harness.js';

const chart = join(repoRoot, 'helm', 'troupe');
const NS = 'troupe';
const RELEASE = 'demo';

describe('Helm chart (real kube-apiserver)', function () {
  this.timeout(240_000);
  let plane: KubeControlPlane;
  let emptyCrdDir: string;

  before(async function () {
    // No CRDs up front: installing the chart must bring them.
    emptyCrdDir = await mkdtemp(join(tmpdir(), 'troupe-no-crds-'));
    plane = await startKubeControlPlane({ crdDir: emptyCrdDir });
  });

  after(async function () {
    await plane?.stop();
    await rm(emptyCrdDir, { recursive: true, force: true });
  });

  async function helmOk(args: string[]): Promise<string> {
    const result = await plane.helm(args);
    assert.equal(result.code, 0, `helm ${args.join(' ')}:\n${result.stderr}\n${result.stdout}`);
    return result.stdout;
  }

  /** The plain-value environment of the operator container of rendered manifests. */
  function operatorEnv(manifests: string): Record<string, string> {
    const operator = parseAllDocuments(manifests)
      .map((d) => d.toJS() as { kind: string; metadata: { name: string }; spec: { template: { spec: { containers: { env: { name: string; value?: string }[] }[] } } } } | null)
      .find((m) => m?.kind === 'Deployment' && m.metadata.name.endsWith('-operator'))!;
    return Object.fromEntries(operator.spec.template.spec.containers[0]!.env.filter((e) => e.value !== undefined).map((e) => [e.name, e.value!]));
  }

  it('ships the same CRDs as deploy/crds', async function () {
    const deployed = (await readdir(join(repoRoot, 'deploy', 'crds'))).sort();
    assert.deepEqual((await readdir(join(chart, 'crds'))).sort(), deployed);
    for (const file of deployed) {
      assert.equal(await readFile(join(chart, 'crds', file), 'utf8'), await readFile(join(repoRoot, 'deploy', 'crds', file), 'utf8'), file);
    }
  });

  it('passes helm lint, with default values and with EveryNode', async function () {
    await helmOk(['lint', chart]);
    await helmOk(['lint', chart, '--set', 'http.location=EveryNode']);
    const bad = await plane.helm(['lint', chart, '--set', 'http.location=Everywhere']);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stdout + bad.stderr, /\/http\/location': value must be one of 'HeadOnly', 'EveryNode', 'NoServer'/);
    const noTokenMaker = await plane.helm(['template', RELEASE, chart, '--set', 'operator.replicas=0']);
    assert.notEqual(noTokenMaker.code, 0);
    assert.match(noTokenMaker.stderr, /nothing would create the admin token/);
    assert.match(noTokenMaker.stderr, /the data token \(auth\.dataToken or auth\.existingDataTokenSecret\), the NATS passwords \(nats\.auth\.existingSecret\)/);
    await helmOk(['template', RELEASE, chart, '--set', 'operator.replicas=0,auth.existingSecret=a,auth.existingDataTokenSecret=d,nats.auth.existingSecret=n']);
  });

  const variants = [
    [],
    ['--set', 'http.location=EveryNode,auth.adminToken=given-token-0123456789,auth.dataToken=given-data-token-0123456789'],
    ['--set', 'http.location=NoServer,nats.url=nats://external:4222'],
    ['--set', 'nats.persistence.type=storageClass,tls.enabled=true,tls.existingSecret=troupe-tls,head.podDisruptionBudget.enabled=true,operator.replicas=2'],
  ];
  for (const values of variants) {
    it(`renders manifests the API server accepts (kubectl apply --dry-run=server) ${values.join(' ') || 'with default values'}`, async function () {
      const manifests = await helmOk(['template', RELEASE, chart, '--namespace', 'default', ...values]);
      const result = await plane.kubectl(['apply', '--dry-run=server', '-f', '-'], { input: manifests });
      assert.equal(result.code, 0, result.stderr);
      for (const kind of ['deployment.apps/demo-troupe-head', 'deployment.apps/demo-troupe-worker', 'deployment.apps/demo-troupe-operator', 'role.rbac.authorization.k8s.io/demo-troupe-operator', 'job.batch/demo-troupe-release-finalizers', 'networkpolicy.networking.k8s.io/demo-troupe-head', 'poddisruptionbudget.policy/demo-troupe-worker']) {
        assert.match(result.stdout, new RegExp(`${kind.replace(/[./]/g, '\\$&')} created`), result.stdout);
      }
      const text = values.join(' ');
      assert.equal(/deployment.apps\/demo-troupe-nats created/.test(result.stdout), !text.includes('nats.url'));
      assert.equal(/persistentvolumeclaim\/demo-troupe-nats-data created/.test(result.stdout), text.includes('type=storageClass'));
      // A token in a template only when one is given: a generated one would change on every render.
      assert.equal(/secret\/demo-troupe-admin-token created/.test(result.stdout), text.includes('adminToken'));
      assert.equal(/secret\/demo-troupe-data-token created/.test(result.stdout), text.includes('dataToken'));
      assert.doesNotMatch(result.stdout, /secret\/demo-troupe-nats-auth/);
      assert.equal(/poddisruptionbudget.policy\/demo-troupe-operator created/.test(result.stdout), text.includes('operator.replicas=2'));
      assert.equal(/poddisruptionbudget.policy\/demo-troupe-head created/.test(result.stdout), text.includes('head.podDisruptionBudget'));
      assert.equal(/networkpolicy.networking.k8s.io\/demo-troupe-proxy created/.test(result.stdout), !text.includes('NoServer'));
    });
  }

  it('renders the same manifests every time (GitOps re-renders change nothing), and pod templates carry no version labels', async function () {
    const first = await helmOk(['template', RELEASE, chart, '--namespace', NS]);
    const second = await helmOk(['template', RELEASE, chart, '--namespace', NS]);
    assert.equal(first, second);
    // Nothing random to render: the operator makes the admin token, data token and NATS passwords.
    assert.doesNotMatch(first, /^kind: Secret$/m);
    for (const file of await readdir(join(chart, 'templates'))) {
      if (!/\.(ya?ml|tpl)$/.test(file)) continue;
      assert.doesNotMatch(await readFile(join(chart, 'templates', file), 'utf8'), /\b(randAlphaNum|randAlpha|randAscii|randNumeric|randBytes|uuidv4|genPrivateKey)\b/, file);
    }
    // Pod templates: only selector labels and part-of, so a new chart version restarts nothing.
    const podLabelBlocks = [...first.matchAll(/  template:\n    metadata:\n      labels:\n((?:        .*\n)+)/g)].map((m) => m[1]!);
    assert.ok(podLabelBlocks.length >= 4, `pod templates found: ${podLabelBlocks.length}`);
    for (const block of podLabelBlocks) assert.doesNotMatch(block, /helm\.sh\/chart|app\.kubernetes\.io\/version/, block);
  });

  it('installs (CRDs included), upgrades, and says how to reach the proxies', async function () {
    const installed = await helmOk(['install', RELEASE, chart, '--namespace', NS, '--create-namespace', '--set', 'http.location=EveryNode']);
    assert.match(installed, /STATUS: deployed/);
    assert.match(installed, /demo-troupe-proxy/);
    assert.match(installed, /externalTrafficPolicy: Local/);
    const crds = await kubectlOk(plane, ['get', 'crd', '-o', 'name']);
    assert.match(crds, /servebackends\.serve\.troupe\.dev/);
    assert.match(crds, /serveendpoints\.serve\.troupe\.dev/);
    await kubectlOk(plane, ['-n', NS, 'apply', '--dry-run=server', '-f', join(repoRoot, 'deploy', 'examples', 'app.yaml')]);

    await helmOk(['upgrade', RELEASE, chart, '--namespace', NS, '--set', 'http.location=EveryNode,workers.replicas=3']);
    const workers = await getObject<{ spec: { replicas: number } }>(plane, 'deployment', 'demo-troupe-worker', NS);
    assert.equal(workers?.spec.replicas, 3);
  });

  it("the operator does its job with the chart's RBAC and nothing more", async function () {
    const serviceAccount = 'demo-troupe-operator';
    const saToken = (await kubectlOk(plane, ['-n', NS, 'create', 'token', serviceAccount, '--duration=1h'])).trim();
    const admin = JSON.parse(await readFile(plane.kubeconfigPath, 'utf8')) as { clusters: unknown[] };
    const dir = await mkdtemp(join(tmpdir(), 'troupe-sa-'));
    const kubeconfig = join(dir, 'kubeconfig');
    await writeFile(kubeconfig, JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: admin.clusters,
      users: [{ name: 'operator', user: { token: saToken } }],
      contexts: [{ name: 'operator', context: { cluster: 'troupe-test', user: 'operator', namespace: NS } }],
      'current-context': 'operator',
    }));
    const kube = KubeClient.fromDefault(kubeconfig);
    const logger = createLogger('test');
    // The Secrets the chart renders none of, made by the operator at start-up as the chart's
    // environment tells it, with the chart's RBAC: created once, owned by its Deployment.
    const rendered = await helmOk(['template', RELEASE, chart, '--namespace', NS, '--set', 'http.location=EveryNode', '--show-only', 'templates/operator.yaml']);
    const chartEnv = operatorEnv(rendered);
    assert.deepEqual(
      [chartEnv.TROUPE_ADMIN_TOKEN_SECRET, chartEnv.TROUPE_DATA_TOKEN_SECRET, chartEnv.TROUPE_NATS_AUTH_SECRET],
      ['demo-troupe-admin-token', 'demo-troupe-data-token', 'demo-troupe-nats-auth'],
    );
    const startOptions = resolveOperatorOptions(['--kubeconfig', kubeconfig], chartEnv);
    const token = await ensureInstallationSecrets(kube, startOptions, logger);
    assert.ok(token !== undefined && token.length >= 32);
    type SecretObject = { data: Record<string, string>; metadata: { ownerReferences?: { kind: string; name: string }[]; labels?: Record<string, string> } };
    const secretValues = async (name: string): Promise<Record<string, string>> => {
      const secret = await getObject<SecretObject>(plane, 'secret', name, NS);
      assert.ok(secret, `${name} exists`);
      assert.deepEqual(secret.metadata.ownerReferences?.map((o) => `${o.kind}/${o.name}`), ['Deployment/demo-troupe-operator'], `${name} is owned by the operator`);
      assert.equal(secret.metadata.labels?.['app.kubernetes.io/instance'], RELEASE);
      return Object.fromEntries(Object.entries(secret.data).map(([k, v]) => [k, Buffer.from(v, 'base64').toString()]));
    };
    const made = {
      admin: await secretValues('demo-troupe-admin-token'),
      data: await secretValues('demo-troupe-data-token'),
      nats: await secretValues('demo-troupe-nats-auth'),
    };
    assert.deepEqual(made.admin, { token });
    assert.deepEqual(Object.keys(made.data), ['TROUPE_DATA_TOKEN']);
    assert.ok(made.data.TROUPE_DATA_TOKEN!.length >= 32);
    assert.deepEqual(Object.keys(made.nats).sort(), ['client-password', 'head-password', 'proxy-password']);
    for (const password of Object.values(made.nats)) assert.match(password, /^[A-Za-z0-9]{40}$/);
    assert.equal(new Set([token, made.data.TROUPE_DATA_TOKEN, ...Object.values(made.nats)]).size, 5, 'every value is its own');

    // Restarts (and a second replica) keep every value; so does an upgrade.
    assert.equal(await ensureInstallationSecrets(kube, startOptions, logger), token, 'a second start keeps the token');
    assert.equal(await ensureAdminTokenSecret(kube, { namespace: NS, name: 'demo-troupe-admin-token', logger }), token);
    await Promise.all([ensureInstallationSecrets(kube, startOptions, logger), ensureInstallationSecrets(kube, startOptions, logger)]);
    await helmOk(['upgrade', RELEASE, chart, '--namespace', NS, '--set', 'http.location=EveryNode,workers.replicas=3']);
    assert.deepEqual(await secretValues('demo-troupe-admin-token'), made.admin, 'the admin token changed');
    assert.deepEqual(await secretValues('demo-troupe-data-token'), made.data, 'the data token changed');
    assert.deepEqual(await secretValues('demo-troupe-nats-auth'), made.nats, 'a NATS password changed');
    // A key someone removed is added back; the others stay as they are.
    await kubectlOk(plane, ['-n', NS, 'patch', 'secret', 'demo-troupe-nats-auth', '--type=json', '-p', '[{"op":"remove","path":"/data/client-password"}]']);
    await ensureInstallationSecrets(kube, startOptions, logger);
    const completed = await secretValues('demo-troupe-nats-auth');
    assert.equal(completed['head-password'], made.nats['head-password']);
    assert.equal(completed['proxy-password'], made.nats['proxy-password']);
    assert.match(completed['client-password'] ?? '', /^[A-Za-z0-9]{40}$/);
    // Secrets: only these names, and never a list of them all.
    const canSecret = async (verb: string, what: string): Promise<string> =>
      (await plane.kubectl(['-n', NS, 'auth', 'can-i', verb, what, `--as=system:serviceaccount:${NS}:${serviceAccount}`])).stdout.trim();
    assert.equal(await canSecret('get', 'secrets/demo-troupe-nats-auth'), 'yes');
    assert.equal(await canSecret('update', 'secrets/demo-troupe-data-token'), 'yes');
    assert.equal(await canSecret('get', 'secrets/someone-elses'), 'no');
    assert.equal(await canSecret('list', 'secrets'), 'no');
    assert.equal(await canSecret('delete', 'secrets/demo-troupe-admin-token'), 'no');
    // Its own namespace only.
    const can = async (what: string): Promise<string> =>
      (await plane.kubectl(['auth', 'can-i', 'get', what, `--as=system:serviceaccount:${NS}:${serviceAccount}`])).stdout.trim();
    assert.equal(await can(`namespaces/${NS}`), 'yes');
    assert.equal(await can('namespaces/default'), 'no');

    // What the chart's Deployment sets, as flags.
    const operator = new Operator(resolveOperatorOptions([
      '--kubeconfig', kubeconfig,
      '--head', '127.0.0.1:9',
      '--http-location', 'EveryNode',
      '--proxy-image', 'troupe:0.1.0',
      '--nats-url', 'nats://demo-troupe-nats:4222',
      '--name-prefix', 'demo-troupe',
      '--instance', RELEASE,
      '--owner-deployment', 'demo-troupe-operator',
      '--head-deployment', 'demo-troupe-head',
      '--lease-duration', '2',
      '--health-port', '0',
    ], {}));
    let stopped = false;
    try {
      operator.start();
      const ds = await pollUntil(() => getObject<{ metadata: { ownerReferences: { name: string }[] } }>(plane, 'daemonset', 'demo-troupe-proxy', NS), 30_000, 'the DaemonSet');
      assert.equal(ds.metadata.ownerReferences[0]?.name, 'demo-troupe-proxy-config');
      const config = await getObject<{ metadata: { ownerReferences?: { kind: string; name: string }[] } }>(plane, 'configmap', 'demo-troupe-proxy-config', NS);
      assert.deepEqual(config?.metadata.ownerReferences?.map((o) => `${o.kind}/${o.name}`), ['Deployment/demo-troupe-operator']);
      await pollUntil(() => getObject(plane, 'service', 'demo-troupe-proxy', NS), 30_000, 'the Service');

      // Serve resources: finalizer (patch) and status (patch of the subresource), with the head
      // unreachable here.
      await kubectlOk(plane, ['-n', NS, 'apply', '-f', join(repoRoot, 'deploy', 'examples', 'app.yaml')]);
      const backend = await pollUntil(async () => {
        const current = await getObject<{ metadata: { finalizers?: string[] }; status?: { conditions?: { type: string; reason: string }[] } }>(plane, 'servebackend', 'echo', NS);
        return current?.status?.conditions?.some((c) => c.type === 'Ready' && c.reason === 'HeadUnavailable') ? current : undefined;
      }, 60_000, 'status HeadUnavailable on the ServeBackend');
      assert.ok(backend.metadata.finalizers?.includes('serve.troupe.dev/head-cleanup'));

      // Uninstall: the chart's pre-delete hook runs `operator --release-finalizers` with these
      // arguments, under the operator's service account. (No kubelet runs its Job here, so this
      // test runs the same code with the same rights, then uninstalls without hooks.)
      const hook = await helmOk(['template', RELEASE, chart, '--namespace', NS, '--show-only', 'templates/uninstall-hook.yaml']);
      assert.match(hook, /helm\.sh\/hook: pre-delete/);
      assert.match(hook, /- --release-finalizers/);
      const cleanup = runUninstallCleanup({
        kube,
        logger,
        namespace: NS,
        watchNamespace: NS,
        leaseName: 'demo-troupe-operator',
        leaseDurationMs: 2_000,
        operatorDeployment: 'demo-troupe-operator',
      });
      // Scaling to zero is what stops the operator pods in a cluster; here the test stops it.
      await pollUntil(async () => (await getObject<{ spec: { replicas: number } }>(plane, 'deployment', 'demo-troupe-operator', NS))?.spec.replicas === 0 || undefined, 30_000, 'the operator scaled to 0');
      await operator.stop();
      stopped = true;
      assert.ok((await cleanup) >= 2, 'finalizers released');
      for (const kind of ['servebackend', 'serveendpoint']) {
        const objects = JSON.parse(await kubectlOk(plane, ['-n', NS, 'get', kind, '-o', 'json'])) as { items: { metadata: { finalizers?: string[] } }[] };
        for (const item of objects.items) assert.deepEqual(item.metadata.finalizers ?? [], [], `${kind} still has finalizers`);
      }
      await helmOk(['uninstall', RELEASE, '--namespace', NS, '--no-hooks']);
      await kubectlOk(plane, ['-n', NS, 'delete', 'servebackends,serveendpoints', '--all', '--timeout=20s']);
    } finally {
      if (!stopped) await operator.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('uses given tokens and Secrets: rendered or referenced, and the operator makes only what is missing', async function () {
    const ns = 'given';
    const values = 'auth.adminToken=given-admin-token-0123456789,auth.dataToken=given-data-token-0123456789';
    await helmOk(['install', 'mine', chart, '--namespace', ns, '--create-namespace', '--set', values]);
    const value = async (name: string, key: string): Promise<string | undefined> => {
      const secret = await getObject<{ data: Record<string, string> }>(plane, 'secret', name, ns);
      return secret ? Buffer.from(secret.data[key] ?? '', 'base64').toString() : undefined;
    };
    assert.equal(await value('mine-troupe-admin-token', 'token'), 'given-admin-token-0123456789');
    assert.equal(await value('mine-troupe-data-token', 'TROUPE_DATA_TOKEN'), 'given-data-token-0123456789');
    assert.equal(await value('mine-troupe-nats-auth', 'head-password'), undefined, 'NATS passwords are left to the operator');
    const role = await getObject<{ rules: { resources: string[]; resourceNames?: string[]; verbs: string[] }[] }>(plane, 'role', 'mine-troupe-operator', ns);
    assert.deepEqual(role!.rules.filter((r) => r.resources.includes('secrets')).map((r) => `${r.verbs.join(',')}:${(r.resourceNames ?? ['*']).join(',')}`), ['create:*', 'get,update:mine-troupe-nats-auth']);
    const env = operatorEnv(await helmOk(['get', 'manifest', 'mine', '--namespace', ns]));
    assert.equal(env.TROUPE_ADMIN_TOKEN_SECRET, undefined);
    assert.equal(env.TROUPE_DATA_TOKEN_SECRET, undefined);
    assert.equal(env.TROUPE_NATS_AUTH_SECRET, 'mine-troupe-nats-auth');
    await helmOk(['uninstall', 'mine', '--namespace', ns, '--no-hooks']);

    // Existing Secrets of the installation's own: every component names them; no secret rights.
    const existing = 'auth.existingSecret=my-admin,auth.existingDataTokenSecret=my-data,nats.auth.existingSecret=my-nats';
    const manifests = await helmOk(['template', 'mine', chart, '--namespace', ns, '--set', existing]);
    assert.doesNotMatch(manifests, /^kind: Secret$/m);
    assert.doesNotMatch(manifests, /resources: \[secrets\]/);
    const given = operatorEnv(manifests);
    assert.deepEqual([given.TROUPE_ADMIN_TOKEN_SECRET, given.TROUPE_DATA_TOKEN_SECRET, given.TROUPE_NATS_AUTH_SECRET], [undefined, undefined, undefined]);
    assert.equal(given.TROUPE_PROXY_ENV_SECRET, 'my-data');
    assert.equal(given.TROUPE_PROXY_NATS_SECRET, 'my-nats');
    const refs = new Set([...manifests.matchAll(/secretKeyRef:\n\s+name: (\S+)\n\s+key: (\S+)/g)].map((m) => `${m[1]}/${m[2]}`));
    assert.deepEqual([...refs].sort(), ['my-admin/token', 'my-data/TROUPE_DATA_TOKEN', 'my-nats/client-password', 'my-nats/head-password', 'my-nats/proxy-password']);

    // Replicas starting together: one creates, the others read and use its values.
    const admin = KubeClient.fromDefault(plane.kubeconfigPath);
    const logger = createLogger('test');
    const racers = await Promise.all([0, 1, 2].map(() => ensureNatsAuthSecret(admin, { namespace: ns, name: 'race-nats', logger })));
    const stored = await getObject<{ data: Record<string, string> }>(plane, 'secret', 'race-nats', ns);
    for (const result of racers) assert.equal(result.head, Buffer.from(stored!.data['head-password']!, 'base64').toString());
    assert.equal(new Set(racers.map((r) => JSON.stringify(r))).size, 1);
  });

  interface Manifest {
    kind: string;
    metadata: { name: string };
    spec?: { template?: { spec: Record<string, unknown> } };
  }

  /** The pod spec of every workload, and of every bare Pod (the `helm test` hook). */
  function podTemplates(manifests: string): Array<{ name: string; spec: Record<string, unknown> }> {
    return parseAllDocuments(manifests)
      .map((d) => d.toJS() as Manifest | null)
      .filter((m): m is Manifest => m?.spec?.template?.spec !== undefined || m?.kind === 'Pod')
      .map((m) => ({ name: `${m.kind}/${m.metadata.name}`, spec: m.kind === 'Pod' ? (m.spec as Record<string, unknown>) : m.spec!.template!.spec }));
  }

  /** The proxies' pod template the operator makes from the environment the chart gives it. */
  function proxyTemplate(manifests: string, namespace: string): { name: string; spec: Record<string, unknown> } {
    const operator = parseAllDocuments(manifests)
      .map((d) => d.toJS() as Manifest & { spec: { template: { spec: { containers: { env: { name: string; value?: string }[] }[] } } } })
      .find((m) => m?.kind === 'Deployment' && m.metadata.name.endsWith('-operator'))!;
    const env = Object.fromEntries(operator.spec.template.spec.containers[0]!.env.filter((e) => e.value !== undefined).map((e) => [e.name, e.value!]));
    const options = resolveOperatorOptions([], env);
    const owner = { apiVersion: 'v1', kind: 'ConfigMap', name: 'x', uid: 'u' };
    const daemonSet = desiredProxyObjects({ ...options.proxy, namespace, location: 'EveryNode' }, owner)[0]!;
    return { name: 'DaemonSet/proxy (operator)', spec: (daemonSet.spec as { template: { spec: Record<string, unknown> } }).template.spec };
  }

  it('installs in a namespace enforcing the restricted Pod Security Standard, and every pod it makes is admitted', async function () {
    const ns = 'restricted';
    await kubectlOk(plane, ['create', 'namespace', ns]);
    await kubectlOk(plane, ['label', 'namespace', ns, 'pod-security.kubernetes.io/enforce=restricted', 'pod-security.kubernetes.io/enforce-version=latest']);
    // What the controller-manager would add; pods name a service account that must exist.
    await kubectlOk(plane, ['-n', ns, 'create', 'serviceaccount', 'default']);
    const values = ['--set', 'http.location=EveryNode,imagePullSecrets[0].name=regcred'];
    const install = await plane.helm(['install', 'strict', chart, '--namespace', ns, ...values]);
    assert.equal(install.code, 0, install.stderr);
    // The API server warns about workload templates that would violate the namespace's level.
    assert.doesNotMatch(install.stderr + install.stdout, /violate PodSecurity/i);

    // Pods themselves are where Pod Security is enforced: create one from each template.
    const manifests = await helmOk(['template', 'strict', chart, '--namespace', ns, ...values]);
    const templates = [...podTemplates(manifests), proxyTemplate(manifests, ns)];
    assert.deepEqual(templates.map((t) => t.name).sort(), [
      'DaemonSet/proxy (operator)',
      'Deployment/strict-troupe-head',
      'Deployment/strict-troupe-nats',
      'Deployment/strict-troupe-operator',
      'Deployment/strict-troupe-worker',
      'Job/strict-troupe-release-finalizers',
      'Pod/strict-troupe-test-proxy-ready',
    ]);
    for (const [i, template] of templates.entries()) {
      const spec = template.spec as { imagePullSecrets?: { name: string }[] };
      assert.deepEqual(spec.imagePullSecrets, [{ name: 'regcred' }], `${template.name} has the pull secret`);
      const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: `probe-${i}`, namespace: ns }, spec: template.spec };
      const result = await plane.kubectl(['create', '--dry-run=server', '-f', '-'], { input: JSON.stringify(pod) });
      assert.equal(result.code, 0, `${template.name}: ${result.stderr}`);
    }
    // And the namespace really enforces: a pod with no security context is refused.
    const loose = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'loose', namespace: ns }, spec: { containers: [{ name: 'c', image: 'troupe:0.1.0' }] } };
    const refused = await plane.kubectl(['create', '--dry-run=server', '-f', '-'], { input: JSON.stringify(loose) });
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /violates PodSecurity "restricted:latest"/);
    await helmOk(['uninstall', 'strict', '--namespace', ns, '--no-hooks']);
  });

  it('switches NATS storage between ephemeral, a storage class and an existing claim with helm upgrade', async function () {
    const ns = 'storage';
    const natsVolume = async (): Promise<Record<string, unknown> | undefined> => {
      const deployment = await getObject<{ spec: { template: { spec: { volumes: { name: string }[] } } } }>(plane, 'deployment', 'store-troupe-nats', ns);
      return deployment?.spec.template.spec.volumes.find((v) => v.name === 'data');
    };
    const claim = (): Promise<unknown> => getObject(plane, 'pvc', 'store-troupe-nats-data', ns);

    await helmOk(['install', 'store', chart, '--namespace', ns, '--create-namespace']);
    assert.ok((await natsVolume())?.emptyDir, 'ephemeral by default: installs without any storage class');
    assert.equal(await claim(), undefined);

    await helmOk(['upgrade', 'store', chart, '--namespace', ns, '--set', 'nats.persistence.type=storageClass,nats.persistence.storageClassName=fast,nats.persistence.size=2Gi']);
    const pvc = await getObject<{ spec: { storageClassName: string; resources: { requests: { storage: string } } } }>(plane, 'pvc', 'store-troupe-nats-data', ns);
    assert.equal(pvc?.spec.storageClassName, 'fast');
    assert.equal(pvc?.spec.resources.requests.storage, '2Gi');
    assert.deepEqual(await natsVolume(), { name: 'data', persistentVolumeClaim: { claimName: 'store-troupe-nats-data' } });

    await helmOk(['upgrade', 'store', chart, '--namespace', ns, '--set', 'nats.persistence.type=existingClaim,nats.persistence.existingClaim=mine']);
    assert.deepEqual(await natsVolume(), { name: 'data', persistentVolumeClaim: { claimName: 'mine' } });
    const kept = await getObject<{ metadata: { deletionTimestamp?: string } }>(plane, 'pvc', 'store-troupe-nats-data', ns);
    assert.ok(kept && kept.metadata.deletionTimestamp === undefined, 'the claim holding the state is kept');

    await helmOk(['upgrade', 'store', chart, '--namespace', ns, '--set', 'nats.persistence.type=ephemeral']);
    assert.ok((await natsVolume())?.emptyDir);
    const history = await helmOk(['history', 'store', '--namespace', ns, '-o', 'json']);
    assert.deepEqual((JSON.parse(history) as { status: string }[]).map((r) => r.status), ['superseded', 'superseded', 'superseded', 'deployed']);

    // The chart 0.1 value still decides when given (value files written for it keep working),
    // and the notes say what it was read as.
    const old = await helmOk(['upgrade', 'store', chart, '--namespace', ns, '--set', 'nats.persistence.enabled=true,nats.persistence.storageClassName=fast,nats.persistence.size=2Gi']);
    assert.match(old, /nats\.persistence\.enabled is deprecated; it was read as nats\.persistence\.type=storageClass/);
    assert.deepEqual(await natsVolume(), { name: 'data', persistentVolumeClaim: { claimName: 'store-troupe-nats-data' } });
    await helmOk(['upgrade', 'store', chart, '--namespace', ns, '--set', 'nats.persistence.enabled=false']);
    assert.ok((await natsVolume())?.emptyDir);
    await helmOk(['uninstall', 'store', '--namespace', ns, '--no-hooks']);
  });
});
