// The specs of backends and endpoints as users write them: in an app file (YAML) and as the
// `spec` of the ServeBackend / ServeEndpoint custom resources. The CRD schemas are generated from
// these, so the API server and `troupe deploy` apply the same rules.
import { Type, type Static } from '@sinclair/typebox';
import { BackendConfigSchema } from './backend-config.js';
import { validateSchema } from './schema-validator.js';
import { ValidationError } from './errors.js';
import { checkImportPath } from './import-path.js';

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;

const Name = Type.String({ minLength: 1, maxLength: 253, pattern: '^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$' });
const Weights = Type.Record(Type.String(), Type.Number({ minimum: 0, maximum: 1 }));

export const BackendSpecSchema = Type.Object(
  {
    importPath: Type.String({ minLength: 1, description: '<module specifier>#<export name>' }),
    initArgs: Type.Optional(
      Type.Array(Type.Unknown({ 'x-kubernetes-preserve-unknown-fields': true }), {
        description: 'Arguments of the class constructor.',
      }),
    ),
    config: Type.Optional(BackendConfigSchema),
    exposedMethods: Type.Optional(
      Type.Array(Type.String({ minLength: 1, pattern: '^[A-Za-z_$][A-Za-z0-9_$]*$' }), {
        description:
          "Methods of a class backend that HTTP's X-Serve-Call-Method may call, besides the class's static exposedMethods. @default [\"call\"]",
      }),
    ),
  },
  { additionalProperties: false },
);

export const EndpointSpecSchema = Type.Object(
  {
    route: Type.Optional(Type.String({ pattern: '^/', description: 'Starlette-style route; none: handle-only.' })),
    methods: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'HTTP methods. @default ["GET"]' })),
    backend: Type.Optional(Type.String({ minLength: 1, description: 'Shorthand for traffic: { <backend>: 1 }.' })),
    traffic: Type.Optional(Weights),
    shadow: Type.Optional(Weights),
  },
  {
    additionalProperties: false,
    'x-kubernetes-validations': [
      { rule: 'has(self.backend) || has(self.traffic)', message: 'one of backend or traffic is required' },
      { rule: '!(has(self.backend) && has(self.traffic))', message: 'backend and traffic are exclusive' },
    ],
  },
);

export type BackendSpecInput = Static<typeof BackendSpecSchema>;
export type EndpointSpecInput = Static<typeof EndpointSpecSchema>;

export const AppFileSchema = Type.Object(
  {
    backends: Type.Optional(Type.Array(Type.Composite([Type.Object({ name: Name }), BackendSpecSchema], { additionalProperties: false }))),
    endpoints: Type.Optional(Type.Array(Type.Composite([Type.Object({ name: Name }), Type.Omit(EndpointSpecSchema, [])], { additionalProperties: false }))),
  },
  { additionalProperties: false },
);

export interface AppBackend extends BackendSpecInput {
  name: string;
}
export interface AppEndpoint extends EndpointSpecInput {
  name: string;
}
export interface AppFile {
  backends: AppBackend[];
  endpoints: AppEndpoint[];
}

/** Validates a parsed app file; errors name the path, e.g. `backends[0].config.numReplicas`. */
export function validateAppFile(value: unknown): AppFile {
  const app = validateSchema(AppFileSchema, value ?? {}, '');
  const endpoints = (app.endpoints ?? []) as AppEndpoint[];
  endpoints.forEach((endpoint, i) => {
    checkEndpointTarget(endpoint, `endpoints[${i}]`);
    checkShadows(endpoint, `endpoints[${i}]`);
  });
  const backends = (app.backends ?? []) as AppBackend[];
  backends.forEach((backend, i) => checkImportPath(backend.importPath, `backends[${i}].importPath`));
  return { backends, endpoints };
}

/** A shadow of a backend the endpoint's traffic already goes to would run its requests twice. */
export function checkShadows(spec: EndpointSpecInput, path: string): void {
  const traffic = endpointTraffic(spec);
  for (const [backend, proportion] of Object.entries(spec.shadow ?? {})) {
    if (proportion > 0 && (traffic[backend] ?? 0) > 0) {
      throw new ValidationError(`${path}.shadow.${backend}: backend "${backend}" already takes this endpoint's traffic; a shadow of it would run requests twice`);
    }
  }
}

/** The cross-field rule of an endpoint spec (a CEL rule in the CRD). */
export function checkEndpointTarget(spec: EndpointSpecInput, path: string): void {
  if (spec.backend === undefined && spec.traffic === undefined) {
    throw new ValidationError(`${path}: one of backend or traffic is required`);
  }
  if (spec.backend !== undefined && spec.traffic !== undefined) {
    throw new ValidationError(`${path}: backend and traffic are exclusive`);
  }
}

/** Traffic of an endpoint spec, resolving the `backend` shorthand. */
export function endpointTraffic(spec: EndpointSpecInput): Record<string, number> {
  return spec.traffic ?? (spec.backend === undefined ? {} : { [spec.backend]: 1 });
}
