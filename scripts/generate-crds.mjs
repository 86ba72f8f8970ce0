#!/usr/bin/env node
// Writes the ServeBackend and ServeEndpoint CRDs from the TypeBox spec schemas of @troupe/common,
// so the API server, `troupe deploy` and the SDK apply one set of rules. The same files go to
// deploy/crds/ and to the Helm chart's crds/, which therefore cannot drift apart.
//
//   node scripts/generate-crds.mjs          write the files
//   node scripts/generate-crds.mjs --check  exit 1 when a file differs from what would be written
//
// Needs the built @troupe/common (`npx tsc -b packages/common`).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT_DIRS = [join(ROOT, 'deploy', 'crds'), join(ROOT, 'helm', 'troupe', 'crds')];
const GROUP = 'serve.troupe.dev';
const VERSION = 'v1alpha1';

let common;
try {
  common = await import('@troupe/common');
} catch (error) {
  console.error(`cannot load @troupe/common (build it first: npx tsc -b packages/common): ${error.message}`);
  process.exit(2);
}
const { BackendSpecSchema, EndpointSpecSchema } = common;

// Keys a structural CRD schema may carry. Anything else in the source schema stops the script, so a
// new TypeBox option is noticed here instead of being silently dropped or rejected by the API server.
const KEPT_KEYS = new Set([
  'type', 'properties', 'required', 'items', 'description', 'title', 'format', 'enum', 'nullable',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties',
  'allOf', 'anyOf', 'oneOf', 'not',
  'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-validations', 'x-kubernetes-int-or-string',
  'x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-map-type', 'x-kubernetes-embedded-resource',
]);
// JSON Schema keys with no meaning for the API server; TypeBox's own markers are symbols and never
// show up in Object.entries.
const DROPPED_KEYS = new Set(['$id', '$schema', 'examples', 'default']);

/** Turns a JSON Schema from TypeBox into a structural OpenAPI v3 schema. */
function toStructural(schema, path) {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw new Error(`${path}: expected a schema object`);
  }
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED_KEYS.has(key)) continue;
    if (key === 'additionalProperties') {
      // `false` is what the API server's strict field validation enforces anyway, and structural
      // schemas refuse it beside `properties`; a schema value (a map's values) stays.
      if (value === false || value === true) continue;
      out.additionalProperties = toStructural(value, `${path}.additionalProperties`);
      continue;
    }
    if (key === 'patternProperties') {
      // Type.Record(String, X) comes out as patternProperties, which structural schemas forbid; a
      // catch-all pattern is exactly a map, i.e. additionalProperties.
      const entries = Object.entries(value);
      if (entries.length !== 1 || !['^(.*)$', '^.*$'].includes(entries[0][0])) {
        throw new Error(`${path}: only catch-all patternProperties can become a CRD map`);
      }
      out.additionalProperties = toStructural(entries[0][1], `${path}.patternProperties`);
      continue;
    }
    if (!KEPT_KEYS.has(key)) throw new Error(`${path}: schema key "${key}" has no CRD equivalent`);
    if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, toStructural(sub, `${path}.${name}`)]),
      );
    } else if (key === 'items') {
      out.items = toStructural(value, `${path}[]`);
    } else if (['allOf', 'anyOf', 'oneOf'].includes(key)) {
      out[key] = value.map((sub, i) => toStructural(sub, `${path}.${key}[${i}]`));
    } else if (key === 'not') {
      out.not = toStructural(value, `${path}.not`);
    } else {
      out[key] = structuredClone(value);
    }
  }
  return out;
}

function conditionsSchema() {
  return {
    type: 'array',
    description: 'Ready, Progressing and Degraded, each with a reason.',
    'x-kubernetes-list-type': 'map',
    'x-kubernetes-list-map-keys': ['type'],
    items: {
      type: 'object',
      required: ['type', 'status'],
      properties: {
        type: { type: 'string', enum: ['Ready', 'Progressing', 'Degraded'] },
        status: { type: 'string', enum: ['True', 'False', 'Unknown'] },
        reason: { type: 'string', description: 'CamelCase cause of the status, stable for automation.' },
        message: { type: 'string' },
        lastTransitionTime: { type: 'string', format: 'date-time' },
        observedGeneration: { type: 'integer', format: 'int64', minimum: 0 },
      },
    },
  };
}

const readyColumn = { name: 'Ready', type: 'string', jsonPath: '.status.conditions[?(@.type=="Ready")].status' };
const reasonColumn = { name: 'Reason', type: 'string', priority: 1, jsonPath: '.status.conditions[?(@.type=="Ready")].reason' };
const ageColumn = { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' };

const KINDS = [
  {
    kind: 'ServeBackend',
    plural: 'servebackends',
    singular: 'servebackend',
    shortNames: ['sb'],
    description: 'A Troupe backend (user code and its config); metadata.name is its tag on the head.',
    spec: BackendSpecSchema,
    status: {
      replicas: { type: 'integer', minimum: 0, description: 'Replicas asked of the head (config.numReplicas).' },
      readyReplicas: { type: 'integer', minimum: 0, description: 'Replicas the head reports running.' },
      replicaTags: { type: 'array', items: { type: 'string' } },
    },
    columns: [
      readyColumn,
      { name: 'Replicas', type: 'integer', jsonPath: '.status.replicas' },
      { name: 'Available', type: 'integer', jsonPath: '.status.readyReplicas' },
      { name: 'Import Path', type: 'string', priority: 1, jsonPath: '.spec.importPath' },
      reasonColumn,
      ageColumn,
    ],
  },
  {
    kind: 'ServeEndpoint',
    plural: 'serveendpoints',
    singular: 'serveendpoint',
    shortNames: ['se'],
    description: 'A Troupe endpoint (route, methods, traffic); metadata.name is its name on the head.',
    spec: EndpointSpecSchema,
    status: {
      route: { type: 'string', description: 'Route the head serves the endpoint on; empty: handle-only.' },
      readyReplicas: { type: 'integer', minimum: 0, description: 'Running replicas of the backends its traffic names.' },
      traffic: { type: 'object', additionalProperties: { type: 'number' }, description: 'Traffic as the head applies it.' },
    },
    columns: [
      readyColumn,
      { name: 'Route', type: 'string', jsonPath: '.spec.route' },
      { name: 'Replicas', type: 'integer', jsonPath: '.status.readyReplicas' },
      reasonColumn,
      ageColumn,
    ],
  },
];

function crdFor(def) {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      name: `${def.plural}.${GROUP}`,
      labels: { 'app.kubernetes.io/part-of': 'troupe' },
    },
    spec: {
      group: GROUP,
      scope: 'Namespaced',
      names: {
        kind: def.kind,
        listKind: `${def.kind}List`,
        plural: def.plural,
        singular: def.singular,
        shortNames: def.shortNames,
        categories: ['troupe'],
      },
      versions: [
        {
          name: VERSION,
          served: true,
          storage: true,
          subresources: { status: {} },
          additionalPrinterColumns: def.columns,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              description: def.description,
              required: ['spec'],
              properties: {
                apiVersion: { type: 'string' },
                kind: { type: 'string' },
                metadata: { type: 'object' },
                spec: toStructural(def.spec, 'spec'),
                status: {
                  type: 'object',
                  properties: {
                    observedGeneration: { type: 'integer', format: 'int64', minimum: 0 },
                    conditions: conditionsSchema(),
                    ...def.status,
                  },
                },
              },
            },
          },
        },
      ],
    },
  };
}

const HEADER = '# Generated by scripts/generate-crds.mjs from packages/common/src/app-spec.ts; do not edit.\n';

const files = KINDS.map((def) => ({
  name: `${GROUP}_${def.plural}.yaml`,
  text: HEADER + stringify(crdFor(def), { lineWidth: 0 }),
}));

const check = process.argv.includes('--check');
const drifted = [];
for (const dir of OUTPUT_DIRS) {
  for (const file of files) {
    const path = join(dir, file.name);
    if (check) {
      const current = await readFile(path, 'utf8').catch(() => undefined);
      if (current !== file.text) drifted.push(relative(ROOT, path));
    } else {
      await mkdir(dir, { recursive: true });
      await writeFile(path, file.text);
    }
  }
}
if (check && drifted.length > 0) {
  console.error(`CRDs out of date (run npm run crds): ${drifted.join(', ')}`);
  process.exit(1);
}
console.log(check ? 'CRDs up to date' : `wrote ${files.length * OUTPUT_DIRS.length} CRD files`);
