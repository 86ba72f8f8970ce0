// What an importPath may name, checked without the code directory at hand (head, SDK, CLI): the
// code directory is the only place backends load from, so builtins, URLs and paths that climb out
// of it are refused wherever an importPath enters. Workers check again against the directory
// itself (absolute paths, symbolic links, where a package resolved to) before loading anything.
import { isBuiltin } from 'node:module';
import { ValidationError } from './errors.js';

/** `scheme:` at the start: a URL (file:, data:, http:, node:, ...), never a path or package name. */
const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** The module specifier of `<specifier>#<export>` (the last `#` splits; a leading one is part of it). */
export function importPathSpecifier(importPath: string): string {
  const hash = importPath.lastIndexOf('#');
  return hash <= 0 ? importPath : importPath.slice(0, hash);
}

/** Throws a ValidationError naming `field` unless `importPath` may name code in the code directory. */
export function checkImportPath(importPath: string, field = 'importPath'): void {
  const specifier = importPathSpecifier(importPath);
  if (specifier === '') throw new ValidationError(`${field}: the module specifier is empty`);
  const refuse = (why: string): never => {
    throw new ValidationError(`${field}: ${JSON.stringify(importPath)} ${why}; backends load only from the code directory`);
  };
  if (isBuiltin(specifier)) refuse('names a Node.js builtin module');
  if (URL_SCHEME.test(specifier)) refuse('is a URL');
  if (specifier.includes('\0')) refuse('contains a NUL character');
  if (specifier.split(/[\\/]/).includes('..')) refuse('climbs out with ".."');
}
