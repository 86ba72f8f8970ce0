import { strict as assert } from 'node:assert';
import { validateAppFile } from '../src/app-spec.js';
import { checkImportPath } from '../src/import-path.js';

describe('import paths', () => {
  it('accept paths and packages of the code directory', () => {
    for (const ok of ['./a.mjs#A', 'a.mjs', 'lib/b.js#b', '/srv/code/c.mjs#c', 'some-package#fn', '@scope/pkg', '#internal/x#y', './typed.ts#Typed']) {
      assert.doesNotThrow(() => checkImportPath(ok), ok);
    }
  });

  it('refuse builtins, URLs and ".." with a ValidationError naming the field', () => {
    const refused = [
      'node:worker_threads#Worker',
      'worker_threads#Worker',
      'child_process#exec',
      'fs',
      'file:///etc/passwd',
      'data:text/javascript,export default () => 1',
      'http://127.0.0.1/x.mjs#x',
      'https://example.invalid/x.mjs',
      '../outside.mjs#x',
      'lib/../../outside.mjs',
      '..\\outside.mjs',
      '',
    ];
    for (const importPath of refused) {
      assert.throws(() => checkImportPath(importPath), { name: 'ValidationError', code: 'INVALID_ARGUMENT', message: /^importPath: / }, importPath);
    }
    assert.throws(() => checkImportPath('node:fs', 'backends[2].importPath'), /^ValidationError: backends\[2\]\.importPath: /);
  });

  it('app files: refuse such import paths and a shadow of a backend that takes the traffic', () => {
    assert.throws(() => validateAppFile({ backends: [{ name: 'w', importPath: 'node:worker_threads#Worker' }] }), /backends\[0\]\.importPath: .*builtin/);
    assert.throws(
      () => validateAppFile({ endpoints: [{ name: 'e', backend: 'a', shadow: { a: 0.5 } }] }),
      /endpoints\[0\]\.shadow\.a: .*already takes/,
    );
    assert.throws(
      () => validateAppFile({ endpoints: [{ name: 'e', traffic: { a: 0.5, b: 0.5 }, shadow: { b: 1 } }] }),
      /endpoints\[0\]\.shadow\.b/,
    );
    assert.doesNotThrow(() => validateAppFile({ endpoints: [{ name: 'e', traffic: { a: 1, b: 0 }, shadow: { b: 0.5 } }] }));
    assert.doesNotThrow(() => validateAppFile({ backends: [{ name: 'm', importPath: './m.mjs#M', exposedMethods: ['call', 'greet'] }] }));
  });
});
