import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeShape, loadBackendExport, parseImportPath, resolveSpecifier } from '../src/module-loader.js';

describe('module loader', () => {
  let codeDir: string;

  before(() => {
    codeDir = mkdtempSync(join(tmpdir(), 'troupe-loader-'));
    const pkg = join(codeDir, 'node_modules', 'fixture-package');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), '{ "name": "fixture-package", "main": "index.js" }');
    writeFileSync(join(pkg, 'index.js'), 'exports.hello = (request) => `hello ${request}`;');
    mkdirSync(join(codeDir, 'lib'));
    writeFileSync(join(codeDir, 'lib', 'plain.js'), 'module.exports = function plain() { return 1; };');
    writeFileSync(join(codeDir, 'esm.mjs'), 'export default class Model { reconfigure() {} }');
  });

  after(() => {
    rmSync(codeDir, { recursive: true, force: true });
  });

  it('splits the export name off at the last #', () => {
    assert.deepEqual(parseImportPath('./a.mjs#fn'), { specifier: './a.mjs', exportName: 'fn' });
    assert.deepEqual(parseImportPath('./a.mjs'), { specifier: './a.mjs', exportName: undefined });
    assert.deepEqual(parseImportPath('./a.mjs#'), { specifier: './a.mjs', exportName: undefined });
    assert.deepEqual(parseImportPath('#internal/x#y'), { specifier: '#internal/x', exportName: 'y' });
    assert.deepEqual(parseImportPath('#internal'), { specifier: '#internal', exportName: undefined });
  });

  it('resolves relative paths, bare relative paths, packages and absolute paths from the code directory', () => {
    const url = (path: string) => pathToFileURL(join(codeDir, path)).href;
    assert.equal(resolveSpecifier('./esm.mjs', codeDir), url('esm.mjs'));
    assert.equal(resolveSpecifier('esm.mjs', codeDir), url('esm.mjs'));
    assert.equal(resolveSpecifier('./lib/plain', codeDir), url('lib/plain.js'));
    assert.equal(resolveSpecifier('fixture-package', codeDir), url('node_modules/fixture-package/index.js'));
    assert.equal(resolveSpecifier(join(codeDir, 'esm.mjs'), codeDir), url('esm.mjs'));
    assert.throws(() => resolveSpecifier('not-installed', codeDir), /Cannot find module/);
  });

  it('refuses builtins, URLs and anything outside the code directory, symbolic links followed', () => {
    const outside = mkdtempSync(join(tmpdir(), 'troupe-outside-'));
    try {
      writeFileSync(join(outside, 'evil.mjs'), 'export default () => "evil";');
      symlinkSync(join(outside, 'evil.mjs'), join(codeDir, 'link-out.mjs'));
      symlinkSync(outside, join(codeDir, 'dir-out'));
      const refusals: Array<[string, RegExp]> = [
        ['node:worker_threads', /builtin/],
        ['worker_threads', /builtin/],
        ['fs', /builtin/],
        [pathToFileURL(join(codeDir, 'esm.mjs')).href, /URL/],
        ['data:text/javascript,export default 1', /URL/],
        ['http://127.0.0.1:1/x.mjs', /URL/],
        ['../escape.mjs', /\.\./],
        ['./lib/../../escape.mjs', /\.\./],
        [join(outside, 'evil.mjs'), /outside the code directory/],
        ['./link-out.mjs', /outside the code directory/],
        ['./dir-out/evil.mjs', /outside the code directory/],
      ];
      for (const [specifier, why] of refusals) {
        assert.throws(() => resolveSpecifier(specifier, codeDir), (error: Error) => {
          assert.equal(error.name, 'ValidationError', specifier);
          assert.match(error.message, /^importPath: /, specifier);
          assert.match(error.message, why, specifier);
          return true;
        });
      }
    } finally {
      rmSync(join(codeDir, 'link-out.mjs'), { force: true });
      rmSync(join(codeDir, 'dir-out'), { force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('loads exports of packages, CommonJS and ESM modules and tells their shape', async () => {
    const hello = await loadBackendExport('fixture-package#hello', codeDir);
    assert.equal(hello('you'), 'hello you');
    assert.deepEqual(describeShape(hello), { isClass: false, hasReconfigure: false, acceptBatch: false });
    const model = await loadBackendExport('./esm.mjs', codeDir);
    assert.deepEqual(describeShape(model), { isClass: true, hasReconfigure: true, acceptBatch: false });
    await assert.rejects(loadBackendExport('fixture-package#nope', codeDir), {
      name: 'ValidationError',
      message: 'importPath: cannot load "fixture-package#nope": the module has no export "nope"',
    });
  });
});
