// App files: YAML with `backends` and `endpoints`, each entry the spec of the matching custom
// resource plus its name. Validated as a whole before anything is changed.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseRoute, validateAppFile, ValidationError, type AppFile } from '@troupe/common';

export function readAppFile(path: string): AppFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ValidationError(`${path}: cannot read: ${(error as Error).message}`);
  }
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new ValidationError(`${path}: not valid YAML: ${(error as Error).message}`);
  }
  const app = validateAppFile(document);
  app.endpoints.forEach((endpoint, i) => {
    if (endpoint.route !== undefined) parseRoute(endpoint.route, `endpoints[${i}].route`);
  });
  return app;
}
