// Hostile routes and paths against the route parser and the route table: nothing throws but
// ValidationError, matching agrees with the route's regex (Starlette's semantics), and no path
// costs more than linear time, whatever the route.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { matchRoute, parseRoute, RouteTable, ValidationError, type PathParams, type RoutePattern, type RouteResolution, type RouteSource } from '@troupe/common';

const ROUTE_PIECES = [
  '/', '/', '/', 'api', 'x', '.', '-', '_', '~', '{', '}', ':', '{}', '{:int}', '{a}', '{b:int}', '{c:path}', '{d:float}', '{e:uuid}',
  '{f:str}', '{a:int}', '{g:bogus}', '{__proto__}', '{constructor:int}', '{x:constructor}', '{x:__proto__}', '{toString}', '{1a}',
  '{h:}', '{{i}}', '*', '+', '?', '(', ')', '[', ']', '\\', '$', '^', '|', '%', '%2F', 'é', '\n', '😀', ' ', 'raw', '.json',
];

const route = fc.oneof(
  { weight: 8, arbitrary: fc.array(fc.constantFrom(...ROUTE_PIECES), { maxLength: 12 }).map((pieces) => `/${pieces.join('')}`) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...ROUTE_PIECES), { maxLength: 12 }).map((pieces) => pieces.join('')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }).map((s) => `/${s}`) },
);

const PATH_PIECES = [
  '/', '/', 'a', 'b', 'x', '1', '12', '3.5', '.', '-', '123e4567-e89b-12d3-a456-426614174000', '123E4567-E89B-12D3-A456-426614174000',
  'api', 'raw', '.json', '\n', '\r', '\u2028', 'é', '😀', '\ud800', '%', ' ', '{a}', '__proto__',
];

const path = fc.oneof(
  { weight: 8, arbitrary: fc.array(fc.constantFrom(...PATH_PIECES), { maxLength: 14 }).map((pieces) => `/${pieces.join('')}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
);

/** Parses or refuses; anything else than a ValidationError is a bug. */
function tryParse(text: string): RoutePattern | undefined {
  try {
    return parseRoute(text);
  } catch (error) {
    assert.ok(error instanceof ValidationError, `parseRoute(${JSON.stringify(text)}) threw ${String(error)}`);
    return undefined;
  }
}

/** What the route's regex says: the reference the matcher must agree with. */
function regexMatch(pattern: RoutePattern, text: string): PathParams | undefined {
  const match = pattern.regex.exec(text);
  if (!match) return undefined;
  const params: PathParams = {};
  pattern.params.forEach((param, i) => {
    Object.defineProperty(params, param.name, { value: param.convertor.convert(match[i + 1]!), enumerable: true, writable: true, configurable: true });
  });
  return params;
}

/** Starlette's resolution done the slow, obvious way: every route in order. */
function referenceResolve(sources: RouteSource[], method: string, text: string): RouteResolution {
  const entries = sources
    .filter((s) => (s.route ?? '') !== '')
    .map((s) => {
      const methods = [...new Set((s.methods && s.methods.length > 0 ? s.methods : ['GET']).map((m) => m.toUpperCase()))];
      const allow = [...methods];
      if (methods.includes('GET') && !methods.includes('HEAD')) allow.splice(allow.indexOf('GET') + 1, 0, 'HEAD');
      return { endpoint: s.name ?? '', route: s.route!, pattern: parseRoute(s.route!), allow };
    });
  let partial: (typeof entries)[number] | undefined;
  for (const entry of entries) {
    const pathParams = regexMatch(entry.pattern, text);
    if (pathParams === undefined) continue;
    if (entry.allow.includes(method)) return { kind: 'match', endpoint: entry.endpoint, route: entry.route, pathParams };
    partial ??= entry;
  }
  if (partial) return { kind: 'method-not-allowed', allow: partial.allow };
  if (text !== '/' && text.length > 0) {
    const toggled = text.endsWith('/') ? text.slice(0, -1) : `${text}/`;
    if (entries.some((e) => regexMatch(e.pattern, toggled) !== undefined)) return { kind: 'redirect', location: toggled };
  }
  return { kind: 'not-found' };
}

/** Inputs that make a backtracking regex try every split: long runs the route's pieces can eat. */
function adversarialPaths(pattern: RoutePattern): string[] {
  const prefix = pattern.literalPrefix;
  return ['a', 'a/', '1', '1.', '-', 'ab/'].map((unit) => `${prefix}${unit.repeat(Math.ceil(8_000 / unit.length))}\u0000`);
}

describe('fuzz: route parser and route table', function () {
  this.timeout(120_000);

  it('parseRoute accepts or refuses with ValidationError, and matching agrees with the regex', () => {
    fc.assert(
      fc.property(route, fc.array(path, { minLength: 1, maxLength: 8 }), (text, paths) => {
        const pattern = tryParse(text);
        if (!pattern) return;
        assert.ok(text.startsWith('/'));
        for (const candidate of [...paths, text, text.replace(/\{[^}]*\}/g, '1')]) {
          let actual: PathParams | undefined;
          try {
            actual = matchRoute(pattern, candidate);
          } catch (error) {
            assert.fail(`matchRoute(${JSON.stringify(text)}, ${JSON.stringify(candidate)}) threw ${String(error)}`);
          }
          assert.deepEqual(actual, regexMatch(pattern, candidate), `${JSON.stringify(text)} on ${JSON.stringify(candidate)}`);
        }
      }),
      { numRuns: 3_000 },
    );
  });

  it('no path costs more than linear time, whatever the route', () => {
    const routes = fc.array(fc.constantFrom('{a}', '{b:int}', '{c:path}', '{d:float}', '{e:str}', '/', 'x', '.', '1'), { minLength: 1, maxLength: 10 });
    let worst = 0;
    fc.assert(
      fc.property(routes, (pieces) => {
        // Placeholder names must differ: number them.
        let k = 0;
        const text = `/${pieces.map((p) => p.replace(/^\{[a-e]/, () => `{p${k++}`)).join('')}`;
        const pattern = parseRoute(text);
        for (const candidate of adversarialPaths(pattern)) {
          const started = performance.now();
          matchRoute(pattern, candidate);
          const elapsed = performance.now() - started;
          worst = Math.max(worst, elapsed);
          // Linear matching of 8 KB takes a few ms; backtracking would take seconds to hours.
          assert.ok(elapsed < 250, `${text} on a ${candidate.length}-character path took ${elapsed.toFixed(0)} ms`);
        }
      }),
      { numRuns: 300 },
    );
    process.stdout.write(`      worst match of an 8 KB adversarial path: ${worst.toFixed(1)} ms\n`);
  });

  it('RouteTable builds or refuses with ValidationError, and resolves exactly like a linear scan', () => {
    const source = fc.record({
      name: fc.oneof(fc.constantFrom('a', 'b', 'c', '__proto__', ''), fc.string({ maxLength: 6 })),
      route: fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 6, arbitrary: route }),
      methods: fc.oneof(
        fc.constant(undefined),
        fc.array(fc.constantFrom('GET', 'get', 'POST', 'HEAD', 'put', 'DELETE', '', 'X-CUSTOM'), { maxLength: 3 }),
      ),
    });
    const method = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'get', 'X-CUSTOM', '');
    fc.assert(
      fc.property(fc.array(source, { maxLength: 8 }), fc.array(fc.tuple(method, path), { minLength: 1, maxLength: 10 }), (sources, requests) => {
        let table: RouteTable;
        try {
          table = new RouteTable(sources);
        } catch (error) {
          assert.ok(error instanceof ValidationError, `RouteTable threw ${String(error)}`);
          return;
        }
        // Probe with the routes themselves (placeholders filled) as well as random paths.
        const probes = [...requests];
        for (const s of sources) if (s.route) probes.push(['GET', s.route.replace(/\{[^}]*\}/g, '7')], ['GET', `${s.route}/`]);
        for (const [m, p] of probes) {
          let resolution: RouteResolution;
          try {
            resolution = table.resolve(m, p);
          } catch (error) {
            assert.fail(`resolve(${JSON.stringify(m)}, ${JSON.stringify(p)}) threw ${String(error)}`);
          }
          assert.deepEqual(resolution, referenceResolve(sources, m, p), `${m} ${JSON.stringify(p)} on ${JSON.stringify(sources)}`);
        }
        assert.equal(typeof JSON.stringify(table.toRouteMap()), 'string');
      }),
      { numRuns: 2_000 },
    );
  });
});
