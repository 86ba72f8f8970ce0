// Finds a backend's code from its importPath (`<module specifier>#<export name>`, no `#` = the
// default export), for ESM and CommonJS alike, and tells what shape it has.
import { realpathSync, statSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BackendSetupError } from './errors.js';
import type { BackendShape } from './thread-messages.js';

/** A backend export: a function called per request, or a class instantiated once per replica. */
export type BackendExport = ((...args: unknown[]) => unknown) & { acceptBatch?: unknown; prototype?: unknown };

export interface ImportPath {
  specifier: string;
  /** Undefined: the default export. */
  exportName: string | undefined;
}

export function parseImportPath(importPath: string): ImportPath {
  // The last `#`: a specifier may itself start with one (package.json "imports").
  const hash = importPath.lastIndexOf('#');
  if (hash <= 0) return { specifier: importPath, exportName: undefined };
  const exportName = importPath.slice(hash + 1);
  return { specifier: importPath.slice(0, hash), exportName: exportName === '' ? undefined : exportName };
}

/** Loads the export an importPath names. Throws BackendSetupError naming the importPath. */
export async function loadBackendExport(importPath: string, codeDir: string): Promise<BackendExport> {
  try {
    const { specifier, exportName } = parseImportPath(importPath);
    if (specifier === '') throw new Error('the module specifier is empty');
    const namespace = (await import(resolveSpecifier(specifier, codeDir))) as Record<string, unknown>;
    const value = pickExport(namespace, exportName);
    if (value === undefined) {
      throw new Error(exportName === undefined ? 'the module has no default export' : `the module has no export "${exportName}"`);
    }
    if (typeof value !== 'function') {
      throw new Error(`export "${exportName ?? 'default'}" is ${describe(value)}, not a function or class`);
    }
    return value as BackendExport;
  } catch (error) {
    if (error instanceof BackendSetupError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new BackendSetupError(`importPath: cannot load "${importPath}": ${reason}`, { cause: error });
  }
}

/** `scheme:` at the start: a URL, never a path or a package name. */
const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * The file URL `import()` gets for a specifier, which must name code inside the code directory:
 * builtins, URLs, `..` and anything that resolves (symbolic links followed) outside are refused.
 * The head checks the same before a backend is accepted (checkImportPath of @troupe/common, which
 * threads do not load); this is the check that knows the directory.
 */
export function resolveSpecifier(specifier: string, codeDir: string): string {
  const refuse = (why: string): never => {
    throw new BackendSetupError(`importPath: ${JSON.stringify(specifier)} ${why}; backends load only from the code directory`);
  };
  if (isBuiltin(specifier)) refuse('names a Node.js builtin module');
  if (URL_SCHEME.test(specifier)) refuse('is a URL');
  if (specifier.includes('\0')) refuse('contains a NUL character');
  if (specifier.split(/[\\/]/).includes('..')) refuse('climbs out with ".."');
  const url = resolveInside(specifier, codeDir);
  const root = realpathSync(codeDir);
  const target = realpathSync(fileURLToPath(url));
  const path = relative(root, target);
  if (path === '' || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) refuse(`resolves to ${target}, outside the code directory ${root}`);
  return pathToFileURL(target).href;
}

function resolveInside(specifier: string, codeDir: string): string {
  if (isAbsolute(specifier)) return pathToFileURL(specifier).href;
  const relativePath = resolve(codeDir, specifier);
  const looksRelative = specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.';
  if (looksRelative && isFile(relativePath)) return pathToFileURL(relativePath).href;
  // Package names, and paths written without an extension, resolve the way require() would.
  const requireFromCode = createRequire(join(codeDir, 'package.json'));
  try {
    return pathToFileURL(requireFromCode.resolve(specifier)).href;
  } catch (error) {
    if (isFile(relativePath)) return pathToFileURL(relativePath).href;
    throw error;
  }
}

function pickExport(namespace: Record<string, unknown>, exportName: string | undefined): unknown {
  const fallback = namespace.default as Record<string, unknown> | undefined;
  if (exportName === undefined) {
    // CommonJS compiled from ESM keeps its default export on module.exports.default.
    if (isObjectLike(fallback) && fallback.__esModule === true && 'default' in fallback) return fallback.default;
    return fallback;
  }
  if (namespace[exportName] !== undefined) return namespace[exportName];
  // CommonJS exports the static analysis of require() did not see live on module.exports only.
  return isObjectLike(fallback) ? fallback[exportName] : undefined;
}

/** Class syntax, or a constructor function with prototype methods (compiled classes). */
export function isClass(value: BackendExport): boolean {
  if (/^class[\s{]/.test(Function.prototype.toString.call(value))) return true;
  const prototype = value.prototype as object | undefined;
  return (
    typeof prototype === 'object' &&
    prototype !== null &&
    Object.getOwnPropertyNames(prototype).some((name) => name !== 'constructor')
  );
}

export function describeShape(value: BackendExport): BackendShape {
  if (!isClass(value)) {
    return { isClass: false, hasReconfigure: false, acceptBatch: value.acceptBatch === true };
  }
  const prototype = value.prototype as Record<string, unknown>;
  const acceptBatch =
    value.acceptBatch === true ||
    methodNames(prototype).some((name) => (prototype[name] as { acceptBatch?: unknown }).acceptBatch === true);
  return { isClass: true, hasReconfigure: typeof prototype.reconfigure === 'function', acceptBatch };
}

/** Names of the functions an object has, own or inherited, short of Object.prototype. */
export function methodNames(target: object): string[] {
  const names = new Set<string>();
  for (let current: object | null = target; current && current !== Object.prototype; current = Object.getPrototypeOf(current)) {
    for (const name of Object.getOwnPropertyNames(current)) {
      if (name === 'constructor') continue;
      const descriptor = Object.getOwnPropertyDescriptor(current, name);
      // Getters are not run: looking at a backend must not execute its code.
      if (descriptor && typeof descriptor.value === 'function') names.add(name);
    }
  }
  return [...names];
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

function isObjectLike(value: unknown): value is Record<string, unknown> {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}
