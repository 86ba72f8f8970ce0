// Starlette's route syntax: `{name}` or `{name:convertor}` placeholders in a path that starts
// with `/`; the whole path must match. Convertors turn captured text into typed values.
//
// Matching must not let a client's path cost more than linear time. A route whose placeholders
// can only end in one place (each is followed by the end, or by literal text it cannot contain:
// `/users/{id}/posts`) matches with its regex, which then cannot backtrack far. Any other
// (`/{a}{b}`, `/{p:path}/{q:path}/x`) would make the regex backtrack polynomially in the path
// length (seconds for a few hundred characters, enough to stall a proxy), so it matches by
// dynamic programming over (token, position) instead, with the regex's greedy captures.
import { ValidationError } from './errors.js';

export type PathParamValue = string | number;
export type PathParams = Record<string, PathParamValue>;

type ConvertorName = 'str' | 'path' | 'int' | 'float' | 'uuid';

interface Convertor {
  name: ConvertorName;
  regex: string;
  convert(text: string): PathParamValue;
}

const CONVERTORS: Record<string, Convertor> = {
  str: { name: 'str', regex: '[^/]+', convert: (t) => t },
  path: { name: 'path', regex: '.*', convert: (t) => t },
  int: { name: 'int', regex: '[0-9]+', convert: (t) => Number.parseInt(t, 10) },
  float: { name: 'float', regex: '[0-9]+(?:\\.[0-9]+)?', convert: (t) => Number.parseFloat(t) },
  uuid: { name: 'uuid', regex: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', convert: (t) => t },
};

const PARAM = /\{([a-zA-Z_][a-zA-Z0-9_]*)(?::([a-zA-Z_][a-zA-Z0-9_]*))?\}/g;

type Token = { literal: string } | { name: string; convertor: Convertor };

export interface RoutePattern {
  readonly route: string;
  /** The route as one anchored regex; it defines what matches and what is captured. */
  readonly regex: RegExp;
  readonly params: ReadonlyArray<{ name: string; convertor: Convertor }>;
  /** Text before the first placeholder: a cheap pre-filter for route tables. */
  readonly literalPrefix: string;
  /** Literal texts and placeholders in order, for the linear-time matcher. */
  readonly tokens: readonly Token[];
  /** Whether the regex matches in linear time (every placeholder can end in one place only). */
  readonly linear: boolean;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiles a route; refuses a route not starting with `/`, an unknown convertor or a repeated name. */
export function parseRoute(route: string, field = 'route'): RoutePattern {
  if (!route.startsWith('/')) throw new ValidationError(`${field}: must start with "/", got ${JSON.stringify(route)}`);
  const params: Array<{ name: string; convertor: Convertor }> = [];
  const tokens: Token[] = [];
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
    const literal = route.slice(last, match.index);
    if (literal !== '') tokens.push({ literal });
    tokens.push({ name: name!, convertor });
    source += escapeRegex(literal) + `(${convertor.regex})`;
    params.push({ name: name!, convertor });
    last = match.index + text.length;
  }
  const tail = route.slice(last);
  if (tail !== '') tokens.push({ literal: tail });
  source += escapeRegex(tail) + '$';
  const firstBrace = route.search(PARAM);
  return {
    route,
    regex: new RegExp(source),
    params,
    literalPrefix: firstBrace < 0 ? route : route.slice(0, firstBrace),
    tokens,
    linear: isLinear(tokens),
  };
}

/** The typed parameters when `path` matches the whole pattern, else undefined. */
export function matchRoute(pattern: RoutePattern, path: string): PathParams | undefined {
  if (!path.startsWith(pattern.literalPrefix)) return undefined;
  if (!pattern.linear) return matchTokens(pattern.tokens, path);
  const match = pattern.regex.exec(path);
  if (!match) return undefined;
  const params: PathParams = {};
  pattern.params.forEach((param, i) => setParam(params, param.name, param.convertor.convert(match[i + 1]!)));
  return params;
}

function setParam(params: PathParams, name: string, value: PathParamValue): void {
  // `params.__proto__ = value` would not create a key: a route may name a parameter so.
  if (name === '__proto__') Object.defineProperty(params, name, { value, enumerable: true, writable: true, configurable: true });
  else params[name] = value;
}

/** Whether a placeholder of `convertor` can contain the character `code`. */
function canContain(convertor: Convertor, code: number): boolean {
  switch (convertor.name) {
    case 'str':
      return code !== SLASH;
    case 'path':
      return !isLineTerminator(code);
    case 'int':
      return isDigit(code);
    case 'float':
      return isDigit(code) || code === DOT;
    case 'uuid':
      return false;
  }
}

/**
 * Every placeholder can end in one place only when it is last, has a fixed length (uuid), or is
 * followed by literal text whose first character it cannot contain; a `path` placeholder only
 * when it is last (its `.*` can end before any occurrence of the literal that follows).
 */
function isLinear(tokens: readonly Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if ('literal' in token) continue;
    const next = tokens[i + 1];
    if (next === undefined) continue;
    if (token.convertor.name === 'uuid') continue;
    if (token.convertor.name === 'path') return false;
    if (!('literal' in next) || canContain(token.convertor, next.literal.charCodeAt(0))) return false;
  }
  return true;
}

const SLASH = 0x2f;
const DOT = 0x2e;

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** What `.` does not match in a regex without the `s` flag. */
function isLineTerminator(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

function isHex(code: number): boolean {
  return isDigit(code) || (code >= 0x61 && code <= 0x66);
}

/**
 * For each position, where the run of characters of one class starting there ends, computed once
 * per path and class (lazily): placeholders' possible ends are then found in O(1).
 */
class Runs {
  private readonly cache = new Map<(code: number) => boolean, Uint32Array>();

  constructor(private readonly path: string) {}

  /** End (exclusive) of the run from `from` of characters satisfying `inClass`. */
  end(from: number, inClass: (code: number) => boolean): number {
    let ends = this.cache.get(inClass);
    if (!ends) {
      const n = this.path.length;
      ends = new Uint32Array(n + 1);
      ends[n] = n;
      for (let p = n - 1; p >= 0; p--) ends[p] = inClass(this.path.charCodeAt(p)) ? ends[p + 1]! : p;
      this.cache.set(inClass, ends);
    }
    return ends[from]!;
  }
}

const notSlash = (code: number): boolean => code !== SLASH;
const notLineTerminator = (code: number): boolean => !isLineTerminator(code);

const UUID_GROUPS = [8, 4, 4, 4, 12];

function uuidAt(path: string, from: number): boolean {
  let pos = from;
  for (let g = 0; g < UUID_GROUPS.length; g++) {
    if (g > 0) {
      if (path.charCodeAt(pos) !== 0x2d) return false;
      pos++;
    }
    for (let k = 0; k < UUID_GROUPS[g]!; k++, pos++) if (pos >= path.length || !isHex(path.charCodeAt(pos))) return false;
  }
  return true;
}

/**
 * The ends a placeholder starting at `from` can take, as ranges [low, high] of end positions;
 * the regex tries them from the highest down (greedy), and so does the matcher.
 */
function endRanges(convertor: Convertor, path: string, runs: Runs, from: number): Array<[number, number]> {
  switch (convertor.name) {
    case 'str': {
      const end = runs.end(from, notSlash);
      return end > from ? [[from + 1, end]] : [];
    }
    case 'path':
      return [[from, runs.end(from, notLineTerminator)]];
    case 'int': {
      const end = runs.end(from, isDigit);
      return end > from ? [[from + 1, end]] : [];
    }
    case 'float': {
      const whole = runs.end(from, isDigit);
      if (whole === from) return [];
      const ranges: Array<[number, number]> = [[from + 1, whole]];
      if (path.charCodeAt(whole) === DOT) {
        const fraction = runs.end(whole + 1, isDigit);
        if (fraction > whole + 1) ranges.push([whole + 2, fraction]);
      }
      return ranges;
    }
    case 'uuid':
      return uuidAt(path, from) ? [[from + 36, from + 36]] : [];
  }
}

/**
 * Matches by dynamic programming: `rest[i][p]` says whether tokens i.. match path[p..]. Each row
 * is built from the next with prefix sums, so a placeholder's whole range of ends is checked at
 * once: O(tokens × length). Captures are then read off greedily, as the regex would take them.
 */
function matchTokens(tokens: readonly Token[], path: string): PathParams | undefined {
  const n = path.length;
  const runs = new Runs(path);
  const rows: Uint8Array[] = new Array<Uint8Array>(tokens.length + 1);
  let next = new Uint8Array(n + 1);
  next[n] = 1;
  rows[tokens.length] = next;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i]!;
    const row = new Uint8Array(n + 1);
    if ('literal' in token) {
      const length = token.literal.length;
      for (let p = 0; p + length <= n; p++) if (next[p + length] && path.startsWith(token.literal, p)) row[p] = 1;
    } else {
      // sums[e] = number of feasible ends before e, to test a whole range of ends in O(1).
      const sums = new Uint32Array(n + 2);
      for (let e = 0; e <= n; e++) sums[e + 1] = sums[e]! + next[e]!;
      for (let p = 0; p <= n; p++) {
        for (const [low, high] of endRanges(token.convertor, path, runs, p)) {
          if (sums[high + 1]! - sums[low]! > 0) {
            row[p] = 1;
            break;
          }
        }
      }
    }
    rows[i] = row;
    next = row;
  }
  if (!rows[0]![0]) return undefined;
  const params: PathParams = {};
  let position = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const after = rows[i + 1]!;
    if ('literal' in token) {
      position += token.literal.length;
      continue;
    }
    let end = -1;
    const ranges = endRanges(token.convertor, path, runs, position);
    for (let r = ranges.length - 1; r >= 0 && end < 0; r--) {
      const [low, high] = ranges[r]!;
      for (let e = high; e >= low; e--) {
        if (after[e]) {
          end = e;
          break;
        }
      }
    }
    setParam(params, token.name, token.convertor.convert(path.slice(position, end)));
    position = end;
  }
  return params;
}
