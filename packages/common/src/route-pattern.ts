// Starlette's route syntax: `{name}` or `{name:convertor}` placeholders in a path that starts
// with `/`; the whole path must match. Convertors turn captured text into typed values.
import { ValidationError } from './errors.js';

export type PathParamValue = string | number;
export type PathParams = Record<string, PathParamValue>;

interface Convertor {
  regex: string;
  convert(text: string): PathParamValue;
}

const CONVERTORS: Record<string, Convertor> = {
  str: { regex: '[^/]+', convert: (t) => t },
  path: { regex: '.*', convert: (t) => t },
  int: { regex: '[0-9]+', convert: (t) => Number.parseInt(t, 10) },
  float: { regex: '[0-9]+(?:\\.[0-9]+)?', convert: (t) => Number.parseFloat(t) },
  uuid: { regex: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', convert: (t) => t },
};

const PARAM = /\{([a-zA-Z_][a-zA-Z0-9_]*)(?::([a-zA-Z_][a-zA-Z0-9_]*))?\}/g;

export interface RoutePattern {
  readonly route: string;
  readonly regex: RegExp;
  readonly params: ReadonlyArray<{ name: string; convertor: Convertor }>;
  /** Text before the first placeholder: a cheap pre-filter for route tables. */
  readonly literalPrefix: string;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiles a route; refuses a route not starting with `/`, an unknown convertor or a repeated name. */
export function parseRoute(route: string, field = 'route'): RoutePattern {
  if (!route.startsWith('/')) throw new ValidationError(`${field}: must start with "/", got ${JSON.stringify(route)}`);
  const params: Array<{ name: string; convertor: Convertor }> = [];
  let source = '^';
  let last = 0;
  for (const match of route.matchAll(PARAM)) {
    const [text, name, convertorName = 'str'] = match;
    const convertor = CONVERTORS[convertorName];
    if (!convertor || !Object.hasOwn(CONVERTORS, convertorName)) {
      throw new ValidationError(`${field}: unknown path convertor "${convertorName}" in ${JSON.stringify(route)}`);
    }
    if (params.some((p) => p.name === name)) {
      throw new ValidationError(`${field}: duplicated path parameter "${name}" in ${JSON.stringify(route)}`);
    }
    source += escapeRegex(route.slice(last, match.index)) + `(${convertor.regex})`;
    params.push({ name: name!, convertor });
    last = match.index + text.length;
  }
  source += escapeRegex(route.slice(last)) + '$';
  const firstBrace = route.search(PARAM);
  return {
    route,
    regex: new RegExp(source),
    params,
    literalPrefix: firstBrace < 0 ? route : route.slice(0, firstBrace),
  };
}

/** The typed parameters when `path` matches the whole pattern, else undefined. */
export function matchRoute(pattern: RoutePattern, path: string): PathParams | undefined {
  if (!path.startsWith(pattern.literalPrefix)) return undefined;
  const match = pattern.regex.exec(path);
  if (!match) return undefined;
  const params: PathParams = {};
  pattern.params.forEach((param, i) => {
    params[param.name] = param.convertor.convert(match[i + 1]!);
  });
  return params;
}
