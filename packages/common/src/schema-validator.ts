// Validation at the edge: JSON Schemas (from TypeBox) checked by ajv, with messages that name the
// exact field path, e.g. `config.numReplicas: must be >= 0`.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Static, TSchema } from '@sinclair/typebox';
import { ValidationError } from './errors.js';

const ajv = new Ajv({ allErrors: false, strict: true, useDefaults: false });
// Kubernetes schema extensions are carried in the shared schemas so the CRDs come from them too.
ajv.addKeyword('x-kubernetes-preserve-unknown-fields');
ajv.addKeyword('x-kubernetes-validations');
ajv.addKeyword('x-kubernetes-int-or-string');

const compiled = new WeakMap<TSchema, ValidateFunction>();

function compile(schema: TSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Turns `/backends/0/config/numReplicas` under `prefix` into `prefix.backends[0].config.numReplicas`. */
export function fieldPath(prefix: string, pointer: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let path = prefix;
  for (const part of parts) {
    if (/^\d+$/.test(part)) path += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) path += path ? `.${part}` : part;
    else path += `[${JSON.stringify(part)}]`;
  }
  return path || '(root)';
}

function describe(prefix: string, error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') {
    const extra = String((error.params as { additionalProperty: string }).additionalProperty);
    return `${fieldPath(prefix, `${error.instancePath}/${extra}`)}: unknown field`;
  }
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty: string }).missingProperty);
    return `${fieldPath(prefix, `${error.instancePath}/${missing}`)}: required field is missing`;
  }
  return `${fieldPath(prefix, error.instancePath)}: ${error.message ?? 'is invalid'}`;
}

/** Returns `value` typed by `schema`, or throws a ValidationError naming the first bad field. */
export function validateSchema<T extends TSchema>(schema: T, value: unknown, prefix = ''): Static<T> {
  const validate = compile(schema);
  if (validate(value)) return value as Static<T>;
  const first = validate.errors?.[0];
  throw new ValidationError(first ? describe(prefix, first) : `${prefix || 'value'}: is invalid`);
}
