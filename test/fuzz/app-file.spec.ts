// Hostile app files against the validator and the YAML reader of `troupe deploy`: anything is
// accepted as a well-formed AppFile or refused with a ValidationError naming the field; nothing
// else is thrown, nothing hangs, nothing pollutes prototypes.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { readAppFile } from '@troupe/cli';
import { validateAppFile, ValidationError, type AppFile } from '@troupe/common';

const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
/** `(root): ...`, `backends[0].config.numReplicas: ...`, `["odd key"]: ...`. */
const FIELD_PATH = /^(\(root\)|[A-Za-z_$][\w$]*|\[)[^]*?: /;

const oddValue = fc.oneof(
  fc.constantFrom(-1, 0, 1, 2, 1.5, -0, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 1e308, '1', '', 'x', true, null, [], {}, [1], { a: 1 }),
  fc.jsonValue({ maxDepth: 3 }),
);
const oddKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'bogus', '', ' ', 'numReplicas ');

const config = fc.dictionary(
  fc.oneof(fc.constantFrom('numReplicas', 'maxConcurrentQueries', 'maxBatchSize', 'batchWaitTimeout', 'userConfig'), oddKey),
  oddValue,
  { maxKeys: 6 },
);

const backend = fc.dictionary(
  fc.oneof({ weight: 6, arbitrary: fc.constantFrom('name', 'importPath', 'initArgs', 'config') }, { weight: 1, arbitrary: oddKey }),
  fc.oneof(
    fc.constantFrom('echo', 'e-1', 'E.2_x', '-bad', 'bad-', 'a'.repeat(254), './x.mjs#y', 'x', '', 'ü'),
    config,
    fc.array(oddValue, { maxLength: 3 }),
    oddValue,
  ),
  { maxKeys: 6 },
);

const weights = fc.dictionary(fc.oneof(fc.constantFrom('echo', 'other'), oddKey), fc.oneof(fc.double({ min: -1, max: 2 }), oddValue), { maxKeys: 3 });

const endpoint = fc.dictionary(
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('name', 'route', 'methods', 'backend', 'traffic', 'shadow') },
    { weight: 1, arbitrary: oddKey },
  ),
  fc.oneof(
    fc.constantFrom('echo', '/api/{user}', '/x/{id:hex}', 'no-slash', '/', '', '/{a}{b}'),
    fc.array(fc.constantFrom('GET', 'post', '', 'X'), { maxLength: 3 }),
    weights,
    oddValue,
  ),
  { maxKeys: 7 },
);

const appDocument = fc.oneof(
  { weight: 8, arbitrary: fc.record({ backends: fc.array(backend, { maxLength: 3 }), endpoints: fc.array(endpoint, { maxLength: 3 }) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom('backends', 'endpoints'), oddKey), oddValue, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
);

/** Throws unless `run` returns or throws a ValidationError whose message starts with a field path. */
function acceptOrRefuse(run: () => AppFile, input: unknown): AppFile | undefined {
  try {
    return run();
  } catch (error) {
    assert.ok(error instanceof ValidationError, `threw ${String(error)} for ${safeJson(input)}`);
    return undefined;
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 300) ?? String(value);
  } catch {
    return String(value);
  }
}

/** What an accepted file must satisfy, whatever it was built from. */
function checkAccepted(app: AppFile): void {
  for (const b of app.backends) {
    assert.match(b.name, NAME);
    assert.equal(typeof b.importPath, 'string');
    assert.ok(b.importPath.length > 0);
    const c = b.config ?? {};
    if (c.numReplicas !== undefined) assert.ok(Number.isInteger(c.numReplicas) && c.numReplicas >= 0);
    if (c.maxConcurrentQueries !== undefined) assert.ok(Number.isInteger(c.maxConcurrentQueries) && c.maxConcurrentQueries >= 1);
    if (c.maxBatchSize !== undefined) assert.ok(Number.isInteger(c.maxBatchSize) && c.maxBatchSize >= 1);
    if (c.batchWaitTimeout !== undefined) assert.ok(Number.isFinite(c.batchWaitTimeout) && c.batchWaitTimeout >= 0);
  }
  for (const e of app.endpoints) {
    assert.match(e.name, NAME);
    assert.ok((e.backend === undefined) !== (e.traffic === undefined), 'exactly one of backend and traffic');
    if (e.route !== undefined) assert.ok(e.route.startsWith('/'));
    for (const weight of Object.values({ ...e.traffic, ...e.shadow })) assert.ok(weight >= 0 && weight <= 1);
  }
}

function assertNoPollution(): void {
  const probe = {} as Record<string, unknown>;
  for (const key of ['polluted', 'name', 'importPath', 'numReplicas', 'backends']) {
    assert.equal(probe[key], undefined, `Object.prototype.${key} was set`);
  }
}

describe('fuzz: app files', function () {
  this.timeout(120_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'troupe-app-fuzz-'));
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('validateAppFile accepts a well-formed AppFile or refuses with a ValidationError naming the field', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(appDocument, (document) => {
        const app = acceptOrRefuse(() => validateAppFile(document), document);
        if (app) {
          accepted++;
          checkAccepted(app);
        } else {
          refused++;
          try {
            validateAppFile(document);
          } catch (error) {
            assert.match((error as Error).message, FIELD_PATH, safeJson(document));
          }
        }
        assertNoPollution();
      }),
      { numRuns: 5_000 },
    );
    process.stdout.write(`      accepted ${accepted}, refused ${refused}\n`);
    assert.ok(accepted > 0 && refused > 0, 'both outcomes were exercised');
  });

  it('prototype keys in JSON are data, not prototypes', () => {
    const text = '{"__proto__":{"polluted":1},"backends":[{"name":"a","importPath":"x","__proto__":{"polluted":2}}],"endpoints":[]}';
    acceptOrRefuse(() => validateAppFile(JSON.parse(text)), text);
    assertNoPollution();
  });

  it('readAppFile turns any YAML text into an AppFile or a ValidationError, without hanging', () => {
    const yamlPieces = [
      'backends:', 'endpoints:', '  - name: echo', '    importPath: ./echo.mjs#echo', '    config: { numReplicas: 2 }', '    config: { numReplicas: -1 }',
      '  - name: e', '    backend: echo', '    route: /api/{u}', '    route: nope', '    traffic: { echo: 1 }', '    traffic: { echo: 0.5 }',
      '&a [1, 2]', '*a', '*missing', '!!js/function "x"', '!!binary aGk=', '<<: *a', '? complex', ': value', '---', '...', '%YAML 1.1',
      '"unterminated', "'quoted'", '{', '}', '[', ']', '\t', '- - - -', '# comment', '\u0000', '\ufeff', 'key: |', '  block', 'x: 0x1F', 'y: .inf', 'z: ~',
    ];
    const yamlText = fc.oneof(
      { weight: 6, arbitrary: fc.array(fc.constantFrom(...yamlPieces), { maxLength: 12 }).map((lines) => lines.join('\n')) },
      { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
      { weight: 1, arbitrary: fc.string({ maxLength: 200, unit: 'binary' }) },
    );
    let n = 0;
    // The YAML library warns on stderr about unknown tags and directives; the input is meant to be odd.
    const emitWarning = process.emitWarning;
    process.emitWarning = () => undefined;
    try {
      fc.assert(
        fc.property(yamlText, (text) => {
          const file = join(dir, `app-${n++ % 8}.yaml`);
          writeFileSync(file, text);
          const app = acceptOrRefuse(() => readAppFile(file), text);
          if (app) checkAccepted(app);
          assertNoPollution();
        }),
        { numRuns: 1_500 },
      );
    } finally {
      process.emitWarning = emitWarning;
    }
  });

  it('refuses alias bombs and deep nesting quickly', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level <= 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      bomb.push(`${name}: &${name} [${Array.from({ length: 10 }, () => `*${previous}`).join(',')}]`);
    }
    bomb.push('backends: *j');
    const deep = `backends: ${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const deepConfig = `backends:\n  - name: a\n    importPath: x\n    config:\n      userConfig: ${'['.repeat(5_000)}1${']'.repeat(5_000)}`;
    for (const [what, text] of [['alias bomb', bomb.join('\n')], ['deep nesting', deep], ['deep userConfig', deepConfig]] as const) {
      const file = join(dir, `${what.replace(/ /g, '-')}.yaml`);
      writeFileSync(file, text);
      const started = Date.now();
      const app = acceptOrRefuse(() => readAppFile(file), what);
      if (app) checkAccepted(app);
      assert.ok(Date.now() - started < 5_000, `${what} took ${Date.now() - started} ms`);
    }
  });
});
