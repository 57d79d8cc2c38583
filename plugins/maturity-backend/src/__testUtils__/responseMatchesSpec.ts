import Ajv2020, { ErrorObject } from 'ajv/dist/2020';
import fs from 'node:fs';
import { resolve } from 'node:path';
import YAML from 'yaml';

// The spec as written, with the schemas that refer to themselves (the typed router's copy,
// openapi.generated.ts, opens them up).
const spec = YAML.parse(
  fs.readFileSync(resolve(__dirname, '../schema/openapi.yaml'), 'utf8'),
);

const SPEC_ID = 'maturity-openapi';
// The spec is JSON Schema 2020-12 where it describes bodies; its other keywords (paths, info)
// are not schema and are passed over. Formats are documentation here, as in the router.
const ajv = new Ajv2020({ strict: false, validateFormats: false });
ajv.addSchema(spec, SPEC_ID);

/** A JSON pointer segment: `/` and `~` escaped. */
const segment = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

const isEmpty = (body: unknown) =>
  typeof body === 'object' && body !== null && Object.keys(body).length === 0;

function describe(errors: ErrorObject[]): string {
  return errors
    .slice(0, 5)
    .map(e => `${e.instancePath || '(body)'} ${e.message}`)
    .join('; ');
}

/** Every operation of the spec, as `METHOD /path/{param}`. */
export function specOperations(): string[] {
  return Object.entries<object>(spec.paths).flatMap(([path, item]) =>
    Object.keys(item).map(method => `${method.toUpperCase()} ${path}`),
  );
}

/**
 * Why a response does not match what the spec says `operation` answers with its status, or
 * `undefined` when it does. A status the spec does not list is a mismatch too.
 */
export function responseMismatch(
  operation: string,
  status: number,
  body: unknown,
): string | undefined {
  const [method, path] = operation.split(' ');
  const item = (spec.paths as Record<string, Record<string, any>>)[path];
  const responses = item?.[method.toLowerCase()]?.responses;
  if (!responses) return `${operation} is not in the spec`;
  if (!responses[String(status)])
    return `${operation} answered ${status}, which the spec does not list`;
  const pointer = [
    'paths',
    path,
    method.toLowerCase(),
    'responses',
    String(status),
    'content',
    'application/json',
    'schema',
  ]
    .map(segment)
    .join('/');
  if (!responses[String(status)].content?.['application/json']) {
    return body === undefined || body === '' || isEmpty(body)
      ? undefined
      : `${operation} ${status} has a body the spec does not describe`;
  }
  const validate = ajv.getSchema(`${SPEC_ID}#/${pointer}`);
  if (!validate) return `no schema at ${pointer}`;
  if (validate(body)) return undefined;
  return `${operation} ${status}: ${describe(validate.errors ?? [])}`;
}
