// The HTTP route table of a snapshot, with Starlette's matching rules: routes are tried in
// creation order and the first full match wins; a path match whose method is not allowed
// answers 405 only when no later route fully matches; when nothing matches, the path with its
// trailing slash toggled is tried and, if it would match, answers 307 to it.
//
// Proxies resolve every request through this table, so lookups must not scan every route: the
// routes are filed in a radix tree of their literal prefixes (the text before the first
// placeholder), and each node keeps the creation-ordered list of every route that can match a
// path reaching it.
import { ValidationError } from './errors.js';
import { matchRoute, parseRoute, type PathParams, type RoutePattern } from './route-pattern.js';

/** What a route table is built from: the snapshot's `EndpointSpec`s, in creation order. */
export interface RouteSource {
  name?: string | null;
  route?: string | null;
  methods?: readonly string[] | null;
}

export interface RouteEntry {
  readonly route: string;
  readonly endpoint: string;
  /** Upper-cased, as declared (HEAD is implied by GET, not listed). */
  readonly methods: readonly string[];
}

export type RouteResolution =
  | { kind: 'match'; endpoint: string; route: string; pathParams: PathParams }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'redirect'; location: string }
  | { kind: 'not-found' };

const DEFAULT_METHODS: readonly string[] = ['GET'];

interface CompiledEntry extends RouteEntry {
  readonly index: number;
  readonly pattern: RoutePattern;
  /** A route without placeholders matches by string equality, not by regex. */
  readonly literal: boolean;
  readonly allowed: ReadonlySet<string>;
  /** The value of the Allow header of a 405. */
  readonly allow: string[];
}

type Match = { entry: CompiledEntry; pathParams: PathParams };

export class RouteTable {
  private readonly compiled: CompiledEntry[];
  private readonly root: RadixNode;

  /**
   * Builds the table; skips handle-only endpoints (empty route). Throws ValidationError, naming
   * the endpoint, for an invalid route or a route claimed by two endpoints.
   */
  constructor(sources: Iterable<RouteSource> = []) {
    this.compiled = compileEntries(sources);
    this.root = buildTree(this.compiled);
  }

  static empty(): RouteTable {
    return new RouteTable();
  }

  get entries(): readonly RouteEntry[] {
    return this.compiled;
  }

  get size(): number {
    return this.compiled.length;
  }

  /** `{ "<route>": ["<endpoint>", ["GET", ...]] }`, the body of a proxy's `/-/routes`. */
  toRouteMap(): Record<string, [string, string[]]> {
    const map: Record<string, [string, string[]]> = {};
    for (const entry of this.compiled) map[entry.route] = [entry.endpoint, [...entry.methods]];
    return map;
  }

  /** Resolves a percent-decoded path (without query string). */
  resolve(method: string, path: string): RouteResolution {
    let partial: CompiledEntry | undefined;
    for (const entry of this.candidates(path)) {
      const pathParams = matchEntry(entry, path);
      if (pathParams === undefined) continue;
      if (entry.allowed.has(method)) {
        return { kind: 'match', endpoint: entry.endpoint, route: entry.route, pathParams };
      }
      partial ??= entry;
    }
    if (partial !== undefined) return { kind: 'method-not-allowed', allow: partial.allow };
    if (path !== '/' && path.length > 0) {
      const toggled = path.endsWith('/') ? path.slice(0, -1) : `${path}/`;
      if (this.firstPathMatch(toggled) !== undefined) return { kind: 'redirect', location: toggled };
    }
    return { kind: 'not-found' };
  }

  /** The first route whose pattern matches `path`, whatever the method. */
  private firstPathMatch(path: string): Match | undefined {
    for (const entry of this.candidates(path)) {
      const pathParams = matchEntry(entry, path);
      if (pathParams !== undefined) return { entry, pathParams };
    }
    return undefined;
  }

  /**
   * Follows the path down the tree of literal prefixes: a route can only match a path that
   * starts with its literal prefix, so the deepest node reached lists every candidate.
   */
  private candidates(path: string): CompiledEntry[] {
    let node = this.root;
    let pos = 0;
    while (pos < path.length) {
      const edge = node.edges.get(path.charCodeAt(pos));
      if (edge === undefined || !path.startsWith(edge.label, pos)) break;
      node = edge.node;
      pos += edge.label.length;
    }
    return node.candidates;
  }
}

function matchEntry(entry: CompiledEntry, path: string): PathParams | undefined {
  if (entry.literal) return path === entry.route ? {} : undefined;
  return matchRoute(entry.pattern, path);
}

function compileEntries(sources: Iterable<RouteSource>): CompiledEntry[] {
  const entries: CompiledEntry[] = [];
  const owners = new Map<string, string>();
  for (const source of sources) {
    const route = source.route ?? '';
    if (route === '') continue;
    const endpoint = source.name ?? '';
    const field = `endpoint ${JSON.stringify(endpoint)}: route`;
    const owner = owners.get(route);
    if (owner !== undefined) {
      throw new ValidationError(`${field}: ${JSON.stringify(route)} is already the route of endpoint ${JSON.stringify(owner)}`);
    }
    owners.set(route, endpoint);
    entries.push(compileEntry(entries.length, endpoint, route, source.methods, field));
  }
  return entries;
}

function compileEntry(
  index: number,
  endpoint: string,
  route: string,
  declared: readonly string[] | null | undefined,
  field: string,
): CompiledEntry {
  const pattern = parseRoute(route, field);
  const methods = uniqueUpper(declared && declared.length > 0 ? declared : DEFAULT_METHODS);
  const allow = [...methods];
  if (methods.includes('GET') && !methods.includes('HEAD')) allow.splice(allow.indexOf('GET') + 1, 0, 'HEAD');
  return {
    index,
    route,
    endpoint,
    methods,
    pattern,
    literal: pattern.params.length === 0,
    allowed: new Set(allow),
    allow,
  };
}

function uniqueUpper(methods: readonly string[]): string[] {
  return [...new Set(methods.map((m) => m.toUpperCase()))];
}

interface RadixEdge {
  label: string;
  node: RadixNode;
}

interface RadixNode {
  /** Keyed by the first character code of the edge's label. */
  readonly edges: Map<number, RadixEdge>;
  readonly own: CompiledEntry[];
  /** Every route whose literal prefix ends here or above, in creation order. */
  candidates: CompiledEntry[];
}

function newNode(): RadixNode {
  return { edges: new Map(), own: [], candidates: [] };
}

/** A radix tree of the routes' literal prefixes (for a route without placeholders: all of it). */
function buildTree(entries: CompiledEntry[]): RadixNode {
  const root = newNode();
  for (const entry of entries) insert(root, entry.pattern.literalPrefix).own.push(entry);
  fillCandidates(root, []);
  return root;
}

function insert(root: RadixNode, key: string): RadixNode {
  let node = root;
  let pos = 0;
  while (pos < key.length) {
    const edge = node.edges.get(key.charCodeAt(pos));
    if (edge === undefined) {
      const leaf = newNode();
      node.edges.set(key.charCodeAt(pos), { label: key.slice(pos), node: leaf });
      return leaf;
    }
    const common = commonPrefixLength(edge.label, key, pos);
    if (common < edge.label.length) {
      const middle = newNode();
      middle.edges.set(edge.label.charCodeAt(common), { label: edge.label.slice(common), node: edge.node });
      edge.label = edge.label.slice(0, common);
      edge.node = middle;
    }
    node = edge.node;
    pos += common;
  }
  return node;
}

function commonPrefixLength(label: string, key: string, pos: number): number {
  let i = 0;
  while (i < label.length && pos + i < key.length && label.charCodeAt(i) === key.charCodeAt(pos + i)) i++;
  return i;
}

/** Each node's candidates: its ancestors' and its own routes, merged in creation order. */
function fillCandidates(node: RadixNode, inherited: CompiledEntry[]): void {
  // Nodes without routes of their own share their parent's list instead of copying it.
  node.candidates = node.own.length === 0 ? inherited : mergeByIndex(inherited, node.own);
  for (const edge of node.edges.values()) fillCandidates(edge.node, node.candidates);
}

function mergeByIndex(a: CompiledEntry[], b: CompiledEntry[]): CompiledEntry[] {
  const merged: CompiledEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.index < b[j]!.index)) merged.push(a[i++]!);
    else merged.push(b[j++]!);
  }
  return merged;
}
