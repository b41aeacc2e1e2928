/**
 * `openapi.yaml` as the server's request validator (and the drift test's response checker): a
 * small JSON Schema subject covering what the document uses — `type` (one or a list),
 * `properties` / `required` / `additionalProperties`, `items`, `enum`, `const`, `oneOf`, local
 * `$ref`s. No dependency beyond the `yaml` parser.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  oneOf?: Schema[];
  /** Content rules (state codes, product types) the domain checks with its own reasons. */
  'x-pep-domain-validated'?: boolean;
  [key: string]: unknown;
};

export interface OpenApiOperation {
  operationId: string;
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, unknown>;
  [key: string]: unknown;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, Schema>;
    responses: Record<string, unknown>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export const OPENAPI_PATH = fileURLToPath(new URL('../../openapi.yaml', import.meta.url));

let cached: OpenApiDocument | null = null;

/** The parsed `openapi.yaml` at the repository root (read once). */
export function loadOpenApi(): OpenApiDocument {
  cached ??= parse(readFileSync(OPENAPI_PATH, 'utf8')) as OpenApiDocument;
  return cached;
}

/** Follow a local `#/…` reference. */
export function resolveRef(doc: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`only local references are supported: ${ref}`);
  let node: unknown = doc;
  for (const part of ref.slice(2).split('/')) {
    node = (node as Record<string, unknown> | undefined)?.[
      part.replace(/~1/g, '/').replace(/~0/g, '~')
    ];
  }
  if (node === undefined) throw new Error(`unresolved reference ${ref}`);
  return node;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(expected: string | string[], value: unknown): boolean {
  const actual = typeOf(value);
  const list = Array.isArray(expected) ? expected : [expected];
  return list.some((t) => t === actual || (t === 'number' && actual === 'integer'));
}

export interface CheckOptions {
  /** Skip `enum` on schemas marked `x-pep-domain-validated` (the domain answers those). */
  lenientDomain?: boolean;
  /** Return a copy without properties the schema does not list (requests). */
  strip?: boolean;
}

/**
 * Check `value` against `schema`. Returns the problems as JSON paths (empty when valid) and,
 * with `strip`, the value with unlisted properties removed.
 */
export function checkSchema(
  doc: OpenApiDocument,
  schema: Schema,
  value: unknown,
  options: CheckOptions = {},
  path = '$',
): { problems: string[]; value: unknown } {
  if (schema.$ref) {
    return checkSchema(doc, resolveRef(doc, schema.$ref) as Schema, value, options, path);
  }
  if (schema.oneOf) {
    const results = schema.oneOf.map((s) => checkSchema(doc, s, value, options, path));
    const passing = results.filter((r) => r.problems.length === 0);
    if (passing.length === 1) return passing[0]!;
    return {
      problems: [
        passing.length === 0
          ? `${path}: matches none of oneOf (${results.map((r) => r.problems[0]).join(' | ')})`
          : `${path}: matches ${passing.length} of oneOf`,
      ],
      value,
    };
  }
  const problems: string[] = [];
  if ('const' in schema && value !== schema.const) {
    return { problems: [`${path}: expected ${JSON.stringify(schema.const)}`], value };
  }
  if (schema.type && !typeMatches(schema.type, value)) {
    return { problems: [`${path}: expected ${String(schema.type)}, got ${typeOf(value)}`], value };
  }
  if (
    schema.enum &&
    !(options.lenientDomain && schema['x-pep-domain-validated']) &&
    !schema.enum.includes(value)
  ) {
    return { problems: [`${path}: not one of ${JSON.stringify(schema.enum)}`], value };
  }
  if (Array.isArray(value) && schema.items) {
    const out: unknown[] = [];
    value.forEach((item, i) => {
      const r = checkSchema(doc, schema.items!, item, options, `${path}[${i}]`);
      problems.push(...r.problems);
      out.push(r.value);
    });
    return { problems, value: out };
  }
  if (
    typeOf(value) === 'object' &&
    (schema.properties || schema.additionalProperties !== undefined)
  ) {
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const name of schema.required ?? []) {
      if (record[name] === undefined) problems.push(`${path}.${name}: required`);
    }
    for (const [name, item] of Object.entries(record)) {
      const declared = schema.properties?.[name];
      if (declared) {
        if (item === undefined) continue;
        const r = checkSchema(doc, declared, item, options, `${path}.${name}`);
        problems.push(...r.problems);
        out[name] = r.value;
      } else if (typeof schema.additionalProperties === 'object') {
        const r = checkSchema(doc, schema.additionalProperties, item, options, `${path}.${name}`);
        problems.push(...r.problems);
        out[name] = r.value;
      } else if (schema.additionalProperties === false && !options.strip) {
        problems.push(`${path}.${name}: not allowed`);
      } else if (!options.strip) {
        out[name] = item;
      }
    }
    return { problems, value: out };
  }
  return { problems, value };
}

/** The request body schema of an operation, or null when it takes none. */
export function requestSchema(doc: OpenApiDocument, operationId: string): Schema | null {
  for (const methods of Object.values(doc.paths)) {
    for (const op of Object.values(methods)) {
      if (op.operationId === operationId) {
        return op.requestBody?.content['application/json']?.schema ?? null;
      }
    }
  }
  throw new Error(`openapi.yaml has no operation ${operationId}`);
}
